import Foundation
import Testing

/// `--size-by` × `--graph`: every combination sizes real values or is refused with exit 64
/// (one rule: `SizeMeasure.refusal(on:)`, checked in the option validation).
@Suite("render --size-by per graph")
struct SizeByCommandTests {
  /// Three papers with citation counts 10, 4 and 1, tags and fellows.
  static let corpus = #"""
    [{"title": "Sleeper agents and reward hacking", "authors": ["Ann Alpha", "Bo Beta"], "fellows": ["Ann Alpha", "Bo Beta"], "tags": ["Safety"], "citations": 10},
     {"title": "Reward hacking of sleeper agents", "authors": ["Bo Beta", "Cy Gamma"], "fellows": ["Bo Beta"], "tags": ["Safety", "RL"], "citations": 4},
     {"title": "Sleeper agents, reward hacking", "authors": ["Cy Gamma", "Ann Alpha"], "fellows": ["Cy Gamma"], "tags": ["RL"], "citations": 1}]
    """#

  func render(_ graph: String, _ size: String) throws -> (CLI.Result, String) {
    let dir = try TemporaryDirectory()
    let path = try dir.write("cited.json", Self.corpus)
    let r = try CLI.run(["render", path, "--graph", graph, "--size-by", size, "--output", dir.path("n.dot")])
    let dot = (try? String(contentsOfFile: dir.path("n.dot"), encoding: .utf8)) ?? ""
    return (r, dot)
  }

  @Test func citationsSizePeopleAndTags() throws {
    // Ann 10 + 1, Bo 10 + 4, Cy 4 + 1; fellows (papers listing them as fellows): Ann 10, Bo 10 + 4,
    // Cy 1; tags: Safety 14, RL 5.
    for (graph, range) in [("authors", "citations (5–14)"), ("fellows", "citations (1–14)"), ("tags", "citations (5–14)")] {
      let (r, dot) = try render(graph, "citations")
      #expect(r.status == 0, "\(graph): \(r.err)")
      #expect(dot.contains(range), "\(graph)")
    }
  }

  @Test func citationsOnTheTermsGraphAreRefused() throws {
    let (r, dot) = try render("terms", "citations")
    #expect(r.status == 64)
    #expect(r.err.contains("'--size-by citations' cannot be combined with '--graph terms'"))
    #expect(dot.isEmpty)
  }

  @Test func papersAndMetricsSizeEveryGraph() throws {
    for graph in ["authors", "fellows", "tags", "terms"] {
      for size in ["papers", "degree"] {
        let (r, dot) = try render(graph, size)
        #expect(r.status == 0, "\(graph) \(size): \(r.err)")
        #expect(dot.contains("area: \(size)"), "\(graph) \(size)")
        // No silent zeros: the largest value is above 0.
        #expect(!dot.contains("area: \(size) (0–0)"), "\(graph) \(size)")
      }
    }
  }

  /// An edge list has no papers: sizing by papers or citations would draw every node at size
  /// zero, so both are refused (exit 64, no picture); a metric sizes it.
  @Test func paperMeasuresOnAnEdgeListAreRefused() throws {
    let edges = CLI.repository.appendingPathComponent("Tests/CLITests/Fixtures/lesmis/edges.tsv").path
    let dir = try TemporaryDirectory()
    for size in ["papers", "citations"] {
      let r = try CLI.run(["render", edges, "--size-by", size, "--output", dir.path("\(size).dot")])
      #expect(r.status == 64, "\(size): \(r.err)")
      #expect(r.err.contains("'--size-by \(size)' cannot be used with an edge list: it has no papers"), "\(size): \(r.err)")
      #expect(!FileManager.default.fileExists(atPath: dir.path("\(size).dot")), "\(size)")
    }
    let r = try CLI.run(["render", edges, "--size-by", "degree", "--output", dir.path("degree.dot")])
    #expect(r.status == 0, "\(r.err)")
    // Les Misérables: degrees 1 to 36 (Valjean).
    #expect(try String(contentsOfFile: dir.path("degree.dot"), encoding: .utf8).contains("area: degree (1–36)"))
  }

  /// Exports of the terms graph carry no `citations` attribute (it would be zeros).
  @Test func termExportsHaveNoCitationColumn() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("cited.json", Self.corpus)
    for (graph, has) in [("authors", true), ("terms", false)] {
      let r = try CLI.run(["export", path, "--graph", graph, "--format", "csv", "--output", dir.path("\(graph).csv")])
      #expect(r.status == 0, "\(r.err)")
      let header = try String(contentsOfFile: dir.path("\(graph).nodes.csv"), encoding: .utf8).prefix { $0 != "\n" }
      #expect(header.contains("citations") == has, "\(graph): \(header)")
    }
  }
}
