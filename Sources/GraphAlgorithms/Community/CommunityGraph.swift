import GraphCore

/// The weighted graph one level of Louvain or Leiden works on: CSR arcs without self-loops, and
/// per node the weight `x_v` the quality function charges for (strength for modularity, the
/// number of original nodes for CPM) and the weight of the edges inside it (`selfLoop`, the
/// internal weight of the community the node stands for).
///
/// Both algorithms maximise, for a move of node *v* into community *C*, the gain in edge-weight
/// units `k_{v,C} − r · x_v · X_C`, where `k_{v,C}` is the weight from *v* into *C*, `X_C` the
/// total `x` of *C* without *v*, and `r` the scaled resolution: `γ / 2m` for modularity (so the
/// gain is *m* × ΔQ), `γ` for CPM.
///
/// Nothing here allocates per node or per arc: scratch arrays are dense and reset through a
/// list of touched entries; aggregation is a counting sort of nodes by community.
struct CommunityGraph {
  var nodeCount: Int
  var offsets: ContiguousArray<Int>
  var targets: ContiguousArray<Int32>
  var weights: ContiguousArray<Double>
  /// `x_v`: strength (modularity) or size (CPM).
  var nodeWeight: ContiguousArray<Double>
  /// Total weight of the original edges inside node *v*.
  var selfLoop: ContiguousArray<Double>

  /// The input graph, with `x_v` = strength when `sizes` is false, 1 when it is true.
  init(_ graph: Graph, nodeWeightIsSize sizes: Bool) {
    nodeCount = graph.nodeCount
    offsets = graph.adjacencyOffsets
    targets = graph.adjacencyTargets
    weights = graph.adjacencyWeights
    selfLoop = ContiguousArray(repeating: 0, count: graph.nodeCount)
    if sizes {
      nodeWeight = ContiguousArray(repeating: 1, count: graph.nodeCount)
    } else {
      nodeWeight = ContiguousArray(repeating: 0, count: graph.nodeCount)
      for v in 0 ..< nodeCount { nodeWeight[v] = graph.strength(of: NodeID(v)) }
    }
  }

  init(
    nodeCount: Int, offsets: ContiguousArray<Int>, targets: ContiguousArray<Int32>,
    weights: ContiguousArray<Double>, nodeWeight: ContiguousArray<Double>, selfLoop: ContiguousArray<Double>
  ) {
    self.nodeCount = nodeCount
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
    self.nodeWeight = nodeWeight
    self.selfLoop = selfLoop
  }

  /// Modularity of a community assignment of this level's nodes (equal to that of the induced
  /// partition of the original graph). Requires `nodeWeight` to be the strength.
  func modularity(of community: ContiguousArray<Int32>, resolution: Double, totalWeight m: Double) -> Double {
    var inside = [Double](repeating: 0, count: nodeCount)
    var total = [Double](repeating: 0, count: nodeCount)
    for u in 0 ..< nodeCount {
      let c = Int(community[u])
      total[c] += nodeWeight[u]
      var within = 0.0
      for a in offsets[u] ..< offsets[u + 1] where community[Int(targets[a])] == community[u] { within += weights[a] }
      inside[c] += selfLoop[u] + within / 2
    }
    return GraphAlgorithms.modularity(inside: inside, strength: total, totalWeight: m, resolution: resolution)
  }

  /// Local moving with a queue (Traag et al. 2019, "fast local move"): every node enters the
  /// queue once in a random order; a node is moved to the community with the largest gain, if
  /// strictly larger than staying; when it moves, its neighbours outside its new community that
  /// are not queued re-enter. Ends when the queue is empty, i.e. no node can improve.
  ///
  /// `community` holds labels in `0 ..< nodeCount` on entry and on exit (not necessarily dense).
  /// With `considerEmpty`, a node may also move to an empty community (Leiden).
  /// - Returns: whether any node moved.
  func moveNodesFast(
    community: inout ContiguousArray<Int32>, scaledResolution r: Double, considerEmpty: Bool,
    using rng: inout SplitMix64
  ) -> Bool {
    let n = nodeCount
    var total = ContiguousArray<Double>(repeating: 0, count: n)
    var size = ContiguousArray<Int32>(repeating: 0, count: n)
    for v in 0 ..< n {
      total[Int(community[v])] += nodeWeight[v]
      size[Int(community[v])] += 1
    }
    var empty = ContiguousArray<Int32>()
    if considerEmpty {
      var c = n - 1
      while c >= 0 {
        if size[c] == 0 { empty.append(Int32(c)) }
        c -= 1
      }
    }
    var queue = ContiguousArray<Int32>(0 ..< Int32(n))
    rng.shuffle(&queue)
    var queued = ContiguousArray<Bool>(repeating: true, count: n)
    var weightTo = ContiguousArray<Double>(repeating: 0, count: n)
    var maxDegree = 0
    for v in 0 ..< n { maxDegree = max(maxDegree, offsets[v + 1] - offsets[v]) }
    let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: maxDegree + 1)
    defer { touched.deallocate() }
    var moved = false

