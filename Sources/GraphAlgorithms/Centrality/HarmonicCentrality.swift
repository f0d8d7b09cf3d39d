import GraphCore

/// Harmonic centrality: the sum of inverse distances to every other node.
///
/// `H(u) = Σ_{v ≠ u} 1 / d(u, v)`, with `1/∞ = 0` for unreachable nodes, so it is well defined on
/// disconnected graphs without any correction. Not normalised (networkx `harmonic_centrality(G)`);
/// divide by *n* − 1 for a value in [0, 1]. With `weighted: true`, distance = Σ 1/weight along a
/// path (networkx `harmonic_centrality(G, distance="distance")`, `distance = 1/weight`).
///
///     try HarmonicCentrality().scores(for: .path(3)).values   // [1.5, 2.0, 1.5]
///
/// Unweighted, 64 sources at a time share one bit-parallel breadth-first search; the sources are
/// divided among ``threads`` workers, and every ``threads`` setting gives bit-identical results.
///
/// - Complexity: O(*nm*) time without weights (O(*n*/64 · *D* · (*n* + *m*)) word operations for
///   diameter *D*), O(*nm* log *m*) with them; O(*n* + *m*) additional space plus O(*n*) per worker.
///
/// ## References
/// - M. Marchiori, V. Latora. "Harmony in the small-world." *Physica A* 285(3–4):539–546, 2000.
///   doi:[10.1016/S0378-4371(00)00311-3](https://doi.org/10.1016/S0378-4371(00)00311-3)
/// - P. Boldi, S. Vigna. "Axioms for Centrality." *Internet Mathematics* 10(3–4):222–262, 2014.
///   doi:[10.1080/15427951.2013.865686](https://doi.org/10.1080/15427951.2013.865686)
public struct HarmonicCentrality: CentralityMeasure, Hashable, Codable {
  /// Whether path length is Σ 1/weight (Dijkstra) rather than the number of hops (BFS).
  public var weighted: Bool
  /// Worker threads; 0 (the default) uses every online processor. The result does not depend on it.
  public var threads: Int = 0
  /// When set, ``scores(for:)`` returns an estimate from sampled sources with this accuracy (see
  /// ``estimated(for:progress:)``), or `nil` (the default) for exact values.
  public var estimate: EstimateTarget? = nil
  /// Seed of the sampled sources when ``estimate`` is set.
  public var seed: UInt64 = 0

  public init(weighted: Bool = false) { self.weighted = weighted }

  /// - Returns: the (unnormalised) harmonic centrality of every node.
  /// - Throws: ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and some weight is not
  ///   positive and finite; ``GraphError/invalidParameter(name:value:reason:)`` for `threads < 0`.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try compute(graph, progress: nil)
  }

  /// ``scores(for:)``, reporting the number of finished sources (out of *n*) after every chunk of
  /// sources, and stopping when `progress` returns `false`.
  /// - Throws: as ``scores(for:)``, and ``GraphError/cancelled`` when cancelled.
  public func scores(for graph: Graph, progress: ProgressReporter) throws(GraphError) -> NodeScores {
    try compute(graph, progress: progress)
  }

  private func compute(_ graph: Graph, progress: ProgressReporter?) throws(GraphError) -> NodeScores {
    if estimate != nil { return try estimated(for: graph, progress: progress).scores }
    try requireThreads(threads)
    if weighted { try graph.requirePositiveWeights() }
    guard graph.nodeCount > 0 else { return NodeScores(values: []) }
    let sums = try PathSums(graph: graph, weighted: weighted, threads: threads, progress: progress)
    return NodeScores(values: sums.harmonicSum)
  }
}
