import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

/// Every measure the package offers, in both weight modes.
private let allMeasures: [(String, any CentralityMeasure)] = [
  ("degree", DegreeCentrality()), ("degreeNormalized", DegreeCentrality(normalized: true)),
  ("strength", StrengthCentrality()),
  ("betweenness", BetweennessCentrality()), ("betweennessWeighted", BetweennessCentrality(weighted: true)),
  ("betweennessRaw", BetweennessCentrality(normalization: .none)),
  ("closeness", ClosenessCentrality()), ("closenessWeighted", ClosenessCentrality(weighted: true)),
  ("harmonic", HarmonicCentrality()), ("harmonicWeighted", HarmonicCentrality(weighted: true)),
  ("eigenvector", EigenvectorCentrality()), ("eigenvectorUnweighted", EigenvectorCentrality(weighted: false)),
  ("pagerank", PageRank()), ("pagerankUnweighted", PageRank(weighted: false)),
]

@Suite("Centrality: properties over random graphs")
struct CentralityPropertyTests {
  /// Renaming node v to p[v] moves v's score to p[v] and changes nothing else.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func relabellingPermutesScores(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 30, edgeProbability: 0.15, weights: 0.5 ... 4, using: &rng)
    let permutation = Fixtures.randomPermutation(graph.nodeCount, using: &rng)
    let relabeled = graph.relabeled(by: permutation)
    for (name, measure) in allMeasures {
      let before = try measure.scores(for: graph).values
      let after = try measure.scores(for: relabeled).values
      let pulledBack = (0 ..< graph.nodeCount).map { after[permutation[$0]] }
      expectApproximatelyEqual(pulledBack, before, tolerance: 1e-9, "\(name)")
    }
  }

  /// With every weight 1, the weighted variant of each measure equals the unweighted one (igraph).
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func unitWeightsMatchUnweighted(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 30, edgeProbability: 0.12, weights: 0.5 ... 4, using: &rng)
    let unit = graph.withUniformWeight(1)
    let pairs: [(String, any CentralityMeasure, any CentralityMeasure)] = [
      ("betweenness", BetweennessCentrality(), BetweennessCentrality(weighted: true)),
      ("closeness", ClosenessCentrality(), ClosenessCentrality(weighted: true)),
      ("harmonic", HarmonicCentrality(), HarmonicCentrality(weighted: true)),
      ("eigenvector", EigenvectorCentrality(weighted: false), EigenvectorCentrality(weighted: true)),
      ("pagerank", PageRank(weighted: false), PageRank(weighted: true)),
      ("strength", DegreeCentrality(), StrengthCentrality()),
    ]
    for (name, plain, weighted) in pairs {
      let expected = try plain.scores(for: graph).values  // the unweighted variant ignores weights
      expectApproximatelyEqual(try weighted.scores(for: unit).values, expected, tolerance: 1e-12, "\(name)")
    }
    // And the weighted variants do see the weights: with weights in 0.5…4 the results differ.
    if graph.edgeCount > 0 {
      #expect(try StrengthCentrality().scores(for: graph) != (try StrengthCentrality().scores(for: unit)))
      #expect(try PageRank().scores(for: graph) != (try PageRank().scores(for: unit)))
    }
  }

  /// Structural sanity on random graphs: PageRank sums to 1, eigenvector has unit norm and no
  /// negative entry, normalised betweenness lies in [0, 1].
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func normalisations(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 40, edgeProbability: 0.1, weights: 1 ... 5, using: &rng)
    let pagerank = try PageRank().scores(for: graph).values
    expectApproximatelyEqual(pagerank.reduce(0, +), 1, tolerance: 1e-9)
    let eigenvector = try EigenvectorCentrality().scores(for: graph).values
    expectApproximatelyEqual(eigenvector.map { $0 * $0 }.reduce(0, +), 1, tolerance: 1e-9)
    #expect(eigenvector.allSatisfy { $0 >= 0 })
    let betweenness = try BetweennessCentrality(weighted: true).scores(for: graph).values
    #expect(betweenness.allSatisfy { $0 >= 0 && $0 <= 1 })
    // Raw betweenness sums to Σ over connected pairs of (path length − 1) on hop distance:
    // Σ_v c_B(v) = Σ_{s<t reachable} (d(s,t) − 1).
    let raw = try BetweennessCentrality(normalization: .none).scores(for: graph).values
    var expectedSum = 0.0
    for s in 0 ..< graph.nodeCount {
      let distances = hopDistances(graph, from: s)
      for t in s + 1 ..< graph.nodeCount where distances[t] > 0 { expectedSum += Double(distances[t] - 1) }
    }
    expectApproximatelyEqual(raw.reduce(0, +), expectedSum, tolerance: 1e-9)
  }
}

/// Plain BFS used as an independent oracle (−1 = unreachable).
func hopDistances(_ graph: Graph, from source: Int) -> [Int] {
  var distance = [Int](repeating: -1, count: graph.nodeCount)
  distance[source] = 0
  var queue = [source]
  var head = 0
  while head < queue.count {
    let v = queue[head]
    head += 1
    for w in graph.neighbors(of: NodeID(v)) where distance[w.index] < 0 {
      distance[w.index] = distance[v] + 1
      queue.append(w.index)
    }
  }
  return distance
}
