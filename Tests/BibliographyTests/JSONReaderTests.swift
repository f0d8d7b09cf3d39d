import Foundation
import Testing

@testable import Bibliography

@Suite("JSON corpus reader")
struct JSONReaderTests {
  func read(_ text: String, name: String = "corpus.json") throws -> ReadResult {
    try JSONCorpusReader().read(TextFile(path: Paths.temporary(text, name: name)))
  }

  func expectError(_ text: String, line: Int?, column: Int? = nil, reason: IngestError.Reason, offending: String? = nil) {
    let path = Paths.temporary(text, name: "corpus.json")
    #expect(throws: IngestError(file: path, line: line, column: column, reason: reason, text: offending)) {
      try JSONCorpusReader().read(TextFile(path: path))
    }
  }

  @Test func documentedSchemaRoundTrip() throws {
    let path = Paths.fixture("corpus.json")
    let result = try JSONCorpusReader().read(TextFile(path: path))
    let at = { (line: Int) in Bibliography.SourceLocation(file: path, line: line) }
    #expect(
      result.records == [
        Record(
          title: "Steering Language Models With Activation Engineering",
          authors: ["Alexander Matt Turner", "Lisa Thiergart"], fellows: ["Lisa Thiergart"],
          date: PaperDate(year: 2023, month: 8, day: 20), tags: ["Safeguards", "Interpretability"],
          abstract: "Prompt engineering and finetuning aim to steer models.", source: at(3)),
        Record(title: "Month Only", authors: ["Ann Alpha"], date: PaperDate(year: 2024, month: 3), source: at(11)),
        Record(title: "Year Only", authors: [], date: PaperDate(year: 2022), source: at(12)),
        Record(title: "Café 😀", authors: ["Iván Arcuschin"], source: at(13)),
      ])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func loaderDetectsJSONByExtensionAndContent() throws {
    let corpus = try CorpusLoader().load([Paths.fixture("corpus.json")])
    #expect(corpus.papers.map(\.title).contains("Steering Language Models With Activation Engineering"))
    let noExtension = Paths.temporary(#"  [{"title": "T", "authors": ["A B"]}]"#, name: "corpus.txt")
    #expect(try CorpusLoader().load([noExtension]).papers.map(\.authors) == [["A B"]])
  }

  @Test(arguments: [
    ("x.json", "Title", InputFormat.json),
    ("x.JSON", "", .json),
    ("x.txt", " \n {\"papers\": []}", .json),
    ("x.txt", "{}", .json),
    ("x.txt", "[\n  {", .json),
    ("x.txt", "[]", .json),
    ("x.txt", "[Preprint] A Paper\nAuthors: A B", .listing),
    ("x.txt", "{Draft} A Paper", .listing),
    ("x.txt", "A Paper", .listing),
    ("x.txt", "", .listing),
  ])
  func formatDetection(path: String, text: String, expected: InputFormat) {
    #expect(InputFormat.detect(path: path, text: text) == expected)
  }

  @Test func listingStartingWithABracketIsNotJSON() throws {
    let corpus = try CorpusLoader().load([Paths.temporary("[Preprint] A Paper\nAuthors: Ann Alpha\n")])
    #expect(corpus.papers.map(\.title) == ["[Preprint] A Paper"])
  }

  @Test func topLevelArrayAndObjectLines() throws {
    let result = try read(
      """
      [
        {"title": "One", "authors": ["A B"]},

        {
          "title": "Two", "authors": []
        }
      ]
      """)
    #expect(result.records.map(\.title) == ["One", "Two"])
    #expect(result.records.map(\.source.line) == [2, 4])
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEndingsCountAlike(ending: String) throws {
    let text = ["[", "  {\"title\": \"One\", \"authors\": []},", "", "  {\"title\": \"Two\", \"authors\": []}", "]"]
      .joined(separator: ending)
    #expect(try read(text).records.map(\.source.line) == [2, 4])
    let broken = ["[", "", "  {\"title\" 1}", "]"].joined(separator: ending)
    expectError(broken, line: 3, column: 12, reason: .invalidJSON("expected ':' after key"))
  }

  @Test(arguments: ["01", "1.", "-", "1e", "1e+", "--1", "1.5.3", "-01.0"])
  func numbersFollowTheJSONGrammar(number: String) {
    expectError("[{\"title\": \"T\", \"authors\": [], \"year\": \(number)}]", line: 1,
      column: 40 + number.utf8.count, reason: .invalidJSON("invalid number '\(number)'"))
  }

  @Test func validNumbers() throws {
    let result = try read(#"[{"title": "T", "authors": [], "n": [0, -0, 12, -0.5e+3, 1E-2, 2.0e10], "year": 2.021e3}]"#)
    #expect(result.records.map(\.date) == [PaperDate(year: 2021)])
  }

  @Test func yearKeyIsUsedWithoutDate() throws {
    let result = try read(#"{"papers": [{"title": "T", "authors": [], "year": 2021}]}"#)
    #expect(result.records.map(\.date) == [PaperDate(year: 2021)])
  }

  @Test func unicodeEscapes() throws {
    let result = try read(#"[{"title": "A\u00e9\u0041\n\t\"\\\/ \uD83D\uDE00 \ud834\udd1e", "authors": []}]"#)
    // The title is normalised: the newline and tab fold to single spaces.
    #expect(result.records.first?.title == "AéA \"\\/ 😀 𝄞")
  }

  @Test(arguments: [
    (#"[{"title": "\uD83D", "authors": []}]"#, 19, "lone surrogate in \\u escape"),
    (#"[{"title": "\uDE00", "authors": []}]"#, 19, "lone surrogate in \\u escape"),
    (#"[{"title": "\uD83D\u0041", "authors": []}]"#, 25, "invalid surrogate pair"),
    (#"[{"title": "\u00G0", "authors": []}]"#, 17, "invalid \\u escape"),
    (#"[{"title": "\q", "authors": []}]"#, 15, "invalid escape '\\q'"),
  ])
  func badEscapes(text: String, column: Int, message: String) {
    expectError(text, line: 1, column: column, reason: .invalidJSON(message))
  }

  @Test func malformedJSONNamesLineAndColumn() {
    expectError(
      """
      {"papers": [
        {"title": "A", "authors": ["X"]},
        {"title": "B" "authors": ["Y"]}
      ]}
      """,
      line: 3, column: 17, reason: .invalidJSON("expected ',' or '}' in object"))
    expectError(
      "{\"papers\": [\n  {\"title\": \"A\", \"authors\": [\"X\"],}\n]}", line: 2, column: 35,
      reason: .invalidJSON("expected a quoted key in object"))
    expectError("{\"papers\": [\n", line: 2, column: 1, reason: .invalidJSON("unexpected end of input"))
    expectError("[] []", line: 1, column: 4, reason: .invalidJSON("unexpected text after the JSON value"))
    expectError("[tru]", line: 1, column: 2, reason: .invalidJSON("invalid literal (expected 'true')"))
    expectError("[1.2.3]", line: 1, column: 7, reason: .invalidJSON("invalid number '1.2.3'"))
    expectError("[\"a\nb\"]", line: 1, column: 4, reason: .invalidJSON("control character in string (escape it)"))
  }

  @Test func columnCountsCharactersNotBytes() {
    // 'é' and '😀' are 2 and 4 bytes in UTF-8 but one column each.
    expectError(
      "[{\"title\": \"é😀\" \"authors\": []}]", line: 1, column: 17,
      reason: .invalidJSON("expected ',' or '}' in object"))
  }

  @Test func missingTitle() {
    expectError(
      "{\"papers\": [\n  {\"title\": \"A\", \"authors\": []},\n  {\"authors\": [\"X\"]}\n]}", line: 3,
      reason: .missingField("\"title\" in papers[1]"))
    expectError(
      "[{\"title\": \"  \", \"authors\": []}]", line: 1, reason: .missingField("a non-empty \"title\" in papers[0]"))
    expectError(
      "[{\"title\": 12, \"authors\": []}]", line: 1, reason: .invalidJSON("papers[0].title must be a string, not a number"))
  }

  @Test func missingAuthors() {
    expectError("[\n{\"title\": \"A\"}]", line: 2, reason: .missingField("\"authors\" in papers[0]"))
  }

  @Test func authorsNotAnArray() {
    expectError(
      "[{\"title\": \"A\",\n  \"authors\":\n    \"Ann Alpha, Bob Beta\"}]", line: 3,
      reason: .invalidJSON("papers[0].authors must be an array of strings, not a string"))
  }

  @Test func authorNotAString() {
    expectError(
      "[{\"title\": \"A\", \"authors\": [\n  \"Ann Alpha\",\n  {\"name\": \"Bob\"}]}]", line: 3,
      reason: .invalidJSON("papers[0].authors[1] must be a string, not an object"))
    expectError(
      "[{\"title\": \"A\", \"authors\": [], \"tags\": [true]}]", line: 1,
      reason: .invalidJSON("papers[0].tags[0] must be a string, not a boolean"))
  }

  @Test func badDate() {
    expectError(
      "[{\"title\": \"A\", \"authors\": [],\n  \"date\": \"2023-13-01\"}]", line: 2, reason: .invalidDate("2023-13-01"),
      offending: "2023-13-01")
    expectError(
      "[{\"title\": \"A\", \"authors\": [], \"date\": 2023}]", line: 1,
      reason: .invalidJSON("papers[0].date must be a string, not a number"))
  }

  @Test func wrongShapes() {
    expectError("{\"paper\": []}", line: 1, reason: .invalidJSON("the top-level object has no \"papers\" array"))
    expectError("{\"papers\": {}}", line: 1, reason: .invalidJSON("\"papers\" must be an array, not an object"))
    expectError("\"papers\"", line: 1, reason: .invalidJSON("expected an object with a \"papers\" array, found a string"))
    expectError("[[]]", line: 1, reason: .invalidJSON("papers[0] must be an object, not an array"))
    expectError("{\"papers\": []}", line: 1, reason: .noPapers)
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let text = String(repeating: "[", count: 10_000)
    expectError(text, line: 1, column: 257, reason: .invalidJSON("nesting deeper than 256 levels"))
    let objects = String(repeating: "{\"a\":", count: 10_000)
    expectError(objects, line: 1, column: 5 * 256 + 1, reason: .invalidJSON("nesting deeper than 256 levels"))
  }

  @Test func descriptionIncludesColumn() throws {
    let path = Paths.temporary("[\n  {\"title\": }]", name: "corpus.json")
    do {
      _ = try CorpusLoader().load([path])
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "\(path):2:13: invalid corpus JSON: unexpected character '}'")
    }
  }
}
