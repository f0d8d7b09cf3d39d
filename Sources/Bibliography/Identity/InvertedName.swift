/// How an author string holding a comma reads: a name written family-name first (`Tong, Meg`,
/// as in BibTeX, Scopus and Web of Science), or possibly a list of two names that a reader failed
/// to split.
///
/// A string is read as one inverted name only when it has exactly one comma (or two, the second
/// setting off a generational suffix: `King, Jr., Martin Luther` or `King, Martin Luther, Jr.`), both sides are plausible name
/// parts (one to four words of letters, periods, hyphens and apostrophes, no digits) and the
/// given-name side is more than a suffix. Suffixes (`Jr`, `Sr`, `II`, `III`, `IV`, with or without a
/// period) are kept and moved to the end: `Smith, John, Jr.`, `Smith Jr., John` and
/// `Smith, John Jr.` all read as `John Smith Jr.`; `John Smith, Jr.` (natural order, comma before
/// the suffix) reads as `John Smith Jr.` too.
///
/// When both sides look like whole names (each two or more words, the family side not starting
/// with a particle such as `van`, the given side ending in a full word) the string is
/// ``ambiguous(_:)``: `Ann Alpha, Bob Beta` is more likely two people than one. The resolver then
/// inverts it only when the natural form is an author elsewhere.
enum InvertedName: Equatable, Sendable {
  /// No comma, or not a plausible single name.
  case none
  /// One name, family name first; the natural order is given.
  case inverted(String)
  /// Two whole names or one inverted name; the natural order if it is one name is given.
  case ambiguous(String)

  static func read(_ name: String) -> InvertedName { read(name, maxWords: 4) }

  private static func read(_ name: String, maxWords: Int) -> InvertedName {
    guard name.utf8.contains(UInt8(ascii: ",")) else { return .none }
    let parts = name.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.split(separator: " ").map(String.init)
    }
    guard parts.allSatisfy({ !$0.isEmpty }) else { return .none }
    var family: [String]
    var given: [String]
    var suffix: String?
    switch parts.count {
    case 2 where parts[1].count == 1 && isSuffix(parts[1][0]):
      // `John Smith, Jr.`: natural order with the suffix set off.
      guard parts[0].count >= 2, parts[0].allSatisfy(isNameWord) else { return .none }
      return .inverted((parts[0] + parts[1]).joined(separator: " "))
    case 2:
      family = parts[0]
      given = parts[1]
    case 3 where parts[1].count == 1 && isSuffix(parts[1][0]):
      // BibTeX `von Last, Jr, First`.
      family = parts[0]
      suffix = parts[1][0]
      given = parts[2]
    case 3 where parts[2].count == 1 && isSuffix(parts[2][0]):
      // `Last, First, Jr.`
      family = parts[0]
      suffix = parts[2][0]
      given = parts[1]
    default:
      return .none
    }
    if suffix == nil, given.count >= 2, let last = given.last, isSuffix(last) {
      suffix = last
      given.removeLast()
    }
    if suffix == nil, family.count >= 2, let last = family.last, isSuffix(last) {
      suffix = last
      family.removeLast()
    }
    guard (1 ... maxWords).contains(family.count), (1 ... maxWords).contains(given.count),
      family.allSatisfy(isNameWord), given.allSatisfy(isNameWord), !given.allSatisfy(isSuffix)
    else { return .none }
    let natural = (given + family + (suffix.map { [$0] } ?? [])).joined(separator: " ")
    let familyIsParticled = IdentityResolver.particles.contains(family[0].lowercased())
    if family.count >= 2, !familyIsParticled, given.count >= 2, let last = given.last, !NameNormalizer.isInitial(last) {
      return .ambiguous(natural)
    }
    return .inverted(natural)
  }

  /// The natural order of `name` when its comma is known to separate the family name from the
  /// given names (its list was split on `;` or ` and `, so a comma cannot be between two
  /// people): `de la Cruz Pérez, Juan Carlos` → `Juan Carlos de la Cruz Pérez`,
  /// `Henriques de Gusmao, Ana Paula` → `Ana Paula Henriques de Gusmao`, `Smith, John, Jr.` →
  /// `John Smith Jr.`. The forms ``read(_:)`` accepts are read the same way; what it calls
  /// ``ambiguous(_:)`` is inverted, and each side may have up to six words.
  ///
  /// `nil` when `name` has no comma, more commas than a suffix explains, or a side that is not
  /// made of name words (digits, brackets: `Acme, Inc. 2`, `{Barnes and Noble}, Ltd (UK)`).
  static func readUnambiguous(_ name: String) -> String? {
    switch read(name, maxWords: 6) {
    case .none: return nil
    case .inverted(let natural), .ambiguous(let natural): return natural
    }
  }

  static func isSuffix(_ token: String) -> Bool {
    PersonName.suffixes.contains(token.lowercased().filter { $0 != "." })
  }

  /// Letters, with periods, hyphens and apostrophes inside; starts with a letter.
  static func isNameWord(_ token: String) -> Bool {
    guard let first = token.first, first.isLetter else { return false }
    return token.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }
  }
}
