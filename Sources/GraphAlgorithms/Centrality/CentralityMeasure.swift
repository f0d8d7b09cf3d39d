import GraphCore

/// An algorithm that assigns one score to every node of a graph.
///
/// Conforming types are parameter structs (`Hashable, Codable, Sendable`) whose ``scores(for:)``
/// is pure: it validates its parameters and the graph's weights first, returns empty
/// ``NodeScores`` for an empty graph, and never returns a silently wrong value (an iterative
/// method that runs out of iterations throws ``GraphError/notConverged(iterations:residual:)``).
public protocol CentralityMeasure: Sendable {
  /// One score per node, indexed by ``NodeID``.
  func scores(for graph: Graph) throws(GraphError) -> NodeScores

  /// ``scores(for:)``, reporting progress to `progress` (the O(*nm*) path measures report per
  /// source; the others ignore it). Returning `false` from the reporter cancels with
  /// ``GraphError/cancelled``.
  func scores(for graph: Graph, progress: ProgressReporter) throws(GraphError) -> NodeScores
}

extension CentralityMeasure {
  public func scores(for graph: Graph, progress: ProgressReporter) throws(GraphError) -> NodeScores {
    try scores(for: graph)
  }
}
