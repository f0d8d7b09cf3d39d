import GraphCore

/// Leiden community detection: Louvain-style local moving, plus a refinement step that
/// guarantees well-connected communities.
///
/// One iteration repeats, until every community is a single node of the current level:
/// 1. **Fast local moving.** Nodes wait in a queue (random order); each node taken from it moves
///    to the community (or an empty one) with the largest quality gain, if strictly positive; the
///    neighbours it leaves behind re-enter the queue.
/// 2. **Refinement.** Inside each community *S*, every node starts alone. In random order, each
///    node *v* that is still alone and well connected to *S*
///    (`E(v, S∖v) ≥ r · x_v · (X_S − x_v)`) joins a well-connected subcommunity *C* of *S* it is
///    linked to, chosen at random with probability ∝ `exp(ΔH / θ)` among the moves with
///    `ΔH ≥ 0` (staying alone has ΔH = 0). Subcommunities are therefore connected.
/// 3. **Aggregation** on the refined partition; the aggregated nodes start in the community of
///    the unrefined partition they came from.
///
/// **Converged by default.** Iterations repeat, each starting from the partition the last one
/// found, until ``stableIterations`` (2 by default) iterations in a row leave the partition
/// unchanged. igraph's and leidenalg's `n_iterations=-1` stop after one; but an unchanged
/// iteration is not a fixed point of the algorithm, only of that iteration's random refinement:
/// with other random merges the aggregated graph differs and a move can open (started again from
/// its own converged output, one-unchanged-iteration Leiden improved 7 of 30 small random-graph
/// settings in the tests). The second unchanged iteration costs 5–25 % more iterations and raised
/// mean modularity slightly (newman cond-mat 0.87829 → 0.87835, ca-CondMat 0.74668 → 0.74669,
/// 5 seeds; `bench/leiden/README.md`). Each iteration that changes the partition raises the
/// quality strictly (moves need a positive gain), so this ends; ``maxIterations`` (1000 by
/// default) is a safety cap: when it runs out first, ``LeidenResult/converged`` is false (the CLI
/// warns) and the best partition found is returned. Typical counts: 18–27 iterations on newman
/// cond-mat, 17–39 on ca-CondMat, 68 on com-DBLP (`bench/leiden/README.md`). A last
/// O(*n* + *m*) pass splits any community that is not connected into its components (that cannot
/// lower the quality), so **every community is connected**, unconditionally.
///
/// Quality functions (γ = ``resolution``, *m* the total weight, `e_c` the weight inside *c*,
/// `K_c` its total strength, `n_c` its number of nodes):
/// - ``Quality/modularity``: `Q = Σ_c [e_c / m − γ (K_c / 2m)²]` (``Modularity``); the gain is
///   measured in edge-weight units, `ΔH = m · ΔQ`, as igraph does, so θ means the same there.
/// - ``Quality/cpm`` (constant Potts model): `H = Σ_c [e_c − γ · n_c (n_c − 1) / 2]`, leidenalg
///   `CPMVertexPartition(G, weights="weight", resolution_parameter=γ).quality()`.
///
/// Like Louvain it is deterministic for a given ``seed`` (``SplitMix64``; no dictionary or set is
/// iterated).
///
///     let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
///     try Leiden().partition(of: g).membership   // [0, 0, 0, 1, 1, 1]
///
/// - Complexity: O(degree) per node visit in local moving and refinement, O(*n* + *m*) per
///   aggregation; near-linear in practice. O(*n* + *m*) additional space.
///
/// ## References
/// - M. Ovelgönne, A. Geyer-Schulz. "An ensemble learning strategy for graph clustering." In
///   *Graph Partitioning and Graph Clustering*, Contemporary Mathematics 588, AMS, 2013 (core
///   groups: the basis of ``restarts``).
/// - V. A. Traag, L. Waltman, N. J. van Eck. "From Louvain to Leiden: guaranteeing well-connected
///   communities." *Scientific Reports* 9:5233, 2019.
///   doi:[10.1038/s41598-019-41695-z](https://doi.org/10.1038/s41598-019-41695-z)
/// - V. A. Traag, P. Van Dooren, Y. Nesterov. "Narrow scope for resolution-limit-free community
///   detection." *Physical Review E* 84:016114, 2011.
///   doi:[10.1103/PhysRevE.84.016114](https://doi.org/10.1103/PhysRevE.84.016114)
public struct Leiden: CommunityDetector, Hashable, Codable {
  /// The quality function Leiden maximises.
  public enum Quality: String, CaseIterable, Hashable, Codable, Sendable {
    /// Newman–Girvan modularity with resolution γ (``Modularity``).
    case modularity
    /// The constant Potts model `Σ_c [e_c − γ · n_c (n_c − 1) / 2]` (Traag et al. 2011).
    case cpm

