import Foundation
import Testing

@testable import Bibliography

/// `../shared/data` beside the repository, when present.
enum SharedData {
  static let root = Paths.repository.deletingLastPathComponent().appendingPathComponent("shared/data")
  static func path(_ relative: String) -> String? {
    let url = root.appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
  }
}

@Suite("Paper tables (CSV/TSV)")
struct DelimitedTableReaderTests {
  /// The committed excerpt: header + first 20 rows of DBLP2 `papers.tsv.gz`, read with no options.
  @Test func papersTSVSchemaWithDefaults() throws {
    let path = Paths.fixture("dblp2-excerpt.tsv")
    #expect(InputFormat.detect(path: path, text: try TextFile(path: path).text) == .table)
    let result = try DelimitedTableReader().read(TextFile(path: path))
    #expect(result.records.count == 20)
    let first = result.records[0]
    #expect(first.id == "journals/sigmod/Mackay99")
    #expect(first.title == "Semantic Integration of Environmental Models for Application to Global Information Systems and Decision-Making")
    #expect(first.authors == ["D. Scott Mackay"])
    #expect(first.date == PaperDate(year: 1999))
    #expect(first.tags == [])
    #expect(first.source == SourceLocation(file: path, line: 2))
    #expect(result.records[1].authors == ["Viswanath Poosala", "Yannis E. Ioannidis"])
    #expect(result.records[19].id == "conf/vldb/CuiW01")
    #expect(result.records[19].source.line == 21)
    // python: 61 distinct author strings, 169 co-author pairs, 63 author slots in these rows.
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.papers.count == 20)
    #expect(corpus.authors.count == 61)
  }

  static let csv = """
    Paper Title,Who,Year,Topics
    "Graphs, and more",Ada Lovelace;Alan Turing,1843,engines
    "The ""quoted"" word","Grace Hopper",1952,
    "Two
    lines",Edsger Dijkstra,1968,"go to;harmful"

    Last,Barbara Liskov,1974,

    """

  @Test func csvQuotingAndColumnMapping() throws {
    let path = Paths.temporary(Self.csv, name: "papers.csv")
    let columns = try TableColumns(mapping: "title=Paper Title, authors=Who,year=Year,tags=Topics")
    let records = try DelimitedTableReader(columns: columns).read(TextFile(path: path)).records
    #expect(records.map(\.title) == ["Graphs, and more", "The \"quoted\" word", "Two lines", "Last"])
    #expect(records.map(\.source.line) == [2, 3, 4, 7])
    #expect(records[0].authors == ["Ada Lovelace", "Alan Turing"])
    #expect(records[2].tags == ["go to", "harmful"])
    #expect(records[3].date == PaperDate(year: 1974))
    #expect(records.allSatisfy { $0.id == nil })
  }

  @Test func listSeparatorAndTSV() throws {
    let text = "title\tauthors\tkeywords\nA paper\tAda, Bob ,  Carol\tx,y\n"
    let path = Paths.temporary(text, name: "t.tsv")
    let records = try DelimitedTableReader(listSeparator: ",").read(TextFile(path: path)).records
    #expect(records[0].authors == ["Ada", "Bob", "Carol"])
    #expect(records[0].tags == ["x", "y"])
  }

  @Test func missingMappedColumnNamesColumnAndHeader() throws {
    let path = Paths.temporary(Self.csv, name: "papers.csv")
    let columns = try TableColumns(mapping: "title=Nope,authors=Who")
    #expect(
      throws: IngestError(
        file: path, line: 1, reason: .missingColumn("Nope", available: ["Paper Title", "Who", "Year", "Topics"]))
    ) { try DelimitedTableReader(columns: columns).read(TextFile(path: path)) }
    // Defaults need an `authors` column.
    #expect(
      throws: IngestError(
        file: path, line: 1, reason: .missingColumn("authors", available: ["Paper Title", "Who", "Year", "Topics"]))
    ) { try DelimitedTableReader(columns: try TableColumns(mapping: "title=Paper Title")).read(TextFile(path: path)) }
  }

  @Test func badYearNamesLineAndColumn() throws {
    let path = Paths.temporary("title\tauthors\tyear\nGood\tA\t2001\nBad\tB\tsoon\n", name: "y.tsv")
    let error = IngestError(file: path, line: 3, reason: .invalidField(column: "year", "cannot read year 'soon'"), text: "soon")
    #expect(throws: error) { try DelimitedTableReader().read(TextFile(path: path)) }
    #expect(error.description == "\(path):3: column 'year': cannot read year 'soon' (near 'soon')")
  }

  @Test func unterminatedQuoteNamesTheLineItOpensOn() throws {
    let path = Paths.temporary("title,authors\nfine,A\n\"open,B\nmore\n", name: "q.csv")
    #expect(throws: IngestError(file: path, line: 3, reason: .invalidField(column: "title", "unterminated quoted field"))) {
      try DelimitedTableReader().read(TextFile(path: path))
    }
  }

  @Test func shortRowMissingRequiredColumn() throws {
    let path = Paths.temporary("id\ttitle\tauthors\nx1\tOnly a title\n", name: "s.tsv")
    #expect(
      throws: IngestError(
        file: path, line: 2, reason: .invalidField(column: "authors", "missing: the row has 2 fields, the header 3"))
    ) { try DelimitedTableReader().read(TextFile(path: path)) }
  }

  @Test func untitledRowsAndIdsKeepPapersApart() throws {
    let text = "paper_id\ttitle\tauthors\np1\tSame\tA;B\np2\tSame\tC;D\np3\t\tE;F\n"
    let path = Paths.temporary(text, name: "ids.tsv")
    let corpus = try CorpusLoader().load([path])
    // Canonical order: by title ("(" sorts before "S"), then by id.
    #expect(corpus.papers.map(\.title) == ["(untitled p3)", "Same", "Same"])
    #expect(corpus.papers.map(\.id) == ["p3", "p1", "p2"])
    #expect(corpus.diagnostics == [Diagnostic(kind: .note, message: "row without a title, kept as '(untitled p3)'", file: path, line: 4)])
  }

  @Test func mappingErrors() {
    #expect(throws: TableColumns.MappingError("unknown field 'writer' (fields: id, title, authors, fellows, year, date, tags, abstract)")) {
      try TableColumns(mapping: "writer=Who")
    }
    #expect(throws: TableColumns.MappingError("'title' is not field=column (fields: id, title, authors, fellows, year, date, tags, abstract)")) {
      try TableColumns(mapping: "title")
    }
    #expect(throws: TableColumns.MappingError("field 'title' is mapped twice")) { try TableColumns(mapping: "title=a,title=b") }
    #expect(throws: TableColumns.MappingError("field 'authors' needs a column")) { try TableColumns(mapping: "authors=") }
  }

  @Test func formatDetection() throws {
    let header = "paper_id\tyear\tvenue\tauthors\tkeywords\ttitle\n"
    #expect(InputFormat.detect(path: "papers.tsv.gz", text: header) == .table)
    #expect(InputFormat.detect(path: "p.csv", text: "title,authors\nA,B\n") == .table)
    #expect(InputFormat.detect(path: "dblp.csv.gz", text: "0\t1\n0\t2\n") == .edges)
    #expect(InputFormat.detect(path: "g.txt", text: "# SNAP\n# more\n3466\t937\r\n") == .edges)
    #expect(InputFormat.detect(path: "w.edges", text: "a b 2.5\nb c 1\n") == .edges)
    #expect(InputFormat.detect(path: "h.txt", text: "source target\n1 2\n") == .listing)  // a header is not an edge
    #expect(InputFormat.detect(path: "x.txt", text: "a b c\n") == .listing)  // third field not a number
    #expect(InputFormat.detect(path: "x.txt", text: "Title Here\nAuthors:\nA, B\n") == .listing)
    #expect(InputFormat.detect(path: Paths.seed, text: try TextFile(path: Paths.seed).text) == .listing)
    #expect(InputFormat.detect(path: "c.json.gz", text: "") == .json)
  }

  @Test func edgeListsAreNotPaperRecords() throws {
    let path = Paths.temporary("1 2\n2 3\n", name: "e.txt")
    #expect(
      throws: IngestError(
        file: path,
        reason: .notPaperRecords("it is read as an edge list (a network); give edge lists on their own"))
    ) { try CorpusLoader().load([path]) }
  }

  // MARK: Shared data (skipped without ../shared/data)

  /// DBLP2 (2,615 papers; SOURCE.md: 3,319 distinct author strings). Identity resolution would
  /// fold spellings that differ only in case, accents or periods; DBLP has none, so 3,319 stay.
  @Test func dblp2TableAndOriginalCSV() throws {
    guard let tsv = SharedData.path("dblp-acm-benchmark-DBLP2/papers.tsv.gz"),
      let csv = SharedData.path("dblp-acm-benchmark-DBLP2/DBLP2.csv")
    else {
      print("skipped: ../shared/data/dblp-acm-benchmark-DBLP2 is absent")
      return
    }
    let fromTSV = try CorpusLoader().load([tsv])
    #expect(fromTSV.papers.count == 2_615)
    #expect(fromTSV.authors.count == 3_319)
    #expect(fromTSV.diagnostics.filter { $0.kind == .nameVariant }.isEmpty)
    // The original CSV (quoted, CRLF, no final newline; authors joined by ", ") gives the same papers.
    let fromCSV = try CorpusLoader(table: DelimitedTableReader(listSeparator: ",")).load([csv])
    #expect(fromCSV.papers.count == 2_615)
    #expect(fromCSV.authors == fromTSV.authors)
    #expect(fromCSV.papers.map(\.title) == fromTSV.papers.map(\.title))
  }
}

