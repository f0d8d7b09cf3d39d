import Foundation
import Testing

@testable import Bibliography

/// Reads BibTeX text given inline; `name` names it in messages.
func readBibTeX(_ text: String, name: String = "t.bib") throws(IngestError) -> ReadResult {
  try BibTeXReader().read(TextFile(path: name, bytes: Data(text.utf8)))
}

/// The error reading `text` throws, if any.
func bibTeXFailure(_ text: String) -> IngestError? {
  do {
    _ = try readBibTeX(text)
    return nil
  } catch {
    return error
  }
}

@Suite("BibTeX reader")
struct BibTeXReaderTests {
  static let quirks = Paths.fixture("quirks.bib")

  @Test func quirksFixtureRecords() throws {
    let result = try BibTeXReader().read(TextFile(path: Self.quirks))
    #expect(result.records.map(\.id) == ["10.1016/j.ejor.2021.05.017", "Goedel1931", "king:jr", "Scopus2021", "10.1000/xyz"])

    let figueira = result.records[0]
    // `and others` dropped; `{The ELECTRE Group}` is one name; `Last, First` flipped.
    #expect(figueira.authors == ["J. R. Figueira", "Salvatore Greco", "The ELECTRE Group"])
    // Braces removed, `--` an en dash, `{\em …}` a declaration.
    #expect(figueira.title == "ELECTRE-SCORE: A First Outranking Method – for Scoring Actions")
    #expect(figueira.date == PaperDate(year: 2022, month: 3))  // month = mar (predefined macro)
    #expect(figueira.tags == ["Multiple criteria analysis", "ELECTRE methods", "Scoring"])
    #expect(figueira.abstract == "An abstract with a ümlaut on two lines and 100% & more.")
    #expect(figueira.source == SourceLocation(file: Self.quirks, line: 9))
    #expect(figueira.authorsLine == 10)
    #expect(figueira.authorIDs == [])

    let goedel = result.records[1]
    #expect(goedel.authors == ["Kurt Gödel", "Paul Erdős", "François Garçon", "José Muñoz"])
    #expect(goedel.title == "Straße, Øresund and Curaçao: Étude naïve")
    #expect(goedel.date == PaperDate(year: 1931, month: 7))
    #expect(goedel.tags == ["logic", "sets", "proofs"])  // no `;`: split at `,`
    #expect(goedel.source.line == 22)
    // Every decoded string is NFC: `ö` is one scalar, not `o` + U+0308.
    #expect(goedel.authors[0].unicodeScalars.count == "Kurt Gödel".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    #expect(goedel.authors[0].unicodeScalars.contains("\u{F6}"))

    let king = result.records[2]
    #expect(king.authors == ["Martin Luther King Jr", "Bjørn Borg", "Jan Łukasiewicz", "Maíra Díaz"])
    #expect(king.title == #"Dreams and Bold \unknowncmd{Words} with α-Tests"#)
    #expect(king.date == nil)  // year = {in press}
    // ORCID ids by name: `Borg, Bjorn` by last name and initial (ø does not fold to o),
    // `King, Martin Luther` by last name and initial too (the author has `Jr`).
    #expect(king.authorIDs == ["orcid:0000-0001-5109-3700", "orcid:0000-0002-1825-0097", nil, nil])

    // Scopus: tags from author_keywords, never from its index `keywords`.
    #expect(result.records[3].tags == ["ELECTRE TRI", "Risk analysis"])
    #expect(result.records[3].authors == ["F.F.C.L. Viana", "A.T. De Almeida"])
    // WoS: `Keywords-Plus` is not read; double braces removed; month `SPR` is no month.
    let wos = result.records[4]
    #expect(wos.tags == [])
    #expect(wos.title == "Only Index Terms")
    #expect(wos.date == PaperDate(year: 2020))
  }

