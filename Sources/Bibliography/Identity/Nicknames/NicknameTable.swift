/// Given names and their nicknames (`edward` → `ed`, `katherine` → `kate`), from the bundled
/// carltonnorthern/nicknames table (Apache-2.0; `License.txt` and `SOURCE.md` in this folder;
/// the pairs are generated into `NicknameTable+Pairs.swift` by `scripts/generate-nicknames.py`).
///
/// The table is read symmetrically, one pair at a time: `Ed` ↔ `Edward` and `Edward` ↔ `Ed`, but
/// never through a shared nickname: `Edward` and `Edmund` (both called `Ed`) are different names,
/// and so are two nicknames of one name (`Ed`, `Ted`). Names are compared in key form (lower case,
/// accents folded). That table has English given names only; `NicknameTable+Diminutives.swift` adds
/// hand-written pairs for common Polish, Russian, Czech, German, Spanish and Italian diminutives
/// (`Tomasz` ↔ `Tomek`, `Dmitry` ↔ `Dima`).
enum NicknameTable {
  /// For each name, the names it is paired with in the table (either side of a pair).
  static let partners: [String: Set<String>] = {
    var partners: [String: Set<String>] = [:]
    for line in allPairs {
      let parts = line.split(separator: " ")
      guard parts.count == 2 else { continue }
      let full = String(parts[0])
      let nickname = String(parts[1])
      guard full != nickname else { continue }
      partners[full, default: []].insert(nickname)
      partners[nickname, default: []].insert(full)
    }
    return partners
  }()

  /// Whether one of the two given names (key form) is listed as a nickname of the other.
  static func arePaired(_ a: String, _ b: String) -> Bool {
    a != b && partners[a]?.contains(b) == true
  }

  /// Whether `nickname` is listed as a nickname of `full` (the direction of the table's pair).
  static func isNickname(_ nickname: String, of full: String) -> Bool {
    nicknamesByFull[full]?.contains(nickname) == true
  }

  /// For each full name, its nicknames.
  static let nicknamesByFull: [String: Set<String>] = {
    var nicknames: [String: Set<String>] = [:]
    for line in allPairs {
      let parts = line.split(separator: " ")
      guard parts.count == 2, parts[0] != parts[1] else { continue }
      nicknames[String(parts[0]), default: []].insert(String(parts[1]))
    }
    return nicknames
  }()

  /// The names `name` is paired with, sorted (for deterministic iteration).
  static func partners(of name: String) -> [String] {
    partners[name].map { $0.sorted() } ?? []
  }

  /// The number of pairs in the bundled carltonnorthern table (2,691).
  static var pairCount: Int { pairsText.split(separator: "\n").count }

  /// Both tables' lines: the carltonnorthern pairs, then the hand-written diminutives.
  static var allPairs: [Substring] { pairsText.split(separator: "\n") + diminutivesText.split(separator: "\n") }
}