    /// The value of this quality function for `partition` of `graph` at `resolution`.
    /// - Throws: as ``Modularity/value(of:in:)``.
    public func value(of partition: Partition, in graph: Graph, resolution: Double) throws(GraphError) -> Double {
      switch self {
      case .modularity:
        return try Modularity(resolution: resolution).value(of: partition, in: graph)
      case .cpm:
        try requireParameter(resolution >= 0 && resolution.isFinite, "resolution", resolution, "must be finite and ≥ 0")
        guard partition.nodeCount == graph.nodeCount else {
          throw .partitionSizeMismatch(partitionCount: partition.nodeCount, nodeCount: graph.nodeCount)
        }
        try graph.requirePositiveWeights()
        let membership = partition.membership
        var inside = [Double](repeating: 0, count: partition.communityCount)
        for e in 0 ..< graph.edgeCount where membership[Int(graph.edgeSources[e])] == membership[Int(graph.edgeTargets[e])] {
          inside[Int(membership[Int(graph.edgeSources[e])])] += graph.edgeWeights[e]
        }
        var h = 0.0
        for (c, size) in partition.sizes.enumerated() {
          let n = Double(size)
          h += inside[c] - resolution * n * (n - 1) / 2
        }
        return h
      }
    }
  }

  /// The quality function; modularity by default.
  public var quality: Quality
  /// The resolution γ ≥ 0: for modularity as in ``Modularity``; for CPM the density threshold
  /// (communities have internal density above γ, between-community density below).
  public var resolution: Double
  /// The seed of every random choice (queue order, refinement order and merges).
  public var seed: UInt64
  /// The randomness θ > 0 of the refinement merges (igraph `beta`, leidenalg
  /// `theta`); small values make merges nearly greedy.
  public var randomness: Double
  /// The iteration cap, at least 1 (default 1000, a safety net: runs stop when an iteration
  /// changes nothing, long before it on every graph measured); `nil` for no cap. A small cap
  /// (e.g. 2, leidenalg's and igraph's default `n_iterations`) trades modularity for time; the
  /// result then says whether it converged.
  public var maxIterations: Int?
  /// How many iterations in a row must leave the partition unchanged before Leiden stops, at
  /// least 1 (default 2; 1 is igraph's and leidenalg's `n_iterations=-1`).
  public var stableIterations: Int = 2
  /// Worker threads for the refinement (0, the default, uses every online processor); the result
  /// does not depend on it.
  public var threads: Int = 0
  /// Independent converged runs, at least 1 (default 1). Run *i* > 0 uses the *i*-th output of
  /// `SplitMix64(seed: seed)` as its seed (run 0 uses ``seed``); runs go `threads` at a time, each
  /// deterministic for its seed, so the result does not depend on `threads`. With 2 or more,
  /// the runs are then combined by **iterated core groups** (CGGCi, Ovelgönne & Geyer-Schulz
  /// 2013): the blocks of nodes that every run put together become the nodes of a coarse graph;
  /// `restarts` converged runs on it (run 0 started from the best partition so far, the others
  /// from single blocks) decide what the runs disagreed about, and their own core groups make the
  /// next, coarser graph, round after round while a round raises the best quality (and coarsens
  /// the blocks; there are fewer each round, so this ends). A last converged run on the input graph
  /// from the best partition polishes single nodes. The partition of highest quality among the
  /// first runs and this combination is kept (the earliest on a tie), so more restarts never give a
  /// lower quality than run 0 alone (``seed``). The result's ``LeidenResult/iterations`` and
  /// ``LeidenResult/converged`` are those of the run kept (for the combination: every coarse run's
  /// iterations plus its final run's; converged is the final run's). On com-DBLP, `restarts: 4,
  /// maxIterations: 5` gives 0.8388–0.8397 (seeds 0–4, mean 0.8394) against 0.8383–0.8391 with one
  /// round of a single coarse run, for 10–20 % more CPU time (`bench/leiden/README.md`).
  public var restarts: Int = 1
  public init(
    quality: Quality = .modularity, resolution: Double = 1.0, seed: UInt64 = 0, randomness: Double = 0.01,
    maxIterations: Int? = 1000, stableIterations: Int = 2, threads: Int = 0, restarts: Int = 1
  ) {
    self.restarts = restarts
    self.stableIterations = stableIterations
    self.threads = threads
    self.quality = quality
    self.resolution = resolution
    self.seed = seed
    self.randomness = randomness
    self.maxIterations = maxIterations
  }

