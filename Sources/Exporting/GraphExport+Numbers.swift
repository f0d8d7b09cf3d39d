/// Number formatting for the export formats. (The escaping of names for each format, after one
/// rule for control and bidi characters, lives in the TextEscaping module: `XML`, `JSON`, `CSV`,
/// `DOT`.)
extension GraphExport {
  /// A real number in Swift's shortest round-trip form (`0.1`, `2.0`, `1e-05`): valid in JSON,
  /// XML Schema `xs:double` and Python's `float()`, locale-independent. Non-finite values give
  /// `NaN`, `INF`, `-INF` (XML Schema spelling); JSON writers write `null` for them instead.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "INF" : "-INF" }
    return value.description
  }
}
