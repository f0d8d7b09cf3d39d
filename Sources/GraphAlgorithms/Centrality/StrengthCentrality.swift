import GraphCore

/// Strength (weighted degree): the sum of the weights of the edges at every node.
///
/// `s(v) = Σ_{u ∈ N(v)} w(u, v)` (networkx `G.degree(weight="weight")`). On a co-authorship graph
/// with full counting this is the number of (co-author, paper) incidences; with fractional counting
/// it is the number of papers with at least one co-author. Equal to ``DegreeCentrality`` on an
/// unweighted graph.
///
///     let g = Graph(edges: [(0, 1, 2.0), (1, 2, 0.5)])
///     try StrengthCentrality().scores(for: g).values     // [2.0, 2.5, 0.5]
///
/// - Complexity: O(*n* + *m*) time and O(*n*) space for the result.
///
/// ## References
/// - A. Barrat, M. Barthélemy, R. Pastor-Satorras, A. Vespignani. "The architecture of complex
///   weighted networks." *PNAS* 101(11):3747–3752, 2004.
///   doi:[10.1073/pnas.0400087101](https://doi.org/10.1073/pnas.0400087101)
public struct StrengthCentrality: CentralityMeasure, Hashable, Codable {
  public init() {}

  /// - Returns: the sum of incident edge weights of every node, in arc order (ascending neighbour).
  /// - Throws: never; weights are summed as they are, whatever their sign.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    let n = graph.nodeCount
    var values = [Double](repeating: 0, count: n)
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyWeights.withUnsafeBufferPointer { weights in
        for v in 0 ..< n {
          var s = 0.0
          for a in offsets[v] ..< offsets[v + 1] { s += weights[a] }
          values[v] = s
        }
      }
    }
    return NodeScores(values: values)
  }
}
