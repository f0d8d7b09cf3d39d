/// Splits BibTeX author lists and turns each name into its display form, `First Last`.
///
/// - `author = {Last, First and First Last and {Organisation Name} and others}`: the list splits
///   at ` and ` (any case, any white space around it, line breaks included) outside braces, so
///   `{Barnes and Noble}` stays one name;
/// - `Last, First` → `First Last` (`de la Cruz Pérez, Juan Carlos` → `Juan Carlos de la Cruz
///   Pérez`: the list is cut at ` and `, so the comma always separates family and given names);
///   `Last, Jr, First` → `First Last Jr` (RIS: `Last, First, Jr`); `Last, First Jr.` →
///   `First Last Jr.`;
///   `First Last` stays;
///   commas inside braces do not count;
/// - `others` (BibTeX's "et al.") is reported by ``split(_:)`` and left out.
///
/// The same rules read RIS names (`Last, First, Suffix`).
///
/// - Complexity: O(*n*) for *n* characters.
public enum BibTeXNames {
  /// The names of an author list (raw BibTeX, braces and LaTeX kept), and whether it ended with
  /// `others`.
  public static func split(_ list: String) -> (names: [String], hadOthers: Bool) {
    let s = Array(list.unicodeScalars)
    var names: [String] = []
    var depth = 0
    var start = 0
    var i = 0
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" }
    func cut(_ end: Int) {
      var piece = String.UnicodeScalarView()
      piece.append(contentsOf: s[start ..< end])
      names.append(String(piece))
    }
    while i < s.count {
      let c = s[i]
      if c == "\\" {
        i += 2
        continue
      }
      if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
      if depth == 0, isSpace(c), i + 4 < s.count,
        s[i + 1] == "a" || s[i + 1] == "A", s[i + 2] == "n" || s[i + 2] == "N", s[i + 3] == "d" || s[i + 3] == "D",
        isSpace(s[i + 4])
      {
        cut(i)
        i += 4
        start = i
        continue
      }
      i += 1
    }
    cut(s.count)
    var hadOthers = false
    var kept: [String] = []
    for name in names {
      let trimmed = name.trimmingWhitespace
      if trimmed.isEmpty { continue }
      if trimmed.lowercased() == "others" {
        hadOthers = true
        continue
      }
      kept.append(trimmed)
    }
    return (kept, hadOthers)
  }

  /// The parts of one name separated by top-level commas, trimmed: `["Last", "First"]`,
  /// `["Last", "Jr", "First"]` or `["First Last"]`.
  public static func commaParts(_ name: String) -> [String] {
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    var escaped = false
    for c in name.unicodeScalars {
      if escaped {
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "{" {
        depth += 1
      } else if c == "}" {
        depth = max(0, depth - 1)
      } else if c == ",", depth == 0 {
        parts.append(String(current).trimmingWhitespace)
        current = String.UnicodeScalarView()
        continue
      }
      current.append(c)
    }
    parts.append(String(current).trimmingWhitespace)
    return parts
  }

  /// `First Last` from `Last, First`, `Last, Jr, First` or `First Last` (still raw: braces and
  /// LaTeX are left for ``LaTeXDecoder``). With `suffixLast` (RIS), three parts are read as
  /// `Last, First, Suffix`.
  public static func displayOrder(_ name: String, suffixLast: Bool = false) -> String {
    let parts = commaParts(name)
    switch parts.count {
    case 1:
      return parts[0]
    case 2:
      // `Smith, John Jr.` (the suffix written with the given names): `John Smith Jr.`.
      var given = parts[1].split(separator: " ").map(String.init)
      if given.count >= 2, let last = given.last, InvertedName.isSuffix(last) {
        given.removeLast()
        return [given.joined(separator: " "), parts[0], last].filter { !$0.isEmpty }.joined(separator: " ")
      }
      return [parts[1], parts[0]].filter { !$0.isEmpty }.joined(separator: " ")
    default:
      if suffixLast {
        return ([parts[1], parts[0]] + parts[2...]).filter { !$0.isEmpty }.joined(separator: " ")
      }
      let first = parts[2...].filter { !$0.isEmpty }.joined(separator: " ")
      return [first, parts[0], parts[1]].filter { !$0.isEmpty }.joined(separator: " ")
    }
  }
}

extension StringProtocol {
  /// Without leading and trailing white space of any kind (line breaks and U+00A0 included).
  var trimmingWhitespace: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first ... last])
  }
}
