import GraphCore

/// Local clustering coefficient of every node: the fraction of pairs of its neighbours that are
/// themselves adjacent.
///
/// `c(v) = 2 T(v) / (deg(v) (deg(v) − 1))`, where `T(v)` is the number of triangles through *v*;
/// `c(v) = 0` when `deg(v) < 2`. Weights are ignored (networkx `clustering(G)`, igraph
/// `transitivity_local_undirected(mode="zero")`, NetworKit `LocalClusteringCoefficient`). Two
/// graph-level summaries come with it: ``averageClustering(of:)``, the mean of `c(v)` over all
/// nodes, zeros included (networkx `average_clustering(G)`), and ``globalClustering(of:)``, the
/// transitivity `3 × triangles / connected triples = Σ 2T(v) / Σ deg(v)(deg(v) − 1)` (networkx
/// `transitivity(G)`).
///
/// Triangles are counted once each on the degree-ordered orientation (every edge points from
/// the endpoint of lower (degree, id) to the higher one; a triangle is found at its lowest node by
/// marking that node's out-neighbours), in parallel over fixed node chunks; counts are integers,
/// so every ``threads`` setting gives identical results.
///
///     // 0 — 1 — 2 — 0 (a triangle) with a pendant 3 hanging off 2
///     let g = Graph(nodeCount: 4, unweightedEdges: [(0, 1), (1, 2), (0, 2), (2, 3)])
///     try ClusteringCoefficient().scores(for: g).values      // [1, 1, 0.333…, 0]
///     try ClusteringCoefficient().globalClustering(of: g)    // 0.6 (3 × 1 triangle / 5 triples)
///
/// - Complexity: O(*m* · √*m*) time (each node's out-degree in the orientation is at most √(2*m*));
///   O(*n* + *m*) additional space plus O(*n*) per worker. *n* nodes, *m* edges.
///
/// ## References
/// - D. J. Watts, S. H. Strogatz. "Collective dynamics of 'small-world' networks." *Nature*
///   393:440–442, 1998. doi:[10.1038/30918](https://doi.org/10.1038/30918)
/// - T. Schank, D. Wagner. "Finding, Counting and Listing all Triangles in Large Graphs, an
///   Experimental Study." *WEA 2005*, LNCS 3503:606–609.
///   doi:[10.1007/11427186_54](https://doi.org/10.1007/11427186_54)
/// - M. E. J. Newman. "The structure and function of complex networks." *SIAM Review*
///   45(2):167–256, 2003. doi:[10.1137/S003614450342480](https://doi.org/10.1137/S003614450342480)
public struct ClusteringCoefficient: CentralityMeasure, Hashable, Codable {
  /// Worker threads; 0 (the default) uses every online processor. The result does not depend on it.
  public var threads: Int = 0

  public init() {}

  /// - Returns: the local clustering coefficient of every node, in [0, 1].
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `threads < 0`.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    let triangles = try triangleCounts(of: graph)
    var values = [Double](repeating: 0, count: graph.nodeCount)
    for v in 0 ..< graph.nodeCount {
      let d = graph.degree(of: NodeID(v))
      if d >= 2 { values[v] = Double(2 * triangles[v]) / Double(d * (d - 1)) }
    }
    return NodeScores(values: values)
  }

  /// The mean local clustering coefficient over all nodes, zeros included; 0 for an empty graph
  /// (networkx `average_clustering(G)` raises there instead).
  /// - Throws: as ``scores(for:)``.
  public func averageClustering(of graph: Graph) throws(GraphError) -> Double {
    let values = try scores(for: graph).values
    guard !values.isEmpty else { return 0 }
    var sum = 0.0
    for c in values { sum += c }
    return sum / Double(values.count)
  }

  /// Transitivity: 3 × the number of triangles / the number of connected triples; 0 without
  /// triangles (networkx `transitivity(G)`).
  /// - Throws: as ``scores(for:)``.
  public func globalClustering(of graph: Graph) throws(GraphError) -> Double {
    let triangles = try triangleCounts(of: graph)
    var closed = 0
    var triples = 0
    for v in 0 ..< graph.nodeCount {
      let d = graph.degree(of: NodeID(v))
      closed += 2 * triangles[v]
      triples += d * (d - 1)
    }
    return closed == 0 ? 0 : Double(closed) / Double(triples)
  }

  /// The number of triangles through every node (networkx `triangles(G)`).
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `threads < 0`.
  /// - Complexity: O(*m* · √*m*) time.
  public func triangleCounts(of graph: Graph) throws(GraphError) -> [Int] {
    try requireThreads(threads)
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // Orientation by (degree, id): out(v) = neighbours ranked above v.
    var outOffsets = [Int](repeating: 0, count: n + 1)
    var outTargets = [Int32](repeating: 0, count: graph.edgeCount)
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        @inline(__always) func above(_ u: Int, _ v: Int) -> Bool {
          let du = offsets[u + 1] - offsets[u]
          let dv = offsets[v + 1] - offsets[v]
          return du != dv ? du > dv : u > v
        }
        var k = 0
        for v in 0 ..< n {
          outOffsets[v] = k
          for a in offsets[v] ..< offsets[v + 1] where above(Int(targets[a]), v) {
            outTargets[k] = targets[a]
            k += 1
          }
        }
        outOffsets[n] = k
      }
    }
    let plan = ChunkPlan(count: n, maxSize: 4096)
    let scheduler = ChunkScheduler(plan: plan, total: n, progress: nil)
    let workers = max(1, min(resolvedThreads(threads), plan.chunkCount))
    // One count vector per worker; integer sums do not depend on how the nodes were shared out.
    let perWorker = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers * n)
    perWorker.initialize(repeating: 0)
    defer { perWorker.deallocate() }
    outOffsets.withUnsafeBufferPointer { outOffsets in
      outTargets.withUnsafeBufferPointer { outTargets in
        scheduler.run(threads: workers) { worker in
          let count = UnsafeMutableBufferPointer(rebasing: perWorker[worker * n ..< (worker + 1) * n])
          let mark = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
          mark.initialize(repeating: -1)
          defer { mark.deallocate() }
          while let c = scheduler.claim() {
            for v in plan.range(c) {
              let vs = outOffsets[v] ..< outOffsets[v + 1]
              if vs.count < 2 { continue }
              for a in vs { mark[Int(outTargets[a])] = Int32(v) }
              var atV = 0
              for a in vs {
                let u = Int(outTargets[a])
                var atU = 0
                for b in outOffsets[u] ..< outOffsets[u + 1] {
                  let w = Int(outTargets[b])
                  if mark[w] == Int32(v) {
                    atU += 1
                    count[w] += 1
                  }
                }
                count[u] += atU
                atV += atU
              }
              count[v] += atV
            }
          }
        }
      }
    }
    var triangles = [Int](repeating: 0, count: n)
    for w in 0 ..< workers {
      for v in 0 ..< n { triangles[v] += perWorker[w * n + v] }
    }
    return triangles
  }
}
