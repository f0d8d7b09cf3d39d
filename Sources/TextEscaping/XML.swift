/// Escaping for XML 1.0 and the languages written like it: GraphML, GEXF, SVG and HTML.
///
/// Every string first goes through ``TextSanitizer`` (the control and bidi rule), so no character
/// XML 1.0 forbids (§2.2) can reach the output. Then `&`, `<`, `>`, `"` and `'` become `&amp;`,
/// `&lt;`, `&gt;`, `&quot;` and `&#39;` (the numeric form of the apostrophe, which HTML 4 also
/// reads), in text and in attributes alike, so one escaped string is safe in either place and in
/// single- or double-quoted attributes. A line break is a plain `\n` in character data and `&#10;`
/// in an attribute value, where attribute-value normalisation (§3.3.3) would otherwise fold it to
/// a space.
///
///     XML.text(#"<a href="x">&'"#)   // &lt;a href=&quot;x&quot;&gt;&amp;&#39;
public enum XML {
  /// `text` as XML (or HTML) character data.
  public static func text(_ text: String) -> String { escape(text, lineBreak: "\n") }

  /// `text` as an XML (or HTML) attribute value, without the surrounding quotes.
  public static func attribute(_ text: String) -> String { escape(text, lineBreak: "&#10;") }

  static func escape(_ text: String, lineBreak: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    TextSanitizer.forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out += lineBreak
      case .scalar("&"): out += "&amp;"
      case .scalar("<"): out += "&lt;"
      case .scalar(">"): out += "&gt;"
      case .scalar("\""): out += "&quot;"
      case .scalar("'"): out += "&#39;"
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