@Suite("Gzip inputs")
struct GzipTests {
  @Test func roundTripThroughTextFile() throws {
    let text = try TextFile(path: Paths.seed)
    let packed = Gzip.compress(Array(text.text.utf8))
    #expect(Gzip.hasMagic(packed))
    let path = Paths.temporary(bytes: packed, name: "listing.txt.gz")
    let unpacked = try TextFile(path: path)
    #expect(unpacked.text == text.text)
    #expect(unpacked.lines == text.lines)
    #expect(try InputFile(path: path).wasCompressed)
    // Detected by magic bytes whatever the name.
    let renamed = Paths.temporary(bytes: packed, name: "listing.txt")
    #expect(try TextFile(path: renamed).lines == text.lines)
    // In memory too.
    #expect(try TextFile(path: "mem", bytes: Data(packed)).lines == text.lines)
  }

  @Test func concatenatedMembersReadAsOneStream() throws {
    let path = Paths.temporary(bytes: Gzip.compress(Array("a b\n".utf8)) + Gzip.compress(Array("b c\n".utf8)), name: "two.gz")
    #expect(try InputFile(path: path).bytes == Array("a b\nb c\n".utf8))
  }

  @Test func truncatedGzipIsAnError() throws {
    let packed = Gzip.compress(Array(String(repeating: "ada bob\n", count: 500).utf8))
    let path = Paths.temporary(bytes: Array(packed.prefix(packed.count - 12)), name: "cut.txt.gz")
    #expect(throws: IngestError(file: path, reason: .invalidGzip("unexpected end of file"))) { try InputFile(path: path) }
  }

