import Foundation
import Testing

@testable import Bibliography

@Suite("Text file checks")
struct TextFileTests {
  @Test func missingFile() {
    let path = "/nonexistent/coauthor/nothing-here.txt"
    #expect(throws: IngestError(file: path, reason: .fileNotFound)) { try TextFile(path: path) }
    #expect(IngestError(file: path, reason: .fileNotFound).description == "\(path): no such file")
  }

  @Test func directoryIsUnreadable() {
    let dir = Paths.fixtures.path
    #expect(throws: IngestError(file: dir, reason: .unreadable("it is a directory"))) { try TextFile(path: dir) }
  }

  @Test(arguments: ["", "   \n\t\n  \r\n", "\u{FEFF}", "\u{00A0}\n"])
  func emptyAndWhitespaceOnlyFiles(text: String) {
    let path = Paths.temporary(text)
    #expect(throws: IngestError(file: path, reason: .emptyFile)) { try TextFile(path: path) }
  }

  @Test func binaryFileWithNUL() {
    let path = Paths.temporary(bytes: Array("Title\nAuthors:\n".utf8) + [0x41, 0x00, 0x42], name: "listing.txt")
    #expect(throws: IngestError(file: path, line: 3, reason: .binaryFile)) { try TextFile(path: path) }
  }

  @Test func invalidUTF8NamesTheLine() {
    // Line 3 holds a Latin-1 'á' (0xE1), which is not UTF-8.
    let bytes = Array("Title\nAuthors:\nIv".utf8) + [0xE1] + Array("n Arcuschin\nDate:\n2023\n".utf8)
    let path = Paths.temporary(bytes: bytes, name: "listing.txt")
    #expect(throws: IngestError(file: path, line: 3, reason: .invalidEncoding)) { try TextFile(path: path) }
    #expect(throws: IngestError(file: path, line: 3, reason: .invalidEncoding)) { try CorpusLoader().load([path]) }
  }

  @Test func invalidUTF8OnTheLastLineWithoutNewline() {
    let path = Paths.temporary(bytes: Array("Title\nAuthors:\nIv".utf8) + [0xE1, 0x6E], name: "listing.txt")
    #expect(throws: IngestError(file: path, line: 3, reason: .invalidEncoding)) { try TextFile(path: path) }
  }

  @Test func invalidUTF8LineCountsCRLineEndings() {
    // Lines are numbered the same way `TextFile.lines` splits them: a lone CR ends a line.
    let crlf = Paths.temporary(bytes: Array("Title\r\nAuthors:\r\nIv".utf8) + [0xE1, 0x6E], name: "a.txt")
    #expect(throws: IngestError(file: crlf, line: 3, reason: .invalidEncoding)) { try TextFile(path: crlf) }
    let cr = Paths.temporary(bytes: Array("Title\rAuthors:\rIv".utf8) + [0xE1, 0x6E, 0x0D], name: "b.txt")
    #expect(throws: IngestError(file: cr, line: 3, reason: .invalidEncoding)) { try TextFile(path: cr) }
    let nul = Paths.temporary(bytes: Array("Title\rAuthors:\r".utf8) + [0x00], name: "c.txt")
    #expect(throws: IngestError(file: nul, line: 3, reason: .binaryFile)) { try TextFile(path: nul) }
  }

  @Test func lineSplitting() {
    #expect(TextFile.splitLines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
    #expect(TextFile.splitLines("a\n\nb\n") == ["a", "", "b"])
    #expect(TextFile.splitLines("a\r\r\nb") == ["a", "", "b"])
    #expect(TextFile.splitLines("a\u{2028}b") == ["a", "b"])
  }

  @Test func byteOrderMarkIsDropped() throws {
    let file = try TextFile(path: Paths.temporary("\u{FEFF}Title\nAuthors: A B\n"))
    #expect(file.lines == ["Title", "Authors: A B"])
  }
}

@Suite("Listing reader: errors")
struct ListingErrorTests {
  func read(_ text: String) throws -> ReadResult {
    try ListingReader().read(TextFile(path: Paths.temporary(text)))
  }

