import GraphCore

/// Louvain community detection: greedy modularity optimisation by local moves and aggregation.
///
/// Each level visits the nodes in a random order (shuffled once per level by ``SplitMix64`` seeded
/// with ``seed``) and moves each node to the neighbouring community with the largest modularity
/// gain, if positive; passes repeat until no node moves. The communities then become the nodes of
/// a weighted graph (internal weight kept as self-loops) and the next level starts. The run stops
/// when a level improves modularity by at most ``threshold``, when a level moves nothing, or after
/// ``maxLevels`` levels. For a node *i* of strength `k_i`, leaving community *D* and joining *C*
/// changes modularity by
/// `ΔQ = (k_{i,C} − k_{i,D∖i}) / m − γ k_i (Σ_C − Σ_{D∖i}) / (2m²)`,
/// where `k_{i,C}` is the weight from *i* into *C* and `Σ_C` the total strength of *C*.
///
/// This follows networkx `community.louvain_partitions` (same gain formula, strict improvement,
/// first-best tie rule, level and threshold rules, levels reported finest first), but the visit
/// order comes from SplitMix64 and neighbouring communities are scanned in ascending-neighbour
/// order, so partitions match networkx's in quality, not label for label.
/// Unlike networkx (`seed=None`), a run is deterministic by default: the same graph and seed give
/// the same ``LouvainResult``. No dictionary or set is iterated.
///
///     let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
///     try Louvain().partition(of: g).membership   // [0, 0, 0, 1, 1, 1]
///
/// - Complexity: O(*m*) time per pass over the nodes and O(*n* + *m*) per aggregation; the
///   number of passes and levels is small in practice (near-linear overall). O(*n* + *m*)
///   additional space.
///
/// ## References
/// - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre. "Fast unfolding of communities in
///   large networks." *Journal of Statistical Mechanics* 2008(10):P10008, 2008.
///   doi:[10.1088/1742-5468/2008/10/P10008](https://doi.org/10.1088/1742-5468/2008/10/P10008)
/// - M. E. J. Newman. "Modularity and community structure in networks." *PNAS* 103(23):8577–8582,
///   2006. doi:[10.1073/pnas.0601602103](https://doi.org/10.1073/pnas.0601602103)
public struct Louvain: CommunityDetector, Hashable, Codable {
  /// The resolution γ ≥ 0 of the optimised modularity (see ``Modularity``).
  public var resolution: Double
  /// The seed of the node-order shuffle.
  public var seed: UInt64
  /// Stop when a level gains at most this much modularity; ≥ 0 (networkx `threshold`).
  public var threshold: Double
  /// The largest number of levels; at least 1.
  public var maxLevels: Int

  public init(resolution: Double = 1.0, seed: UInt64 = 0, threshold: Double = 1e-7, maxLevels: Int = 100) {
    self.resolution = resolution
    self.seed = seed
    self.threshold = threshold
    self.maxLevels = maxLevels
  }

  /// The final partition, `run(on:).partition`.
  public func partition(of graph: Graph) throws(GraphError) -> Partition {
    try run(on: graph).partition
  }

