import Foundation
import Testing

/// Issue 13's example end to end: a label holding a right-to-left override (U+202E) goes through
/// every command and output (report.md, report.html with its inline SVG drawn by Graphviz, every
/// export format, rank/communities as JSON, CSV and text). Every output applies the one rule of
/// TextEscaping: no U+202E, U+2066 or U+0007 anywhere, and the label shows the same way in each,
/// `Evil�Reversed`.
///
/// Names and tags in records lose invisible direction marks and bidi controls when they are
/// normalised (NameNormalizer: `Paul Debevec<U+200E>` is the same person as `Paul Debevec`), so
/// the override reaches the writers through the labels of an edge list, which are taken as they
/// are, and through the report's input file name (`bidi<U+202E>.json`); the records' name, title
/// and tag show without it.
@Suite("One escaping rule in every output")
struct OneEscapingRuleTests {
  static let corpus = """
    {"papers": [
      {"title": "Bidi \\u202e title", "authors": ["Evil\\u202eReversed", "Ann Smith", "Ctrl\\u0007Char"], "fellows": ["Ann Smith"], "tags": ["Tag\\u2066x"], "date": "2023"},
      {"title": "Second", "authors": ["Evil\\u202eReversed", "Bob Jones"], "tags": ["Tag\\u2066x", "Other"], "date": "2024"},
      {"title": "Third", "authors": ["Ann Smith", "Bob Jones", "Ctrl\\u0007Char"], "tags": ["Other"], "date": "2024"}
    ]}
    """
  /// An edge list: labels are not names, so the override stays until the writers replace it.
  static let edges = "Evil\u{202E}Reversed Ann-Smith\nEvil\u{202E}Reversed Bob-Jones\nAnn-Smith Bob-Jones\nBob-Jones Tag\u{2066}x\n"
  static let evil = "Evil\u{FFFD}Reversed"

  @Test func everyOutputShowsTheReplacementAndNoOverride() throws {
    let dir = try TemporaryDirectory()
    let records = try dir.write("bidi\u{202E}.json", Self.corpus)
    let input = try dir.write("bidi.txt", Self.edges)
    var outputs: [(String, String)] = []
    func ok(_ arguments: [String]) throws -> String {
      let result = try CLI.run(arguments)
      #expect(result.status == 0, "coauthor \(arguments.joined(separator: " ")): \(result.err)")
      return result.out
    }
    func file(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    _ = try ok(["report", records, "--output", dir.path("report")])
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path("report")).sorted() {
      outputs.append(("report/" + name, try file(dir.path("report/" + name))))
    }
    for ext in ["graphml", "gexf", "json", "dot"] {
      _ = try ok(["export", input, "--output", dir.path("net.\(ext)")])
      outputs.append(("net.\(ext)", try file(dir.path("net.\(ext)"))))
    }
    _ = try ok(["export", input, "--format", "vosviewer", "--output", dir.path("vos.json")])
    outputs.append(("vos.json", try file(dir.path("vos.json"))))
    _ = try ok(["export", input, "--output", dir.path("net.csv")])
    outputs.append(("net.nodes.csv", try file(dir.path("net.nodes.csv"))))
    outputs.append(("net.edges.csv", try file(dir.path("net.edges.csv"))))
    for command in ["rank", "communities"] {
      for format in ["json", "csv", "text"] {
        outputs.append(("\(command) --format \(format)", try ok([command, input, "--format", format])))
      }
    }
    outputs.append(("render svg", try { _ = try ok(["render", input, "--output", dir.path("a.svg")]); return try file(dir.path("a.svg")) }()))

    #expect(outputs.count > 20)
    for (name, text) in outputs {
      #expect(!text.unicodeScalars.contains("\u{202E}") && !text.unicodeScalars.contains("\u{2066}"), "\(name) holds a bidi control")
      #expect(!text.unicodeScalars.contains("\u{7}"), "\(name) holds U+0007")
      // Every output of the edge list shows the label with the replacement; the report of the
      // records shows the normalised name (override removed) in its text.
      if !name.hasPrefix("report/") {
        #expect(text.contains(Self.evil), "\(name) does not show \(Self.evil)")
      } else if name.hasSuffix(".md") || name.hasSuffix(".html") {
        #expect(text.contains("EvilReversed") && !text.contains(Self.evil), "\(name) does not show the normalised name")
      }
    }
    // The picture inside report.html (Graphviz wrote it from our DOT text) and the report's text.
    let html = try #require(outputs.first { $0.0 == "report/report.html" }?.1)
    let svgStart = try #require(html.range(of: "<svg"))
    let svgEnd = try #require(html.range(of: "</svg>", range: svgStart.upperBound ..< html.endIndex))
    #expect(html[svgStart.lowerBound ..< svgEnd.upperBound].contains("EvilReversed"))
    #expect(html.contains("bidi\u{FFFD}.json"))
    let markdown = try #require(outputs.first { $0.0 == "report/report.md" }?.1)
    // The file name keeps the override until the writer replaces it; title and tag, normalised, lose it.
    #expect(markdown.contains("bidi\u{FFFD}.json") && markdown.contains("Bidi title") && markdown.contains("Tagx"))
    #expect(!markdown.contains("Tag\u{FFFD}x") && !markdown.contains("Bidi \u{FFFD}"))
    // (The readers already turn a control character inside a name into a space: `Ctrl Char`.)
    #expect(markdown.contains("Ctrl Char"))
    // The edge list's label with U+2066 is replaced too.
    let rankText = try #require(outputs.first { $0.0 == "rank --format text" }?.1)
    #expect(rankText.contains("Tag\u{FFFD}x"), "\(rankText)")
    // The JSON outputs decode to the same text.
    let rank = try #require(outputs.first { $0.0 == "rank --format json" }?.1)
    #expect(rank.contains("\"name\": \"\(Self.evil)\""), "\(rank)")
  }
}
