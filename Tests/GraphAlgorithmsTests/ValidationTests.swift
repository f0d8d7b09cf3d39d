import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

/// 0 —(−1)— 1 — 2: edge 0 has an invalid weight.
private let negativeWeight = Graph(edges: [(0, 1, -1.0), (1, 2, 1.0)])

@Suite("Validation and edge cases")
struct ValidationTests {
  @Test func weightedMeasuresRejectNonPositiveWeights() {
    let measures: [any CentralityMeasure] = [
      BetweennessCentrality(weighted: true), ClosenessCentrality(weighted: true),
      HarmonicCentrality(weighted: true), EigenvectorCentrality(), PageRank(),
    ]
    for measure in measures {
      #expect(throws: GraphError.invalidWeight(edge: 0, weight: -1)) { try measure.scores(for: negativeWeight) }
    }
    #expect(throws: GraphError.invalidWeight(edge: 0, weight: -1)) { try Louvain().run(on: negativeWeight) }
    #expect(throws: GraphError.invalidWeight(edge: 0, weight: -1)) {
      try Modularity().value(of: .singletons(3), in: negativeWeight)
    }
    // The second edge (1, 2) is EdgeID 1; zero and NaN are rejected too.
    let zero = Graph(edges: [(0, 1, 1.0), (1, 2, 0.0)])
    #expect(throws: GraphError.invalidWeight(edge: 1, weight: 0)) { try BetweennessCentrality(weighted: true).scores(for: zero) }
    let infinite = Graph(edges: [(0, 1, .infinity)])
    #expect(throws: GraphError.invalidWeight(edge: 0, weight: .infinity)) { try ClosenessCentrality(weighted: true).scores(for: infinite) }
  }

  @Test func unweightedMeasuresIgnoreWeights() throws {
    // The hop-count variants do not look at weights, so an invalid weight is no error for them.
    #expect(try BetweennessCentrality(normalization: .none).scores(for: negativeWeight).values == [0, 1, 0])
    #expect(try ClosenessCentrality().scores(for: negativeWeight).values == (try ClosenessCentrality().scores(for: .path(3)).values))
    #expect(try DegreeCentrality().scores(for: negativeWeight).values == [1, 2, 1])
    #expect(try StrengthCentrality().scores(for: negativeWeight).values == [-1, 0, 1])
  }

  @Test func invalidParameters() {
    #expect(throws: GraphError.invalidParameter(name: "resolution", value: -1, reason: "must be finite and ≥ 0")) {
      try Louvain(resolution: -1).run(on: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "resolution", value: -0.5, reason: "must be finite and ≥ 0")) {
      try Modularity(resolution: -0.5).value(of: .singletons(34), in: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "maxLevels", value: 0, reason: "must be at least 1")) {
      try Louvain(maxLevels: 0).partition(of: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "threshold", value: -1, reason: "must be finite and ≥ 0")) {
      try Louvain(threshold: -1).partition(of: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "damping", value: 1.5, reason: "must be in [0, 1)")) {
      try PageRank(damping: 1.5).scores(for: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "maxIterations", value: 0, reason: "must be at least 1")) {
      try PageRank(maxIterations: 0).scores(for: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "maxIterations", value: 0, reason: "must be at least 1")) {
      try EigenvectorCentrality(maxIterations: 0).scores(for: Fixtures.karateClub)
    }
    #expect(throws: GraphError.invalidParameter(name: "tolerance", value: 0, reason: "must be positive and finite")) {
      try EigenvectorCentrality(tolerance: 0).scores(for: Fixtures.karateClub)
    }
    // Parameters are checked before the graph: an empty graph with a bad parameter still throws.
    #expect(throws: GraphError.invalidParameter(name: "damping", value: -0.1, reason: "must be in [0, 1)")) {
      try PageRank(damping: -0.1).scores(for: .empty(0))
    }
  }

  @Test func partitionSizeMismatch() {
    #expect(throws: GraphError.partitionSizeMismatch(partitionCount: 3, nodeCount: 34)) {
      try Modularity().value(of: .singletons(3), in: Fixtures.karateClub)
    }
  }

  @Test func notConverged() throws {
    #expect {
      try EigenvectorCentrality(maxIterations: 3).scores(for: Fixtures.karateClub)
    } throws: { error in
      guard case .notConverged(let iterations, let residual) = error as? GraphError else { return false }
      // residual = the L1 error bound reached, above the default tolerance 1e-9
      return iterations == 3 && residual > 1e-9
    }
    #expect {
      try PageRank(maxIterations: 2).scores(for: Fixtures.lesMiserables)
    } throws: { error in
      guard case .notConverged(let iterations, let residual) = error as? GraphError else { return false }
      // residual = the L1 error bound α/(1−α)·‖Δx‖₁ reached, above the default tolerance 1e-10
      return iterations == 2 && residual > 1e-10
    }
  }

  @Test func emptyGraphGivesEmptyResults() throws {
    let empty = Graph.empty(0)
    for metric in Metric.allCases {
      for weighted in [false, true] {
        #expect(try metric.measure(weighted: weighted).scores(for: empty) == NodeScores(values: []))
      }
    }
    #expect(try ConnectedComponents().partition(of: empty) == Partition(labels: [Int]()))
    #expect(try Louvain().partition(of: empty).nodeCount == 0)
    #expect(try Modularity().value(of: Partition(labels: [Int]()), in: empty) == 0)
  }

  @Test func isolatedNodes() throws {
    // Three isolated nodes: nothing is between or close to anything; PageRank is uniform.
    let g = Graph.empty(3)
    #expect(try BetweennessCentrality().scores(for: g).values == [0, 0, 0])
    #expect(try ClosenessCentrality().scores(for: g).values == [0, 0, 0])
    #expect(try HarmonicCentrality().scores(for: g).values == [0, 0, 0])
    expectApproximatelyEqual(try PageRank().scores(for: g).values, [1.0 / 3, 1.0 / 3, 1.0 / 3], tolerance: 1e-12)
    expectApproximatelyEqual(
      try EigenvectorCentrality().scores(for: g).values, Array(repeating: 1 / 3.0.squareRoot(), count: 3), tolerance: 1e-12)
    #expect(try ClosenessCentrality().scores(for: .empty(1)).values == [0])
  }

  @Test func errorDescriptionsNameTheValue() {
    #expect(GraphError.invalidWeight(edge: 0, weight: -1).description == "edge 0 has weight -1.0; a positive finite weight is required")
    #expect(
      GraphError.invalidParameter(name: "resolution", value: -1, reason: "must be finite and ≥ 0").description
        == "invalid resolution -1.0: must be finite and ≥ 0")
  }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
  @Test func knownSequence() {
    // Reference outputs of Vigna's splitmix64.c with state 0.
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(rng.next() == 0x06C4_5D18_8009_454F)
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func boundedAndShuffle(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for bound in [1, 2, 3, 7, 1000] as [UInt64] {
      for _ in 0 ..< 100 { #expect(rng.next(below: bound) < bound) }
    }
    var values = ContiguousArray(0 ..< 50)
    rng.shuffle(&values)
    #expect(values.sorted() == Array(0 ..< 50))
    #expect(values != ContiguousArray(0 ..< 50))
    let u = rng.nextUnitInterval()
    #expect(u >= 0 && u < 1)
    var a = SplitMix64(seed: seed)
    var b = SplitMix64(seed: seed)
    #expect((0 ..< 10).map { _ in a.next() } == (0 ..< 10).map { _ in b.next() })
  }
}