  /// Runs the algorithm and returns every level and the final modularity.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for a negative or non-finite
  ///   `resolution`, a negative or non-finite `threshold` or `maxLevels < 1`;
  ///   ``GraphError/invalidWeight(edge:weight:)`` when a weight is not positive and finite.
  public func run(on graph: Graph) throws(GraphError) -> LouvainResult {
    try requireParameter(resolution >= 0 && resolution.isFinite, "resolution", resolution, "must be finite and ≥ 0")
    try requireParameter(threshold >= 0 && threshold.isFinite, "threshold", threshold, "must be finite and ≥ 0")
    try requireIterations(maxLevels, "maxLevels")
    try graph.requirePositiveWeights()
    let n = graph.nodeCount
    guard n > 0 else { return LouvainResult(partition: Partition(labels: [Int]()), levels: [], modularity: 0) }
    let m = graph.totalWeight
    guard m > 0 else {
      let singletons = Partition.singletons(n)
      return LouvainResult(partition: singletons, levels: [singletons], modularity: 0)
    }

    var rng = SplitMix64(seed: seed)
    var level = LevelGraph(graph)
    var nodeOf = ContiguousArray<Int32>(0 ..< Int32(n))  // original node → node of `level`
    var levels: [Partition] = []
    var current = level.modularity(of: ContiguousArray(0 ..< Int32(level.nodeCount)), resolution: resolution, totalWeight: m)
    for _ in 0 ..< maxLevels {
      let (community, communityCount, moved) = level.moveNodes(resolution: resolution, totalWeight: m, using: &rng)
      if !moved && !levels.isEmpty { break }
      for v in 0 ..< n { nodeOf[v] = community[Int(nodeOf[v])] }
      levels.append(Partition(labels: nodeOf))
      let next = level.modularity(of: community, resolution: resolution, totalWeight: m)
      if !moved || next - current <= threshold { break }
      current = next
      level = level.aggregated(by: community, communityCount: communityCount)
    }
    let final = levels[levels.count - 1]
    let q = try Modularity(resolution: resolution).value(of: final, in: graph)
    return LouvainResult(partition: final, levels: levels, modularity: q)
  }
}

/// The weighted graph of one Louvain level: CSR without self-loops, plus each node's self-loop
/// weight (the internal weight of the community it stands for) and strength (2 × self-loop + arcs).
private struct LevelGraph {
  var nodeCount: Int
  var offsets: ContiguousArray<Int>
  var targets: ContiguousArray<Int32>
  var weights: ContiguousArray<Double>
  var selfLoop: ContiguousArray<Double>
  var strength: ContiguousArray<Double>

  init(_ graph: Graph) {
    nodeCount = graph.nodeCount
    offsets = graph.adjacencyOffsets
    targets = graph.adjacencyTargets
    weights = graph.adjacencyWeights
    selfLoop = ContiguousArray(repeating: 0, count: graph.nodeCount)
    strength = ContiguousArray(repeating: 0, count: graph.nodeCount)
    for v in 0 ..< nodeCount { strength[v] = graph.strength(of: NodeID(v)) }
  }

  init(
    nodeCount: Int, offsets: ContiguousArray<Int>, targets: ContiguousArray<Int32>,
    weights: ContiguousArray<Double>, selfLoop: ContiguousArray<Double>, strength: ContiguousArray<Double>
  ) {
    self.nodeCount = nodeCount
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
    self.selfLoop = selfLoop
    self.strength = strength
  }

  /// Modularity of a community assignment of this level's nodes (equal to that of the induced
  /// partition of the original graph).
  func modularity(of community: ContiguousArray<Int32>, resolution: Double, totalWeight m: Double) -> Double {
    var inside = [Double](repeating: 0, count: nodeCount)
    var total = [Double](repeating: 0, count: nodeCount)
    for u in 0 ..< nodeCount {
      let c = Int(community[u])
      total[c] += strength[u]
      var within = 0.0
      for a in offsets[u] ..< offsets[u + 1] where community[Int(targets[a])] == community[u] { within += weights[a] }
      inside[c] += selfLoop[u] + within / 2
    }
    return GraphAlgorithms.modularity(inside: inside, strength: total, totalWeight: m, resolution: resolution)
  }

