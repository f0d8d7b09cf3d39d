import GraphCore

// Up-front parameter checks shared by the algorithms (igraph style: the offending value is named).

/// Throws ``GraphError/invalidParameter(name:value:reason:)`` unless `condition` holds.
@inline(__always)
func requireParameter(
  _ condition: Bool, _ name: String, _ value: Double, _ reason: String
) throws(GraphError) {
  if !condition { throw .invalidParameter(name: name, value: value, reason: reason) }
}

/// Throws unless `value` is an iteration budget of at least 1.
@inline(__always)
func requireIterations(_ value: Int, _ name: String = "maxIterations") throws(GraphError) {
  try requireParameter(value >= 1, name, Double(value), "must be at least 1")
}

/// Throws unless `value` is finite and positive (a convergence tolerance).
@inline(__always)
func requireTolerance(_ value: Double, _ name: String = "tolerance") throws(GraphError) {
  try requireParameter(value > 0 && value.isFinite, name, value, "must be positive and finite")
}
