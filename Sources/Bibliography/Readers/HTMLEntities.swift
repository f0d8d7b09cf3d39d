/// The named character entities of HTML 4.01 (ISO 8859-1 "Latin 1", symbols and Greek, and the
/// "special" set), which dblp.xml uses through its external `dblp.dtd` (`&eacute;`, `&ouml;`,
/// `&szlig;`, `&reg;`, `&times;`, `&micro;`…), with their Unicode code points.
///
/// The five XML built-ins (`amp`, `lt`, `gt`, `quot`, `apos`) are not listed: an XML parser knows
/// them. 248 names; generated from the HTML 4.01 entity sets (the same table as Python's
/// `html.entities.name2codepoint` without `amp`, `lt`, `gt`, `quot`).
///
/// ## References
/// - W3C. "HTML 4.01 Specification", section 24: Character entity references in HTML 4, 1999.
///   <https://www.w3.org/TR/html401/sgml/entities.html>
enum HTMLEntities {
  /// The XML built-in entities, which pass through unchanged.
  static let xmlBuiltins: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  /// Entity name → Unicode scalar value.
  static let codePoints: [String: UInt32] = [
    "nbsp": 160, "iexcl": 161, "cent": 162, "pound": 163, "curren": 164, "yen": 165, "brvbar": 166, "sect": 167,
    "uml": 168, "copy": 169, "ordf": 170, "laquo": 171, "not": 172, "shy": 173, "reg": 174, "macr": 175,
    "deg": 176, "plusmn": 177, "sup2": 178, "sup3": 179, "acute": 180, "micro": 181, "para": 182, "middot": 183,
    "cedil": 184, "sup1": 185, "ordm": 186, "raquo": 187, "frac14": 188, "frac12": 189, "frac34": 190,
    "iquest": 191, "Agrave": 192, "Aacute": 193, "Acirc": 194, "Atilde": 195, "Auml": 196, "Aring": 197,
    "AElig": 198, "Ccedil": 199, "Egrave": 200, "Eacute": 201, "Ecirc": 202, "Euml": 203, "Igrave": 204,
    "Iacute": 205, "Icirc": 206, "Iuml": 207, "ETH": 208, "Ntilde": 209, "Ograve": 210, "Oacute": 211,
    "Ocirc": 212, "Otilde": 213, "Ouml": 214, "times": 215, "Oslash": 216, "Ugrave": 217, "Uacute": 218,
    "Ucirc": 219, "Uuml": 220, "Yacute": 221, "THORN": 222, "szlig": 223, "agrave": 224, "aacute": 225,
    "acirc": 226, "atilde": 227, "auml": 228, "aring": 229, "aelig": 230, "ccedil": 231, "egrave": 232,
    "eacute": 233, "ecirc": 234, "euml": 235, "igrave": 236, "iacute": 237, "icirc": 238, "iuml": 239,
    "eth": 240, "ntilde": 241, "ograve": 242, "oacute": 243, "ocirc": 244, "otilde": 245, "ouml": 246,
    "divide": 247, "oslash": 248, "ugrave": 249, "uacute": 250, "ucirc": 251, "uuml": 252, "yacute": 253,
    "thorn": 254, "yuml": 255, "OElig": 338, "oelig": 339, "Scaron": 352, "scaron": 353, "Yuml": 376,
    "fnof": 402, "circ": 710, "tilde": 732, "Alpha": 913, "Beta": 914, "Gamma": 915, "Delta": 916,
    "Epsilon": 917, "Zeta": 918, "Eta": 919, "Theta": 920, "Iota": 921, "Kappa": 922, "Lambda": 923, "Mu": 924,
    "Nu": 925, "Xi": 926, "Omicron": 927, "Pi": 928, "Rho": 929, "Sigma": 931, "Tau": 932, "Upsilon": 933,
    "Phi": 934, "Chi": 935, "Psi": 936, "Omega": 937, "alpha": 945, "beta": 946, "gamma": 947, "delta": 948,
    "epsilon": 949, "zeta": 950, "eta": 951, "theta": 952, "iota": 953, "kappa": 954, "lambda": 955, "mu": 956,
    "nu": 957, "xi": 958, "omicron": 959, "pi": 960, "rho": 961, "sigmaf": 962, "sigma": 963, "tau": 964,
    "upsilon": 965, "phi": 966, "chi": 967, "psi": 968, "omega": 969, "thetasym": 977, "upsih": 978, "piv": 982,
    "ensp": 8194, "emsp": 8195, "thinsp": 8201, "zwnj": 8204, "zwj": 8205, "lrm": 8206, "rlm": 8207,
    "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217, "sbquo": 8218, "ldquo": 8220, "rdquo": 8221,
    "bdquo": 8222, "dagger": 8224, "Dagger": 8225, "bull": 8226, "hellip": 8230, "permil": 8240, "prime": 8242,
    "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250, "oline": 8254, "frasl": 8260, "euro": 8364, "image": 8465,
    "weierp": 8472, "real": 8476, "trade": 8482, "alefsym": 8501, "larr": 8592, "uarr": 8593, "rarr": 8594,
    "darr": 8595, "harr": 8596, "crarr": 8629, "lArr": 8656, "uArr": 8657, "rArr": 8658, "dArr": 8659,
    "hArr": 8660, "forall": 8704, "part": 8706, "exist": 8707, "empty": 8709, "nabla": 8711, "isin": 8712,
    "notin": 8713, "ni": 8715, "prod": 8719, "sum": 8721, "minus": 8722, "lowast": 8727, "radic": 8730,
    "prop": 8733, "infin": 8734, "ang": 8736, "and": 8743, "or": 8744, "cap": 8745, "cup": 8746, "int": 8747,
    "there4": 8756, "sim": 8764, "cong": 8773, "asymp": 8776, "ne": 8800, "equiv": 8801, "le": 8804, "ge": 8805,
    "sub": 8834, "sup": 8835, "nsub": 8836, "sube": 8838, "supe": 8839, "oplus": 8853, "otimes": 8855,
    "perp": 8869, "sdot": 8901, "lceil": 8968, "rceil": 8969, "lfloor": 8970, "rfloor": 8971, "lang": 9001,
    "rang": 9002, "loz": 9674, "spades": 9824, "clubs": 9827, "hearts": 9829, "diams": 9830
  ]
}

