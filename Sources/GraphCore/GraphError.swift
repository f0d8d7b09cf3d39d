/// Errors raised by graph construction and graph algorithms.
///
/// Every case names the offending value so that a message can say exactly what was wrong.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An edge weight that is zero, negative, NaN or infinite where a positive finite weight is required.
  case invalidWeight(edge: EdgeID, weight: Double)
  /// An edge endpoint outside `0 ..< nodeCount`.
  case nodeOutOfRange(node: Int, nodeCount: Int)
  /// A parameter outside its documented range, e.g. `resolution < 0` or `maxIterations < 1`.
  case invalidParameter(name: String, value: Double, reason: String)
  /// A partition whose length does not match the graph's node count.
  case partitionSizeMismatch(partitionCount: Int, nodeCount: Int)
  /// An iterative method did not reach its tolerance within its iteration cap (networkx
  /// `PowerIterationFailedConvergence`). `residual` is what was reached: for PageRank and
  /// eigenvector centrality the bound on the L1 error, for label propagation the labels changed.
  case notConverged(iterations: Int, residual: Double)
  /// The computation was cancelled by its ``ProgressReporter`` (the callback returned `false`).
  case cancelled

  public var description: String {
    switch self {
    case .invalidWeight(let edge, let weight):
      return "edge \(edge.rawValue) has weight \(weight); a positive finite weight is required"
    case .nodeOutOfRange(let node, let nodeCount):
      return "node \(node) is out of range for a graph of \(nodeCount) nodes"
    case .invalidParameter(let name, let value, let reason):
      return "invalid \(name) \(value): \(reason)"
    case .partitionSizeMismatch(let partitionCount, let nodeCount):
      return "partition covers \(partitionCount) nodes but the graph has \(nodeCount)"
    case .notConverged(let iterations, let residual):
      return "did not converge within \(iterations) iterations (error bound or residual reached: \(residual)); "
        + "raise the iteration cap (maxIterations, --max-iterations) or the tolerance"
    case .cancelled:
      return "the computation was cancelled"
    }
  }
}