  @Test func quirksFixtureDiagnostics() throws {
    let result = try BibTeXReader().read(TextFile(path: Self.quirks))
    let f = Self.quirks
    #expect(
      result.diagnostics == [
        Diagnostic(kind: .skippedText, message: "skipped 1 line(s) of text outside entries (lines 2)", file: f, line: 2),
        Diagnostic(kind: .skippedText, message: "skipped 1 @comment and 1 @preamble block(s)", file: f),
        Diagnostic(kind: .note, message: "entry 'Figueira2022': 'and others' (more authors, not named) left out", file: f, line: 10),
        Diagnostic(kind: .note, message: "entry 'king:jr': cannot read year 'in press'; kept without a date", file: f, line: 33),
        Diagnostic(
          kind: .note,
          message: "entry 'king:jr': 1 ORCID id(s) match no author (or one already matched), not used: 'Nobody, Else' (0000-0003-0000-0001)",
          file: f, line: 34),
        Diagnostic(kind: .noAuthors, message: "skipped entry 'NoAuthor1999': no author", file: f, line: 38),
        Diagnostic(kind: .note, message: "skipped entry 'NoTitle2000': no title", file: f, line: 43),
        Diagnostic(kind: .note, message: "unknown LaTeX command \\unknowncmd kept as text (1 time(s), first here)", file: f, line: 32),
        Diagnostic(kind: .note, message: "1 month value(s) not read as a month, e.g. 'SPR'; the year is kept", file: f, line: 59),
      ])
  }

  @Test func macrosConcatenationAndParentheses() throws {
    var parser = BibTeXParser(text: try TextFile(path: Self.quirks).text, path: Self.quirks)
    let entries = try parser.parse()
    #expect(entries.map(\.key) == ["Figueira2022", "Goedel1931", "king:jr", "NoAuthor1999", "NoTitle2000", "Scopus2021", "WoS2020"])
    #expect(entries.map(\.type) == ["article", "book", "inproceedings", "misc", "article", "article", "article"])
    #expect(entries[0].field("journal")?.value == "European Journal of Operational Research")  // @string{…}
    #expect(entries[0].field("publisher")?.value == "Elsevier B.V.")  // @STRING(…) # { B.V.}
    #expect(entries[0].field("month")?.value == "March")
    #expect(entries[0].field("year")?.value == "2022")
    // Field names ignore case; raw values keep their braces.
    #expect(entries[6].field("keywords-plus")?.value == "{NOT; USED}")
  }

  @Test func fieldNamesWithSpacesAndRepeatedFields() throws {
    // Scopus writes `funding_text 1` with a U+00A0; a repeated field keeps its first value.
    let result = try readBibTeX("@ARTICLE{k,\nauthor={A, B},\ntitle={T},\nfunding_text\u{A0}1={x},\ntitle={Second}\n}\n")
    #expect(result.records.map(\.title) == ["T"])
    var parser = BibTeXParser(text: "@a{k, Early Access Date = {{2021}}}", path: "t.bib")
    #expect(try parser.parse()[0].fields.map(\.name) == ["early access date"])
    // A DOI is read verbatim: escapes undone, `--` kept, case folded.
    let doi = try readBibTeX(#"@article{k, author = {A, B}, title = {T}, doi = {10.1002/(SICI)1097--X\_Y}}"#)
    #expect(doi.records[0].id == "10.1002/(sici)1097--x_y")
  }

  @Test func authorListSplitting() {
    #expect(BibTeXNames.split("A and B AND C\nand\tD").names == ["A", "B", "C", "D"])
    #expect(BibTeXNames.split("{Barnes and Noble} and Ada").names == ["{Barnes and Noble}", "Ada"])
    #expect(BibTeXNames.split("Sand, Anders and Andersen, Dan").names == ["Sand, Anders", "Andersen, Dan"])
    let others = BibTeXNames.split("A and others")
    #expect(others.names == ["A"])
    #expect(others.hadOthers)
    #expect(BibTeXNames.split("A and  and B").names == ["A", "B"])
    #expect(BibTeXNames.displayOrder("de la Fontaine, Jean") == "Jean de la Fontaine")
    #expect(BibTeXNames.displayOrder("{Smith, Barney and Co}") == "{Smith, Barney and Co}")
    #expect(BibTeXNames.displayOrder("Ford, Jr., Henry") == "Henry Ford Jr.")
    #expect(BibTeXNames.displayOrder("Ford, Henry, Jr.", suffixLast: true) == "Henry Ford Jr.")
    #expect(BibTeXNames.displayOrder("Plato,") == "Plato")
  }

  @Test(arguments: [
    (#"{\'e}"#, "é"), (#"\'{e}"#, "é"), (#"\'e"#, "é"), (#"{\"o}"#, "ö"), (#"\"{O}"#, "Ö"), (#"\c{c}"#, "ç"),
    (#"\c c"#, "ç"), (#"\~n"#, "ñ"), (#"{\ss}"#, "ß"), (#"\ss{}"#, "ß"), (#"\o"#, "ø"), (#"{\O}"#, "Ø"), (#"\&"#, "&"),
    ("a--b", "a–b"), ("a---b", "a—b"), ("a~b", "a b"), (#"{\i}"#, "ı"), (#"\'{\i}"#, "í"), (#"\'\i"#, "í"),
    (#"\v{s}"#, "š"), (#"\H{o}"#, "ő"), (#"\k{a}"#, "ą"), (#"\r{a}"#, "å"), (#"\u{g}"#, "ğ"), (#"\={a}"#, "ā"),
    (#"\.{z}"#, "ż"), (#"\d{s}"#, "ṣ"), (#"{\aa}"#, "å"), (#"{\l}"#, "ł"), (#"\^{o}"#, "ô"), (#"\`a"#, "à"),
    (#"Bj\o rn"#, "Bjørn"), (#"\emph{x}"#, "x"), (#"\textit{New} \textbf{Old}"#, "New Old"), (#"{[}1]"#, "[1]"),
    (#"\{x\}"#, "{x}"), (#"100\%"#, "100%"), (#"\_"#, "_"), (#"\$5"#, "$5"), (#"$\alpha$-$\beta$"#, "α-β"),
    ("``q''", "“q”"), (#"a\\b"#, "a b"), (#"a\,b"#, "a b"), (#"hy\-phen"#, "hyphen"), (#"\'{}"#, "'"),
  ])
  func latexToUnicode(latex: String, expected: String) {
    let output = LaTeXDecoder.decode(latex)
    #expect(output.text == expected, "\(latex)")
    #expect(output.text == output.text.precomposedStringWithCanonicalMapping)
    #expect(output.unknownCommands == [])
  }

  /// The example in LaTeXDecoder's documentation.
  @Test func documentedExample() {
    #expect(LaTeXDecoder.decode(#"Erd{\H{o}}s and G{\"o}del \& Co -- {\ss}"#).text == "Erdős and Gödel & Co – ß")
  }

  @Test func unknownCommandsAreKeptAndListed() {
    let output = LaTeXDecoder.decode(##"A \foo B \bar{x} \#\? end\"##)
    #expect(output.text == ##"A \foo B \bar{x} #\? end\"##)
    #expect(output.unknownCommands == [#"\foo"#, #"\bar"#, #"\?"#])
  }

  // MARK: Errors name the file and the line

  @Test func unterminatedEntry() {
    #expect(
      bibTeXFailure("@article{k,\n  title = {T},\n  year = 2020,\n")
        == IngestError(file: "t.bib", line: 1, reason: .truncatedEntry("the entry 'k' starting here has no closing '}'")))
    // The next entry starts before this one is closed.
    #expect(
      bibTeXFailure("@article{a,\n  title = {T}\n\n@article{b, title = {U}}\n")
        == IngestError(
          file: "t.bib", line: 1,
          reason: .truncatedEntry("the entry 'a' starting here has no closing '}' before the next entry at line 4")))
  }

  @Test func unbalancedBraces() {
    let runaway = bibTeXFailure("@article{a,\n  author = {A, B},\n  title = {Unclosed {brace,\n}\n\n@article{b, title={U}}\n")
    #expect(
      runaway
        == IngestError(
          file: "t.bib", line: 3,
          reason: .invalidSyntax("unbalanced braces: the value of 'title' starting here runs into the next entry at line 6")))
    #expect(runaway?.description == "t.bib:3: unbalanced braces: the value of 'title' starting here runs into the next entry at line 6")
    #expect(
      bibTeXFailure("@article{a,\n title = {x {y}\n")
        == IngestError(file: "t.bib", line: 2, reason: .invalidSyntax("unbalanced braces: the value of 'title' starting here is never closed")))
    #expect(
      bibTeXFailure("@article{a,\n title = \"x}\"}\n")
        == IngestError(file: "t.bib", line: 2, reason: .invalidSyntax("unbalanced braces: a '}' without '{' in the value of 'title'")))
    #expect(
      bibTeXFailure("@article{a,\n\n title = \"open\n")
        == IngestError(file: "t.bib", line: 3, reason: .invalidSyntax("unterminated quoted value of 'title' starting here")))
  }

  @Test func missingEqualsCommaValueAndUndefinedMacro() {
    #expect(
      bibTeXFailure("@article{a,\n  title {T}\n}\n")
        == IngestError(
          file: "t.bib", line: 2, reason: .invalidSyntax("missing '=' after field name 'title' in entry 'a'"), text: "title {T}"))
    #expect(
      bibTeXFailure("@article{a,\n  title = {T}\n  year = 2020}\n")
        == IngestError(
          file: "t.bib", line: 3, reason: .invalidSyntax("expected ',' or '}' after the value of 'title' in entry 'a'"),
          text: "year = 2020}"))
    #expect(
      bibTeXFailure("@article{a,\n  title = ,\n}\n")
        == IngestError(file: "t.bib", line: 2, reason: .invalidSyntax("missing value of 'title'"), text: ",")
    )
    #expect(
      bibTeXFailure("@string{jx = {J}}\n@article{a,\n  title = {T},\n  journal = jx # jfoo\n}\n")
        == IngestError(
          file: "t.bib", line: 4,
          reason: .invalidSyntax("undefined macro 'jfoo' in the value of 'journal' (a value in braces needs {…})"), text: "jfoo"))
  }

  @Test func textBetweenEntriesIsSkippedNotFatal() throws {
    // `%` lines are comments; an `@` in free text that starts no entry is text.
    let result = try readBibTeX("% mail me@example.org\nWritten by me@example.org\n@article{a, author={A, B}, title={T}}\n")
    #expect(result.records.map(\.title) == ["T"])
    #expect(
      result.diagnostics == [
        Diagnostic(kind: .skippedText, message: "skipped 1 line(s) of text outside entries (lines 2)", file: "t.bib", line: 2)
      ])
  }

  @Test func crlfLineNumbers() throws {
    let result = try readBibTeX("\r\n\r\n@article{a,\r\n author = {Doe, Jane},\r\n title = {CRLF}}\r\n@article{b,\r\n title={No one}}\r\n")
    #expect(result.records.map(\.source.line) == [3])
    #expect(result.records[0].authors == ["Jane Doe"])
    #expect(result.diagnostics.map(\.line) == [6])
  }

  /// Every prefix of the quirks fixture either reads or throws an error naming a line of the
  /// text: never a crash, never a line outside the file.
  @Test func everyTruncationReadsOrFailsWithALine() throws {
    let text = try TextFile(path: Self.quirks).text
    let characters = Array(text)
    var failures = 0
    for end in stride(from: 1, through: characters.count, by: 1) {
      let prefix = String(characters[..<end])
      guard !prefix.allSatisfy(\.isWhitespace) else { continue }
      do {
        _ = try readBibTeX(prefix)
      } catch {
        failures += 1
        let lines = TextFile.splitLines(prefix).count
        #expect(error.line.map { (1 ... lines).contains($0) } == true, "\(error)")
      }
    }
    #expect(failures > 0)
  }

  // MARK: Real entries (copied unchanged from ../shared/data/bibtex-scopus-wos-mcda)

  @Test func scopusExcerpt() throws {
    let path = Paths.fixture("scopus-excerpt.bib")
    #expect(InputFormat.detect(path: path, text: try TextFile(path: path).text) == .bibtex)
    let result = try BibTeXReader().read(TextFile(path: path))
    #expect(result.records.count == 1)
    let r = result.records[0]
    #expect(r.authors == ["M.C.B. de Araújo", "L.H. Alencar", "C.M. de Miranda Mota"])
    #expect(r.title == "Classification model for bid/no-bid decision in construction projects")
    #expect(r.date == PaperDate(year: 2022))
    #expect(r.tags == ["bid/no bid", "construction companies", "multicriteria method", "project attractiveness"])
    #expect(r.id == "10.1111/itor.13037")
    #expect(r.abstract?.hasPrefix("For construction companies, the decision about whether to bid") == true)
    #expect(result.diagnostics == [])
  }

  @Test func wosExcerpt() throws {
    let path = Paths.fixture("wos-excerpt.bib")  // starts with a byte-order mark
    let result = try BibTeXReader().read(TextFile(path: path))
    #expect(result.records.map(\.source.line) == [2, 133])
    let first = result.records[0]
    #expect(first.authors == ["Jose Rui Figueira", "Salvatore Greco", "Bernard Roy"])
    #expect(first.title == "ELECTRE-SCORE : A first outranking based method for scoring actions")
    #expect(first.date == PaperDate(year: 2022, month: 3))  // Month = {{MAR 16}}
    #expect(
      first.tags == [
        "Multiple criteria analysis", "ELECTRE methods", "Scoring methods", "Non-compensatory composite indicators",
        "Healthcare system evaluation",
      ])
    #expect(first.authorIDs == [nil, "orcid:0000-0001-8293-8227", nil])  // ORCID-Numbers = {{Greco, Salvatore/…}}
    #expect(first.id == "10.1016/j.ejor.2021.05.017")
    // A name broken over two lines: `Soares, C.\n   Guedes`.
    #expect(result.records[1].authors == ["P. Silveira", "A. P. Teixeira", "J. R. Figueira", "C. Guedes Soares"])
    #expect(result.records[1].date == PaperDate(year: 2021, month: 10))
    #expect(result.diagnostics == [])
  }
}

