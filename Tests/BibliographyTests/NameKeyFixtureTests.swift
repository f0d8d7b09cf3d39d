import Foundation
import Testing

@testable import Bibliography

/// The shared name-key and tag-key tables (`Fixtures/name-keys.tsv`, `Fixtures/tag-keys.tsv`):
/// Coauthor's keys for tricky names and tags, the golden the Spark job's Python keys are tested
/// against too (one rule on both sides). Each table is recomputed from its first column and
/// compared byte for byte (Swift's `==` on `String` would treat NFC and NFD as equal);
/// `UPDATE_GOLDEN=1` rewrites it. Lines are split at LF only: names hold U+2028, U+0085, VT, FF.
@Suite("Name-key fixture")
struct NameKeyFixtureTests {
  /// The cells of a TSV table split on bytes (LF, then TAB), so no Unicode line breaking and no
  /// grapheme clustering can move a boundary.
  static func rows(_ path: String) -> [[String]] {
    let data = FileManager.default.contents(atPath: path) ?? Data()
    var lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.dropFirst().map { line in
      line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// The table regenerated from the first column of `file`, compared with `file`'s bytes.
  static func check(_ file: String, header: String, columns: (String) -> [String]) {
    let path = Paths.fixture(file)
    let firsts = rows(path).map { $0[0] }
    #expect(firsts.count > 50, "\(file) lost its rows")
    var text = header + "\n"
    for first in firsts { text += ([first] + columns(first)).joined(separator: "\t") + "\n" }
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try! Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      return
    }
    let stored = Array(FileManager.default.contents(atPath: path) ?? Data())
    let lines = text.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    let storedLines = stored.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    for (i, (mine, theirs)) in zip(lines, storedLines).enumerated() where Array(mine.utf8) != Array(theirs.utf8) {
      Issue.record("\(file):\(i + 1): computed \(mine.debugDescription), stored \(theirs.debugDescription)")
    }
    #expect(Array(text.utf8) == stored, "\(file) differs from the keys Coauthor computes; UPDATE_GOLDEN=1 rewrites it")
  }

  /// What a paper table whose authors are a `;` list hands on for `name`: normalised, and read
  /// in natural order when written family name first.
  static func natural(_ name: String) -> String {
    let normalized = NameNormalizer.normalize(name)
    return InvertedName.readUnambiguous(normalized) ?? normalized
  }

  @Test func nameKeysMatchTheTable() {
    Self.check("name-keys.tsv", header: "name\tkey\tnatural") { [NameNormalizer.key($0), Self.natural($0)] }
  }

  @Test func tagKeysMatchTheTable() {
    Self.check("tag-keys.tsv", header: "tag\tkey\tspaced\tsingulars") { tag in
      let key = NameNormalizer.key(tag)
      let spaced = TagFolding.spaced(key)
      let last = key.split(separator: " ").last.map(String.init) ?? ""
      return [key, spaced, TagFolding.singularCandidates(of: last).joined(separator: "|")]
    }
  }

  /// Hand-checked rows, so the table is not only consistent with itself.
  @Test func knownRows() {
    let table = Dictionary(Self.rows(Paths.fixture("name-keys.tsv")).map { ($0[0], Array($0.dropFirst())) }) { a, _ in a }
    #expect(table["Tong, Meg"] == ["tong, meg", "Meg Tong"])
    #expect(table["M. Tong"] == ["m tong", "M. Tong"])
    #expect(table["Iva\u{301}n Arcuschin"] == ["ivan arcuschin", "Iv\u{E1}n Arcuschin"])
    #expect(table["Lisa\u{00A0}Thiergart"] == ["lisa thiergart", "Lisa Thiergart"])
    #expect(table["King, Martin Luther, Jr."] == ["king, martin luther, jr", "Martin Luther King Jr."])
    #expect(table["Henriques de Gusmao, Ana Paula"]?.last == "Ana Paula Henriques de Gusmao")
    #expect(table[""] == ["", ""])
    let tags = Dictionary(Self.rows(Paths.fixture("tag-keys.tsv")).map { ($0[0], Array($0.dropFirst())) }) { a, _ in a }
    #expect(tags["Policies"] == ["policies", "policies", "policy|policiis|polici|policie"])
    #expect(tags["LLMs"] == ["llms", "llms", "llm"])
    #expect(tags["Straße"] == ["strasse", "strasse", ""])
    #expect(tags["Chain-of-Thought"]?[1] == "chain of thought")
    #expect(tags["Bias"]?[2] == "")
  }
}
