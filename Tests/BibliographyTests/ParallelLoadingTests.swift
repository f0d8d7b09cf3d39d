import Foundation
import Testing

@testable import Bibliography

/// Reading and identity resolution on several threads give the corpus one thread gives: the
/// same records, papers, people, notes (in the same order) and merges, for any thread count.
/// The stretch sizes are lowered so that a table of a few hundred kilobytes is cut many times.
@Suite("Loading on several threads")
struct ParallelLoadingTests {
  /// A made-up table (generated, deterministic) that exercises what crosses stretch borders:
  /// names written family name first that recur all through the file (noted once, where first
  /// seen), ambiguous comma names, initials that merge with a fuller form on a shared co-author,
  /// fellows matched by nickname, duplicate ids, rows without a title, blank lines, CRLF line
  /// ends, character references (known and unknown), plural tags.
  static func table(rows: Int) -> String {
    var lines = ["paper_id\tyear\tauthors\tfellows\tkeywords\ttitle"]
    for k in 0 ..< rows {
      let family = "Family\(k % 211)"
      var authors = ["Given\(k % 97) \(family)", "Müller, Jörg", "Other\(k % 53) Person\(k % 61)"]
      if k % 7 == 0 { authors.append("G. \(family)") }  // beside its fuller form: never merged
      if k % 7 == 1 { authors += ["H. Quill", "Shared Coauthor"] }  // merges into the fuller form:
      if k % 7 == 2 { authors += ["Hanna Quill", "Shared Coauthor"] }  // a shared co-author
      if k % 11 == 0 { authors.append("Lee, Kim") }  // ambiguous: two names or one inverted?
      if k % 13 == 0 { authors.append("Person\(k % 61), Other\(k % 53)") }  // inverted, varies
      if k % 17 == 0 { authors.append("Ann &amp; Bob\(k % 5)") }
      if k % 19 == 0 { authors.append("Zed &bogus; Name") }  // not a reference: one note for all
      let fellows = k % 23 == 0 ? "Kate Smith\(k % 3)" : ""
      if k % 23 == 0 { authors.append("Katherine Smith\(k % 3)") }
      let tags = ["model\(k % 5)", k % 3 == 0 ? "Large Language Models" : "large language model", k % 4 == 0 ? "LLM" : "graphs"]
      let id = k % 29 == 0 ? "dup\(k % 58)" : "p\(k)"  // some ids repeat: duplicate entries merged
      let title = k % 31 == 0 ? "" : "On Topic \(k % 1000) &amp; More"
      lines.append([id, String(1990 + k % 30), authors.joined(separator: ";"), fellows, tags.joined(separator: ";"), title].joined(separator: "\t"))
      if k % 37 == 0 { lines.append("") }
    }
    // CRLF line ends in the second half: a stretch may start after either kind.
    let half = lines.count / 2
    return lines[..<half].joined(separator: "\n") + "\n" + lines[half...].joined(separator: "\r\n") + "\r\n"
  }

  static func read(_ text: String, threads: Int) throws -> ReadResult {
    var reader = DelimitedTableReader()
    reader.threads = threads
    reader.minimumBytesPerThread = 4096
    return try reader.read(TextFile(path: "made-up.tsv", bytes: Data(text.utf8)))
  }

  static func resolve(_ result: ReadResult, threads: Int) -> Corpus {
    var resolver = IdentityResolver()
    resolver.threads = threads
    resolver.minimumRecordsPerThread = 100
    var results = [result]
    results[0].records.sort(by: Record.canonicallyPrecedes)
    return resolver.resolve(consuming: &results)
  }

  static func expectSame(_ a: Corpus, _ b: Corpus) {
    #expect(a.entryCount == b.entryCount)
    #expect(a.papers == b.papers)
    #expect(a.diagnostics == b.diagnostics)
    #expect(a.fellowMatches == b.fellowMatches)
    #expect(a.identityMerges == b.identityMerges)
    #expect(a.tagVariants == b.tagVariants)
  }

  @Test(arguments: [2, 3, 8])
  func tableRowsAreReadAsOnOneThread(threads: Int) throws {
    let text = Self.table(rows: 3000)
    let one = try Self.read(text, threads: 1)
    let many = try Self.read(text, threads: threads)
    #expect(one.records.count == 3000)
    #expect(many.records == one.records)
    #expect(many.diagnostics == one.diagnostics)
    // Line numbers run on across stretches (blank lines counted): the last row's line.
    #expect(many.records.last?.source.line == 1 + 3000 + (0 ..< 3000).filter { $0 % 37 == 0 }.count)
    // One note for the unknown reference, counting every row (not one per stretch).
    let bogus = many.diagnostics.filter { $0.message.hasPrefix("'&bogus;'") }
    #expect(bogus.count == 1)
    #expect(bogus.first?.message.contains("(\((0 ..< 3000).filter { $0 % 19 == 0 }.count) time(s), first here)") == true)
    #expect(bogus.first?.line == 2)
  }