  @Test func corruptGzipIsAnError() throws {
    var packed = Gzip.compress(Array(String(repeating: "ada bob\n", count: 500).utf8))
    for i in 10 ..< 20 { packed[i] ^= 0xFF }
    let path = Paths.temporary(bytes: packed, name: "bad.gz")
    do {
      _ = try InputFile(path: path)
      Issue.record("no error for corrupt gzip")
    } catch {
      #expect(error.file == path)
      guard case .invalidGzip(let why) = error.reason else {
        Issue.record("unexpected reason \(error.reason)")
        return
      }
      #expect(!why.isEmpty)
      #expect(error.description.hasPrefix("\(path): corrupt gzip data: "))
    }
  }

  @Test func gzNameOnPlainFile() throws {
    let path = Paths.temporary("a b\n", name: "plain.gz")
    #expect(
      throws: IngestError(file: path, reason: .invalidGzip("the name ends in .gz but the file is not gzip-compressed"))
    ) { try InputFile(path: path) }
  }

  /// Compressing piece by piece gives the same bytes as compressing the joined text at once,
  /// however the text is cut (empty pieces, one byte, pieces across the 64 KiB output chunk),
  /// and they inflate back to the text.
  @Test(arguments: [1, 7, 4096, 70_000, 1 << 20])
  func piecewiseCompressionIsTheSameBytes(pieceSize: Int) throws {
    // 300 KB of varied text: names and numbers from a fixed generator, compressible but not trivially.
    var state: UInt64 = 14
    var text = ""
    while text.utf8.count < 300_000 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      text += "[\"Name \(state >> 40)\",null,\"\(state % 977) papers\"],"
    }
    let bytes = Array(text.utf8)
    for level: Int32 in [6, 9] {
      let compressor = GzipCompressor(level: level)
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + pieceSize)
        var piece = String(decoding: bytes[start ..< end], as: UTF8.self)
        if piece.utf8.count != end - start { piece = "" }  // a cut inside a character: give bytes instead
        if piece.isEmpty {
          bytes[start ..< end].withUnsafeBufferPointer { compressor.append($0) }
        } else {
          compressor.append(&piece)
        }
        var empty = ""
        compressor.append(&empty)
        start = end
      }
      let packed = compressor.finish()
      #expect(packed == Gzip.compress(bytes, level: level), "level \(level), pieces of \(pieceSize)")
      #expect(try Gzip.decompress(packed, file: "p.gz") == bytes)
    }
  }

  @Test func emptyGzip() throws {
    let path = Paths.temporary(bytes: Gzip.compress([]), name: "empty.txt.gz")
    #expect(throws: IngestError(file: path, reason: .emptyFile)) { try InputFile(path: path) }
  }
}

