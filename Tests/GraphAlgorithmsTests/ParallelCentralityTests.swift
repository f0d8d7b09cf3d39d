import GraphAlgorithms
import GraphCore
import Synchronization
import TestSupport
import Testing

/// Thread-count independence, sampled betweenness, progress reports and cancellation.
@Suite("Centrality: parallel runs, sampling, progress")
struct ParallelCentralityTests {
  /// Every parallel measure with `threads` set.
  static func measures(threads: Int) -> [(String, any CentralityMeasure)] {
    var result: [(String, any CentralityMeasure)] = []
    for weighted in [false, true] {
      var b = BetweennessCentrality(weighted: weighted)
      b.threads = threads
      var sampled = BetweennessCentrality(weighted: weighted)
      sampled.threads = threads
      sampled.samples = 70
      sampled.seed = 3
      var c = ClosenessCentrality(weighted: weighted)
      c.threads = threads
      var h = HarmonicCentrality(weighted: weighted)
      h.threads = threads
      let suffix = weighted ? " weighted" : ""
      result += [("betweenness" + suffix, b), ("sampled betweenness" + suffix, sampled),
                 ("closeness" + suffix, c), ("harmonic" + suffix, h)]
    }
    var cc = ClusteringCoefficient()
    cc.threads = threads
    result.append(("clustering", cc))
    return result
  }