  /// The final partition, `run(on:).partition`.
  public func partition(of graph: Graph) throws(GraphError) -> Partition {
    try run(on: graph).partition
  }

  /// Runs the algorithm from singletons.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for a negative or non-finite
  ///   `resolution`, a non-positive or non-finite `randomness` or `maxIterations < 1`;
  ///   ``GraphError/invalidWeight(edge:weight:)`` when a weight is not positive and finite.
  public func run(on graph: Graph) throws(GraphError) -> LeidenResult {
    try run(on: graph, from: nil)
  }

  /// Runs the algorithm from `initial` (singletons when `nil`), as leidenalg's
  /// `optimise_partition` continues from the partition it is given: the first iteration's local
  /// moving starts there. From a converged result with the same settings, an iteration usually
  /// changes nothing (the refinement's random merges can still open a move: the result is then better).
  /// - Throws: as ``run(on:)``, and ``GraphError/partitionSizeMismatch(partitionCount:nodeCount:)``
  ///   when `initial` does not have one label per node.
  public func run(on graph: Graph, from initial: Partition?) throws(GraphError) -> LeidenResult {
    if let initial, initial.nodeCount != graph.nodeCount {
      throw .partitionSizeMismatch(partitionCount: initial.nodeCount, nodeCount: graph.nodeCount)
    }
    try requireParameter(resolution >= 0 && resolution.isFinite, "resolution", resolution, "must be finite and ≥ 0")
    try requireParameter(randomness > 0 && randomness.isFinite, "randomness", randomness, "must be positive and finite")
    if let maxIterations { try requireIterations(maxIterations) }
    try requireIterations(stableIterations, "stableIterations")
    try requireIterations(restarts, "restarts")
    try requireThreads(threads)
    try graph.requirePositiveWeights()
    let n = graph.nodeCount
    guard n > 0 else {
      return LeidenResult(partition: Partition(labels: [Int]()), quality: 0, modularity: 0, iterations: 0, converged: true)
    }
    let m = graph.totalWeight
    guard m > 0 else {
      let singletons = Partition.singletons(n)
      let h = try quality.value(of: singletons, in: graph, resolution: resolution)
      return LeidenResult(partition: singletons, quality: h, modularity: 0, iterations: 0, converged: true)
    }

    let base = CommunityGraph(graph, nodeWeightIsSize: quality == .cpm)
    let scaled = quality == .cpm ? resolution : resolution / (2 * m)
    var start = ContiguousArray<Int32>(0 ..< Int32(n))
    if let initial {
      start = ContiguousArray(initial.membership)
      _ = renumberDensely(&start)  // canonical labels are < communityCount ≤ n already
    }
    // Restart i runs from its own seed: the user's seed for i = 0, then SplitMix64(seed)'s outputs.
    var seeds = [seed]
    var seedSource = SplitMix64(seed: seed)
    while seeds.count < restarts { seeds.append(seedSource.next()) }
    let available = resolvedThreads(threads)
    let concurrent = max(1, min(available, restarts))
    let innerThreads = max(1, available / concurrent)
    // Each restart is independent and deterministic for its seed, so the runs can go in parallel
    // without the result depending on `threads`.
    let runs = UnsafeMutableBufferPointer<Run?>.allocate(capacity: restarts)
    runs.initialize(repeating: nil)
    defer { runs.deinitialize().deallocate() }
    forEachChunk(of: ChunkPlan(count: restarts, size: 1), threads: concurrent) { i in
      runs[i] = converge(base, from: start, scaledResolution: scaled, seed: seeds[i], threads: innerThreads)
    }
    // The best quality wins; ties go to the earliest restart.
    var best: LeidenResult? = nil
    var bestRun = 0
    func consider(_ run: Run, _ index: Int) throws(GraphError) {
      let partition = Partition(labels: splitDisconnected(run.membership, in: graph))
      let h = try quality.value(of: partition, in: graph, resolution: resolution)
      if let best, h <= best.quality { return }
      let q = quality == .modularity ? h : try Modularity().value(of: partition, in: graph)
      best = LeidenResult(partition: partition, quality: h, modularity: q, iterations: run.iterations, converged: run.converged)
      bestRun = index
    }
    for i in 0 ..< restarts { try consider(runs[i]!, i) }
    if restarts > 1 {
      // Iterated core groups (Ovelgönne & Geyer-Schulz's CGGCi): the nodes every run put together
      // form blocks; `restarts` runs on the graph of blocks (run 0 started from the best partition
      // so far, the others from single blocks) decide what the runs disagreed about, and their own
      // core groups make the next, coarser graph, for as long as a round raises the best quality
      // and coarsens the blocks (each round has fewer blocks, so this ends). Then Leiden on the
      // input graph from the best, so the result is converged on the nodes themselves.
      var blocks = runs[0]!.membership
      for i in 1 ..< restarts { blocks = intersection(blocks, runs[i]!.membership) }
      var blockCount = Int(blocks.max()!) + 1
      var bestMembership = runs[bestRun]!.membership  // constant on every block
      var bestQuality = try quality.value(of: Partition(labels: bestMembership), in: graph, resolution: resolution)
      var coarseIterations = 0
      let singletons = ContiguousArray<Int32>(0 ..< Int32(n))
      while true {
        let coarse = base.aggregated(by: blocks, communityCount: blockCount, threads: available)
        var fromBest = ContiguousArray<Int32>(repeating: 0, count: blockCount)
        for v in 0 ..< n { fromBest[Int(blocks[v])] = bestMembership[v] }
        _ = renumberDensely(&fromBest)
        var roundSeeds = [UInt64]()
        for _ in 0 ..< restarts { roundSeeds.append(seedSource.next()) }
        forEachChunk(of: ChunkPlan(count: restarts, size: 1), threads: concurrent) { i in
          runs[i] = converge(
            coarse, from: i == 0 ? fromBest : ContiguousArray(singletons[0 ..< blockCount]),
            scaledResolution: scaled, seed: roundSeeds[i], threads: innerThreads)
        }
        // Lift the runs to the input's nodes, keep the best (the earliest on a tie), intersect.
        let before = bestQuality
        var next = ContiguousArray<Int32>()
        for i in 0 ..< restarts {
          var lifted = ContiguousArray<Int32>(repeating: 0, count: n)
          let onBlocks = runs[i]!.membership
          for v in 0 ..< n { lifted[v] = onBlocks[Int(blocks[v])] }
          coarseIterations += runs[i]!.iterations
          let h = try quality.value(of: Partition(labels: lifted), in: graph, resolution: resolution)
          if h > bestQuality {
            bestQuality = h
            bestMembership = lifted
          }
          next = i == 0 ? lifted : intersection(next, lifted)
        }
        let nextCount = Int(next.max()!) + 1
        if !(bestQuality > before) || nextCount == blockCount { break }
        blocks = next
        blockCount = nextCount
      }
      var final = converge(base, from: bestMembership, scaledResolution: scaled, seed: seedSource.next(), threads: available)
      final.iterations += coarseIterations
      try consider(final, restarts)
    }
    return best!
  }

