import GraphCore

/// Per-source distance sums for closeness and harmonic centrality, computed in parallel.
///
/// For every node *u*: the number of nodes it reaches (itself included), `Σ_v d(u, v)` and
/// `Σ_{v ≠ u} 1 / d(u, v)` over the reached nodes. Without weights, batches of 64 consecutive
/// sources run as one bit-parallel breadth-first search (``BitParallelBreadthFirst``); distance
/// sums are then exact integers and the harmonic sum adds `count_d / d` level by level. With
/// weights, each source runs Dijkstra (``ShortestPathSearch``) and sums in settle order. Each
/// source's sums are computed by one worker alone, so the result does not depend on `threads`.
struct PathSums {
  var reached: [Int]
  var distanceSum: [Double]
  var harmonicSum: [Double]

  init(graph: Graph, weighted: Bool, threads: Int, progress: ProgressReporter?) throws(GraphError) {
    let n = graph.nodeCount
    reached = [Int](repeating: 1, count: n)
    distanceSum = [Double](repeating: 0, count: n)
    harmonicSum = [Double](repeating: 0, count: n)
    guard n > 0 else { return }
    let plan = weighted ? ChunkPlan(count: n, maxSize: 64) : ChunkPlan(count: n, size: 64)
    let scheduler = ChunkScheduler(plan: plan, total: n, progress: progress)
    reached.withUnsafeMutableBufferPointer { reached in
      distanceSum.withUnsafeMutableBufferPointer { distanceSum in
        harmonicSum.withUnsafeMutableBufferPointer { harmonicSum in
          // Workers write disjoint entries (their own sources) of these three buffers.
          let out = (reached, distanceSum, harmonicSum)
          withCSRView(of: graph, weighted: weighted) { csr in
            scheduler.run(threads: resolvedThreads(threads)) { _ in
              let (reached, distanceSum, harmonicSum) = out
              if weighted {
                var search = ShortestPathSearch(csr: csr, countsPaths: false)
                while let c = scheduler.claim() {
                  for u in plan.range(c) {
                    if scheduler.isCancelled { return }
                    search.run(from: u)
                    let count = search.reachedCount
                    var total = 0.0
                    var harmonic = 0.0
                    for i in 0 ..< count { total += search.distance[Int(search.order[i])] }
                    for i in 1 ..< max(1, count) { harmonic += 1 / search.distance[Int(search.order[i])] }
                    reached[u] = count
                    distanceSum[u] = total
                    harmonicSum[u] = harmonic
                  }
                  scheduler.finished(plan.range(c).count)
                }
              } else {
                var kernel = BitParallelBreadthFirst(nodeCount: n)
                let integerSums = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
                defer { integerSums.deallocate() }
                while let c = scheduler.claim() {
                  let batch = plan.range(c)
                  let base = batch.lowerBound
                  for b in 0 ..< batch.count {
                    integerSums[b] = 0
                    harmonicSum[base + b] = 0
                  }
                  kernel.run(sources: batch, csr: csr) { b, d, count in
                    reached[base + b] += count
                    integerSums[b] += d * count
                    harmonicSum[base + b] += Double(count) / Double(d)
                  }
                  for b in 0 ..< batch.count { distanceSum[base + b] = Double(integerSums[b]) }
                  if scheduler.isCancelled { return }
                  scheduler.finished(batch.count)
                }
              }
            }
          }
        }
      }
    }
    try scheduler.checkCancelled()
  }
}