/// The two real exports against SOURCE.md and the DERIVED `papers.tsv.gz` tables.
@Suite("BibTeX reader on the shared Scopus and WoS exports")
struct BibTeXRealDataTests {
  static let folder = "bibtex-scopus-wos-mcda"

  struct Comparison {
    var papers = 0
    var sameAuthors = 0
    var sameTitles = 0
    var sameTags = 0
  }

  /// Reads `<name>.bib.gz` and compares it paper by paper with `<name>.papers.tsv.gz` (rows
  /// without authors left out, as the reader skips those entries). The derived table keeps names
  /// and titles as written in BibTeX (no LaTeX decoding, `Last, First` order); its names are put
  /// in display order here, nothing else.
  static func compare(_ name: String) throws -> (ReadResult, Comparison)? {
    guard let bib = SharedData.path("\(folder)/\(name).bib.gz"), let tsv = SharedData.path("\(folder)/\(name).papers.tsv.gz")
    else {
      print("skipped: ../shared/data/\(folder) is absent")
      return nil
    }
    let result = try BibTeXReader().read(TextFile(path: bib))
    let derived = try DelimitedTableReader().read(TextFile(path: tsv)).records.filter { !$0.authors.isEmpty }
    #expect(derived.count == result.records.count)
    var c = Comparison()
    for (ours, theirs) in zip(result.records, derived) {
      c.papers += 1
      if ours.authors == theirs.authors.map({ NameNormalizer.normalize(BibTeXNames.displayOrder($0)) }) { c.sameAuthors += 1 }
      if ours.title == theirs.title { c.sameTitles += 1 }
      if ours.tags == theirs.tags { c.sameTags += 1 }
    }
    return (result, c)
  }

