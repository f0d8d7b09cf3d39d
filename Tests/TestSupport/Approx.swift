import Testing

/// Records an issue unless `actual` and `expected` have the same length and agree element-wise to
/// within `tolerance`, absolutely: `|a − b| ≤ tolerance`. Equal infinities and two NaNs agree.
///
/// The message names the first few offending indices with both values, so a failing reference
/// test says which node is wrong.
///
///     expectApproximatelyEqual(scores.values, Reference.KarateClub.betweenness, tolerance: 1e-9)
public func expectApproximatelyEqual(
  _ actual: [Double], _ expected: [Double], tolerance: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    let message = "length \(actual.count) differs from expected length \(expected.count)" + suffix(comment)
    Issue.record(
      Comment(rawValue: message),
      sourceLocation: sourceLocation)
    return
  }
  var bad: [String] = []
  var worst = 0.0
  for i in actual.indices where !approximatelyEqual(actual[i], expected[i], tolerance: tolerance) {
    worst = max(worst, abs(actual[i] - expected[i]))
    if bad.count < 5 { bad.append("[\(i)] \(actual[i]) vs \(expected[i])") }
  }
  if !bad.isEmpty {
    let message = "values differ by up to \(worst) (tolerance \(tolerance)): \(bad.joined(separator: ", "))" + suffix(comment)
    Issue.record(
      Comment(rawValue: message),
      sourceLocation: sourceLocation)
  }
}

/// Records an issue unless `|actual − expected| ≤ tolerance`.
public func expectApproximatelyEqual(
  _ actual: Double, _ expected: Double, tolerance: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  if !approximatelyEqual(actual, expected, tolerance: tolerance) {
    let message = "\(actual) differs from \(expected) by \(abs(actual - expected)) (tolerance \(tolerance))" + suffix(comment)
    Issue.record(
      Comment(rawValue: message),
      sourceLocation: sourceLocation)
  }
}

/// Whether `a` and `b` agree to within `tolerance` (equal infinities and two NaNs agree).
public func approximatelyEqual(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  if a == b { return true }
  return abs(a - b) <= tolerance
}

private func suffix(_ comment: Comment?) -> String {
  comment.map { " — \($0.rawValue)" } ?? ""
}
