import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

/// Whether every community of `partition` induces a connected subgraph of `graph`.
private func everyCommunityIsConnected(_ partition: Partition, in graph: Graph) -> Bool {
  partition.communities.allSatisfy { members in
    graph.inducedSubgraph(members).connectedComponents().communityCount == 1
  }
}

@Suite("Leiden")
struct LeidenTests {
  /// python-igraph 0.11: `Graph.Famous("Zachary").community_leiden(objective_function="modularity",
  /// n_iterations=-1)` gives Q = 0.41978961209730437 for random.seed(0…4); 0.4198 is the known
  /// optimum for the unweighted karate club (Brandes et al. 2008).
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func karateReachesOptimum(seed: UInt64) throws {
    // Converged by default, like the igraph call above (n_iterations=-1).
    let result = try Leiden(seed: seed).run(on: Fixtures.karateClubUnweighted)
    #expect(result.modularity >= 0.4197)
    #expect(result.converged)
    // Two iterations (leidenalg/igraph n_iterations=2) get within 0.001 of it.
    #expect(try Leiden(seed: seed, maxIterations: 2).run(on: Fixtures.karateClubUnweighted).modularity >= 0.4188)
    #expect(result.quality == result.modularity)
    expectApproximatelyEqual(result.modularity, try Modularity().value(of: result.partition, in: Fixtures.karateClubUnweighted), tolerance: 1e-12)
    #expect(Partition(labels: result.partition.membership) == result.partition)  // canonical
  }

  /// Weighted graphs, against igraph run to convergence (python-igraph 1.0.0, seeds 0…19):
  ///
  ///     random.seed(s); c = g.community_leiden(objective_function="modularity",
  ///                                            weights="weight", n_iterations=-1)
  ///     g.modularity(c.membership, weights="weight")
  ///
  /// karate club (networkx weights): 0.443854 or 0.444904 (best 0.44490358126721763);
  /// les Misérables: 0.565822 or 0.566688 (best 0.56668798334324821). Coauthor's converged
  /// Leiden reaches at least igraph's worst seed on every seed, and igraph's best on some.
  @Test func weightedGraphsMatchIgraphConverged() throws {
    for (graph, worst, best) in [
      (Fixtures.karateClub, 0.44385412567230753, 0.44490358126721763),
      (Fixtures.lesMiserables, 0.56582168352171336, 0.56668798334324821),
    ] {
      var top = 0.0
      for seed in 0 ..< 20 as Range<UInt64> {
        let result = try Leiden(seed: seed).run(on: graph)
        #expect(result.converged)
        #expect(result.modularity >= worst - 1e-9, "seed \(seed)")
        top = max(top, result.modularity)
      }
      expectApproximatelyEqual(top, best, tolerance: 1e-9)
    }
  }

  /// Restarts on the named graphs keep igraph's best seed over 20 (the call in
  /// ``weightedGraphsMatchIgraphConverged``; single converged runs reach it on these small graphs
  /// too): the combination of runs must not lose it.
  @Test func restartsKeepIgraphsBestSeed() throws {
    for (graph, best) in [(Fixtures.karateClub, 0.44490358126721763), (Fixtures.lesMiserables, 0.56668798334324821)] {
      for seed in 0 ..< 10 as Range<UInt64> {
        let result = try Leiden(seed: seed, restarts: 3).run(on: graph)
        #expect(result.converged)
        #expect(result.modularity >= best - 1e-9, "seed \(seed)")
      }
    }
  }

