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

  /// The algorithm for this metric.
  ///
  /// `weighted` switches the **path** metrics (betweenness, closeness, harmonic) from hop counts to
  /// distance = 1/weight. Degree, coreness and clustering ignore weights and strength always uses
  /// them; eigenvector and PageRank always use weights as connection strengths (networkx
  /// `weight="weight"`), whatever `weighted` says, because that is their convention in this package.
  public func measure(weighted: Bool) -> any CentralityMeasure {
    switch self {
    case .degree: DegreeCentrality()
    case .strength: StrengthCentrality()
    case .betweenness: BetweennessCentrality(weighted: weighted)
    case .closeness: ClosenessCentrality(weighted: weighted)
    case .harmonic: HarmonicCentrality(weighted: weighted)
    case .eigenvector: EigenvectorCentrality()
    case .pagerank: PageRank()
    case .coreness: CoreNumber()
    case .clustering: ClusteringCoefficient()
    }
  }
}