  @Test(arguments: [2, 3, 8])
  func identitiesAreResolvedAsOnOneThread(threads: Int) throws {
    let result = try Self.read(Self.table(rows: 3000), threads: 1)
    let one = Self.resolve(result, threads: 1)
    let many = Self.resolve(result, threads: threads)
    Self.expectSame(one, many)
    // The inverted name on every row is noted and merged once, at its first row.
    #expect(many.diagnostics.filter { $0.message.hasPrefix("'Müller, Jörg' written as 'Jörg Müller'") }.count == 1)
    #expect(many.identityMerges.filter { $0.variant == "Müller, Jörg" }.count == 1)
    #expect(many.papers.count < 3000)  // duplicate ids merged
    #expect(many.identityMerges.contains { $0.reason == .initials && $0.variant == "H. Quill" && $0.person == "Hanna Quill" })
    #expect(many.fellowMatches.contains { $0.rule == .nickname })
  }

  /// Several inputs are read at the same time; the corpus is the one reading them in turn gives,
  /// and an error is the first input's (in the order given) that has one.
  /// ``Record/sortCanonically(_:)`` (indices sorted, each record moved once) puts the records in
  /// the order `sort(by: canonicallyPrecedes)` gives, from any starting order: the made-up table
  /// has equal titles, repeated ids and, added here, exact duplicates.
  @Test(arguments: [UInt64(1), 2, 3])
  func canonicalSortOfIndicesMatchesSortingTheRecords(seed: UInt64) throws {
    var records = try Self.read(Self.table(rows: 600), threads: 1).records
    records += records.prefix(50)  // exact duplicates, told apart by nothing
    var state = seed
    for i in stride(from: records.count - 1, to: 0, by: -1) {  // a seeded shuffle (SplitMix64 steps)
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      records.swapAt(i, Int((z ^ (z >> 31)) % UInt64(i + 1)))
    }
    var expected = records
    expected.sort(by: Record.canonicallyPrecedes)
    var sorted = records
    Record.sortCanonically(&sorted)
    #expect(sorted == expected)
    #expect(sorted != records)
  }

  /// Titles are ordered by their UTF-8 bytes (a prefix first; canonically equivalent spellings
  /// apart, decomposed `e` + U+0301 before precomposed `é`), not by Swift's `<`.
  @Test func canonicalOrderComparesUTF8Bytes() {
    func record(_ title: String, line: Int = 1) -> Record {
      Record(title: title, authors: ["A B"], source: SourceLocation(file: "t.tsv", line: line))
    }
    let titles = ["Zeta", "", "Ab", "Abc", "Caf\u{E9}", "Cafe\u{301}", "ab", "\u{1F600}", "a\u{0}"]
    let sorted = titles.map { record($0) }.sorted(by: Record.canonicallyPrecedes).map(\.title)
    #expect(sorted == ["", "Ab", "Abc", "Cafe\u{301}", "Caf\u{E9}", "Zeta", "a\u{0}", "ab", "\u{1F600}"])
    #expect(!Record.canonicallyPrecedes(record("Same"), record("Same")))
    #expect(Record.canonicallyPrecedes(record("Same", line: 1), record("Same", line: 2)))
  }

  /// A large input's records are sorted while the set of author keys is made (on two threads):
  /// the corpus is the one of one thread.
  @Test func sortAndAuthorKeysAtTheSameTime() throws {
    let input = try InputFile(path: "made-up.tsv", bytes: Array(Self.table(rows: 3000).utf8))
    var loader = CorpusLoader()
    loader.minimumRecordsToOverlap = 100
    loader.table.minimumBytesPerThread = 4096
    loader.threads = 1
    let one = try loader.load([input])
    loader.threads = 2
    let two = try loader.load([input])
    Self.expectSame(one, two)
    #expect(one.personIDs == two.personIDs)
    // The author keys made beside the sort are those the resolver makes on its own.
    let records = try Self.read(Self.table(rows: 3000), threads: 1).records
    let keys = IdentityResolver.authorKeys(of: records)
    let (order, beside) = CorpusLoader.sortedOrderAndAuthorKeys(UncheckedSendableBox(value: records))
    #expect(beside.strings == keys.strings)
    #expect(order == Record.canonicalOrder(records))
  }

  @Test func inputsReadAtTheSameTime() throws {
    let text = Self.table(rows: 400)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let header = String(lines[0])
    let first = ([header] + lines[1 ..< 200].map(String.init)).joined(separator: "\n")
    let second = ([header] + lines[200...].map(String.init)).joined(separator: "\n")
    let inputs = [
      try InputFile(path: "b.tsv", bytes: Array(second.utf8)), try InputFile(path: "a.tsv", bytes: Array(first.utf8)),
    ]
    var loader = CorpusLoader()
    loader.threads = 1
    let one = try loader.load(inputs)
    loader.threads = 2
    let two = try loader.load(inputs)
    Self.expectSame(one, two)
    #expect(two.reads.map(\.file) == ["a.tsv", "b.tsv"])
    let badYear = try InputFile(path: "c.tsv", bytes: Array("title\tyear\tauthors\nT\tabc\tA B\n".utf8))
    let noTitle = try InputFile(path: "d.tsv", bytes: Array("authors\nA B\n".utf8))
    for (order, expected) in [([badYear, noTitle], "c.tsv"), ([noTitle, badYear], "d.tsv")] {
      do {
        _ = try loader.load(order)
        Issue.record("expected an error")
      } catch {
        #expect(error.file == expected)
      }
    }
  }
}