  /// The local-moving phase. Returns each node's community, renumbered densely in order of first
  /// appearance by node, the number of communities and whether any node moved.
  func moveNodes(
    resolution: Double, totalWeight m: Double, using rng: inout SplitMix64
  ) -> (community: ContiguousArray<Int32>, count: Int, moved: Bool) {
    let n = nodeCount
    var community = ContiguousArray<Int32>(0 ..< Int32(n))
    var total = strength  // Σ_C: total strength of each community
    var weightTo = ContiguousArray<Double>(repeating: 0, count: n)
    var touched = ContiguousArray<Int32>()
    touched.reserveCapacity(n)
    var order = ContiguousArray<Int32>(0 ..< Int32(n))
    rng.shuffle(&order)
    let twoMSquared = 2 * m * m
    var moved = false
    var moves = 1
    while moves > 0 {
      moves = 0
      for u32 in order {
        let u = Int(u32)
        let own = Int(community[u])
        let k = strength[u]
        // Weight from u to each neighbouring community, in order of first appearance.
        for a in offsets[u] ..< offsets[u + 1] {
          let c = Int(community[Int(targets[a])])
          if weightTo[c] == 0 { touched.append(Int32(c)) }
          weightTo[c] += weights[a]
        }
        total[own] -= k
        let removeCost = -weightTo[own] / m + resolution * (total[own] * k) / twoMSquared
        var best = own
        var bestGain = 0.0
        for c32 in touched {
          let c = Int(c32)
          let gain = removeCost + weightTo[c] / m - resolution * (total[c] * k) / twoMSquared
          if gain > bestGain {
            bestGain = gain
            best = c
          }
        }
        total[best] += k
        if best != own {
          community[u] = Int32(best)
          moves += 1
          moved = true
        }
        for c in touched { weightTo[Int(c)] = 0 }
        touched.removeAll(keepingCapacity: true)
      }
    }
    // Dense renumbering by first appearance.
    var newID = ContiguousArray<Int32>(repeating: -1, count: n)
    var count: Int32 = 0
    for u in 0 ..< n {
      let c = Int(community[u])
      if newID[c] < 0 {
        newID[c] = count
        count += 1
      }
      community[u] = newID[c]
    }
    return (community, Int(count), moved)
  }

  /// The graph whose nodes are the communities; parallel arcs merged, internal weight as self-loops.
  func aggregated(by community: ContiguousArray<Int32>, communityCount c: Int) -> LevelGraph {
    // Members of each community (counting sort, ascending node within a community).
    var start = ContiguousArray<Int>(repeating: 0, count: c + 1)
    for u in 0 ..< nodeCount { start[Int(community[u]) + 1] += 1 }
    for i in 0 ..< c { start[i + 1] += start[i] }
    var members = ContiguousArray<Int32>(repeating: 0, count: nodeCount)
    var fill = start
    for u in 0 ..< nodeCount {
      let k = Int(community[u])
      members[fill[k]] = Int32(u)
      fill[k] += 1
    }
    var newOffsets = ContiguousArray<Int>(repeating: 0, count: c + 1)
    var newTargets = ContiguousArray<Int32>()
    var newWeights = ContiguousArray<Double>()
    newTargets.reserveCapacity(targets.count)
    newWeights.reserveCapacity(targets.count)
    var newSelfLoop = ContiguousArray<Double>(repeating: 0, count: c)
    var newStrength = ContiguousArray<Double>(repeating: 0, count: c)
    var weightTo = ContiguousArray<Double>(repeating: 0, count: c)
    var touched = ContiguousArray<Int32>()
    touched.reserveCapacity(c)
    for k in 0 ..< c {
      var loops = 0.0
      var internalArcs = 0.0
      var s = 0.0
      for i in start[k] ..< start[k + 1] {
        let u = Int(members[i])
        loops += selfLoop[u]
        s += strength[u]
        for a in offsets[u] ..< offsets[u + 1] {
          let d = Int(community[Int(targets[a])])
          if d == k {
            internalArcs += weights[a]
          } else {
            if weightTo[d] == 0 { touched.append(Int32(d)) }
            weightTo[d] += weights[a]
          }
        }
      }
      touched.sort()
      for d in touched {
        newTargets.append(d)
        newWeights.append(weightTo[Int(d)])
        weightTo[Int(d)] = 0
      }
      touched.removeAll(keepingCapacity: true)
      newOffsets[k + 1] = newTargets.count
      newSelfLoop[k] = loops + internalArcs / 2  // each internal edge was seen from both ends
      newStrength[k] = s
    }
    return LevelGraph(
      nodeCount: c, offsets: newOffsets, targets: newTargets, weights: newWeights,
      selfLoop: newSelfLoop, strength: newStrength)
  }
}