    offsets.withUnsafeBufferPointer { offsets in
      targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
          nodeWeight.withUnsafeBufferPointer { x in
            community.withUnsafeMutableBufferPointer { community in
              total.withUnsafeMutableBufferPointer { total in
                weightTo.withUnsafeMutableBufferPointer { weightTo in
                  queued.withUnsafeMutableBufferPointer { queued in
                    queue.withUnsafeMutableBufferPointer { queue in
                      var head = 0
                      var count = n
                      while count > 0 {
                        let v = Int(queue[head])
                        head = head + 1 == n ? 0 : head + 1
                        count -= 1
                        queued[v] = false
                        let own = Int(community[v])
                        let xv = x[v]
                        let begin = offsets[v]
                        let end = offsets[v + 1]
                        var a = begin
                        var touchedCount = 0
                        while a < end {
                          let c = Int(community[Int(targets[a])])
                          if weightTo[c] == 0 {
                            touched[touchedCount] = Int32(c)
                            touchedCount += 1
                          }
                          weightTo[c] += weights[a]
                          a += 1
                        }
                        total[own] -= xv
                        var best = own
                        var bestScore = weightTo[own] - r * xv * total[own]
                        for i in 0 ..< touchedCount {
                          let c = Int(touched[i])
                          let score = weightTo[c] - r * xv * total[c]
                          if score > bestScore {
                            bestScore = score
                            best = c
                          }
                        }
                        // An empty community scores 0; staying alone is the same move.
                        if considerEmpty && bestScore < 0 && size[own] > 1, let e = empty.last {
                          best = Int(e)
                          empty.removeLast()
                        }
                        for i in 0 ..< touchedCount { weightTo[Int(touched[i])] = 0 }
                        total[best] += xv
                        if best != own {
                          moved = true
                          size[own] -= 1
                          size[best] += 1
                          if considerEmpty && size[own] == 0 { empty.append(Int32(own)) }
                          community[v] = Int32(best)
                          var a = begin
                          while a < end {
                            let u = Int(targets[a])
                            if !queued[u] && Int(community[u]) != best {
                              queued[u] = true
                              var tail = head + count
                              if tail >= n { tail -= n }
                              queue[tail] = Int32(u)
                              count += 1
                            }
                            a += 1
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return moved
  }

  /// The graph whose nodes are the communities `0 ..< c` of `community`: parallel arcs merged,
  /// internal weight kept as `selfLoop`, `nodeWeight` summed. Members are gathered by a counting
  /// sort; each community's neighbours are accumulated in a dense array with a touched list, in
  /// order of first appearance (deterministic; no sorting needed).
  /// - Complexity: O(*n* + *m*) time.
  ///
  /// With `threads > 1` chunks of communities (cut by their number only) are aggregated in
  /// parallel, each into its own arc buffer, and the buffers are joined in chunk order: the same
  /// graph, arc for arc, for every `threads`.
  func aggregated(by community: ContiguousArray<Int32>, communityCount c: Int, threads: Int = 1) -> CommunityGraph {
    let (start, members) = membersByCommunity(community, communityCount: c)
    var arcsOf = ContiguousArray<Int>(repeating: 0, count: c)  // arcs of each new node
    var newSelfLoop = ContiguousArray<Double>(repeating: 0, count: c)
    var newNodeWeight = ContiguousArray<Double>(repeating: 0, count: c)
    let plan = ChunkPlan(count: c, maxSize: 1 << 14)
    // One arc buffer per chunk, written by the worker that took the chunk.
    let chunkTargets = UnsafeMutableBufferPointer<ContiguousArray<Int32>>.allocate(capacity: max(plan.chunkCount, 1))
    let chunkWeights = UnsafeMutableBufferPointer<ContiguousArray<Double>>.allocate(capacity: max(plan.chunkCount, 1))
    chunkTargets.initialize(repeating: [])
    chunkWeights.initialize(repeating: [])
    let workers = max(1, min(threads, plan.chunkCount))
    // Per-worker scratch: the weight to each neighbouring community, and which are non-zero.
    let weightToAll = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(c, 1) * workers)
    let touchedAll = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(c, 1) * workers)
    weightToAll.initialize(repeating: 0)
    defer {
      chunkTargets.deinitialize().deallocate()
      chunkWeights.deinitialize().deallocate()
      weightToAll.deallocate()
      touchedAll.deallocate()
    }
    offsets.withUnsafeBufferPointer { offsets in
      targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
          community.withUnsafeBufferPointer { community in
            members.withUnsafeBufferPointer { members in
              start.withUnsafeBufferPointer { start in
                selfLoop.withUnsafeBufferPointer { selfLoop in
                  nodeWeight.withUnsafeBufferPointer { nodeWeight in
                    arcsOf.withUnsafeMutableBufferPointer { arcsOf in
                      newSelfLoop.withUnsafeMutableBufferPointer { newSelfLoop in
                        newNodeWeight.withUnsafeMutableBufferPointer { newNodeWeight in
                          let scheduler = ChunkScheduler(plan: plan, total: c, progress: nil)
                          scheduler.run(threads: workers) { worker in
                            let weightTo = UnsafeMutableBufferPointer(rebasing: weightToAll[(worker * max(c, 1))...])
                            let touched = UnsafeMutableBufferPointer(rebasing: touchedAll[(worker * max(c, 1))...])
                            while let chunk = scheduler.claim() {
                              var outTargets = ContiguousArray<Int32>()
                              var outWeights = ContiguousArray<Double>()
                              for k in plan.range(chunk) {
                                var loops = 0.0
                                var internalArcs = 0.0
                                var s = 0.0
                                var touchedCount = 0
                                for i in start[k] ..< start[k + 1] {
                                  let u = Int(members[i])
                                  loops += selfLoop[u]
                                  s += nodeWeight[u]
                                  for a in offsets[u] ..< offsets[u + 1] {
                                    let d = Int(community[Int(targets[a])])
                                    if d == k {
                                      internalArcs += weights[a]
                                    } else {
                                      if weightTo[d] == 0 {
                                        touched[touchedCount] = Int32(d)
                                        touchedCount += 1
                                      }
                                      weightTo[d] += weights[a]
                                    }
                                  }
                                }
                                for i in 0 ..< touchedCount {
                                  let d = Int(touched[i])
                                  outTargets.append(Int32(d))
                                  outWeights.append(weightTo[d])
                                  weightTo[d] = 0
                                }
                                arcsOf[k] = touchedCount
                                newSelfLoop[k] = loops + internalArcs / 2  // each internal edge was seen from both ends
                                newNodeWeight[k] = s
                              }
                              chunkTargets[chunk] = outTargets
                              chunkWeights[chunk] = outWeights
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    var newOffsets = ContiguousArray<Int>(repeating: 0, count: c + 1)
    for k in 0 ..< c { newOffsets[k + 1] = newOffsets[k] + arcsOf[k] }
    var newTargets = ContiguousArray<Int32>()
    var newWeights = ContiguousArray<Double>()
    newTargets.reserveCapacity(newOffsets[c])
    newWeights.reserveCapacity(newOffsets[c])
    for chunk in 0 ..< plan.chunkCount {
      newTargets.append(contentsOf: chunkTargets[chunk])
      newWeights.append(contentsOf: chunkWeights[chunk])
    }
    return CommunityGraph(
      nodeCount: c, offsets: newOffsets, targets: newTargets, weights: newWeights,
      nodeWeight: newNodeWeight, selfLoop: newSelfLoop)
  }
}

/// The nodes of each community of `community` (labels in `0 ..< k`), by counting sort: community
/// `c` holds `members[start[c] ..< start[c + 1]]`, in node order. O(*n* + *k*), no dictionary.
func membersByCommunity(
  _ community: ContiguousArray<Int32>, communityCount k: Int
) -> (start: ContiguousArray<Int>, members: ContiguousArray<Int32>) {
  let n = community.count
  var start = ContiguousArray<Int>(repeating: 0, count: k + 1)
  for v in 0 ..< n { start[Int(community[v]) + 1] += 1 }
  for c in 0 ..< k { start[c + 1] += start[c] }
  var members = ContiguousArray<Int32>(repeating: 0, count: n)
  var fill = start
  for v in 0 ..< n {
    let c = Int(community[v])
    members[fill[c]] = Int32(v)
    fill[c] += 1
  }
  return (start, members)
}

/// Renumbers `labels` (values in `0 ..< labels.count`) densely in order of first appearance by
/// node, in place, and returns the number of distinct labels. O(*n*), no dictionary.
func renumberDensely(_ labels: inout ContiguousArray<Int32>) -> Int {
  let n = labels.count
  var newID = ContiguousArray<Int32>(repeating: -1, count: n)
  var count: Int32 = 0
  for u in 0 ..< n {
    let c = Int(labels[u])
    if newID[c] < 0 {
      newID[c] = count
      count += 1
    }
    labels[u] = newID[c]
  }
  return Int(count)
}

/// Splits every community of `labels` that is not connected in `graph` into its connected
/// components, and renumbers densely by smallest member (canonical order). Splitting a community
/// with no edge between its parts never lowers modularity or CPM (each removes a non-negative
/// `γ`-term and no edge weight). O(*n* + *m*).
func splitDisconnected(_ labels: ContiguousArray<Int32>, in graph: Graph) -> ContiguousArray<Int32> {
  let n = graph.nodeCount
  var out = ContiguousArray<Int32>(repeating: -1, count: n)
  var queue = ContiguousArray<Int32>(repeating: 0, count: n)
  var next: Int32 = 0
  let offsets = graph.adjacencyOffsets
  let targets = graph.adjacencyTargets
  for root in 0 ..< n where out[root] < 0 {
    out[root] = next
    queue[0] = Int32(root)
    var head = 0
    var tail = 1
    while head < tail {
      let v = Int(queue[head])
      head += 1
      for a in offsets[v] ..< offsets[v + 1] {
        let w = Int(targets[a])
        if out[w] < 0 && labels[w] == labels[v] {
          out[w] = next
          queue[tail] = Int32(w)
          tail += 1
        }
      }
    }
    next += 1
  }
  return out
}
