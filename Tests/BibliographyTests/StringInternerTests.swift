import Foundation
import Testing

@testable import Bibliography

/// The table reader keeps one string per distinct name or tag (a million-paper table repeats
/// them on many rows): the same bytes give the same normalised string, different bytes never
/// the same entry.
@Suite("Table reader: one string per distinct name")
struct StringInternerTests {
  func intern(_ interner: inout StringInterner, _ text: String) -> String {
    var text = text
    return text.withUTF8 { interner.intern($0) }
  }

  @Test func sameBytesSameNormalisedString() {
    var interner = StringInterner(transform: NameNormalizer.normalize)
    #expect(intern(&interner, "Ada  Lovelace") == "Ada Lovelace")
    #expect(intern(&interner, "Ada Lovelace") == "Ada Lovelace")
    #expect(intern(&interner, "Ada  Lovelace") == "Ada Lovelace")
    #expect(intern(&interner, "Iva\u{301}n") == "Iv\u{E1}n")  // NFC, as NameNormalizer
    #expect(intern(&interner, " ") == "")
  }

  @Test func manyDistinctNamesThroughGrowth() {
    // 50,000 names (the table grows many times), each asked for twice, in two orders.
    var interner = StringInterner(transform: { $0 })
    let names = (0 ..< 50_000).map { "Name \($0 * 7919 % 50_000)-\($0 % 13)" }
    for name in names { #expect(intern(&interner, name) == name) }
    for name in names.reversed() where intern(&interner, name) != name { Issue.record("\(name) came back different") }
  }

  @Test func tableRowsShareNames() throws {
    let text = "title\tauthors\tkeywords\nA\tAda Lovelace;Charles  Babbage\tengines;maths\nB\tCharles Babbage;Ada Lovelace\tmaths\n"
    let result = try DelimitedTableReader().read(TextFile(path: "t.tsv", bytes: Data(text.utf8)))
    #expect(result.records.map(\.authors) == [["Ada Lovelace", "Charles Babbage"], ["Charles Babbage", "Ada Lovelace"]])
    #expect(result.records.map(\.tags) == [["engines", "maths"], ["maths"]])
  }
}
