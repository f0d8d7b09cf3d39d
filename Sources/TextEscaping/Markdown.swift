/// Escaping for Markdown inline text (CommonMark, GitHub Flavored Markdown tables).
///
/// Every string first goes through ``TextSanitizer`` (the control and bidi rule). Markdown text
/// is one line (a table cell, a heading, a list item), so a line break becomes a space.
///
/// * ``text(_:)``: the Markdown punctuation `\` `` ` `` `*` `_` `[` `]` `#` `|` `!` `~` is
///   backslash-escaped (CommonMark §2.4) and `<`, `>`, `&` become entities, so a name such as
///   `<script>`, `*bold*` or `[x](javascript:…)` stays literal text and cannot end a table cell.
/// * ``code(_:)``: a code span; a backquote becomes `'` (a span cannot hold its delimiter) and
///   `|` is written `\|` so it does not end a GFM table cell.
///
///     Markdown.text("*Evil*\u{202E}")   // \*Evil\*�
public enum Markdown {
  /// `text` as Markdown inline text.
  public static func text(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    TextSanitizer.forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out += " "
      case .scalar(let s) where "\\`*_[]#|!~".unicodeScalars.contains(s):
        out += "\\"
        out.unicodeScalars.append(s)
      case .scalar("<"): out += "&lt;"
      case .scalar(">"): out += "&gt;"
      case .scalar("&"): out += "&amp;"
      case .scalar(let s): out.unicodeScalars.append(s)
      }
    }
    return out
  }

  /// `text` as a Markdown code span, including the backquotes.
  public static func code(_ text: String) -> String {
    var out = "`"
    TextSanitizer.forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out += " "
      case .scalar("`"): out += "'"
      case .scalar("|"): out += "\\|"
      case .scalar(let s): out.unicodeScalars.append(s)
      }
    }
    return out + "`"
  }
}
