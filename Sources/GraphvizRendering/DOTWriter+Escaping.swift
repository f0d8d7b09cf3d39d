/// Quoting for the places where data (names, titles, tag text) enters DOT.
///
/// Graphviz reads the same characters differently depending on the attribute, so there is one
/// function per kind of place. Rules below were checked against libgraphviz 2.43 (Debian
/// 2.42.2) output, and the SVG tests pin them:
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
///   percent-encoded here down to a small safe alphabet.
/// * HTML-like labels (<https://graphviz.org/doc/info/shapes.html#html>) are XML: `&`, `<`,
///   `>`, `"`, `'` become entities, and backslash escapes still apply to their text.
///
/// Control characters are never passed through: they are not allowed in XML 1.0, so the SVG
/// would be malformed. Line breaks (CR, LF, CR LF, U+2028, U+2029) become a Graphviz line break,
/// a tab becomes a space and any other control character becomes U+FFFD.
extension DOTWriter {
  /// Where an escaped string goes.
  enum TextContext {
    /// A DOT quoted string with no further interpretation (colours, font names, IDs).
    case plain
    /// An escString label or xlabel.
    case label
    /// A `tooltip` (escString, expanded twice).
    case tooltip
  }

  /// `text` as a DOT quoted string, including the surrounding quotes.
  ///
  ///     DOTWriter.quoted(#"say "hi" \ bye"#, as: .label)   // "say \"hi\" \\ bye"
  static func quoted(_ text: String, as context: TextContext = .plain) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for piece in sanitizedPieces(text) {
      switch piece {
      case .lineBreak:
        out += context == .plain ? " " : #"\n"#
      case .scalar(let scalar):
        switch scalar {
        case "\"": out += #"\""#
        case "\\": out += context == .tooltip ? #"\\\\"# : #"\\"#
        case "&": out += context == .plain ? "&" : "&amp;"
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// `text` as character data of an HTML-like label (no surrounding `<` `>`).
  ///
  ///     DOTWriter.htmlEscaped("A&B <i>")   // A&amp;B &lt;i&gt;
  static func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for piece in sanitizedPieces(text) {
      switch piece {
      case .lineBreak:
        out += "<BR/>"
      case .scalar(let scalar):
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\\": out += #"\\"#
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `url` percent-encoded (UTF-8) except for `A–Z a–z 0–9 - . _ ~ # / : ? = %`, as a DOT quoted
  /// string. Enough for fragment links such as `#person-ivan-arcuschin` and plain http(s) URLs;
  /// it never lets `"`, `<`, `&` or `\` reach Graphviz's unescaped `xlink:href` output.
  static func quotedURL(_ url: String) -> String {
    var out = "\""
    for byte in url.utf8 {
      switch byte {
      case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
        UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "/"),
        UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "%"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        out += "%"
        out.unicodeScalars.append(hex[Int(byte >> 4)])
        out.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    out += "\""
    return out
  }

  /// A lower-case ASCII slug for anchors: letters and digits kept (accents dropped where the
  /// letter decomposes to ASCII), everything else collapsed to single `-`.
  ///
  ///     DOTWriter.slug("Iván Arcuschin")   // "ivan-arcuschin"
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for scalar in text.unicodeScalars {
      let base = asciiBase(of: scalar)
      if let base {
        if pendingDash && !out.isEmpty { out += "-" }
        pendingDash = false
        out.unicodeScalars.append(base)
      } else if !isCombiningMark(scalar) {
        pendingDash = true
      }
    }
    return out
  }

  // MARK: - Helpers

  enum Piece: Equatable {
    case scalar(Unicode.Scalar)
    case lineBreak
  }

  /// Splits `text` into scalars and line breaks, replacing tabs with spaces and other control
  /// characters with U+FFFD.
  static func sanitizedPieces(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar.value {
      case 0x0A:
        if !previousWasCR { pieces.append(.lineBreak) }
      case 0x0D, 0x2028, 0x2029:
        pieces.append(.lineBreak)
      case 0x09:
        pieces.append(.scalar(" "))
      case 0x00 ... 0x1F, 0x7F ... 0x9F:
        pieces.append(.scalar("\u{FFFD}"))
      default:
        pieces.append(.scalar(scalar))
      }
    }
    return pieces
  }

  private static func asciiBase(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x30 ... 0x39, 0x61 ... 0x7A: return scalar
    case 0x41 ... 0x5A: return Unicode.Scalar(scalar.value + 0x20)
    default: break
    }
    // Latin-1 and Latin Extended-A letters with a single ASCII base letter.
    let table: [(ClosedRange<UInt32>, Unicode.Scalar)] = [
      (0xC0 ... 0xC5, "a"), (0xE0 ... 0xE5, "a"), (0xC7 ... 0xC7, "c"), (0xE7 ... 0xE7, "c"),
      (0xC8 ... 0xCB, "e"), (0xE8 ... 0xEB, "e"), (0xCC ... 0xCF, "i"), (0xEC ... 0xEF, "i"),
      (0xD1 ... 0xD1, "n"), (0xF1 ... 0xF1, "n"), (0xD2 ... 0xD6, "o"), (0xF2 ... 0xF6, "o"),
      (0xD8 ... 0xD8, "o"), (0xF8 ... 0xF8, "o"), (0xD9 ... 0xDC, "u"), (0xF9 ... 0xFC, "u"),
      (0xDD ... 0xDD, "y"), (0xFD ... 0xFD, "y"), (0xFF ... 0xFF, "y"),
      (0x100 ... 0x105, "a"), (0x106 ... 0x10D, "c"), (0x10E ... 0x111, "d"), (0x112 ... 0x11B, "e"),
      (0x11C ... 0x123, "g"), (0x124 ... 0x127, "h"), (0x128 ... 0x131, "i"), (0x134 ... 0x135, "j"),
      (0x136 ... 0x137, "k"), (0x139 ... 0x142, "l"), (0x143 ... 0x148, "n"), (0x14C ... 0x151, "o"),
      (0x154 ... 0x159, "r"), (0x15A ... 0x161, "s"), (0x162 ... 0x167, "t"), (0x168 ... 0x173, "u"),
      (0x174 ... 0x175, "w"), (0x176 ... 0x178, "y"), (0x179 ... 0x17E, "z"),
    ]
    for (range, base) in table where range.contains(scalar.value) { return base }
    return nil
  }

  private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    (0x300 ... 0x36F).contains(scalar.value)
  }
}
