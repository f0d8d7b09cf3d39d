/// Number formatting and the escaping of names for each format.
///
/// Names may contain anything (quotes, `&`, `<script>`, `]]>`, control characters), so every
/// string goes through the function of the format it is written in:
///
/// * XML (GraphML, GEXF; XML 1.0 §2.2, §2.4, §3.3.3): `&`, `<`, `>`, `"` and `'` become entities; tab, line
///   feed and carriage return become character references so attribute-value normalisation
///   keeps them; the characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) become
///   U+FFFD, since no escape can carry them.
/// * JSON (RFC 8259 §7): `"`, `\`, every control character (U+0000–U+001F, U+007F) and U+2028/U+2029
///   (line ends for older JavaScript) are escaped.
/// * CSV (RFC 4180): a field holding a comma, quote or line break is quoted with quotes doubled;
///   a text field starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
///   so spreadsheets do not run it as a formula (OWASP "CSV injection").
/// * DOT (<https://graphviz.org/doc/info/lang.html>): strings are quoted with `"` and `\`
///   escaped (`\\` is one backslash in Graphviz labels); a line break becomes `\n`, a tab a
///   space and any other control character U+FFFD.
extension GraphExport {
  /// A real number in Swift's shortest round-trip form (`0.1`, `2.0`, `1e-05`): valid in JSON,
  /// XML Schema `xs:double` and Python's `float()`, locale-independent. Non-finite values give
  /// `NaN`, `INF`, `-INF` (XML Schema spelling); JSON writers write `null` for them instead.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "INF" : "-INF" }
    return value.description
  }

  /// `text` escaped for XML character data and attribute values (no surrounding quotes).
  ///
  ///     GraphExport.xml(#"<a href="x">&'"#)   // &lt;a href=&quot;x&quot;&gt;&amp;&apos;
  static func xml(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out.unicodeScalars.append("\u{FFFD}")
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `text` as a quoted JSON string.
  ///
  ///     GraphExport.json("a\"b\u{2028}")   // "a\"b\u2028"
  static func json(_ text: String) -> String {
    let hex = Array("0123456789abcdef".unicodeScalars)
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{8}": out += "\\b"
      case "\u{C}": out += "\\f"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u00"
          out.unicodeScalars.append(hex[Int(scalar.value >> 4)])
          out.unicodeScalars.append(hex[Int(scalar.value & 0xF)])
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A JSON number: ``number(_:)``, or `null` when not finite (JSON has no NaN or infinity).
  static func jsonNumber(_ value: Double) -> String { value.isFinite ? value.description : "null" }

  /// One CSV field of text (a name, a kind): quoted when needed, formula-like starts defused.
  ///
  ///     GraphExport.csvField("=SUM(A1)")   // '=SUM(A1)
  ///     GraphExport.csvField("Doe, Jane")  // "Doe, Jane"
  static func csvField(_ text: String) -> String {
    var t = text
    if let first = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { t = "'" + t }
    if t.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var quoted = "\""
      for scalar in t.unicodeScalars {
        if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
      }
      return quoted + "\""
    }
    return t
  }

  /// `text` as a quoted DOT string.
  ///
  ///     GraphExport.dotQuoted(#"say "hi" \ bye"#)   // "say \"hi\" \\ bye"
  static func dotQuoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": if !previousWasCR { out += "\\n" }
      case "\r", "\u{2028}", "\u{2029}": out += "\\n"
      case "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out.unicodeScalars.append("\u{FFFD}")
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
