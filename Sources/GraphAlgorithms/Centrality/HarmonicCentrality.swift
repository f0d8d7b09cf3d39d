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
/// - Complexity: O(*nm*) time without weights, O(*nm* log *m*) with them; O(*n* + *m*) additional
///   space.
///
/// ## References
/// - M. Marchiori, V. Latora. "Harmony in the small-world." *Physica A* 285(3–4):539–546, 2000.
///   doi:[10.1016/S0378-4371(00)00311-3](https://doi.org/10.1016/S0378-4371(00)00311-3)
/// - P. Boldi, S. Vigna. "Axioms for Centrality." *Internet Mathematics* 10(3–4):222–262, 2014.
///   doi:[10.1080/15427951.2013.865686](https://doi.org/10.1080/15427951.2013.865686)
public struct HarmonicCentrality: CentralityMeasure, Hashable, Codable {
  /// Whether path length is Σ 1/weight (Dijkstra) rather than the number of hops (BFS).
  public var weighted: Bool

  public init(weighted: Bool = false) { self.weighted = weighted }

  /// - Returns: the (unnormalised) harmonic centrality of every node.
  /// - Throws: ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and some weight is not
  ///   positive and finite.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    var search = ShortestPathSearch(graph: graph, weighted: weighted, countsPaths: false)
    var values = [Double](repeating: 0, count: n)
    for u in 0 ..< n {
      search.run(from: u)
      var total = 0.0
      for i in 1 ..< max(1, search.reachedCount) { total += 1 / search.distance[Int(search.order[i])] }
      values[u] = total
    }
    return NodeScores(values: values)
  }
}
