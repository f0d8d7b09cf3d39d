import Foundation

/// Reads the date forms found on research listings and in corpora:
/// `Sep 15, 2023`, `Sept. 15, 2023`, `March 10, 2026`, `15 March 2026`, `March 2026`,
/// `2023-09-15`, `2023-09`, `2023`, `2023/09/15`.
public enum DateParser {
  static let months: [(String, Int)] = [
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
  ]

  static func month(_ word: String) -> Int? {
    let w = word.lowercased().trimming(".")
    guard w.count >= 3 else { return nil }
    if w == "sept" { return 9 }
    return months.first { $0.0 == w || ($0.0.hasPrefix(w) && w.count == 3) }?.1
  }

  /// The date in `text`, or `nil` when it is not a date.
  public static func parse(_ text: String) -> PaperDate? {
    let s = NameNormalizer.normalize(text)
    if s.isEmpty { return nil }
    // ISO-like: YYYY, YYYY-MM, YYYY-MM-DD (also with '/').
    // Empty parts are kept so that `2023-`, `-2023` and `2023--09` are rejected, not read as `2023(-09)`.
    let isoParts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
      .map(String.init)
    if isoParts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), isoParts.first?.count == 4,
      (1 ... 3).contains(isoParts.count)
    {
      let numbers = isoParts.compactMap { Int($0) }
      return make(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }
    let words = s.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    switch words.count {
    case 3:
      // Mon DD YYYY  or  DD Mon YYYY
      if let m = month(words[0]), let d = Int(words[1]), let y = year(words[2]) { return make(year: y, month: m, day: d) }
      if let d = Int(words[0]), let m = month(words[1]), let y = year(words[2]) { return make(year: y, month: m, day: d) }
      return nil
    case 2:
      if let m = month(words[0]), let y = year(words[1]) { return make(year: y, month: m, day: nil) }
      return nil
    default:
      return nil
    }
  }

  static func year(_ word: String) -> Int? {
    guard word.count == 4, let y = Int(word) else { return nil }
    return y
  }

  static func make(year: Int, month: Int?, day: Int?) -> PaperDate? {
    guard (1000 ... 9999).contains(year) else { return nil }
    if let month, !(1 ... 12).contains(month) { return nil }
    if let day {
      guard let month else { return nil }
      let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      guard day >= 1 && day <= lengths[month - 1] else { return nil }
      if month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return nil }
    }
    return PaperDate(year: year, month: month, day: day)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  func trimming(_ set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