  @Test func scopus() throws {
    guard let (result, c) = try Self.compare("scopus") else { return }
    // SOURCE.md: 263 records, 6 of them `NoAuthor…` records without authors (skipped, each reported).
    #expect(result.records.count == 257)
    #expect(result.diagnostics.filter { $0.kind == .noAuthors }.count == 6)
    #expect(result.records.count + 6 == 263)
    // SOURCE.md: 505 distinct author strings (display order changes none of them).
    #expect(Set(result.records.flatMap(\.authors)).count == 505)
    // SOURCE.md: 749 distinct keywords; 3 of them occur only on `NoAuthor2013180` (Electre III-IV
    // software package, Decision problems, ELECTRE-Tri sorting method), which has no authors
    // and is skipped.
    #expect(Set(result.records.flatMap(\.tags)).count == 746)
    // Every paper agrees with the derived table (names in display order): the Scopus export
    // holds no LaTeX in names, titles or author keywords.
    #expect(c.papers == 257)
    #expect(c.sameAuthors == 257)
    #expect(c.sameTitles == 257)
    #expect(c.sameTags == 257)
  }

  @Test func webOfScience() throws {
    guard let (result, c) = try Self.compare("wos") else { return }
    // SOURCE.md: 236 records, all with authors.
    #expect(result.records.count == 236)
    #expect(result.diagnostics.filter { $0.kind == .noAuthors }.isEmpty)
    // SOURCE.md: 518 distinct author strings. In display order 4 pairs are one name, split
    // differently between last and first name across papers (intended: same person):
    // `Henggeler Antunes, Carlos` / `Antunes, Carlos Henggeler`, `Dias, J. Almeida` /
    // `Almeida Dias, J.`, `Figueira, Jose Rui` / `Rui Figueira, Jose`, `de Araujo, Maria Creuza
    // Borges` / `Borges de Araujo, Maria Creuza`.
    #expect(Set(result.records.flatMap(\.authors)).count == 514)
    #expect(c.papers == 236)
    #expect(c.sameAuthors == 236)
    #expect(c.sameTitles == 236)
    // One paper differs, intended: we decode `ELECTRE\_TRI` to `ELECTRE_TRI`; the derived
    // table keeps BibTeX escapes.
    #expect(c.sameTags == 235)
    // ORCID-Numbers: 364 `Name/id` items in 187 entries (counted with a regex over the raw
    // file); 308 match an author of their entry by name (see BibTeXReader), in 171 entries; the
    // other 56 name people absent from the author list, repeat an id, or spell the name too
    // differently (`Araujo, Maria C B` for `de Araujo, Maria Creuza Borges`), and are reported.
    let ids = result.records.flatMap(\.authorIDs).compactMap { $0 }
    #expect(ids.count == 308)
    #expect(result.records.filter { !$0.authorIDs.isEmpty }.count == 171)
  }
}