  /// The best setting (`restarts: 4, maxIterations: 5`: four capped runs combined by iterated core
  /// groups) reaches igraph's best converged run over 20 seeds on every seed: the unweighted
  /// karate club's optimum 0.41978961209730437 (python-igraph 0.11 `community_leiden(
  /// objective_function="modularity", n_iterations=-1)`, random.seed(0…4); networkx
  /// `louvain_communities` reaches the same 0.4198 partition), the weighted karate club's
  /// 0.44490358126721763 and Les Misérables' 0.56668798334324821 (the igraph call of
  /// ``weightedGraphsMatchIgraphConverged``). The result is never below any of the four runs alone
  /// (run *i* > 0 seeded by the *i*-th output of `SplitMix64(seed:)`), and is the same for 1, 2 and
  /// 3 threads.
  @Test func iteratedCoreGroupsReachIgraphsBestOnEverySeed() throws {
    for (graph, best) in [
      (Fixtures.karateClubUnweighted, 0.41978961209730437), (Fixtures.karateClub, 0.44490358126721763),
      (Fixtures.lesMiserables, 0.56668798334324821),
    ] {
      for seed in 0 ..< 20 as Range<UInt64> {
        let result = try Leiden(seed: seed, maxIterations: 5, threads: 1, restarts: 4).run(on: graph)
        #expect(result.modularity >= best - 1e-9, "seed \(seed)")
        expectApproximatelyEqual(result.modularity, try Modularity().value(of: result.partition, in: graph), tolerance: 1e-12)
        var seeds = [seed]
        var derived = SplitMix64(seed: seed)
        while seeds.count < 4 { seeds.append(derived.next()) }
        for s in seeds {
          #expect(result.quality >= (try Leiden(seed: s, maxIterations: 5).run(on: graph)).quality, "seed \(seed) run \(s)")
        }
        for threads in [2, 3] {
          #expect(try Leiden(seed: seed, maxIterations: 5, threads: threads, restarts: 4).run(on: graph) == result)
        }
      }
    }
    // On random graphs (sparse, with many near-ties) the same: never below a run, threads do not matter,
    // and every community is connected.
    for seed in 0 ..< 4 as Range<UInt64> {
      var rng = SplitMix64(seed: seed &+ 100)
      let graph = Fixtures.randomGraph(nodes: 3000, edgeProbability: 0.0015, weights: 0.5 ... 3, using: &rng)
      let result = try Leiden(seed: seed, maxIterations: 5, threads: 1, restarts: 4).run(on: graph)
      var derived = SplitMix64(seed: seed)
      var seeds = [seed]
      while seeds.count < 4 { seeds.append(derived.next()) }
      for s in seeds { #expect(result.quality >= (try Leiden(seed: s, maxIterations: 5).run(on: graph)).quality) }
      #expect(try Leiden(seed: seed, maxIterations: 5, threads: 2, restarts: 4).run(on: graph) == result)
      #expect(everyCommunityIsConnected(result.partition, in: graph))
    }
  }

  /// Restarts: run 0 is ``Leiden/seed`` itself, run 1 the first output of `SplitMix64(seed:)`;
  /// the kept result is never below either run alone, is the same for any `threads`, and its
  /// communities are connected. On random graphs the core-group combination beats both runs on
  /// some seeds.
  @Test func restartsKeepTheBestAndDoNotDependOnThreads() throws {
    var strictlyBetter = 0
    for seed in 0 ..< 6 as Range<UInt64> {
      var rng = SplitMix64(seed: seed)
      let sparse = Fixtures.randomGraph(nodes: 1500, edgeProbability: 0.003, weights: 0.5 ... 3, using: &rng)
      for (graph, quality, resolution) in [
        (sparse, Leiden.Quality.modularity, 1.0), (sparse, .cpm, 0.05), (Fixtures.lesMiserables, .modularity, 1.5),
      ] {
        let run0 = try Leiden(quality: quality, resolution: resolution, seed: seed).run(on: graph)
        var derived = SplitMix64(seed: seed)
        let run1 = try Leiden(quality: quality, resolution: resolution, seed: derived.next()).run(on: graph)
        #expect(try Leiden(quality: quality, resolution: resolution, seed: seed, restarts: 1).run(on: graph) == run0)
        let two = try Leiden(quality: quality, resolution: resolution, seed: seed, threads: 1, restarts: 2).run(on: graph)
        #expect(two.quality >= max(run0.quality, run1.quality))
        #expect(two.converged)
        #expect(everyCommunityIsConnected(two.partition, in: graph))
        #expect(Partition(labels: two.partition.membership) == two.partition)
        expectApproximatelyEqual(
          two.quality, try quality.value(of: two.partition, in: graph, resolution: resolution), tolerance: 1e-9)
        if two.quality > max(run0.quality, run1.quality) + 1e-12 { strictlyBetter += 1 }
        for threads in [2, 3] {
          let many = Leiden(quality: quality, resolution: resolution, seed: seed, threads: threads, restarts: 2)
          #expect(try many.run(on: graph) == two, "threads \(threads)")
        }
        let three = try Leiden(quality: quality, resolution: resolution, seed: seed, threads: 2, restarts: 3).run(on: graph)
        #expect(three == (try Leiden(quality: quality, resolution: resolution, seed: seed, threads: 1, restarts: 3).run(on: graph)))
      }
    }
    #expect(strictlyBetter > 0)
    #expect(throws: GraphError.self) { try Leiden(restarts: 0).run(on: Fixtures.karateClub) }
  }

  /// Converged: Leiden started again from its own result (same settings) changes nothing on the
  /// named graphs, for both qualities and several resolutions (`stableIterations` unchanged
  /// iterations, then it stops). On random graphs a fresh random refinement can still open a
  /// move (that is why one unchanged iteration is not enough: see ``Leiden/stableIterations``),
  /// so there the quality never drops and usually stays.
  @Test(arguments: 0 ..< 10 as Range<UInt64>)
  func rerunFromOwnResultChangesNothing(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let sparse = Fixtures.randomGraph(nodes: 200, edgeProbability: 0.02, weights: 0.5 ... 3, using: &rng)
    for (index, graph) in [Fixtures.karateClub, Fixtures.lesMiserables, sparse].enumerated() {
      for (quality, resolution) in [(Leiden.Quality.modularity, 1.0), (.modularity, 2.0), (.cpm, 0.1)] {
        let detector = Leiden(quality: quality, resolution: resolution, seed: seed)
        let first = try detector.run(on: graph)
        #expect(first.converged)
        let again = try detector.run(on: graph, from: first.partition)
        #expect(again.converged)
        #expect(again.quality >= first.quality - 1e-12)
        if index < 2 {
          #expect(again.partition == first.partition, "\(quality) \(resolution)")
          #expect(again.iterations == detector.stableIterations)
          #expect(again.quality == first.quality)
        }
      }
    }
    #expect(throws: GraphError.partitionSizeMismatch(partitionCount: 3, nodeCount: 34)) {
      try Leiden().run(on: Fixtures.karateClub, from: .singletons(3))
    }
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func everyCommunityConnected(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let sparse = Fixtures.randomGraph(nodes: 80, edgeProbability: 0.04, weights: 0.5 ... 3, using: &rng)
    let dense = Fixtures.randomGraph(nodes: 40, edgeProbability: 0.2, using: &rng)
    for graph in [sparse, dense, Fixtures.karateClub, Fixtures.lesMiserables, Fixtures.disconnectedWeighted] {
      for (quality, resolution) in [(Leiden.Quality.modularity, 1.0), (.modularity, 2.5), (.cpm, 0.05), (.cpm, 0.5)] {
        let result = try Leiden(quality: quality, resolution: resolution, seed: seed).run(on: graph)
        #expect(everyCommunityIsConnected(result.partition, in: graph))
        #expect(result.partition.nodeCount == graph.nodeCount)
        #expect(Partition(labels: result.partition.membership) == result.partition)
        let singletons = try quality.value(of: .singletons(graph.nodeCount), in: graph, resolution: resolution)
        #expect(result.quality >= singletons - 1e-12)
      }
    }
  }

  /// Refinement and aggregation run on `threads` workers (communities in chunks); the partition
  /// must not depend on it. 3000 nodes give thousands of first-level communities, so many chunks.
  @Test(arguments: 0 ..< 4 as Range<UInt64>)
  func threadsDoNotChangeThePartition(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let sparse = Fixtures.randomGraph(nodes: 3000, edgeProbability: 0.0015, weights: 0.5 ... 3, using: &rng)
    for quality in Leiden.Quality.allCases {
      let resolution = quality == .cpm ? 0.05 : 1
      let one = try Leiden(quality: quality, resolution: resolution, seed: seed, threads: 1).run(on: sparse)
      #expect(one.partition.communityCount > 10)
      for threads in [2, 3, 8] {
        let many = try Leiden(quality: quality, resolution: resolution, seed: seed, threads: threads).run(on: sparse)
        #expect(many == one, "\(quality), threads \(threads)")
      }
    }
    #expect(throws: GraphError.self) { try Leiden(threads: -1).run(on: Fixtures.karateClub) }
  }

  @Test(arguments: 0 ..< 10 as Range<UInt64>)
  func sameSeedSamePartition(seed: UInt64) throws {
    for quality in Leiden.Quality.allCases {
      let detector = Leiden(quality: quality, resolution: quality == .cpm ? 0.1 : 1, seed: seed)
      let first = try detector.run(on: Fixtures.lesMiserables)
      #expect(try detector.run(on: Fixtures.lesMiserables) == first)
      #expect(try detector.partition(of: Fixtures.lesMiserables) == first.partition)
    }
  }

  /// Hand computation on the graph below, communities {0, 1, 2} and {3, 4}:
  ///
  ///     0 —2— 1        3 —1— 4
  ///      \   /          \
  ///       1 3            (2,3) weight 0.5
  ///        2
  ///
  /// inside: {0,1,2} = 2 + 1 + 3 = 6, {3,4} = 1; sizes 3 and 2.
  /// H = (6 − γ·3) + (1 − γ·1) with γ = 0.25: 5.25 + 0.75 = 6.
  @Test func cpmQualityByHand() throws {
    let g = Graph(nodeCount: 5, edges: [(0, 1, 2), (0, 2, 1), (1, 2, 3), (3, 4, 1), (2, 3, 0.5)])
    let p = Partition(labels: [0, 0, 0, 1, 1])
    #expect(try Leiden.Quality.cpm.value(of: p, in: g, resolution: 0.25) == 6)
    // Singletons: no edge inside, no pair: H = 0. One community: 7.5 − 0.25·10 = 5.
    #expect(try Leiden.Quality.cpm.value(of: .singletons(5), in: g, resolution: 0.25) == 0)
    #expect(try Leiden.Quality.cpm.value(of: Partition(labels: [0, 0, 0, 0, 0]), in: g, resolution: 0.25) == 5)
    // Leiden with CPM finds the two groups here (6 beats 5 and every other split).
    let result = try Leiden(quality: .cpm, resolution: 0.25).run(on: g)
    #expect(result.partition == p)
    #expect(result.quality == 6)
  }

  @Test func resolutionZeroGivesOneCommunityPerComponent() throws {
    for quality in Leiden.Quality.allCases {
      for graph in [Fixtures.disconnectedWeighted, Fixtures.karateClub, Fixtures.lesMiserables] {
        let result = try Leiden(quality: quality, resolution: 0).run(on: graph)
        #expect(result.partition == graph.connectedComponents())
      }
    }
  }

  @Test func documentedExample() throws {
    let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    for seed in 0 ..< 10 as Range<UInt64> {
      #expect(try Leiden(seed: seed).partition(of: g).membership == [0, 0, 0, 1, 1, 1])
    }
  }

  @Test func iterationBudget() throws {
    // One iteration from singletons changes the partition, so it cannot be known converged.
    let limited = try Leiden(maxIterations: 1).run(on: Fixtures.lesMiserables)
    #expect(limited.iterations == 1)
    #expect(!limited.converged)
    let converged = try Leiden().run(on: Fixtures.lesMiserables)  // default: until nothing changes
    #expect(converged.converged)
    #expect(converged.iterations >= 2)  // the last one changed nothing
    #expect(try Leiden(maxIterations: nil).run(on: Fixtures.lesMiserables) == converged)
    #expect(try Leiden(maxIterations: converged.iterations).run(on: Fixtures.lesMiserables) == converged)
    let short = try Leiden(maxIterations: converged.iterations - 1).run(on: Fixtures.lesMiserables)
    #expect(!short.converged && short.iterations == converged.iterations - 1)
    // The method reports it too (the CLI warns when it is false).
    let method = try CommunityMethod(algorithm: .leiden).run(on: Fixtures.lesMiserables)
    #expect(method.converged && method.iterations == converged.iterations)
  }

  /// `CommunityMethod.leidenIterations` (the CLI's `--leiden-iterations`) is Leiden's
  /// `maxIterations` for every run, restarts and their combination included; nil keeps Leiden's default.
  @Test func methodPassesTheIterationCap() throws {
    let graph = Fixtures.lesMiserables
    for seed in 0 ..< 4 as Range<UInt64> {
      for (restarts, cap) in [(1, 1), (1, 3), (2, 2), (3, 10)] {
        let method = try CommunityMethod(algorithm: .leiden, seed: seed, restarts: restarts, leidenIterations: cap).run(on: graph)
        let direct = try Leiden(seed: seed, maxIterations: cap, restarts: restarts).run(on: graph)
        #expect(method.partition == direct.partition && method.quality == direct.quality)
        #expect(method.iterations == direct.iterations && method.converged == direct.converged)
      }
      let capped = try CommunityMethod(algorithm: .leiden, seed: seed, leidenIterations: 1).run(on: graph)
      #expect(capped.iterations == 1 && !capped.converged)
      let uncapped = try CommunityMethod(algorithm: .leiden, seed: seed).run(on: graph)
      let library = try Leiden(seed: seed).run(on: graph)
      #expect(uncapped.converged && uncapped.partition == library.partition)
    }
    #expect(CommunityMethod(algorithm: .leiden, restarts: 3, leidenIterations: 10).summary
      == "Leiden, resolution 1, seed 0, 3 restarts, at most 10 iterations a run")
    #expect(throws: GraphError.invalidParameter(name: "leidenIterations", value: 0, reason: "must be at least 1")) {
      try CommunityMethod(algorithm: .leiden, leidenIterations: 0).run(on: Fixtures.karateClub)
    }
    #expect(
      throws: GraphError.invalidParameter(
        name: "leidenIterations", value: 5, reason: "an iteration cap per run is a setting of Leiden only")
    ) {
      try CommunityMethod(algorithm: .louvain, leidenIterations: 5).run(on: Fixtures.karateClub)
    }
  }

  /// `CommunityMethod.restarts` (the CLI's `--restarts`) is Leiden's; other methods and k < 1 throw.
  @Test func libraryRefusesRestartsOutsideLeiden() {
    #expect(throws: GraphError.invalidParameter(name: "restarts", value: 2, reason: "restarts are a setting of Leiden only")) {
      try CommunityMethod(algorithm: .louvain, restarts: 2).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "restarts", value: 0, reason: "must be at least 1")) {
      try CommunityMethod(algorithm: .leiden, restarts: 0).run(on: Fixtures.karateClub)
    }
  }

  @Test func edgelessAndEmptyGraphs() throws {
    let edgeless = try Leiden().run(on: .empty(3))
    #expect(edgeless == LeidenResult(partition: .singletons(3), quality: 0, modularity: 0, iterations: 0, converged: true))
    let empty = try Leiden().run(on: .empty(0))
    #expect(empty.partition.nodeCount == 0 && empty.quality == 0)
  }

  @Test func rejectsBadParameters() {
    #expect(throws: GraphError.invalidParameter(name: "resolution", value: -1, reason: "must be finite and ≥ 0")) {
      try Leiden(resolution: -1).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "randomness", value: 0, reason: "must be positive and finite")) {
      try Leiden(randomness: 0).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "maxIterations", value: 0, reason: "must be at least 1")) {
      try Leiden(maxIterations: 0).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "stableIterations", value: 0, reason: "must be at least 1")) {
      try Leiden(stableIterations: 0).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidWeight(edge: EdgeID(0), weight: -1)) {
      try Leiden().run(on: Graph(edges: [(0, 1, -1.0)]))
    }
  }
}