extension HTMLEntities {
  /// The longest reference body read: `thetasym` (8) and `#x10FFFF` (8), with room to spare.
  static let maxBodyLength = 10

  /// The character a reference body stands for: a name (`iacute`, `amp`: the HTML 4.01 names and
  /// the XML built-ins, case-sensitive as HTML says), `#233` or `#xE9`/`#XE9`; `nil` for anything
  /// else, for NUL, and for a number that is no Unicode scalar (a surrogate, above U+10FFFF).
  static func scalar(forReference body: Substring) -> Unicode.Scalar? {
    if body.first == "#" {
      var digits = body.dropFirst()
      var radix = 10
      if digits.first == "x" || digits.first == "X" {
        digits = digits.dropFirst()
        radix = 16
      }
      guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }),
        let value = UInt32(digits, radix: radix), value != 0
      else { return nil }
      return Unicode.Scalar(value)
    }
    switch body {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default: return codePoints[String(body)].flatMap(Unicode.Scalar.init)
    }
  }

  /// Text with its HTML character references decoded, cut into list items at `separator`.
  public struct Decoded: Sendable, Equatable {
    /// The pieces between separators (one piece when no separator was given), decoded, not trimmed.
    public var items: [String]
    /// Reference-like texts (`&foo;`) that are no known reference, kept as written, in order.
    public var unknown: [String]
    /// Whether the text held a separator (it was cut, whatever is later done with empty items).
    public var wasSplit: Bool

    init(items: [String], unknown: [String]) {
      self.items = items
      self.unknown = unknown
      self.wasSplit = items.count > 1
    }
  }

  /// Decodes the character references of `text` (`&iacute;` í, `&amp;` &, `&nbsp;` U+00A0,
  /// `&#233;` é, `&#xE9;` é) and cuts it at `separator` in the same pass, so that the `;`
  /// ending a reference never cuts a name, and a decoded character is never a separator.
  ///
  /// Text that looks like a reference but is not one (`AT&T;`, `&foo;`, a bare `&`) is kept as
  /// written and listed in ``Decoded/unknown`` (the `&T;` of `AT&T;` too: a caller may report it,
  /// it is never dropped). A reference needs its `;`: `&amp` without it stays as it is.
  ///
  /// With `escapingLaTeX` (BibTeX values, decoded as LaTeX afterwards) an `&` written `\&` starts
  /// no reference, and a decoded character the LaTeX decoder would read as markup (`{ } $ \ ~`) is
  /// written escaped (`\{`, `\textasciitilde{}`…), so it comes back as the character itself.
  ///
  ///     HTMLEntities.decode("Garc&iacute;a, Mar&iacute;a; Smith, John", separator: ";").items
  ///     // ["García, María", " Smith, John"]
  ///
  /// - Complexity: O(*n*) for *n* characters; text without `&` is cut without decoding.
  public static func decode(_ text: String, separator: Character? = nil, escapingLaTeX: Bool = false) -> Decoded {
    guard text.utf8.contains(UInt8(ascii: "&")) else {
      guard let separator else { return Decoded(items: [text], unknown: []) }
      return Decoded(items: text.split(separator: separator, omittingEmptySubsequences: false).map(String.init), unknown: [])
    }
    var items: [String] = []
    var unknown: [String] = []
    var current = ""
    var i = text.startIndex
    var previous: Character? = nil
    while i < text.endIndex {
      let c = text[i]
      if c == separator {
        items.append(current)
        current = ""
        previous = c
        i = text.index(after: i)
        continue
      }
      guard c == "&", !(escapingLaTeX && previous == "\\") else {
        current.append(c)
        previous = c
        i = text.index(after: i)
        continue
      }
      // `&` + up to maxBodyLength letters, digits or `#` + `;`.
      let bodyStart = text.index(after: i)
      var j = bodyStart
      var length = 0
      while j < text.endIndex, length <= maxBodyLength, let a = text[j].asciiValue,
        (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A) || a == 0x23
      {
        j = text.index(after: j)
        length += 1
      }
      guard length > 0, j < text.endIndex, text[j] == ";" else {
        current.append(c)
        previous = c
        i = bodyStart
        continue
      }
      let after = text.index(after: j)
      if let scalar = scalar(forReference: text[bodyStart ..< j]) {
        if escapingLaTeX, scalar == "{" || scalar == "}" || scalar == "$" {
          current += "\\" + String(Character(scalar))
        } else if escapingLaTeX, scalar == "\\" {
          current += "\\textbackslash{}"
        } else if escapingLaTeX, scalar == "~" {
          current += "\\textasciitilde{}"
        } else {
          current.unicodeScalars.append(scalar)
        }
        previous = nil
      } else {
        unknown.append(String(text[i ..< after]))
        current += text[i ..< after]
        previous = ";"
      }
      i = after
    }
    items.append(current)
    return Decoded(items: items, unknown: unknown)
  }

  /// `text` with its character references decoded (see ``decode(_:separator:escapingLaTeX:)``).
  public static func decoded(_ text: String) -> String {
    text.utf8.contains(UInt8(ascii: "&")) ? decode(text).items[0] : text
  }
}

/// Reference-like texts a reader met that are no known character reference (`&foo;`, the `&T;`
/// of `AT&T;`), gathered per file and reported as one note each, like unknown LaTeX commands.
struct UnknownReferences {
  private var order: [String] = []
  private var seen: [String: (count: Int, line: Int)] = [:]

  mutating func add(_ texts: [String], line: Int) {
    for text in texts {
      if let s = seen[text] {
        seen[text] = (s.count + 1, s.line)
      } else {
        seen[text] = (1, line)
        order.append(text)
      }
    }
  }

  /// Adds the texts of `other`, read after these (their first lines stay where first seen).
  mutating func merge(_ other: UnknownReferences) {
    for text in other.order {
      let s = other.seen[text]!
      if let mine = seen[text] {
        seen[text] = (mine.count + s.count, mine.line)
      } else {
        seen[text] = s
        order.append(text)
      }
    }
  }

  /// One note per distinct text, in order of first appearance.
  func diagnostics(file: String) -> [Diagnostic] {
    order.map { text in
      let s = seen[text]!
      return Diagnostic(
        kind: .note,
        message: "'\(text)' looks like an HTML character reference but is none; kept as written (\(s.count) time(s), first here)",
        file: file, line: s.line)
    }
  }
}
