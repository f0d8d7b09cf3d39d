import GraphCore

/// The centrality measures offered by name (command line, reports), each mapped to its algorithm
/// with the package's networkx-compatible defaults (see ARCHITECTURE.md, "Metric conventions").
public enum Metric: String, CaseIterable, Codable, Sendable {
  /// Distinct neighbours, raw count (``DegreeCentrality``).
  case degree
  /// Sum of incident weights (``StrengthCentrality``).
  case strength
  /// Pair-normalised betweenness (``BetweennessCentrality``).
  case betweenness
  /// Wasserman–Faust closeness (``ClosenessCentrality``).
  case closeness
  /// Unnormalised harmonic centrality (``HarmonicCentrality``).
  case harmonic
  /// Weighted eigenvector centrality, unit L2 norm (``EigenvectorCentrality``).
  case eigenvector
  /// Weighted PageRank, α = 0.85 (``PageRank``).
  case pagerank
  /// Core number, the largest k of a k-core containing the node (``CoreNumber``).
  case coreness
  /// Local clustering coefficient, unweighted (``ClusteringCoefficient``).
  case clustering

  /// The algorithm for this metric with its settings: the one place where a metric name becomes
  /// a configured algorithm (the pipeline, `--keep-top` ranking and every command go through it).
  ///
  /// `settings.weighted` switches the **path** metrics (betweenness, closeness, harmonic) from hop
  /// counts to distance = 1/weight. Degree, coreness and clustering ignore weights and strength
  /// always uses them; eigenvector and PageRank always use weights as connection strengths
  /// (networkx `weight="weight"`), whatever `weighted` says, because that is their convention in
  /// this package. `threads` reaches the parallel measures (results are bit-identical for any
  /// thread count: chunks are summed in a fixed order), `samples` and `seed` sampled betweenness.
  public func measure(_ settings: MetricSettings) -> any CentralityMeasure {
    switch self {
    case .degree: return DegreeCentrality()
    case .strength: return StrengthCentrality()
    case .betweenness:
      var m = BetweennessCentrality(weighted: settings.weighted)
      m.threads = settings.threads
      m.samples = settings.samples
      m.seed = settings.seed
      if settings.estimated { m.estimate = BetweennessCentrality.defaultEstimate; m.samples = nil }
      return m
    case .closeness:
      var m = ClosenessCentrality(weighted: settings.weighted)
      m.threads = settings.threads
      m.seed = settings.seed
      if settings.estimated { m.estimate = ClosenessCentrality.defaultEstimate }
      return m
    case .harmonic:
      var m = HarmonicCentrality(weighted: settings.weighted)
      m.threads = settings.threads
      m.seed = settings.seed
      if settings.estimated { m.estimate = HarmonicCentrality.defaultEstimate }
      return m
    case .eigenvector:
      var m = EigenvectorCentrality()
      m.threads = settings.threads
      if let tolerance = settings.tolerance { m.tolerance = tolerance }
      if let cap = settings.maxIterations { m.maxIterations = cap }
      return m
    case .pagerank:
      var m = PageRank()
      m.threads = settings.threads
      if let tolerance = settings.tolerance { m.tolerance = tolerance }
      if let cap = settings.maxIterations { m.maxIterations = cap }
      return m
    case .coreness: return CoreNumber()
    case .clustering:
      var m = ClusteringCoefficient()
      m.threads = settings.threads
      return m
    }
  }

  /// ``measure(_:)`` with default settings except `weighted`.
  public func measure(weighted: Bool) -> any CentralityMeasure { measure(MetricSettings(weighted: weighted)) }

  /// The metrics that take O(*nm*) time: all-pairs shortest paths.
  public static let pathMetrics: Set<Metric> = [.betweenness, .closeness, .harmonic]

  /// The accuracy of this metric's sampled estimate (``MetricSettings/estimated``), or `nil` for
  /// the metrics that are never estimated.
  public var defaultEstimate: EstimateTarget? {
    switch self {
    case .betweenness: BetweennessCentrality.defaultEstimate
    case .closeness: ClosenessCentrality.defaultEstimate
    case .harmonic: HarmonicCentrality.defaultEstimate
    default: nil
    }
  }
}

/// How metrics are computed, for every metric at once (see ``Metric/measure(_:)``).
public struct MetricSettings: Sendable, Hashable, Codable {
  /// Path metrics use distance = 1/weight.
  public var weighted: Bool
  /// Worker threads for betweenness, closeness, harmonic, eigenvector, PageRank and clustering; 0 = every
  /// online processor. Results do not depend on it.
  public var threads: Int
  /// Estimate betweenness from this many sampled sources, or `nil` for exact betweenness.
  public var samples: Int?
  /// Seed for sampled betweenness, and for the sampled estimates.
  public var seed: UInt64
  /// Estimate the path metrics (betweenness, closeness, harmonic) by sampling, each to its
  /// ``Metric/defaultEstimate`` accuracy with a stated error bound, instead of computing them
  /// exactly (hop distances only; ``Pipeline`` sets it above its path-metric node limit).
  public var estimated: Bool = false
  /// The L1 error bound PageRank and eigenvector centrality iterate to, or `nil` for each
  /// measure's own default (``PageRank/tolerance``, ``EigenvectorCentrality/tolerance``).
  public var tolerance: Double?
  /// The iteration cap of PageRank and eigenvector centrality, or `nil` for their default.
  public var maxIterations: Int?

  public init(
    weighted: Bool = false, threads: Int = 0, samples: Int? = nil, seed: UInt64 = 0, tolerance: Double? = nil,
    maxIterations: Int? = nil
  ) {
    self.weighted = weighted
    self.threads = threads
    self.samples = samples
    self.seed = seed
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }
}