  func expectError(_ text: String, line: Int?, reason: IngestError.Reason, offending: String?) {
    let path = Paths.temporary(text)
    #expect(throws: IngestError(file: path, line: line, reason: reason, text: offending)) {
      try ListingReader().read(TextFile(path: path))
    }
  }

  @Test func truncatedEntryAtEndOfFile() {
    expectError(
      """
      Complete Paper
      Authors:
      Ann Alpha
      Date:
      Jan 2, 2024

      Truncated Paper
      Its abstract is here but the fields are missing.
      """,
      line: 7, reason: .truncatedEntry("the entry 'Truncated Paper' ends without an 'Authors:' field"),
      offending: "Truncated Paper")
  }

  @Test func truncatedEntryBeforeFAQ() {
    expectError(
      "Complete Paper\nAuthors: Ann Alpha\nTruncated Paper\nIts abstract.\nFAQ\nWhat is it?\n",
      line: 3, reason: .truncatedEntry("the entry 'Truncated Paper' ends without an 'Authors:' field"),
      offending: "Truncated Paper")
  }

  @Test func authorsLabelIsTheLastLine() {
    expectError(
      "A Paper\nAn abstract.\nAuthors:\n\n", line: 3,
      reason: .truncatedEntry("'Authors:' has no value at the end of the file"), offending: "Authors:")
  }

  @Test func badDateNamesTheDateLine() throws {
    let path = Paths.temporary("A Paper\nAuthors:\nAnn Alpha\nDate:\n\nSmarch 41, 2023\n")
    let error = IngestError(file: path, line: 6, reason: .invalidDate("Smarch 41, 2023"), text: "Smarch 41, 2023")
    #expect(throws: error) { try ListingReader().read(TextFile(path: path)) }
    #expect(
      error.description
        == "\(path):6: cannot read date 'Smarch 41, 2023' (expected e.g. 'Sep 15, 2023', 'March 10, 2026' or '2023-09-15') (near 'Smarch 41, 2023')"
    )
  }

  @Test func fieldsWithNoTitle() {
    expectError(
      "Authors: Ann Alpha\nDate: 2023\n", line: 1, reason: .truncatedEntry("fields with no title before them"),
      offending: "Ann Alpha")
  }

  @Test func fieldsAfterOnlyASectionHeaderHaveNoTitle() {
    expectError(
      "Featured Research\nAuthors: Ann Alpha\n", line: 2, reason: .truncatedEntry("fields with no title before them"),
      offending: "Ann Alpha")
  }

  @Test func repeatedFieldMeansAMissingTitle() {
    expectError(
      "A Paper\nAuthors: Ann Alpha\nDate: 2023\nAuthors: Bob Beta\n", line: 4,
      reason: .truncatedEntry("'Authors:' appears twice in one entry; is a title missing before it?"), offending: "Bob Beta")
  }

  @Test func entryWithoutAuthorsField() {
    expectError(
      "A Paper\nAn abstract.\nFellows: Ann Alpha\n", line: 1,
      reason: .missingField("'Authors:' in the entry 'A Paper'"), offending: "A Paper")
  }

  @Test(arguments: [
    "Just one sentence of text.\n",
    "Featured Research\nAll MATS Research\n",
    "Frequently asked questions\nWhat is MATS?\n",
  ])
  func fileWithNoEntries(text: String) {
    expectError(text, line: nil, reason: .noPapers, offending: "expected entries with a title and an 'Authors:' line")
  }

  @Test func descriptionsHaveFileLineReasonForm() throws {
    let path = Paths.temporary("A Paper\nAn abstract.\nAuthors:\n")
    do {
      _ = try CorpusLoader().load([path])
      Issue.record("expected an error")
    } catch {
      #expect(error.file == path)
      #expect(error.line == 3)
      #expect(error.column == nil)
      #expect(error.description.hasPrefix("\(path):3: truncated entry: 'Authors:' has no value at the end of the file"))
    }
    #expect(IngestError(file: "f.txt", line: 4, column: 7, reason: .emptyFile).description == "f.txt:4:7: the file is empty")
    #expect(IngestError(file: "f.txt", reason: .noPapers).description == "f.txt: no papers found")
    let long = IngestError(file: "f", reason: .binaryFile, text: String(repeating: "x", count: 250))
    #expect(long.text == String(repeating: "x", count: 200) + "…")
  }
}
