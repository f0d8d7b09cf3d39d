import GraphAlgorithms
import GraphCore

/// How the command line computes one centrality metric: the package's networkx-compatible
/// defaults (``Metric/measure(weighted:)``) plus `--threads` for the parallel measures and
/// `--samples`/seed for sampled betweenness. Used by `coauthor rank` and `coauthor export`.
struct MetricComputation {
  var weighted = false
  /// Worker threads (≥ 1) for betweenness, closeness, harmonic, eigenvector and clustering.
  var threads = 1
  /// Sampled betweenness sources, or `nil` for exact betweenness.
  var samples: Int?
  var seed: UInt64 = 0

  /// The scores of `metric` on `graph`, reporting progress (O(nm) measures) to `progress`.
  func scores(_ metric: Metric, of graph: Graph, progress: TerminalProgress) throws -> NodeScores {
    let reporter = ProgressReporter(progress.report)
    switch metric {
    case .betweenness:
      var m = BetweennessCentrality(weighted: weighted)
      m.threads = threads
      m.samples = samples
      m.seed = seed
      return try m.scores(for: graph, progress: reporter)
    case .closeness:
      var m = ClosenessCentrality(weighted: weighted)
      m.threads = threads
      return try m.scores(for: graph, progress: reporter)
    case .harmonic:
      var m = HarmonicCentrality(weighted: weighted)
      m.threads = threads
      return try m.scores(for: graph, progress: reporter)
    case .eigenvector:
      var m = EigenvectorCentrality()
      m.threads = threads
      return try m.scores(for: graph)
    case .clustering:
      var m = ClusteringCoefficient()
      m.threads = threads
      return try m.scores(for: graph)
    case .degree, .strength, .pagerank, .coreness:
      return try metric.measure(weighted: weighted).scores(for: graph)
    }
  }
}