  /// The blocks of nodes that `a` and `b` (dense labels) both put together, numbered densely.
  private func intersection(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>) -> ContiguousArray<Int32> {
    let n = a.count
    let groups = membersByCommunity(a, communityCount: Int(a.max()!) + 1)
    var blockOf = ContiguousArray<Int32>(repeating: -1, count: n)  // b label → block, within one group of a
    var out = ContiguousArray<Int32>(repeating: 0, count: n)
    var next: Int32 = 0
    for g in 0 ..< groups.start.count - 1 {
      let members = groups.start[g] ..< groups.start[g + 1]
      for i in members {
        let v = Int(groups.members[i])
        let c = Int(b[v])
        if blockOf[c] < 0 {
          blockOf[c] = next
          next += 1
        }
        out[v] = blockOf[c]
      }
      for i in members { blockOf[Int(b[Int(groups.members[i])])] = -1 }
    }
    return out
  }

  /// The outcome of one converged run (before disconnected communities are split).
  private struct Run {
    var membership: ContiguousArray<Int32>
    var iterations: Int
    var converged: Bool
  }

  /// Iterations from `start` until ``stableIterations`` in a row change nothing (or the cap).
  private func converge(
    _ base: CommunityGraph, from start: ContiguousArray<Int32>, scaledResolution scaled: Double, seed: UInt64,
    threads: Int
  ) -> Run {
    var rng = SplitMix64(seed: seed)
    var membership = start
    var iterations = 0
    var converged = false
    var unchangedInARow = 0
    while true {
      iterations += 1
      var next = iterate(base, from: membership, scaledResolution: scaled, threads: threads, using: &rng)
      _ = renumberDensely(&next)
      let changed = next != membership
      membership = next
      unchangedInARow = changed ? 0 : unchangedInARow + 1
      if unchangedInARow >= stableIterations {
        converged = true
        break
      }
      if let maxIterations, iterations >= maxIterations { break }
    }
    return Run(membership: membership, iterations: iterations, converged: converged)
  }

