import Foundation
import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

@testable import GraphAlgorithms

/// Sampled estimates with a stated error bound (betweenness: Riondato–Kornaropoulos; closeness
/// and harmonic: Eppstein–Wang sampled sources): the estimate is within the stated bound of the
/// exact values, the sample size follows the formula, and a seed fixes the result.
@Suite("Centrality: sampled estimates with an error bound")
struct SampledEstimateTests {
  static func betweenness(_ target: EstimateTarget, seed: UInt64 = 0, threads: Int = 0) -> BetweennessCentrality {
    var b = BetweennessCentrality()
    b.estimate = target
    b.seed = seed
    b.threads = threads
    return b
  }

  static func closeness(_ target: EstimateTarget, seed: UInt64 = 0, threads: Int = 0) -> ClosenessCentrality {
    var c = ClosenessCentrality()
    c.estimate = target
    c.seed = seed
    c.threads = threads
    return c
  }

  static func harmonic(_ target: EstimateTarget, seed: UInt64 = 0, threads: Int = 0) -> HarmonicCentrality {
    var h = HarmonicCentrality()
    h.estimate = target
    h.seed = seed
    h.threads = threads
    return h
  }

  static func maxError(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }

  /// r = ⌈(0.5/ε′²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ with ε′ = ε(n − 2)/n (networkx's scale).
  @Test func betweennessSampleSizeFollowsTheFormula() {
    let target = EstimateTarget(error: 0.01, confidence: 0.95)
    // n = 1,000,002: ε′ = 0.01 · 1,000,000/1,000,002; ⌊log₂ 18⌋ = 4; ln 20 = 2.995732…
    // 0.5/ε′² · 7.995732 = 39,978.66 · (1.000002)² = 39,978.82 → 39,979.
    #expect(BetweennessCentrality.sampleSize(for: target, nodeCount: 1_000_002, vertexDiameter: 20) == 39_979)
    // VD = 3: ⌊log₂ 1⌋ = 0; n = 100: ε′ = 0.0098; 0.5/ε′² = 5,206.16; · (1 + 2.995732) = 20,802.4 → 20,803.
    #expect(BetweennessCentrality.sampleSize(for: target, nodeCount: 100, vertexDiameter: 3) == 20_803)
    // δ = 0.01, ε = 0.05, n = 10,002, VD = 34: ⌊log₂ 32⌋ = 5; 200 · (5 + 1 + 4.605170) · (10002/10000)² = 2,121.9 → 2,122.
    #expect(BetweennessCentrality.sampleSize(for: EstimateTarget(error: 0.05, confidence: 0.99), nodeCount: 10_002, vertexDiameter: 34) == 2_122)
    // No shortest path with an inner node: nothing to sample.
    #expect(BetweennessCentrality.sampleSize(for: target, nodeCount: 100, vertexDiameter: 2) == 0)
  }

  /// k = ⌈ln(2n/δ)/(2ε²)⌉.
  @Test func sourceSampleSizeFollowsTheFormula() {
    // ln(2·1000/0.05) = ln 40,000 = 10.596635; /(2 · 0.0025) = 2,119.3 → 2,120.
    #expect(SampledPathSums.sampleSize(for: EstimateTarget(error: 0.05, confidence: 0.95), nodeCount: 1000) == 2_120)
    // ln(2·1,300,000/0.05) = 17.766661; /(2 · 0.0025) = 3,553.3 → 3,554.
    #expect(SampledPathSums.sampleSize(for: EstimateTarget(error: 0.05, confidence: 0.95), nodeCount: 1_300_000) == 3_554)
  }