/// HTML character references in paper tables, modelled on the ACL Anthology export, where
/// `Garc&iacute;a, Mar&iacute;a; Smith, John` cut at every `;` made fake authors of the pieces.
@Suite("Paper tables: HTML character references")
struct TableEntityTests {
  @Test func referencesAreDecodedBeforeAuthorListsAreCut() throws {
    let path = Paths.fixture("acl-entities.tsv")
    let result = try DelimitedTableReader().read(TextFile(path: path))
    #expect(
      result.records.map(\.authors) == [
        ["García, María", "Jesús Martín", "Smith, John"], ["Smith, John", "Jesús Martín", "Müller, Hans", "Núñez, Ana"],
        ["María García", "Hans Müller"],
      ])
    #expect(
      result.records.map(\.title) == ["Parsing & Tagging with “Rich” Features", "AT&T; Labs at &foo; scale", "A Third Paper"])
    // Reference-like text that is none is kept, and noted once each.
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .note, message: "'&T;' looks like an HTML character reference but is none; kept as written (1 time(s), first here)",
          file: path, line: 3),
        Diagnostic(
          kind: .note, message: "'&foo;' looks like an HTML character reference but is none; kept as written (1 time(s), first here)",
          file: path, line: 3),
      ])
  }

  /// Through the loader: one node per person, and none of the fragments the `;` of a reference
  /// used to cut off (before, 'n', 's Mart&iacute' and 'Jes&uacute' shared the top degree with
  /// John Smith, and 'María García' was four nodes).
  @Test func oneNodePerPersonAndNoFragments() throws {
    let corpus = try CorpusLoader().load([Paths.fixture("acl-entities.tsv")])
    #expect(corpus.authors.sorted() == ["Ana Núñez", "Hans Müller", "Jesús Martín", "John Smith", "María García"])
    let keys = Set(corpus.authors.map(NameNormalizer.key))
    for fragment in ["s", "n", "a", "iacute", "garc&iacute", "a, mar&iacute"] { #expect(!keys.contains(fragment)) }
    #expect(corpus.papers.allSatisfy { !$0.authors.contains { $0.contains("&") } })
  }

  /// The CSV path (quoted cells) and a separator given with `--list-separator` decode the same way.
  @Test func quotedCSVCellsAndOtherSeparators() throws {
    let csv = Paths.temporary("title,authors\n\"A &amp; B\",\"Garc&iacute;a, Mar&iacute;a| &#83;mith, John\"\n", name: "p.csv")
    let records = try DelimitedTableReader(listSeparator: "|").read(TextFile(path: csv)).records
    #expect(records[0].title == "A & B")
    #expect(records[0].authors == ["García, María", "Smith, John"])
    // A decoded character is never a separator: `&#59;` is a `;` inside a name.
    let tsv = Paths.temporary("title\tauthors\nT\tAnn &#59; Alpha;Bob Beta\n", name: "p.tsv")
    #expect(try DelimitedTableReader().read(TextFile(path: tsv)).records[0].authors == ["Ann ; Alpha", "Bob Beta"])
  }
}