@Suite("Label propagation")
struct LabelPropagationTests {
  /// Two 5-cliques {0…4} and {5…9} joined by the edge 4 — 5.
  static let twoCliques: Graph = {
    var edges: [(Int, Int)] = [(4, 5)]
    for base in [0, 5] {
      for u in base ..< base + 5 { for v in u + 1 ..< base + 5 { edges.append((u, v)) } }
    }
    return Graph(nodeCount: 10, unweightedEdges: edges)
  }()

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func twoCliquesGiveTwoCommunities(seed: UInt64) throws {
    let result = try LabelPropagation(seed: seed).run(on: Self.twoCliques)
    #expect(result.partition.membership == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func labelsNeverCrossComponents(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 60, edgeProbability: 0.03, weights: 0.5 ... 2, using: &rng)
    let components = graph.connectedComponents()
    let result = try LabelPropagation(seed: seed).run(on: graph)
    for v in 0 ..< graph.nodeCount {
      for w in 0 ..< graph.nodeCount where result.partition.membership[v] == result.partition.membership[w] {
        #expect(components.membership[v] == components.membership[w])
      }
    }
    // Converged: every node carries a label of maximal weight among its neighbours.
    for v in 0 ..< graph.nodeCount where graph.degree(of: NodeID(v)) > 0 {
      var weight = [Int32: Double]()
      for a in graph.adjacencyOffsets[v] ..< graph.adjacencyOffsets[v + 1] {
        weight[result.partition.membership[Int(graph.adjacencyTargets[a])], default: 0] += graph.adjacencyWeights[a]
      }
      #expect(weight[result.partition.membership[v], default: 0] >= weight.values.max()!)
    }
    #expect(try LabelPropagation(seed: seed).run(on: graph) == result)  // deterministic
  }

  @Test func weightsDecide() throws {
    // 1 sits between 0 (weight 3) and 2 (weight 1): it follows 0; 2 follows 1.
    let g = Graph(nodeCount: 3, edges: [(0, 1, 3), (1, 2, 1)])
    #expect(try LabelPropagation().partition(of: g).membership == [0, 0, 0])
    #expect(try LabelPropagation().partition(of: .empty(3)) == .singletons(3))
    #expect(try LabelPropagation().partition(of: .empty(0)).nodeCount == 0)
  }

  @Test func documentedExample() throws {
    let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    #expect(try LabelPropagation().partition(of: g).membership == [0, 0, 0, 1, 1, 1])
  }

  @Test func rejectsBadParameters() {
    #expect(throws: GraphError.invalidParameter(name: "maxIterations", value: 0, reason: "must be at least 1")) {
      try LabelPropagation(maxIterations: 0).run(on: Fixtures.karateClub)
    }
    // Seed 0: 30 of the 34 nodes change label in the first sweep.
    #expect(throws: GraphError.notConverged(iterations: 1, residual: 30)) {
      try LabelPropagation(maxIterations: 1).run(on: Fixtures.karateClubUnweighted)
    }
  }
}
