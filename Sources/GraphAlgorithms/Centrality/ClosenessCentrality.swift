import GraphCore

/// Closeness centrality with the Wasserman–Faust correction for disconnected graphs.
///
/// For a node *u* that reaches *r* nodes (itself included) at total distance `D(u) = Σ_v d(u, v)`:
/// `C(u) = ((r − 1) / D(u)) · ((r − 1) / (n − 1))`, and `C(u) = 0` when *u* reaches no other node.
/// The first factor is the inverse mean distance within *u*'s component; the second scales it by
/// the fraction of the graph that *u* reaches, so nodes of small components do not score as high
/// as well-placed nodes of the giant component. This is networkx `closeness_centrality(G)` with
/// its default `wf_improved=True`. With `weighted: true`, distance = Σ 1/weight along a path
/// (networkx `closeness_centrality(G, distance="distance")`, `distance = 1/weight`).
///
///     try ClosenessCentrality().scores(for: .path(3)).values   // [0.666…, 1.0, 0.666…]
///
/// Unweighted, 64 sources at a time share one bit-parallel breadth-first search; the sources are
/// divided among ``threads`` workers, and every ``threads`` setting gives bit-identical results.
///
/// - Complexity: O(*nm*) time without weights (O(*n*/64 · *D* · (*n* + *m*)) word operations for
///   diameter *D*), O(*nm* log *m*) with them; O(*n* + *m*) additional space plus O(*n*) per worker.
///
/// ## References
/// - S. Wasserman, K. Faust. *Social Network Analysis: Methods and Applications.* Cambridge
///   University Press, 1994. doi:[10.1017/CBO9780511815478](https://doi.org/10.1017/CBO9780511815478)
/// - L. C. Freeman. "Centrality in social networks conceptual clarification." *Social Networks*
///   1(3):215–239, 1978. doi:[10.1016/0378-8733(78)90021-7](https://doi.org/10.1016/0378-8733(78)90021-7)
public struct ClosenessCentrality: CentralityMeasure, Hashable, Codable {
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

  /// - Returns: the corrected closeness of every node; 0 for isolated nodes and for *n* = 1.
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
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    var values = [Double](repeating: 0, count: n)
    guard n > 1 else { return NodeScores(values: values) }
    let sums = try PathSums(graph: graph, weighted: weighted, threads: threads, progress: progress)
    for u in 0 ..< n where sums.distanceSum[u] > 0 {
      let others = Double(sums.reached[u] - 1)
      values[u] = (others / sums.distanceSum[u]) * (others / Double(n - 1))
    }
    return NodeScores(values: values)
  }
}
