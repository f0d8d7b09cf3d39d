/// A person's name split into given names, family name and generational suffix, for comparing
/// spellings of one name across papers (`M. Tong` ↔ `Meg Tong`, `J. R. R. Tolkien` ↔
/// `John Ronald Reuel Tolkien`).
///
/// Built from a comparison key (``NameNormalizer/key(_:)``: case and accents folded, periods
/// dropped), so its tokens are lower case: `John R. Smith Jr.` → given `["john", "r"]`, family
/// `"smith"`, suffix `"jr"`. The family name is the last token that is not a suffix; particles
/// (`van der`) stay with the given names, so `Ludwig van der Berg` has family `berg`. Hyphenated
/// given names count as several (`Cheung-Fat Chan` has given `["cheung", "fat"]`).
struct PersonName: Hashable, Sendable {
  var given: [String]
  var family: String
  var suffix: String?

  /// Generational suffixes (key form). `v` is left out: it is far more often a middle initial.
  static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

  /// `nil` for a name of fewer than two tokens besides a suffix.
  init?(key: String) {
    var tokens = key.split(separator: " ").map(String.init)
    var suffix: String?
    if tokens.count >= 3, let last = tokens.last, Self.suffixes.contains(last) {
      suffix = last
      tokens.removeLast()
    }
    guard tokens.count >= 2 else { return nil }
    self.family = tokens.removeLast()
    // Hyphenated given names are several names (`Cheung-Fat` ↔ `C. F.`, `J.-P.` ↔ `Jean-Pierre`).
    self.given = tokens.flatMap { $0.split(separator: "-").map(String.init) }
    self.suffix = suffix
    guard !given.isEmpty else { return nil }
  }

  /// The blocking key: family name, suffix and first initial. Names that can be spellings of one
  /// another always share it.
  var block: String { family + "\u{0}" + (suffix ?? "") + "\u{0}" + String(given[0].prefix(1)) }

  /// How fully the given names are written: (full given names, given names). `Meg J. Tong` (1, 2)
  /// is more specific than `Meg Tong` (1, 1), which is more specific than `M. J. Tong` (0, 2).
  var specificity: (full: Int, tokens: Int) { (given.count(where: { $0.count > 1 }), given.count) }

  /// Whether `self` is less specific than `other` (lexicographic on ``specificity``).
  func isLessSpecific(than other: PersonName) -> Bool {
    let a = specificity
    let b = other.specificity
    return a.full < b.full || (a.full == b.full && a.tokens < b.tokens)
  }

  /// Whether the two can be spellings of one name: same family name and suffix, different given
  /// names that agree where both are written in full, an initial agreeing with the full name in
  /// the same place; middle names may be missing on one side only when the other side gives only
  /// initials for them (`Meg Tong` ↔ `M. J. Tong`, but not `John Tolkien` ↔ `John Ronald Tolkien`).
  func isCompatible(with other: PersonName) -> Bool {
    guard family == other.family, suffix == other.suffix, given != other.given,
      Self.tokensAgree(given[0], other.given[0])
    else { return false }
    let a = given.dropFirst()
    let b = other.given.dropFirst()
    if a.count == b.count { return zip(a, b).allSatisfy { Self.tokensAgree($0, $1) } }
    if a.isEmpty { return b.allSatisfy { $0.count == 1 } }
    if b.isEmpty { return a.allSatisfy { $0.count == 1 } }
    return false
  }

  /// Equal, or one is a one-letter initial of the other.
  static func tokensAgree(_ x: String, _ y: String) -> Bool {
    if x == y { return true }
    if x.count == 1 { return y.hasPrefix(x) }
    if y.count == 1 { return x.hasPrefix(y) }
    return false
  }
}
