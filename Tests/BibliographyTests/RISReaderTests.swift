import Foundation
import Testing

@testable import Bibliography

@Suite("RIS reader")
struct RISReaderTests {
  static let quirks = Paths.fixture("quirks.ris")

  static func read(_ text: String, name: String = "t.ris") throws(IngestError) -> ReadResult {
    try RISReader().read(TextFile(path: name, bytes: Data(text.utf8)))
  }

  static func failure(_ text: String) -> IngestError? {
    do {
      _ = try read(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func quirksFixture() throws {
    let result = try RISReader().read(TextFile(path: Self.quirks))
    #expect(result.records.count == 3)
    let first = result.records[0]
    // AU and A1 are authors, A2 (editor) is not; `Last, First, Suffix`.
    #expect(first.authors == ["José Rui Figueira", "Salvatore Greco", "Martin Luther King Jr."])
    // TI wins over T1; a continuation line joins with a space.
    #expect(first.title == "ELECTRE-SCORE: A first outranking method for scoring actions")
    // PY `2022///`, then DA `2022/03/16/` adds month and day.
    #expect(first.date == PaperDate(year: 2022, month: 3, day: 16))
    #expect(first.tags == ["ELECTRE methods", "Scoring methods"])
    #expect(first.abstract == "First line of the abstract second line.")  // AB wins over N2
    #expect(first.id == "10.1016/j.ejor.2021.05.017")  // DO wins over ID
    #expect(first.source == SourceLocation(file: Self.quirks, line: 3))
    #expect(first.authorsLine == 4)

    let second = result.records[1]
    #expect(second.authors == ["Kurt Gödel"])
    #expect(second.title == "On Formally Undecidable Propositions")
    #expect(second.date == PaperDate(year: 1931, month: 7))  // Y1 `1931/07//Summer`
    #expect(second.id == "goedel1931")
    #expect(second.source.line == 23)

    #expect(result.records[2].title == "A record with an unreadable date")
    #expect(result.records[2].date == nil)

    let f = Self.quirks
    #expect(
      result.diagnostics == [
        Diagnostic(kind: .skippedText, message: "skipped 1 line(s) of text outside records (lines 1)", file: f, line: 1),
        Diagnostic(kind: .noAuthors, message: "skipped the record: no author (AU or A1)", file: f, line: 30),
        Diagnostic(kind: .note, message: "skipped the record: no title (TI or T1)", file: f, line: 35),
        Diagnostic(kind: .note, message: "cannot read date 'circa 2001'; the record is kept without a date", file: f, line: 43),
      ])
  }

  @Test func crlfAndByteOrderMark() throws {
    let text = "TY  - JOUR\r\nAU  - Doe, Jane\r\nTI  - CRLF title\r\n  continued\r\nPY  - 2020/05/01/\r\nER  - \r\n"
    let path = Paths.temporary(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "crlf.ris")
    #expect(InputFormat.detect(path: "export.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)) == .ris)
    let result = try RISReader().read(TextFile(path: path))
    #expect(result.records.count == 1)
    #expect(result.records[0].authors == ["Jane Doe"])
    #expect(result.records[0].title == "CRLF title continued")
    #expect(result.records[0].date == PaperDate(year: 2020, month: 5, day: 1))
    #expect(result.diagnostics == [])
  }

  @Test func datesInEveryForm() {
    #expect(RISReader.date("2020") == PaperDate(year: 2020))
    #expect(RISReader.date("2020///") == PaperDate(year: 2020))
    #expect(RISReader.date("2020/05//") == PaperDate(year: 2020, month: 5))
    #expect(RISReader.date("2020/05/01/") == PaperDate(year: 2020, month: 5, day: 1))
    #expect(RISReader.date("2020/13/01/") == PaperDate(year: 2020))  // no month 13: year only
    #expect(RISReader.date("2021-02-30") == PaperDate(year: 2021, month: 2))  // no such day: year and month
    #expect(RISReader.date("Spring 2020") == nil)
  }

  @Test func recordWithoutER() {
    #expect(
      Self.failure("TY  - JOUR\nAU  - Doe, Jane\nTI  - T\n")
        == IngestError(
          file: "t.ris", line: 1, reason: .truncatedEntry("the record starting here has no 'ER  - ' line before the end of the file")))
    let next = Self.failure("TY  - JOUR\nTI  - T\n\nTY  - BOOK\nER  - \n")
    #expect(
      next
        == IngestError(
          file: "t.ris", line: 4, reason: .invalidSyntax("a new record starts (TY) before the record of line 1 ended (ER)"),
          text: "TY  - BOOK"))
    #expect(next?.description == "t.ris:4: a new record starts (TY) before the record of line 1 ended (ER) (near 'TY  - BOOK')")
  }

