import Foundation
import Testing

@testable import Bibliography

/// Reads a listing through `ListingReader` only (no identity resolution).
private func readListing(_ path: String) throws -> ReadResult {
  try ListingReader().read(TextFile(path: path))
}

/// A record with its file name blanked, so records read from different files compare equal.
private func withoutFile(_ record: Record) -> Record {
  var r = record
  r.source.file = ""
  return r
}

@Suite("Listing reader: format variations")
struct ListingQuirksTests {
  let path = Paths.fixture("listing-quirks.txt")

  @Test func readsEveryEntryWithItsFields() throws {
    let result = try readListing(path)
    let at = { (line: Int) in Bibliography.SourceLocation(file: path, line: line) }
    #expect(
      result.records == [
        // `Fellows:` before `Authors:`, a tag, a `Read more` link (not a tag), `Sep 15, 2023`.
        Record(
          title: "Probing Honest Answers", authors: ["Ada Lovelace", "Charles Babbage"], fellows: ["Ada Lovelace"],
          date: PaperDate(year: 2023, month: 9, day: 15), tags: ["Interpretability"],
          abstract: "We probe models for honest answers.", source: at(5), authorsLine: 12, fellowsLine: 10),
        // Inline values, `Alumni:`, `March 10, 2026`, no tags.
        Record(
          title: "Inline Fields Paper", authors: ["Grace Hopper", "Alan Turing"], fellows: ["Grace Hopper"],
          date: PaperDate(year: 2026, month: 3, day: 10), tags: [], abstract: "Short abstract on one line.",
          source: at(16), authorsLine: 18, fellowsLine: 19),
        // `MATS Fellow:`, `Sept. 5, 2024`, no tags.
        Record(
          title: "A Paper With No Tags", authors: ["Edsger Dijkstra"], fellows: ["Edsger Dijkstra"],
          date: PaperDate(year: 2024, month: 9, day: 5), tags: [], abstract: "This abstract ends with a period.",
          source: at(22), authorsLine: 25, fellowsLine: 27),
        // Bullet abstract, two tags, ISO date inline.
        Record(
          title: "Bullet Abstract Paper", authors: ["Barbara Liskov"], fellows: ["Barbara Liskov"],
          date: PaperDate(year: 2024, month: 3, day: 1), tags: ["Safeguards", "Red-Teaming"],
          abstract: "• First finding is here.\n• Second finding is there.", source: at(31), authorsLine: 37,
          fellowsLine: 39),
        // No abstract, one tag, no date.
        Record(
          title: "No Abstract Paper", authors: ["John McCarthy"], fellows: ["John McCarthy"], date: nil,
          tags: ["Model Organisms"], abstract: nil, source: at(42), authorsLine: 45, fellowsLine: 47),
      ])
  }

  @Test func preambleIsSkippedAndReported() throws {
    let result = try readListing(path)
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .skippedText,
          message: "skipped 2 line(s) of page preamble: 'Alignment research from our fellows', 'Research by our fellows and mentors.'",
          file: path, line: 1)
      ])
  }

  @Test func readMoreIsNeverATag() throws {
    let result = try readListing(path)
    #expect(!result.records.flatMap(\.tags).contains { $0.lowercased().contains("read more") })
    #expect(!(result.records[0].abstract ?? "").contains("Read more"))
  }

  @Test func crlfAndLoneCRGiveTheSameRecords() throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lf = try readListing(path).records.map(withoutFile)
    let crlf = try readListing(Paths.temporary(text.replacingOccurrences(of: "\n", with: "\r\n"))).records.map(withoutFile)
    let cr = try readListing(Paths.temporary(text.replacingOccurrences(of: "\n", with: "\r"))).records.map(withoutFile)
    #expect(lf.count == 5)
    #expect(crlf == lf)
    #expect(cr == lf)
  }

  @Test func corpusFromQuirksHasNoComplaintsBeyondThePreamble() throws {
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.entryCount == 5)
    #expect(corpus.diagnostics.map(\.kind) == [.skippedText])
    #expect(corpus.fellowMatches.map(\.rule) == [.exact, .exact, .exact, .exact, .exact])
    #expect(corpus.fellows.sorted() == ["Ada Lovelace", "Barbara Liskov", "Edsger Dijkstra", "Grace Hopper", "John McCarthy"])
  }
}

