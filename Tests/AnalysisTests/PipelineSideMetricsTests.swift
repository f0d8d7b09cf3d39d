import GraphAlgorithms
import GraphCore
import Networks
import Testing

@testable import Analysis

/// On a large graph (from `PageRank.parallelArcs` arcs) the pipeline computes PageRank and
/// coreness on a second thread beside the metrics after the path metrics (eigenvector,
/// clustering); nothing of it may change a value.
@Suite("Pipeline: PageRank and coreness beside the other metrics")
struct PipelineSideMetricsTests {
  /// A connected graph of `n` nodes and about 3n edges (a ring plus pseudo-random chords,
  /// weights 1–3), the same every time.
  static func graph(nodes n: Int) -> Graph {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var edges: [(Int, Int, Double)] = (0 ..< n).map { ($0, ($0 + 1) % n, 1) }
    for _ in 0 ..< 2 * n {
      let u = next() % n
      let v = next() % n
      if u != v { edges.append((u, v, Double(1 + next() % 3))) }
    }
    return Graph(nodeCount: n, edges: edges)
  }

  @Test func sameValuesAsOneThread() throws {
    let g = Self.graph(nodes: 20_000)
    #expect(g.adjacencyTargets.count >= PageRank.parallelArcs)
    var pipeline = Pipeline(metrics: [.degree, .eigenvector, .pagerank, .coreness, .clustering])
    let steps = PipelineConcurrencyTests.Steps()
    let both = try pipeline.measure(g, network: .authors, progress: steps)
    pipeline.metricSettings.threads = 1
    let one = try pipeline.measure(g, network: .authors, progress: nil)
    #expect(both.map(\.metric) == pipeline.computedMetrics)
    #expect(both == one)
    // Each side tells its steps in metric order.
    let told = steps.of(.authors)
    #expect(told.filter { ["degree", "eigenvector", "clustering"].contains($0) } == ["degree", "eigenvector", "clustering"])
    #expect(told.filter { ["pagerank", "coreness"].contains($0) } == ["pagerank", "coreness"])
  }
}
