/// Quoting for the places where data (names, titles, tag text) enters DOT.
///
/// Every string first goes through ``TextSanitizer`` (the control and bidi rule), so the SVG that
/// Graphviz writes from the DOT text carries the same characters as every other output. Graphviz
/// reads the same characters differently depending on the attribute, so there is one context per
/// kind of place. The rules below were checked against libgraphviz 2.43 (Debian 2.42.2) output,
/// and the SVG tests in GraphvizRenderingTests pin them:
///
/// * DOT quoted strings (<https://graphviz.org/doc/info/lang.html>): only `\"` is an escape for
///   the scanner; everything else, including `\\`, reaches the attribute unchanged.
/// * Labels and xlabels are *escString*s (<https://graphviz.org/docs/attr-types/escString/>):
///   `\N`, `\G`, `\E`, `\T`, `\H`, `\L` are replaced by object names, `\n`, `\l`, `\r` break
///   lines, and `\\` is one backslash. Labels are also passed through entity decoding, so
///   `&amp;` is `&`.
/// * Tooltips are expanded twice in 2.4x: a backslash needs `\\\\` in the DOT source
///   (`\\` alone would make `\N` the node name again).
/// * `URL`/`href` values are written to SVG without escaping `"` (2.4x), so URLs are
///   percent-encoded down to a small safe alphabet.
/// * HTML-like labels (<https://graphviz.org/doc/info/shapes.html#html>) are XML: `&`, `<`,
///   `>`, `"`, `'` become entities, and backslash escapes still apply to their text.
/// * DOT files written for other tools (``Context/text``: networkx/pydot, Gephi) get `\"`, `\\`
///   and `\n` but no entities, since those tools show `&amp;` as it is.
public enum DOT {
  /// Where an escaped string goes.
  public enum Context: Sendable {
    /// A DOT quoted string with no further interpretation (colours, font names, IDs); a line
    /// break becomes a space.
    case plain
    /// An escString label or xlabel rendered by Graphviz.
    case label
    /// A `tooltip` (escString, expanded twice).
    case tooltip
    /// A label in a DOT file for other tools: `\"`, `\\`, `\n`, no entities.
    case text
  }

  /// `text` as a DOT quoted string, including the surrounding quotes.
  ///
  ///     DOT.quoted(#"say "hi" \ bye"#, as: .label)   // "say \"hi\" \\ bye"
  public static func quoted(_ text: String, as context: Context = .plain) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    TextSanitizer.forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak:
        out += context == .plain ? " " : #"\n"#
      case .scalar("\""): out += #"\""#
      case .scalar("\\"): out += context == .tooltip ? #"\\\\"# : #"\\"#
      case .scalar("&"): out += context == .label || context == .tooltip ? "&amp;" : "&"
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
    return out
  }

  /// `text` as character data of an HTML-like label (no surrounding `<` `>`); a line break is
  /// `<BR/>`.
  ///
  ///     DOT.htmlLabelText("A&B <i>")   // A&amp;B &lt;i&gt;
  public static func htmlLabelText(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    TextSanitizer.forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out += "<BR/>"
      case .scalar("&"): out += "&amp;"
      case .scalar("<"): out += "&lt;"
      case .scalar(">"): out += "&gt;"
      case .scalar("\""): out += "&quot;"
      case .scalar("'"): out += "&#39;"
      case .scalar("\\"): out += #"\\"#
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` as a double-quoted attribute value inside an HTML-like label.
  public static func htmlLabelAttribute(_ text: String) -> String { "\"\(htmlLabelText(text))\"" }

  /// `url` percent-encoded (UTF-8) except for `A–Z a–z 0–9 - . _ ~ # / : ? = %`, as a DOT quoted
  /// string. Enough for fragment links such as `#person-ivan-arcuschin` and plain http(s) URLs;
  /// it never lets `"`, `<`, `&`, `\` or a control character reach Graphviz's unescaped
  /// `xlink:href` output (every other byte, including those of U+202E, is percent-encoded).
  public static func quotedURL(_ url: String) -> String {
    let hex = Array("0123456789ABCDEF".unicodeScalars)
    var out = "\""
    for byte in url.utf8 {
      switch byte {
      case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
        UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "/"),
        UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "%"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%"
        out.unicodeScalars.append(hex[Int(byte >> 4)])
        out.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    out += "\""
    return out
  }
}
