/// Escaping for CSV (RFC 4180), as read by spreadsheets and data tools.
///
/// Every field first goes through ``TextSanitizer`` (the control and bidi rule; a line break is
/// written `\n`). A field that starts with `=`, `+`, `-`, `@` or a line break, and is not a number,
/// gets a leading `'` so spreadsheets do not run it as a formula (OWASP "CSV injection"; a tab or
/// carriage return at the start, also on OWASP's list, became a space or a line break by then).
/// A field holding a comma, a quote or a line break is then quoted, with quotes doubled.
///
///     CSV.field("=SUM(A1)")    // '=SUM(A1)
///     CSV.field("Doe, Jane")   // "Doe, Jane"
///     CSV.field("-0.5")        // -0.5
public enum CSV {
  /// One CSV field.
  public static func field(_ text: String) -> String {
    var t = TextSanitizer.sanitize(text)
    if let first = t.unicodeScalars.first, "=+-@\n".unicodeScalars.contains(first), Double(t) == nil {
      t = "'" + t
    }
    guard t.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return t }
    var quoted = "\""
    for scalar in t.unicodeScalars {
      if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
    }
    return quoted + "\""
  }

  /// One CSV record: the fields escaped, joined with commas, ended with `\n`.
  public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}
