/// The one rule for control and bidirectional-formatting characters in every output.
///
/// Names, titles and tags come from files Coauthor does not control, so they may hold anything.
/// Before any output language escapes a string (XML/SVG/HTML, DOT, JSON, CSV, Markdown, the CLI's
/// text tables), the string goes through ``sanitize(_:)``, so a character means the same thing in
/// every output of one run:
///
/// | Input | Becomes | Why |
/// |---|---|---|
/// | CR, LF, CR LF, U+2028, U+2029 | one line break, `\n` (each language renders it its own way) | one line-break kind; U+2028/9 end lines in old JavaScript |
/// | tab U+0009 | a space | a tab has no meaning in a name and XML attributes fold it |
/// | other C0 controls U+0000–U+001F, DEL U+007F, C1 controls U+0080–U+009F | U+FFFD | XML 1.0 forbids most; terminals run some (ESC) |
/// | bidi embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F, U+061C | U+FFFD | a hostile name must not reorder the text around it |
/// | the noncharacters U+FFFE, U+FFFF | U+FFFD | XML 1.0 forbids them |
///
/// Replaced characters become a visible U+FFFD rather than disappearing: Coauthor is never
/// silently wrong, so a reader sees that the input held something that cannot be shown, and two
/// names that differ only by an invisible control character stay visibly different. The bidi
/// *marks* (U+200E, U+200F, U+061C) are replaced too: they cannot open an embedding, but they do
/// change how neighbouring punctuation and digits are ordered, and one rule for all bidi
/// formatting characters is easier to check than a list of safe ones. Every other character
/// (letters of any script, combining marks, emoji, zero-width joiners) is kept as it is.
///
///     TextSanitizer.sanitize("Evil\u{202E}Reversed\r\nCtrl\u{7}")   // "Evil\u{FFFD}Reversed\nCtrl\u{FFFD}"
public enum TextSanitizer {
  /// The replacement for a character no output may carry.
  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// One unit of sanitised text: a kept (or replaced) scalar, or a line break.
  public enum Piece: Equatable, Sendable {
    case scalar(Unicode.Scalar)
    case lineBreak
  }

  /// `text` with the rule applied; line breaks are `\n`.
  public static func sanitize(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out.unicodeScalars.append("\n")
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` with the rule applied and each line break written as `lineBreak` (a space for one-line
  /// outputs such as table cells).
  public static func sanitize(_ text: String, lineBreak: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    forEachPiece(of: text) { piece in
      switch piece {
      case .lineBreak: out += lineBreak
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether the rule replaces `scalar` with U+FFFD (line breaks and tab are not replaced).
  public static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00 ... 0x1F, 0x7F ... 0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: true
    case 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// Calls `body` with each piece of sanitised `text`, in order.
  ///
  /// - Complexity: O(*n*) in the number of scalars of `text`.
  public static func forEachPiece(of text: String, _ body: (Piece) -> Void) {
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar.value {
      case 0x0A:
        if !previousWasCR { body(.lineBreak) }
      case 0x0D, 0x2028, 0x2029:
        body(.lineBreak)
      case 0x09:
        body(.scalar(" "))
      default:
        body(.scalar(isReplaced(scalar) ? replacement : scalar))
      }
    }
  }
}