  /// One Leiden iteration (Traag et al. 2019, Algorithm A.1) from `start` (labels in `0 ..< n`);
  /// returns the membership of the original nodes.
  private func iterate(
    _ base: CommunityGraph, from start: ContiguousArray<Int32>, scaledResolution r: Double, threads: Int,
    using rng: inout SplitMix64
  ) -> ContiguousArray<Int32> {
    var level = base
    var community = start
    var nodeOf = ContiguousArray<Int32>(0 ..< Int32(base.nodeCount))  // original node → node of `level`
    while true {
      _ = level.moveNodesFast(community: &community, scaledResolution: r, considerEmpty: true, using: &rng)
      let communityCount = renumberDensely(&community)
      if communityCount == level.nodeCount { break }
      var refined = level.refine(
        community, communityCount: communityCount, scaledResolution: r, randomness: randomness, seed: rng.next(),
        threads: threads)
      var refinedCount = renumberDensely(&refined)
      if refinedCount == level.nodeCount {
        // Nothing merged (no node well connected, or θ chose to stay): aggregate by the
        // communities themselves, as igraph does, so the next level can still move them.
        refined = community
        refinedCount = communityCount
      }
      var aggregatedCommunity = ContiguousArray<Int32>(repeating: 0, count: refinedCount)
      for v in 0 ..< level.nodeCount { aggregatedCommunity[Int(refined[v])] = community[v] }
      for v in 0 ..< nodeOf.count { nodeOf[v] = refined[Int(nodeOf[v])] }
      level = level.aggregated(by: refined, communityCount: refinedCount, threads: threads)
      community = aggregatedCommunity
    }
    var membership = ContiguousArray<Int32>(repeating: 0, count: nodeOf.count)
    for v in 0 ..< nodeOf.count { membership[v] = community[Int(nodeOf[v])] }
    return membership
  }
}