/// HTML character references in BibTeX (exports assembled from web pages), and names written
/// family name first with multi-word family names.
@Suite("BibTeX reader: HTML character references and inverted names")
struct BibTeXEntityTests {
  @Test func referencesAreDecodedInAuthorsAndTitles() throws {
    let path = Paths.fixture("entities.bib")
    let result = try BibTeXReader().read(TextFile(path: path))
    let record = try #require(result.records.first)
    #expect(record.authors == ["María García", "Hans Müller", "Juan Carlos de la Cruz Pérez", "John Smith Jr."])
    // `\&` is LaTeX's escaped ampersand, not a reference; `&#x7B;` is a literal brace, not markup.
    #expect(record.title == "Parsing & Tagging: AT&T; {braces} and &foo;")
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .note, message: "'&foo;' looks like an HTML character reference but is none; kept as written (1 time(s), first here)",
          file: path, line: 3)
      ])
  }

  /// A DOI written with references (SICI DOIs hold `<` and `>`) is the same DOI as the plain one.
  @Test func doiReferencesAreDecoded() throws {
    let result = try readBibTeX(
      "@article{a, author = {Ann Alpha}, title = {T}, doi = {10.1002/(SICI)1097-4571(199806)49:8&lt;693::AID-ASI4&gt;3.0.CO;2-0}}\n")
    #expect(result.records[0].id == "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0")
  }

  @Test(arguments: [
    ("de la Cruz Pérez, Juan Carlos", "Juan Carlos de la Cruz Pérez"), ("van der Berg, Anna", "Anna van der Berg"),
    ("Le Quoc, Minh", "Minh Le Quoc"), ("Henriques de Gusmao, Ana Paula", "Ana Paula Henriques de Gusmao"),
    ("Smith, John Jr.", "John Smith Jr."), ("Smith, John III", "John Smith III"), ("Ford, Jr., Henry", "Henry Ford Jr."),
    ("Smith Jr., John", "John Smith Jr."),
  ])
  func invertedNamesReadInNaturalOrder(name: String, expected: String) {
    #expect(BibTeXNames.displayOrder(name) == expected)
  }

  /// One node whichever order the name is written in, across a BibTeX file and a table.
  @Test func oneNodeAcrossBibTeXAndATable() throws {
    let table = Paths.temporary("title\tauthors\nOther\tJuan Carlos de la Cruz Pérez;María García\n", name: "p.tsv")
    let corpus = try CorpusLoader().load([Paths.fixture("entities.bib"), table])
    #expect(corpus.authors.sorted() == ["Hans Müller", "John Smith Jr.", "Juan Carlos de la Cruz Pérez", "María García"])
  }
}
