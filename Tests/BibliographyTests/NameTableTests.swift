import Testing

@testable import Bibliography

/// Identity resolution numbers distinct names with ``NameTable``: ids in order of first sight,
/// the same equality as a `[String: Int32]` (canonically equivalent spellings are one name), and
/// nothing lost when the table grows.
@Suite("Name table: distinct names numbered in order of first sight")
struct NameTableTests {
  @Test func idsInOrderOfFirstSight() {
    var table = NameTable()
    #expect(table.id(of: "Ada Lovelace") == 0)
    #expect(table.id(of: "Alan Turing") == 1)
    #expect(table.id(of: "Ada Lovelace") == 0)
    #expect(table.id(of: "ada lovelace") == 2)  // case matters: keys are made elsewhere
    #expect(table.id(of: "") == 3)
    #expect(table.id(of: "") == 3)
    #expect(table.count == 4)
    #expect(table[1] == "Alan Turing")
    #expect(table.strings == ["Ada Lovelace", "Alan Turing", "ada lovelace", ""])
    #expect(table.find("Alan Turing") == 1)
    #expect(table.find("Grace Hopper") == nil)
    #expect(table.count == 4)  // find adds nothing
  }

  @Test func canonicallyEquivalentSpellingsAreOneName() {
    // `==` on String (and so a Dictionary key) treats these as equal; so must the table.
    var table = NameTable()
    let composed = "Iv\u{E1}n Arcuschin"  // á as one scalar
    let decomposed = "Iva\u{301}n Arcuschin"  // a + combining acute
    #expect(composed == decomposed)
    #expect(table.id(of: composed) == 0)
    #expect(table.id(of: decomposed) == 0)
    #expect(table.id(of: "Ivan Arcuschin") == 1)
    // The Kelvin sign is canonically `K`: an ASCII string and a non-ASCII one that are equal.
    #expect(table.id(of: "\u{212A}ato") == 2)
    #expect(table.id(of: "Kato") == 2)
    #expect(table[0] == composed)
    #expect(NameTable.hash(composed) == NameTable.hash(decomposed))
    #expect(NameTable.hash("Kato") == NameTable.hash("\u{212A}ato"))
    #expect(NameTable.hash("Kato") != NameTable.hash("Katu"))
  }

  @Test func agreesWithADictionaryThroughGrowth() {
    // 60,000 names (many doublings from 64 slots), each asked twice, some non-ASCII and some
    // small (inline) strings: the ids are those a dictionary handing out counts gives.
    var table = NameTable()
    var dictionary: [String: Int32] = [:]
    let names = (0 ..< 120_000).map { i -> String in
      let k = i * 7919 % 60_000
      return k % 5 == 0 ? "Jürgen Schmidhüber \(k)" : (k % 3 == 0 ? "N\(k)" : "Name Surname-\(k) \(k % 13)")
    }
    var mismatches = 0
    for name in names {
      let expected = dictionary[name] ?? {
        let id = Int32(dictionary.count)
        dictionary[name] = id
        return id
      }()
      if table.id(of: name) != expected { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(table.count == 60_000)
    #expect(table.find("N3") == dictionary["N3"])
    #expect(table.find("Name Surname-60001 0") == nil)
  }
}