@Suite("Listing reader: page structure")
struct ListingPageStructureTests {
  let path = Paths.fixture("listing-sections.txt")

  @Test func sectionHeadersPreambleAndFAQAreSkipped() throws {
    let result = try readListing(path)
    #expect(result.records.map(\.title) == ["Alpha Paper", "Beta Paper"])
    #expect(result.records.map(\.source.line) == [3, 12])
    #expect(result.records[1].tags == ["Interpretability"])
    #expect(result.records[1].date == PaperDate(year: 2023))
    #expect(result.records[1].abstract == nil)
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .skippedText, message: "skipped 2 line(s) of page text: 'MATS Research', 'Featured Research'",
          file: path, line: 1),
        Diagnostic(kind: .skippedText, message: "skipped 1 line(s) of page text: 'All MATS Research'", file: path, line: 11),
        Diagnostic(
          kind: .skippedText,
          message: "skipped 3 line(s) after the last entry: 'Frequently asked questions', 'What is the MATS Program?', 'Who is eligible to apply?'",
          file: path, line: 20),
      ])
  }
}

@Suite("Listing reader: authors and names")
struct ListingNamesTests {
  @Test func emptyAuthorListGivesPaperWithoutAuthors() throws {
    let path = Paths.temporary(
      """
      Lonely Paper
      An abstract.
      Authors:
      Fellows:
      Date:
      Jan 5, 2024
      """)
    let read = try readListing(path)
    #expect(read.records.map(\.authors) == [[]])
    #expect(read.records.map(\.fellows) == [[]])
    #expect(read.records.map(\.authorsLine) == [3])
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.papers.map(\.authors) == [[]])
    #expect(
      corpus.diagnostics == [Diagnostic(kind: .noAuthors, message: "'Lonely Paper' lists no authors", file: path, line: 3)])
  }

  @Test func emptyAuthorListWithAFellowReportsBoth() throws {
    // The listing names no authors but one fellow: the reader takes the fellow as the author and
    // says so in one `no-authors` note (the layouts change: before it, the resolver also added a
    // `fellow-unmatched` note for the same fact).
    let path = Paths.temporary("Lonely Paper\nAuthors:\nFellows:\nAda Lovelace\n")
    let corpus = try CorpusLoader().load([path])
    let paper = try #require(corpus.papers.first)
    #expect(paper.authors == ["Ada Lovelace"])
    #expect(paper.fellows == ["Ada Lovelace"])
    #expect(corpus.diagnostics.map(\.kind) == [.noAuthors])
    #expect(corpus.diagnostics.map(\.line) == [2])
    #expect(corpus.diagnostics.first?.message == "'Lonely Paper' lists no authors; its fellows (Ada Lovelace) are taken as its authors")
  }

  @Test func noBreakSpacesAndSpacesBeforeCommasAreCleaned() throws {
    let path = Paths.temporary(
      "Spaced\u{00A0}Out  Title\nAuthors:\nLisa\u{00A0}Thiergart , David\u{2009}Udell ,Ulisse Mini\nFellows:\n\u{00A0}Lisa Thiergart\u{00A0}\n")
    let record = try #require(try readListing(path).records.first)
    #expect(record.title == "Spaced Out Title")
    #expect(record.authors == ["Lisa Thiergart", "David Udell", "Ulisse Mini"])
    #expect(record.fellows == ["Lisa Thiergart"])
  }

  @Test func nameListsSplitOnCommasSemicolonsAndAnd() {
    #expect(ListingReader.splitNames("A One, B Two; C Three, and D Four") == ["A One", "B Two", "C Three", "D Four"])
    #expect(ListingReader.splitNames("A One and B Two") == ["A One", "B Two"])
    #expect(ListingReader.splitNames("Jessica Cooper (Rumbelow, J.), Matthew Watkins") == ["Jessica Cooper (Rumbelow, J.)", "Matthew Watkins"])
    #expect(ListingReader.splitNames(" , ,") == [])
  }
}