/// "Last, First" with a multi-word family name, in lists cut at `;`.
@Suite("Paper tables: names written family name first")
struct TableInvertedNameTests {
  /// One person, one node, whichever order the two files write the name in.
  @Test func invertedAndNaturalFormsAreOneNodeAcrossFiles() throws {
    let a = Paths.fixture("inverted-a.tsv")
    let b = Paths.fixture("inverted-b.tsv")
    let corpus = try CorpusLoader().load([a, b])
    #expect(
      corpus.authors.sorted() == [
        "Ana Paula Henriques de Gusmao", "Anna van der Berg", "Juan Carlos de la Cruz Pérez", "Martin Luther King Jr.",
        "Minh Le Quoc",
      ])
    #expect(corpus.diagnostics.filter { $0.kind == .suspectedJoinedNames && $0.message.contains("holds a comma") }.isEmpty)
    // The one the resolver would have found ambiguous is inverted by the reader, with a note.
    let notes = corpus.diagnostics.filter { $0.kind == .nameVariant }.map(\.message)
    #expect(
      notes.contains(
        "'Henriques de Gusmao, Ana Paula' written as 'Ana Paula Henriques de Gusmao' (family name first: the list is split at ';', so its comma is not between two names)"
      ))
    #expect(notes.contains("'de la Cruz Pérez, Juan Carlos' written as 'Juan Carlos de la Cruz Pérez' (family name first)"))
  }

  /// A column never cut at the separator (a comma-separated list read with the default `;`)
  /// keeps today's caution: `Ann Alpha, Bob Beta` may be two people.
  @Test func unsplitColumnsKeepTheAmbiguity() throws {
    let path = Paths.temporary("title\tauthors\nT\tAnn Alpha, Bob Beta\n", name: "p.tsv")
    let records = try DelimitedTableReader().read(TextFile(path: path)).records
    #expect(records[0].authors == ["Ann Alpha, Bob Beta"])
    // Comma as the separator: a comma is between names, never inside one.
    let csv = Paths.temporary("title,authors\nT,\"Ann Alpha, Bob Beta\"\n", name: "p.csv")
    #expect(try DelimitedTableReader(listSeparator: ",").read(TextFile(path: csv)).records[0].authors == ["Ann Alpha", "Bob Beta"])
  }

  @Test func splitColumnsInvertWithSuffixesLast() throws {
    let path = Paths.temporary(
      "title\tauthors\nT\tRivera Lopez, Juan Pablo;Smith, John Jr.;Cabral Seixas Costa, Ana Paula Maria;Acme 2, Inc.\n", name: "p.tsv")
    let result = try DelimitedTableReader().read(TextFile(path: path))
    // 'Smith, John Jr.' the resolver inverts itself; 'Acme 2, Inc.' is no name and stays.
    #expect(
      result.records[0].authors == ["Juan Pablo Rivera Lopez", "Smith, John Jr.", "Ana Paula Maria Cabral Seixas Costa", "Acme 2, Inc."])
    #expect(result.diagnostics.map(\.kind) == [.nameVariant, .nameVariant])
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.papers[0].authors[1] == "John Smith Jr.")
  }
}

/// `-` on the command line: standard input, read through ``InputFile``.
@Suite("Standard input")
struct StandardInputTests {
  @Test func aPipeIsReadWholeAndNamedStdin() throws {
    let pipe = Pipe()
    let text = "paper_id\tyear\tauthors\ttitle\n1\t2020\tA B;C D\tT\n"
    pipe.fileHandleForWriting.write(Data(Gzip.compress(Array(text.utf8))))
    try pipe.fileHandleForWriting.close()
    let file = try InputFile.read(pipe.fileHandleForReading, name: InputFile.standardInputName)
    #expect(file.path == "<stdin>")
    #expect(file.wasCompressed)
    #expect(file.bytes == Array(text.utf8))
    #expect(InputFormat.detect(path: file.path, bytes: file.bytes) == .table)
  }

  @Test func anEmptyPipeIsTheEmptyFileError() throws {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.close()
    #expect(throws: IngestError(file: "<stdin>", reason: .emptyFile)) {
      try InputFile.read(pipe.fileHandleForReading, name: InputFile.standardInputName)
    }
  }

  /// Without a name, a table is known by its header.
  @Test func tablesAreDetectedByTheirHeader() {
    #expect(InputFormat.detect(path: "<stdin>", text: "paper_id\tyear\tvenue\tauthors\tkeywords\ttitle\n") == .table)
    #expect(InputFormat.detect(path: "<stdin>", text: "\u{FEFF}\"Title\",\"Author\",\"Year\"\n") == .table)
    #expect(InputFormat.detect(path: "<stdin>", text: "Title of a paper\nAuthors: A, B\n") == .listing)
    #expect(InputFormat.detect(path: "<stdin>", text: "id\ttitle\tyear\n") == .listing)
  }
}