  @Test func tagLineOutsideARecord() {
    #expect(
      Self.failure("TY  - JOUR\nAU  - A, B\nTI  - T\nER  - \nAU  - Lost, Author\n")
        == IngestError(
          file: "t.ris", line: 5, reason: .invalidSyntax("tag line 'AU' outside a record (no 'TY' since the 'ER' at line 4)"),
          text: "AU  - Lost, Author"))
    #expect(
      Self.failure("ER  - \n")
        == IngestError(file: "t.ris", line: 1, reason: .invalidSyntax("'ER' without a record (no 'TY' before it)"), text: "ER  - "))
  }

  /// Every prefix of the quirks fixture either reads or throws an error naming a line of the
  /// text: never a crash.
  @Test func everyTruncationReadsOrFailsWithALine() throws {
    let characters = Array(try TextFile(path: Self.quirks).text)
    var failures = 0
    for end in 1 ... characters.count {
      let prefix = String(characters[..<end])
      guard !prefix.allSatisfy(\.isWhitespace) else { continue }
      do {
        _ = try Self.read(prefix)
      } catch {
        failures += 1
        #expect(error.line.map { (1 ... TextFile.splitLines(prefix).count).contains($0) } == true, "\(error)")
      }
    }
    #expect(failures > 0)
  }

  @Test func tagLines() {
    #expect(RISReader.tagLine("AU  - Doe, Jane")! == ("AU", "Doe, Jane"))
    #expect(RISReader.tagLine("ER  -")! == ("ER", ""))
    #expect(RISReader.tagLine("T1  - x")! == ("T1", "x"))
    #expect(RISReader.tagLine("US - based") == nil)  // one space: a continuation line
    #expect(RISReader.tagLine("au  - lower") == nil)
    #expect(RISReader.tagLine("AU  -x") == nil)
  }
}

@Suite("Input format detection for BibTeX and RIS")
struct BibTeXRISDetectionTests {
  @Test(arguments: [
    ("refs.bib", "anything", InputFormat.bibtex), ("refs.BIB.gz", "", .bibtex), ("refs.bibtex", "", .bibtex),
    ("refs.ris", "", .ris), ("refs.ris.gz", "", .ris),
    ("export.txt", "% JabRef\n\n  @Article{k,\n", .bibtex), ("export", "\n@ARTICLE (k,\n", .bibtex),
    ("export.txt", "TY  - JOUR\nAU  - A\n", .ris), ("export.txt", "\n\nTY  - JOUR\n", .ris),
    ("export.txt", "@ not an entry\n", .listing), ("export.txt", "Title\n@home{\n", .listing),
  ])
  func detect(path: String, text: String, expected: InputFormat) {
    #expect(InputFormat.detect(path: path, text: text) == expected)
  }

  @Test func corpusLoaderReadsBoth() throws {
    let loader = CorpusLoader()
    let bib = try loader.read(InputFile(path: Paths.fixture("quirks.bib")))
    #expect(bib.records.count == 5)
    let ris = try loader.read(InputFile(path: Paths.fixture("quirks.ris")))
    #expect(ris.records.count == 3)
    let forced = try CorpusLoader(format: .ris).read(InputFile(path: "x.txt", bytes: Array("TY  - JOUR\nAU  - A\nTI  - T\nER  - \n".utf8)))
    #expect(forced.records.map(\.title) == ["T"])
  }
}

@Suite("RIS reader: HTML character references")
struct RISEntityTests {
  @Test func referencesAreDecodedInEveryValue() throws {
    let path = Paths.fixture("entities.ris")
    let result = try RISReader().read(TextFile(path: path))
    let record = try #require(result.records.first)
    #expect(record.authors == ["María García", "Hans Müller", "John Smith Jr."])
    #expect(record.title == "Parsing & Tagging été")
    #expect(record.tags == ["Syntax & semantics"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func unknownReferencesAreKeptAndNoted() throws {
    let result = try Self.read("TY  - JOUR\nAU  - Ann Alpha\nTI  - AT&T; &amp; &bogus;\nER  - \n")
    #expect(result.records[0].title == "AT&T; & &bogus;")
    #expect(result.diagnostics.map(\.message) == [
      "'&T;' looks like an HTML character reference but is none; kept as written (1 time(s), first here)",
      "'&bogus;' looks like an HTML character reference but is none; kept as written (1 time(s), first here)",
    ])
    #expect(result.diagnostics.map(\.line) == [3, 3])
  }

  static func read(_ text: String) throws(IngestError) -> ReadResult {
    try RISReader().read(TextFile(path: "t.ris", bytes: Data(text.utf8)))
  }
}