extension CommunityGraph {
  /// The refinement of Traag et al. 2019 (Algorithm A.2, `MergeNodesSubset`) applied to every
  /// community: returns refined labels in `0 ..< nodeCount` (not dense), each refined community a
  /// connected subset of one community of `community`.
  ///
  /// Communities are refined independently (a node only ever joins a subcommunity of its own
  /// community), so they are divided among `threads` workers. Community *S* visits its nodes in an
  /// order shuffled by its own generator, `SplitMix64(seed: seed &+ S · φ)` (φ the 64-bit golden
  /// ratio), which also draws its merges: the result depends on `seed` and the partition only,
  /// never on `threads`.
  func refine(
    _ community: ContiguousArray<Int32>, communityCount k: Int, scaledResolution r: Double, randomness theta: Double,
    seed: UInt64, threads: Int
  ) -> ContiguousArray<Int32> {
    let n = nodeCount
    var refined = ContiguousArray<Int32>(0 ..< Int32(n))
    // Members of each community (in node order; each community's are shuffled below).
    let grouped = membersByCommunity(community, communityCount: k)
    let start = grouped.start
    var memberList = grouped.members
    // Scratch shared by the workers, each index owned by the one community its node is in.
    let clusterWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n, 1))  // X of each refined cluster
    let external = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n, 1))  // E(C, S ∖ C)
    let weightTo = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n, 1))
    let nonSingleton = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(n, 1))
    var maxDegree = 0
    for v in 0 ..< n { maxDegree = max(maxDegree, offsets[v + 1] - offsets[v]) }
    defer {
      clusterWeight.deallocate()
      external.deallocate()
      weightTo.deallocate()
      nonSingleton.deallocate()
    }
    weightTo.initialize(repeating: 0)
    nonSingleton.initialize(repeating: false)
    // Chunks of communities, cut by the number of communities only (so not by `threads`).
    let plan = ChunkPlan(count: k, maxSize: 4096)
    offsets.withUnsafeBufferPointer { offsets in
      targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
          nodeWeight.withUnsafeBufferPointer { x in
            community.withUnsafeBufferPointer { community in
              refined.withUnsafeMutableBufferPointer { refined in
                start.withUnsafeBufferPointer { start in
                  memberList.withUnsafeMutableBufferPointer { members in
                    forEachChunk(of: plan, threads: threads) { chunk in
                      let candidates = UnsafeMutableBufferPointer<Int32>.allocate(capacity: maxDegree + 1)
                      let cumulative = UnsafeMutableBufferPointer<Double>.allocate(capacity: maxDegree + 1)
                      defer {
                        candidates.deallocate()
                        cumulative.deallocate()
                      }
                      for s in plan.range(chunk) {
                        let first = start[s]
                        let count = start[s + 1] - first
                        if count < 2 { continue }  // a lone node stays alone
                        let s32 = Int32(s)
                        var total = 0.0  // X_S
                        for i in first ..< first + count {
                          let v = Int(members[i])
                          clusterWeight[v] = x[v]
                          total += x[v]
                          var e = 0.0
                          for a in offsets[v] ..< offsets[v + 1] where community[Int(targets[a])] == s32 { e += weights[a] }
                          external[v] = e
                        }
                        var rng = SplitMix64(seed: seed &+ UInt64(s) &* 0x9E37_79B9_7F4A_7C15)
                        var i = count
                        while i > 1 {  // Fisher–Yates, as SplitMix64.shuffle
                          let j = Int(rng.next(below: UInt64(i)))
                          i -= 1
                          members.swapAt(first + i, first + j)
                        }
                        for position in first ..< first + count {
                          let v = Int(members[position])
                          let own = Int(refined[v])  // == v while v is alone
                          if nonSingleton[own] { continue }
                          let xv = x[v]
                          if external[own] < r * xv * (total - xv) { continue }  // v is not well connected to S
                          clusterWeight[own] = 0
                          candidates[0] = Int32(own)
                          var found = 1
                          for a in offsets[v] ..< offsets[v + 1] {
                            let u = Int(targets[a])
                            guard community[u] == s32 else { continue }
                            let c = Int(refined[u])
                            if weightTo[c] == 0 {
                              candidates[found] = Int32(c)
                              found += 1
                            }
                            weightTo[c] += weights[a]
                          }
                          // ΔH of joining each well-connected candidate; staying alone (own) has ΔH = 0.
                          var best = own
                          var maxDiff = 0.0
                          for i in 1 ..< found {
                            let c = Int(candidates[i])
                            var diff = -Double.infinity
                            if external[c] >= r * clusterWeight[c] * (total - clusterWeight[c]) {
                              diff = weightTo[c] - r * xv * clusterWeight[c]
                            }
                            if diff > maxDiff {
                              maxDiff = diff
                              best = c
                            }
                            cumulative[i] = diff
                          }
                          var chosen = best
                          if found > 1 {
                            // P(c) ∝ exp(ΔH_c / θ) over ΔH_c ≥ 0, scaled by exp(−max ΔH / θ) against overflow.
                            // Terms below e^−40 ≈ 4e−18 are left out: the best term is 1, so the sum
                            // is at least 1 and such a term could only decide a draw below 1e−17
                            // (and `exp` was most of the refinement's time).
                            let cutoff = maxDiff - 40 * theta
                            var sum = 0 >= cutoff ? Self.exp(-maxDiff / theta) : 0
                            cumulative[0] = sum
                            for i in 1 ..< found {
                              let diff = cumulative[i]
                              if diff >= 0 && diff >= cutoff { sum += Self.exp((diff - maxDiff) / theta) }
                              cumulative[i] = sum
                            }
                            let threshold = rng.nextUnitInterval() * sum
                            for i in 0 ..< found where cumulative[i] > threshold {
                              chosen = Int(candidates[i])
                              break
                            }
                          }
                          clusterWeight[chosen] += xv
                          if chosen != own {
                            external[chosen] += external[own] - 2 * weightTo[chosen]
                            refined[v] = Int32(chosen)
                            nonSingleton[chosen] = true
                          }
                          for i in 0 ..< found { weightTo[Int(candidates[i])] = 0 }
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
    return refined
  }

  /// `e^x` for x ≤ 0 (Foundation-free): range reduction by powers of two and a degree-13 Taylor
  /// polynomial (Horner form). Relative error below 1e-15; underflows to 0 below −700.
  static func exp(_ x: Double) -> Double {
    if x < -700 { return 0 }
    // e^x = 2^k · e^f with f = x − k ln 2, |f| ≤ ln2 / 2.
    let ln2 = 0.693_147_180_559_945_3
    let k = -Double(Int(0.5 - x / ln2))  // round to nearest for x ≤ 0, without a libm call
    let f = x - k * ln2
    // Horner form of Σ f^i / i!: 1 + f(1 + f/2(1 + f/3(… (1 + f/13)))), with the 1/i as constants.
    var p = 1 + f * (1.0 / 13)
    p = 1 + f * p * (1.0 / 12)
    p = 1 + f * p * (1.0 / 11)
    p = 1 + f * p * (1.0 / 10)
    p = 1 + f * p * (1.0 / 9)
    p = 1 + f * p * (1.0 / 8)
    p = 1 + f * p * (1.0 / 7)
    p = 1 + f * p * (1.0 / 6)
    p = 1 + f * p * (1.0 / 5)
    p = 1 + f * p * (1.0 / 4)
    p = 1 + f * p * (1.0 / 3)
    p = 1 + f * p * (1.0 / 2)
    p = 1 + f * p
    return p * Double(sign: .plus, exponent: Int(k), significand: 1)
  }
}
