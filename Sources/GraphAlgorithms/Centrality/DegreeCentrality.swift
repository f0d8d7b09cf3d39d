import GraphCore

/// Degree centrality: the number of distinct neighbours of every node.
///
/// `c_D(v) = deg(v)`, or `deg(v) / (n − 1)` when `normalized` (networkx `degree_centrality`,
/// which also gives 1 to the single node of a one-node graph). Parallel edges were merged by
/// ``GraphBuilder`` and self-loops dropped, so on a co-authorship graph this is the number of
/// distinct co-authors; weights are ignored (see ``StrengthCentrality`` for their sum).
///
///     try DegreeCentrality().scores(for: .star(leaves: 3)).values                   // [3, 1, 1, 1]
///     try DegreeCentrality(normalized: true).scores(for: .star(leaves: 3)).values   // [1, ⅓, ⅓, ⅓]
///
/// - Complexity: O(*n*) time and O(*n*) space for the result, *n* the node count.
///
/// ## References
/// - L. C. Freeman. "Centrality in social networks conceptual clarification."
///   *Social Networks* 1(3):215–239, 1978.
///   doi:[10.1016/0378-8733(78)90021-7](https://doi.org/10.1016/0378-8733(78)90021-7)
public struct DegreeCentrality: CentralityMeasure, Hashable, Codable {
  /// Divide by *n* − 1, the largest possible degree (networkx `degree_centrality`).
  public var normalized: Bool

  public init(normalized: Bool = false) { self.normalized = normalized }

  /// - Returns: the degree of every node, divided by *n* − 1 when ``normalized``.
  /// - Throws: never; the signature is the protocol's.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    let n = graph.nodeCount
    if normalized && n == 1 { return NodeScores(values: [1]) }
    let scale = normalized ? 1 / Double(n - 1) : 1
    var values = [Double](repeating: 0, count: n)
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      for v in 0 ..< n { values[v] = Double(offsets[v + 1] - offsets[v]) * scale }
    }
    return NodeScores(values: values)
  }
}
