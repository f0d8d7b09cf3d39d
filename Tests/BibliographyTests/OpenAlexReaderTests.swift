import Foundation
import Testing

@testable import Bibliography

@Suite("OpenAlex reader")
struct OpenAlexReaderTests {
  func read(_ text: String, name: String = "works.jsonl") throws -> ReadResult {
    try OpenAlexReader().read(TextFile(path: Paths.temporary(text, name: name)))
  }

  func expectError(_ text: String, name: String = "works.jsonl", line: Int?, column: Int? = nil, reason: IngestError.Reason, offending: String? = nil) {
    let path = Paths.temporary(text, name: name)
    #expect(throws: IngestError(file: path, line: line, column: column, reason: reason, text: offending)) {
      try OpenAlexReader().read(TextFile(path: path))
    }
  }

  static func expectedFixture(_ path: String) -> [Record] {
    [
      Record(
        title: "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
        authors: ["Heather Piwowar", "Jason Priem", "Stefanie Haustein"], date: PaperDate(year: 2018, month: 2, day: 13),
        tags: ["scientometrics and bibliometrics research", "Open Access Publishing"],
        abstract: "Despite growing interest in Open Access (OA) in recent years",
        source: SourceLocation(file: path, line: 1), id: "W2741809807",
        authorIDs: ["orcid:0000-0003-1613-5981", "openalex:A5034586401", "orcid:0000-0003-0157-1430"]),
      Record(
        title: "Spin and charge in H2O: when a < b", authors: ["José María López", "Anonymous Consortium"],
        date: PaperDate(year: 2020), tags: ["Quantum mechanics", "Spin (aerodynamics)"],
        source: SourceLocation(file: path, line: 2), id: "W3000000002", authorIDs: ["openalex:A5000000011", nil]),
      Record(
        title: "Coauthorship networks of the open web", authors: ["Jason Priem", "Heather Piwowar"],
        date: PaperDate(year: 2023, month: 7, day: 1), tags: ["scientometrics and bibliometrics research"],
        source: SourceLocation(file: path, line: 5), id: "W3000000004",
        authorIDs: ["openalex:A5034586401", "orcid:0000-0003-1613-5981"]),
    ]
  }

  @Test func fixtureRecordsExactly() throws {
    let path = Paths.fixture("openalex-works.jsonl")
    let result = try OpenAlexReader().read(TextFile(path: path))
    #expect(result.records == Self.expectedFixture(path))
    #expect(
      result.diagnostics == [
        Diagnostic(kind: .skippedText, message: "skipped 1 work without a title", file: path),
        Diagnostic(kind: .skippedText, message: "skipped 1 authorship without a name", file: path),
      ])
  }

  /// The same works as a JSON array and as an API response page (pretty-printed, so each work
  /// starts on its own line) give the same records.
  @Test(arguments: ["array", "page"])
  func arrayAndResponsePage(shape: String) throws {
    let lines = try TextFile(path: Paths.fixture("openalex-works.jsonl")).lines.filter { !$0.isEmpty }
    let body = lines.joined(separator: ",\n")
    let text = shape == "array" ? "[\n\(body)\n]\n" : "{\"meta\": {\"count\": 4, \"page\": 1}, \"results\": [\n\(body)\n]}\n"
    let path = Paths.temporary(text, name: "works.json")
    #expect(InputFormat.detect(path: path, text: text) == .openalex)
    let records = try OpenAlexReader().read(TextFile(path: path)).records
    let expected = Self.expectedFixture(path)
    #expect(records.map(\.title) == expected.map(\.title))
    #expect(records.map(\.authors) == expected.map(\.authors))
    #expect(records.map(\.authorIDs) == expected.map(\.authorIDs))
    #expect(records.map(\.tags) == expected.map(\.tags))
    #expect(records.map(\.source.line) == [2, 3, 5])
  }

  @Test func singleWorkObject() throws {
    let result = try read(
      "{\"id\": \"https://openalex.org/W1\",\n \"title\": \"Solo\",\n \"publication_year\": 1999,\n \"authorships\": []}\n", name: "w.json")
    #expect(result.records == [Record(title: "Solo", authors: [], date: PaperDate(year: 1999), source: SourceLocation(file: result.records[0].source.file, line: 1), id: "W1")])
  }

  @Test func detection() throws {
    let fixture = try TextFile(path: Paths.fixture("openalex-works.jsonl")).text
    #expect(InputFormat.detect(path: "works.jsonl", text: "") == .openalex)
    #expect(InputFormat.detect(path: "works.ndjson.gz", text: "") == .openalex)
    #expect(InputFormat.detect(path: "works.json", text: fixture) == .openalex)
    #expect(InputFormat.detect(path: "works.txt", text: fixture) == .openalex)
    #expect(InputFormat.detect(path: "works", text: "[{\"id\": \"W1\", \"authorships\": []}]") == .openalex)
    // The corpus JSON schema stays corpus JSON, even when a paper's text mentions authorships.
    let corpus = try TextFile(path: Paths.fixture("corpus.json")).text
    #expect(InputFormat.detect(path: "corpus.json", text: corpus) == .json)
    #expect(InputFormat.detect(path: "corpus", text: corpus) == .json)
    #expect(InputFormat.detect(path: "c.json", text: "{\"papers\": [{\"title\": \"On \\\"authorships\\\": a study\", \"authors\": []}]}") == .json)
    #expect(InputFormat.detect(path: "c.json", text: "{\"papers\": [{\"title\": \"T\", \"authors\": [], \"authorships\": 1}]}") == .json)
  }

  @Test func corpusLoaderReadsOpenAlex() throws {
    let corpus = try CorpusLoader().load([Paths.fixture("openalex-works.jsonl")])
    #expect(corpus.papers.count == 3)
    #expect(corpus.authors.sorted() == ["Anonymous Consortium", "Heather Piwowar", "Jason Priem", "José María López", "Stefanie Haustein"])
    #expect(corpus.tags.sorted() == ["Open Access Publishing", "Quantum mechanics", "Spin (aerodynamics)", "scientometrics and bibliometrics research"])
  }

  @Test func conceptThresholdsAreParameters() throws {
    let text = """
      {"id": "W1", "title": "T", "authorships": [], "concepts": [{"display_name": "Physics", "level": 0, "score": 0.9}, {"display_name": "Optics", "level": 1, "score": 0.2}]}
      {"id": "W2", "title": "U", "authorships": []}

      """
    let path = Paths.temporary(text, name: "w.jsonl")
    #expect(try OpenAlexReader().read(TextFile(path: path)).records.map(\.tags) == [[], []])
    #expect(try OpenAlexReader(minimumConceptScore: 0.1, minimumConceptLevel: 0).read(TextFile(path: path)).records.map(\.tags) == [["Physics", "Optics"], []])
  }

  @Test func abstractFromInvertedIndex() throws {
    let index: JSONValue = try JSONParser.parse("{\"b\": [1, 3], \"a\": [0], \"c\": [2]}")
    let state = OpenAlexReader.State(file: "f")
    #expect(try OpenAlexReader.abstract(index, path: "w", lineOffset: 0, state: state) == "a b c b")
    #expect(try OpenAlexReader.abstract(JSONParser.parse("{}"), path: "w", lineOffset: 0, state: state) == nil)
  }

  @Test func inlineTagsOnly() {
    #expect(OpenAlexReader.removingInlineTags("<scp>CRISPR</scp>–Cas9 in <i>E. coli</i>") == "CRISPR–Cas9 in E. coli")
    #expect(OpenAlexReader.removingInlineTags("x<y and y>z, <sup class=\"a\">2</sup>") == "x<y and y>z, 2")
    #expect(OpenAlexReader.removingInlineTags("<script>keep</script>") == "<script>keep</script>")
  }

  // MARK: Errors name the file and line

  @Test func syntaxErrorOnALaterLine() {
    expectError(
      "{\"id\": \"W1\", \"title\": \"A\", \"authorships\": []}\n{\"id\": \"W2\", \"title\": \"B\" \"authorships\": []}\n", line: 2,
      column: 27, reason: .invalidOpenAlex("expected ',' or '}' in object"))
  }

  @Test func wrongShapesNameTheirLine() {
    expectError(
      "{\"id\": \"W1\", \"title\": \"A\", \"authorships\": []}\n\n{\"id\": \"W2\", \"title\": \"B\", \"authorships\": {}}\n", line: 3,
      reason: .invalidOpenAlex("authorships must be an array, not an object"))
    expectError(
      "{\"id\": \"W1\", \"title\": \"A\", \"authorships\": [{\"author\": \"Ada\"}]}\n{\"id\": \"W2\", \"title\": \"B\"}\n", line: 1,
      reason: .invalidOpenAlex("authorships[0].author must be an object, not a string"))
    expectError(
      "[\n{\"id\": \"W1\", \"title\": \"A\"},\n{\"id\": \"W2\", \"title\": 7}\n]\n", name: "w.json", line: 3,
      reason: .invalidOpenAlex("[1].title must be a string, not a number"))
    expectError(
      "{\"results\": [\n{\"id\": \"W1\", \"title\": \"A\",\n \"abstract_inverted_index\": {\"x\": [\"one\"]}}]}\n", name: "w.json", line: 3,
      reason: .invalidOpenAlex("results[0].abstract_inverted_index[\"x\"] holds a string, not a position"))
    expectError("{\"results\": 3}\n", name: "w.json", line: 1, reason: .invalidOpenAlex("\"results\" must be an array of works, not a number"))
    expectError("\"works\"\n", name: "w.json", line: 1, reason: .invalidOpenAlex("expected a work object, an array of works or a page with \"results\", found a string"))
  }

  @Test func badDateNamesItsLine() {
    expectError(
      "{\"id\": \"W1\", \"title\": \"A\"}\n{\"id\": \"W2\", \"title\": \"B\", \"publication_date\": \"someday\"}\n", line: 2,
      reason: .invalidDate("someday"), offending: "someday")
  }

  @Test func nothingButUntitledWorksIsNoPapers() {
    expectError("{\"id\": \"W1\", \"title\": null}\n{\"id\": \"W2\", \"display_name\": \"  \"}\n", line: nil, reason: .noPapers)
  }
}

/// OpenAlex passes HTML character references on from some publishers (`Bile Acid &amp;
/// Tryptophan`), in titles and in the words of abstract inverted indexes.
@Suite("OpenAlex reader: HTML character references")
struct OpenAlexEntityTests {
  @Test func titlesNamesAndAbstractsAreDecoded() throws {
    let work = #"{"id":"https://openalex.org/W1","title":"Bile Acid &amp; Tryptophan &lt;i&gt;in vivo&lt;/i&gt; AT&T;","#
      + #""authorships":[{"author":{"display_name":"Mar&iacute;a Garc&iacute;a"}},{"raw_author_name":"John Smith"}],"#
      + #""abstract_inverted_index":{"Salt":[0],"&amp;":[1],"pepper":[2]}}"#
    let path = Paths.temporary(work + "\n", name: "w.jsonl")
    let record = try #require(try OpenAlexReader().read(TextFile(path: path)).records.first)
    #expect(record.title == "Bile Acid & Tryptophan in vivo AT&T;")
    #expect(record.authors == ["María García", "John Smith"])
    #expect(record.abstract == "Salt & pepper")
  }
}