  /// 1 thread and 2, 3 or 7 threads give bit-identical results (sources are chunked independently
  /// of the thread count and chunk sums are merged in chunk order). 150 nodes make several chunks
  /// and several 64-source batches.
  @Test(arguments: 0 ..< 10 as Range<UInt64>)
  func threadCountDoesNotChangeResults(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 150, edgeProbability: 0.03, weights: 0.5 ... 4, using: &rng)
    let reference = try Self.measures(threads: 1).map { try $0.1.scores(for: graph).values }
    for threads in [2, 3, 7] {
      for (i, (name, measure)) in Self.measures(threads: threads).enumerated() {
        let values = try measure.scores(for: graph).values
        let same = zip(values, reference[i]).allSatisfy { $0.bitPattern == $1.bitPattern }
        #expect(same && values.count == reference[i].count, "\(name), threads \(threads)")
      }
    }
  }

  /// Eigenvector centrality runs its Lanczos products on threads from 400,000 arcs on; the chunk
  /// sums are merged in chunk order, so 1, 2 and 3 threads give bit-identical vectors.
  @Test func eigenvectorThreadCountDoesNotChangeResults() throws {
    var rng = SplitMix64(seed: 11)
    let n = 20_000
    var builder = GraphBuilder(nodeCount: n)
    for v in 0 ..< n { builder.addEdge(v, (v + 1) % n, weight: 1) }
    for _ in 0 ..< 190_000 {
      let u = Int(rng.next(below: UInt64(n)))
      let v = Int(rng.next(below: UInt64(n)))
      if u != v { builder.addEdge(u, v, weight: 1 + rng.nextUnitInterval()) }
    }
    let graph = builder.build()
    #expect(graph.adjacencyTargets.count >= 400_000)
    for weighted in [false, true] {
      var measure = EigenvectorCentrality(weighted: weighted)
      measure.threads = 1
      let reference = try measure.scores(for: graph).values
      for threads in [2, 3] {
        measure.threads = threads
        let values = try measure.scores(for: graph).values
        #expect(zip(values, reference).allSatisfy { $0.bitPattern == $1.bitPattern }, "weighted \(weighted), threads \(threads)")
      }
    }
  }

  /// The parallel measures still agree with networkx on the fixtures for several thread counts.
  @Test(arguments: [1, 2, 3, 7])
  func referenceValuesForAnyThreadCount(threads: Int) throws {
    var b = BetweennessCentrality()
    b.threads = threads
    expectApproximatelyEqual(try b.scores(for: Fixtures.lesMiserables).values, Reference.LesMiserables.betweenness, tolerance: 1e-9)
    var bw = BetweennessCentrality(weighted: true)
    bw.threads = threads
    expectApproximatelyEqual(
      try bw.scores(for: Fixtures.lesMiserables).values, Reference.LesMiserables.betweennessWeighted, tolerance: 1e-9)
    var c = ClosenessCentrality()
    c.threads = threads
    // Unweighted closeness sums integer distances, so it equals networkx exactly.
    #expect(try c.scores(for: Fixtures.lesMiserables).values == Reference.LesMiserables.closeness)
    var h = HarmonicCentrality()
    h.threads = threads
    expectApproximatelyEqual(try h.scores(for: Fixtures.disconnectedWeighted).values, Reference.DisconnectedWeighted.harmonic, tolerance: 1e-12)
  }

  /// networkx `betweenness_centrality(G, k=K)` with the sample fixed to the pivots our SplitMix64
  /// draws (see `generate_structure_references.py`).
  @Test(arguments: StructureReference.sampledBetweenness)
  func sampledBetweennessMatchesNetworkx(_ c: StructureReference.SampledBetweennessCase) throws {
    let graph = c.fixture == "karateClub" ? Fixtures.karateClubUnweighted : Fixtures.lesMiserables.withUniformWeight(1)
    var measure = BetweennessCentrality(normalization: c.normalized ? .pairs : .none)
    measure.samples = c.samples
    measure.seed = c.seed
    #expect(measure.sources(nodeCount: graph.nodeCount) == c.pivots)
    for threads in [1, 2] {
      measure.threads = threads
      expectApproximatelyEqual(try measure.scores(for: graph).values, c.expected, tolerance: 1e-12, "\(c)")
    }
  }

  /// K = n (or more) is the exact computation; different seeds pick different pivots.
  @Test func sampleOfEveryNodeIsExact() throws {
    let graph = Fixtures.lesMiserables
    for samples in [graph.nodeCount, graph.nodeCount + 5] {
      for weighted in [false, true] {
        var sampled = BetweennessCentrality(normalization: .none, weighted: weighted)
        sampled.samples = samples
        let exact = try BetweennessCentrality(normalization: .none, weighted: weighted).scores(for: graph)
        #expect(try sampled.scores(for: graph) == exact)
      }
    }
    var a = BetweennessCentrality()
    a.samples = 10
    var b = a
    b.seed = 1
    #expect(a.sources(nodeCount: 77) != b.sources(nodeCount: 77))
    #expect(Set(a.sources(nodeCount: 77)).count == 10)
  }

  /// The sampled estimate scales like the exact value: averaged over many seeds the estimate of a
  /// non-pivot node is unbiased, and on a star with K = 2 the centre gets exactly its exact score
  /// whenever it is not a pivot (every leaf-to-leaf path crosses it).
  @Test func sampledScaling() throws {
    let star = Graph.star(leaves: 9)  // n = 10; exact normalised betweenness of the centre is 1
    for seed in 0 ..< 20 as Range<UInt64> {
      var m = BetweennessCentrality()
      m.samples = 3
      m.seed = seed
      let pivots = m.sources(nodeCount: 10)
      let values = try m.scores(for: star).values
      // Centre as non-pivot: each leaf source contributes (n − 2) = 8 pairs; 3 × 8 × 1/(3 · 8) = 1.
      if !pivots.contains(0) { #expect(values[0] == 1) }
      // Centre as pivot: 2 leaf pivots × 8 / (2 · 8) = 1.
      else { #expect(values[0] == 1) }
      for leaf in 1 ..< 10 { #expect(values[leaf] == 0) }
    }
  }

  @Test func invalidParametersAreRejected() {
    var b = BetweennessCentrality()
    b.samples = 0
    #expect(throws: GraphError.invalidParameter(name: "samples", value: 0, reason: "must be at least 1")) {
      try b.scores(for: Fixtures.karateClub)
    }
    var c = ClosenessCentrality()
    c.threads = -2
    #expect(throws: GraphError.invalidParameter(name: "threads", value: -2, reason: "must be 0 (all processors) or positive")) {
      try c.scores(for: Fixtures.karateClub)
    }
  }

  /// Progress reports are serialised, never decrease, and the last one is total = completed.
  @Test(arguments: [1, 2, 3])
  func progressReachesTotal(threads: Int) throws {
    var rng = SplitMix64(seed: 1)
    let graph = Fixtures.randomGraph(nodes: 300, edgeProbability: 0.02, using: &rng)
    let measures: [(String, (ProgressReporter) throws -> NodeScores)] = [
      ("betweenness", { var m = BetweennessCentrality(); m.threads = threads; return try m.scores(for: graph, progress: $0) }),
      ("sampled betweenness", {
        var m = BetweennessCentrality(); m.threads = threads; m.samples = 100; return try m.scores(for: graph, progress: $0)
      }),
      ("closeness", { var m = ClosenessCentrality(weighted: true); m.threads = threads; return try m.scores(for: graph, progress: $0) }),
      ("harmonic", { var m = HarmonicCentrality(); m.threads = threads; return try m.scores(for: graph, progress: $0) }),
    ]
    for (name, run) in measures {
      let log = Mutex<[(Int, Int)]>([])
      let scores = try run(ProgressReporter { done, total in
        log.withLock { $0.append((done, total)) }
        return true
      })
      let reports = log.withLock { $0 }
      let total = name == "sampled betweenness" ? 100 : 300
      #expect(reports.count > 1, "\(name)")
      #expect(reports.last?.0 == total && reports.allSatisfy { $0.1 == total }, "\(name)")
      #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 < $1.0 }, "\(name)")
      #expect(scores.count == 300)
    }
  }

  /// A reporter that returns false stops the run promptly with `.cancelled`.
  @Test(arguments: [1, 2])
  func cancellationThrows(threads: Int) throws {
    var rng = SplitMix64(seed: 2)
    let graph = Fixtures.randomGraph(nodes: 2000, edgeProbability: 0.005, using: &rng)
    let calls = Atomic<Int>(0)
    let cancelAtFirst = ProgressReporter { _, _ in
      calls.wrappingAdd(1, ordering: .relaxed)
      return false
    }
    var b = BetweennessCentrality()
    b.threads = threads
    #expect(throws: GraphError.cancelled) { try b.scores(for: graph, progress: cancelAtFirst) }
    // Promptly: the first report cancels, so at most one more chunk per other worker reports.
    #expect(calls.load(ordering: .relaxed) <= threads)
    var c = ClosenessCentrality()
    c.threads = threads
    #expect(throws: GraphError.cancelled) { try c.scores(for: graph, progress: cancelAtFirst) }
    var h = HarmonicCentrality(weighted: true)
    h.threads = threads
    #expect(throws: GraphError.cancelled) { try h.scores(for: graph, progress: cancelAtFirst) }
    #expect(GraphError.cancelled.description == "the computation was cancelled")
    // And the plain overload still works after a cancelled run.
    b.samples = 20
    #expect(try b.scores(for: graph).count == 2000)
  }

  /// Graphs of 50,000 nodes or more are searched renumbered in breadth-first order; the scores
  /// must come back to the right nodes. 1,471 disjoint copies of the karate club (50,014 nodes):
  /// every copy has networkx's raw betweenness.
  @Test func renumberedLargeGraphMapsScoresBack() throws {
    let copies = 1471
    let karate = Fixtures.karateClubUnweighted
    var builder = GraphBuilder(nodeCount: 34 * copies)
    // Interleave the copies (node 34·j + i of copy j becomes i·copies + j) so renumbering moves nodes.
    for j in 0 ..< copies {
      for e in 0 ..< karate.edgeCount {
        let (u, v) = karate.endpoints(of: EdgeID(e))
        builder.addEdge(u.index * copies + j, v.index * copies + j, weight: 1)
      }
    }
    let graph = builder.build()
    #expect(graph.nodeCount >= 50_000)
    var measure = BetweennessCentrality(normalization: .none)
    measure.threads = 2
    let values = try measure.scores(for: graph).values
    for j in [0, 700, copies - 1] {
      let copy = (0 ..< 34).map { values[$0 * copies + j] }
      expectApproximatelyEqual(copy, Reference.KarateClubUnweighted.betweennessRaw, tolerance: 1e-9, "copy \(j)")
    }
  }
}
