/// Escaping for TSV (tab-separated values, no quoting), as paper tables are read.
///
/// A TSV cell cannot hold a tab or a line break (there is no quoting), so after ``TextSanitizer``
/// (a tab becomes a space, line breaks become `\n`) each line break becomes a space too. Then the
/// formula guard of ``CSV``: a field that starts with `=`, `+`, `-` or `@` and is not a number gets
/// a leading `'`, since spreadsheets open TSV files as well.
///
///     TSV.field("Doe,\tJane")   // Doe, Jane
///     TSV.field("a\nb")         // a b
///     TSV.field("=SUM(A1)")     // '=SUM(A1)
public enum TSV {
  /// One TSV field.
  public static func field(_ text: String) -> String {
    var t = TextSanitizer.sanitize(text)
    if t.unicodeScalars.contains("\n") { t = String(String.UnicodeScalarView(t.unicodeScalars.map { $0 == "\n" ? " " : $0 })) }
    if let first = t.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Double(t) == nil { t = "'" + t }
    return t
  }

  /// Whether ``field(_:)`` puts a `'` before `text` (the formula guard).
  public static func isGuarded(_ text: String) -> Bool {
    let t = TextSanitizer.sanitize(text)
    guard let first = t.unicodeScalars.first else { return false }
    return "=+-@".unicodeScalars.contains(first) && Double(t) == nil
  }

  /// One TSV record: the fields escaped, joined with tabs, ended with `\n`.
  public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: "\t") + "\n" }
}