  /// The diameter bound is at least the true diameter, component by component.
  @Test(arguments: 0 ..< 10 as Range<UInt64>)
  func diameterBoundHolds(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 120, edgeProbability: 0.02, using: &rng)
    let bounds = ComponentDiameterBounds(graph: graph)
    var trueDiameter = [Int](repeating: 0, count: bounds.diameter.count)
    for s in 0 ..< graph.nodeCount {
      var dist = [Int](repeating: -1, count: graph.nodeCount)
      dist[s] = 0
      var queue = [s]
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for w in graph.neighbors(of: NodeID(v)) where dist[w.index] < 0 {
          dist[w.index] = dist[v] + 1
          queue.append(w.index)
        }
      }
      let c = Int(bounds.component[s])
      trueDiameter[c] = max(trueDiameter[c], dist.max() ?? 0)
      #expect(queue.count == bounds.size[c])
    }
    for c in trueDiameter.indices { #expect(bounds.diameter[c] >= trueDiameter[c]) }
    #expect(ComponentDiameterBounds(graph: .path(10)).diameter == [10])  // true 9; mid node ecc 5
  }

  /// Les Misérables (77 nodes): every estimate within ε of networkx
  /// `nx.betweenness_centrality(G)` (unweighted, `Reference.LesMiserables.betweenness`).
  @Test func betweennessWithinBoundOnLesMiserables() throws {
    let target = EstimateTarget(error: 0.02, confidence: 0.95)
    let run = try Self.betweenness(target).estimated(for: Fixtures.lesMiserables)
    #expect(run.estimate.method == .shortestPathSamples)
    #expect(run.estimate.errorBound == 0.02)
    let vd = (ComponentDiameterBounds(graph: Fixtures.lesMiserables).diameter.max() ?? 0) + 1
    // At most ω, the RK size for δ/2; Valjean's betweenness (0.57) keeps KADABRA's interval wide,
    // so here it runs to ω.
    let omega = BetweennessCentrality.sampleSize(for: EstimateTarget(error: 0.02, confidence: 0.975), nodeCount: 77, vertexDiameter: vd)
    #expect(run.estimate.samples == omega)
    let error = Self.maxError(run.scores.values, Reference.LesMiserables.betweenness)
    #expect(error <= 0.02, "max error \(error)")
    #expect(error > 0)  // it is an estimate
  }

  /// A G(n, p) graph of 2,000 nodes (`Fixtures.randomGraph(nodes: 2000, edgeProbability: 0.003)`,
  /// SplitMix64 seed 7) against exact Brandes (equal to networkx, see CentralityReferenceTests):
  /// betweenness within ±0.01, and `.none` scaled by (n−1)(n−2)/2.
  @Test func betweennessWithinBoundOnRandomGraph() throws {
    var rng = SplitMix64(seed: 7)
    let graph = Fixtures.randomGraph(nodes: 2000, edgeProbability: 0.003, using: &rng)
    let exact = try BetweennessCentrality().scores(for: graph).values
    let run = try Self.betweenness(EstimateTarget(error: 0.01)).estimated(for: graph)
    let error = Self.maxError(run.scores.values, exact)
    #expect(error <= 0.01, "max error \(error)")
    var raw = Self.betweenness(EstimateTarget(error: 0.01))
    raw.normalization = .none
    let rawRun = try raw.estimated(for: graph)
    let scale = 1999.0 * 1998 / 2
    #expect(rawRun.estimate.errorBound == 0.01 * scale)
    expectApproximatelyEqual(rawRun.scores.values, run.scores.values.map { $0 * scale }, tolerance: 1e-6)
  }

  /// Closeness and harmonic on a G(n, p) graph of 3,000 nodes with k < n sources: every value
  /// within the stated bound of the exact one (`nx.closeness_centrality`, `nx.harmonic_centrality`
  /// conventions, equal to ours by CentralityReferenceTests).
  @Test func closenessAndHarmonicWithinBound() throws {
    var rng = SplitMix64(seed: 11)
    let graph = Fixtures.randomGraph(nodes: 3000, edgeProbability: 0.0025, using: &rng)
    let target = EstimateTarget(error: 0.1, confidence: 0.95)
    let k = SampledPathSums.sampleSize(for: target, nodeCount: 3000)  // ln(120,000)/0.02 = 584.9 → 585
    #expect(k == 585)
    // With δ split over J = 2 rounds of 512 and Hoeffding's δ/2: ln(4·3000·2/0.05)/0.02 = 654.1 → 655.
    let schedule = SampledPathSums.schedule(for: target, nodeCount: 3000)
    #expect(schedule.sources == 655 && schedule.checkpoints == 2)
    let closeness = try Self.closeness(target).estimated(for: graph)
    #expect(closeness.estimate.method == .sampledSources)
    #expect(closeness.estimate.samples == 512 || closeness.estimate.samples == 655)
    let exactCloseness = try ClosenessCentrality().scores(for: graph).values
    let closenessError = Self.maxError(closeness.scores.values, exactCloseness)
    #expect(closenessError <= closeness.estimate.errorBound, "max error \(closenessError), bound \(closeness.estimate.errorBound)")
    #expect(closeness.estimate.errorBound < 0.2)
    let harmonic = try Self.harmonic(target).estimated(for: graph)
    // Hoeffding alone would state ±ε·n = ±300 (with δ/2: ±0.1·n·√(ln(4n/δ)/ln(2n/δ)) ≈ ±310);
    // the variance of 1/d is small, so the empirical Bernstein interval is far tighter.
    #expect(harmonic.estimate.errorBound < 0.1 * 3000)
    #expect(closeness.estimate.errorBound < 0.1)
    let exactHarmonic = try HarmonicCentrality().scores(for: graph).values
    let harmonicError = Self.maxError(harmonic.scores.values, exactHarmonic)
    #expect(harmonicError <= harmonic.estimate.errorBound, "max error \(harmonicError)")
    #expect(harmonicError > 0)
  }

  /// The report's shared run gives the same bits as the two separate ones.
  @Test func closenessAndHarmonicShareTheirSources() throws {
    var rng = SplitMix64(seed: 5)
    let graph = Fixtures.randomGraph(nodes: 800, edgeProbability: 0.006, using: &rng)
    let target = EstimateTarget(error: 0.15)
    let pair = try #require(try ClosenessCentrality.estimated(Self.closeness(target, seed: 2), Self.harmonic(target, seed: 2), for: graph))
    #expect(pair.closeness == (try Self.closeness(target, seed: 2).estimated(for: graph)))
    #expect(pair.harmonic == (try Self.harmonic(target, seed: 2).estimated(for: graph)))
    #expect(pair.closeness.estimate.method == .sampledSources)
    #expect(try ClosenessCentrality.estimated(Self.closeness(target, seed: 2), Self.harmonic(target, seed: 3), for: graph) == nil)
  }

  /// When the sample would be as large as the graph, the exact values are returned and said so.
  @Test func smallGraphsGetExactValues() throws {
    let run = try Self.closeness(EstimateTarget(error: 0.05)).estimated(for: Fixtures.karateClubUnweighted)
    #expect(run.estimate.method == .exact && run.estimate.errorBound == 0)
    expectApproximatelyEqual(run.scores.values, Reference.KarateClubUnweighted.closeness, tolerance: 1e-12)
    let none = try Self.betweenness(EstimateTarget(error: 0.01)).estimated(for: .path(2))
    #expect(none.estimate.method == .exact && none.scores.values == [0, 0])
  }

  /// The same seed gives the same bits whatever the thread count; another seed gives other values.
  @Test func seedFixesTheResultForAnyThreadCount() throws {
    var rng = SplitMix64(seed: 3)
    let graph = Fixtures.randomGraph(nodes: 600, edgeProbability: 0.01, using: &rng)
    let target = EstimateTarget(error: 0.05)
    let one = try Self.betweenness(target, seed: 5, threads: 1).scores(for: graph).values
    let three = try Self.betweenness(target, seed: 5, threads: 3).scores(for: graph).values
    #expect(one == three)
    #expect(try Self.betweenness(target, seed: 6, threads: 1).scores(for: graph).values != one)
    let wide = EstimateTarget(error: 0.2)
    #expect(SampledPathSums.schedule(for: wide, nodeCount: 600).sources < 600)
    let c1 = try Self.closeness(wide, seed: 5, threads: 1).scores(for: graph).values
    #expect(c1 == (try Self.closeness(wide, seed: 5, threads: 2).scores(for: graph).values))
    #expect(c1 != (try Self.closeness(wide, seed: 6, threads: 1).scores(for: graph).values))
    let h1 = try Self.harmonic(wide, seed: 5, threads: 1).scores(for: graph).values
    #expect(h1 == (try Self.harmonic(wide, seed: 5, threads: 2).scores(for: graph).values))
  }

  @Test func refusesWhatItCannotBound() {
    var weighted = Self.betweenness(EstimateTarget(error: 0.01))
    weighted.weighted = true
    #expect(throws: GraphError.self) { try weighted.scores(for: Fixtures.karateClub) }
    var both = Self.betweenness(EstimateTarget(error: 0.01))
    both.samples = 10
    #expect(throws: GraphError.self) { try both.scores(for: Fixtures.karateClub) }
    #expect(throws: GraphError.self) { try Self.closeness(EstimateTarget(error: 0)).scores(for: Fixtures.karateClub) }
    #expect(throws: GraphError.self) { try Self.harmonic(EstimateTarget(error: 0.1, confidence: 1)).scores(for: Fixtures.karateClub) }
  }

  /// ca-GrQc (SNAP, 5,242 nodes, 14,496 edges): betweenness within ±0.005 of exact Brandes.
  /// Skipped without ../shared/data.
  @Test func betweennessWithinBoundOnCaGrQc() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/snap-ca-GrQc/edges.undirected.tsv.gz").path
    guard FileManager.default.fileExists(atPath: path) else {
      print("skipped: ../shared/data/snap-ca-GrQc is absent")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -dc \"$0\"", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var index: [Int: Int] = [:]
    var edges: [(Int, Int, Double)] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t").compactMap { Int($0) }
      guard f.count == 2 else { continue }
      let u = index[f[0]] ?? { index[f[0]] = index.count; return index.count - 1 }()
      let v = index[f[1]] ?? { index[f[1]] = index.count; return index.count - 1 }()
      if u != v { edges.append((u, v, 1)) }  // 12 self-loops; one author has only a self-loop
    }
    let graph = Graph(nodeCount: index.count, edges: edges)
    #expect(graph.nodeCount == 5242)
    let exact = try BetweennessCentrality().scores(for: graph).values
    let run = try Self.betweenness(EstimateTarget(error: 0.005)).estimated(for: graph)
    let error = Self.maxError(run.scores.values, exact)
    #expect(error <= 0.005, "max error \(error) with \(run.estimate.samples) samples")
    // KADABRA stops well before the worst-case size (Riondato–Kornaropoulos for δ/2).
    let vd = (ComponentDiameterBounds(graph: graph).diameter.max() ?? 0) + 1
    let omega = BetweennessCentrality.sampleSize(for: EstimateTarget(error: 0.005, confidence: 0.975), nodeCount: 5242, vertexDiameter: vd)
    #expect(run.estimate.samples < omega / 2, "\(run.estimate.samples) of at most \(omega)")
    print("ca-GrQc: \(run.estimate.samples) samples, max error \(error) (bound 0.005)")
  }
}
