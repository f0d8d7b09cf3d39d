import Foundation
import TestSupport
import Testing

/// A Spark job's output folder (`Fixtures/spark-output/`, hand-made by `spark/SCHEMA.md`: 8
/// backbone nodes of 2,417, 9 edges) read by `stats`, `rank`, `render`, `communities`, `export`
/// and `report`; malformed and
/// incomplete folders refused with the file and line, nothing written.
@Suite("Spark job output")
struct SparkCommandTests {
  static let fixture = "Tests/CLITests/Fixtures/spark-output"
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/spark").path

  /// A copy of the fixture folder in a fresh temporary folder, named `spark-output`.
  static func copy(to dir: TemporaryDirectory) throws -> String {
    let target = dir.path("spark-output")
    try FileManager.default.copyItem(atPath: CLI.repository.appendingPathComponent(fixture).path, toPath: target)
    return target
  }

  @Test func statsGivesTheWholeGraphTotals() throws {
    let r = try CLI.run(["stats", Self.fixture])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("authors graph      2417 nodes, 5893 edges, 131 components (full counting, total weight 7012.0)"))
    #expect(r.out.contains("backbone           8 of 2417 nodes (top by pagerank), 9 edges"))
    assertGolden(r.out, file: "stats.txt", in: Self.golden)
    let json = try CLI.run(["stats", Self.fixture, "--format", "json"])
    #expect(json.status == 0)
    assertGolden(json.out, file: "stats.json", in: Self.golden)
    // The same through --input-format spark.
    let forced = try CLI.run(["stats", Self.fixture, "--input-format", "spark"])
    #expect(forced.out == r.out)
  }

  @Test func rankUsesTheJobsWholeGraphMetrics() throws {
    let r = try CLI.run(["rank", Self.fixture, "--metric", "degree", "--format", "csv"])
    #expect(r.status == 0, "\(r.err)")
    // Whole-graph degrees (61, 58, …), not backbone degrees (Ann Alpha has 4 backbone neighbours).
    #expect(
      r.out.split(separator: "\n").prefix(3) == [
        "rank,id,name,score", "1,orcid:0000-0002-1825-0097,\"Ann \"\"Annie\"\" Alpha\",61", "2,openalex:A100,Meg Tong,58",
      ])
    let text = try CLI.run(["rank", Self.fixture, "--top", "3"])
    assertGolden(text.out, file: "rank.txt", in: Self.golden)
    let refused = try CLI.run(["rank", Self.fixture, "--metric", "betweenness"])
    #expect(refused.status != 0)
    #expect(refused.err.contains("the job computes only these for the whole graph"))
  }

  @Test func reportSaysItIsABackbone() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.copy(to: dir)
    let r = try CLI.run(["report", "spark-output", "--output", "rep"], in: dir.url)
    #expect(r.status == 0, "\(r.err)")
    let markdown = try String(contentsOfFile: dir.path("rep/report.md"), encoding: .utf8)
    #expect(markdown.contains("This report shows the backbone of 8 of 2,417 nodes"))
    #expect(markdown.contains("| Components | 131; the largest has 1,987 nodes and 5,502 edges |"))
    #expect(markdown.contains("are left out: the Spark job does not compute them"))
    // The backbone picture, after the whole graph's totals, with its caption.
    #expect(markdown.contains("![The backbone of the Spark run: 8 of 2,417 nodes (top by pagerank) and 9 of the 9 edges among them (the whole graph has 5,893 edges)."))
    #expect(markdown.range(of: "| Backbone |")!.lowerBound < markdown.range(of: "(backbone.svg)")!.lowerBound)
    let svg = try String(contentsOfFile: dir.path("rep/backbone.svg"), encoding: .utf8)
    #expect(svg.contains("Spark backbone: 8 of 2,417 nodes (top by pagerank), 9 of 5,893 edges"))
    #expect(r.err.contains("rep/backbone.svg"), "\(r.err)")
    assertGolden(markdown, file: "report.md", in: Self.golden)
    let html = try String(contentsOfFile: dir.path("rep/report.html"), encoding: .utf8)
    #expect(html.contains("=cmd|&#39; ; DROP") || html.contains("=cmd|' ; DROP"))
    #expect(html.contains("<svg"), "the picture is inline in the page")
    let again = try CLI.run(["report", "spark-output", "--output", "rep2"], in: dir.url)
    #expect(again.status == 0)
    let markdown2 = try String(contentsOfFile: dir.path("rep2/report.md"), encoding: .utf8)
    #expect(markdown2 == markdown.replacingOccurrences(of: "--output rep`", with: "--output rep2`"))
  }

  /// `render OUT/`: the backbone through the pipeline, sized by the job's whole-graph PageRank,
  /// coloured by Coauthor's communities of the backbone, the legend naming N of M nodes and the
  /// whole graph's totals (DOT: no layout, so the golden is exact).
  @Test func renderDrawsTheBackbone() throws {
    let dir = try TemporaryDirectory()
    let r = try CLI.run(["render", Self.fixture, "--output", dir.path("b.dot")])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.contains("(8 nodes, 9 edges"), "\(r.err)")
    let dot = try String(contentsOfFile: dir.path("b.dot"), encoding: .utf8)
    #expect(dot.contains("Spark backbone: 8 of 2,417 nodes (top by pagerank), 9 of 5,893 edges; whole graph: 131 components, the largest 1,987 nodes"))
    #expect(dot.contains("node size: whole-graph pagerank"))
    #expect(dot.contains("colours: communities of the backbone (Coauthor, Louvain"))
    #expect(!dot.contains("URL="), "no profile links in a backbone picture")
    assertGolden(dot, file: "render.dot", in: Self.golden)
    // Size by whole-graph degree: Ann Alpha (61) is drawn larger than Meg Tong (58), whose
    // backbone degree (4) equals hers.
    let byDegree = try CLI.run(["render", Self.fixture, "--size-by", "degree", "--output", dir.path("d.dot")])
    #expect(byDegree.status == 0, "\(byDegree.err)")
    let degreeDot = try String(contentsOfFile: dir.path("d.dot"), encoding: .utf8)
    func width(_ name: String, in text: String) -> Double? {
      guard let line = text.split(separator: "\n").first(where: { $0.contains("tooltip=\"\(name)") || $0.contains("label=\"\(name)\"") }),
        let range = line.range(of: "width=")
      else { return nil }
      return Double(line[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
    let ann = width("Ann \\\"Annie\\\" Alpha", in: degreeDot), meg = width("Meg Tong", in: degreeDot)
    #expect(ann != nil && meg != nil && ann! > meg!, "Ann \(String(describing: ann)), Meg \(String(describing: meg))")
    let svg = try CLI.run(["render", Self.fixture, "--output", dir.path("b.svg")])
    #expect(svg.status == 0, "\(svg.err)")
    #expect(try String(contentsOfFile: dir.path("b.svg"), encoding: .utf8).contains("Spark backbone: 8 of 2,417 nodes"))
  }

  /// What a backbone cannot give is refused with the reason, nothing written.
  @Test(arguments: [
    (["--size-by", "betweenness"], "the Spark job computes only pagerank, degree and strength"),
    (["--counting", "fractional"], "give '--counting' to the job, not here"),
    (["--min-weight", "2"], "node, edge and year filters are not applied to it"),
    (["--per-year"], "a Spark job's backbone has none"),
    (["--graph", "fellows"], "holds its authors graph only; '--graph fellows' cannot be drawn from it"),
  ])
  func renderRefusesWhatTheBackboneCannotGive(options: [String], message: String) throws {
    let dir = try TemporaryDirectory()
    let r = try CLI.run(["render", Self.fixture, "--output", dir.path("b.dot")] + options)
    #expect(r.status != 0)
    #expect(r.err.contains(message), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("b.dot")))
  }

  /// `communities OUT/`: Coauthor's communities of the backbone, members by whole-graph PageRank.
  @Test func communitiesOfTheBackbone() throws {
    let r = try CLI.run(["communities", Self.fixture])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("Communities Coauthor finds on the backbone of a Spark run. Spark backbone: 8 of 2,417 nodes"))
    assertGolden(r.out, file: "communities.txt", in: Self.golden)
    // Every community's members in descending whole-graph PageRank (from backbone-nodes.csv).
    let pagerank = ["Meg Tong": 0.0031622776601683794, "Ann \"Annie\" Alpha": 0.0028, "Iván Arcuschin": 0.0021000000000000003,
      "王小明": 0.0019, "Smith, John, Jr.": 0.0019, "Lisa Thiergart": 0.0015, "=cmd|' ; DROP": 0.00071, "Bob Beta": 0.0006]
    let json = try jsonObject(try CLI.run(["communities", Self.fixture, "--format", "json"]))
    let communities = try #require(json["communities"] as? [[String: Any]])
    #expect(communities.flatMap { ($0["members"] as? [String]) ?? [] }.sorted() == pagerank.keys.sorted())
    for c in communities {
      let scores = (c["members"] as! [String]).map { pagerank[$0]! }
      #expect(scores == scores.sorted(by: >), "\(c)")
    }
    let spark = try #require(json["spark"] as? [String: Any])
    #expect(spark["wholeGraphNodes"] as? Int == 2417 && spark["backboneNodes"] as? Int == 8)
    // The isolated backbone node is a community of its own.
    #expect(communities.contains { ($0["members"] as? [String]) == ["=cmd|' ; DROP"] })
  }

  /// The backbone as a network file, with the job's whole-graph metrics and communities.
  @Test func exportWritesTheBackbone() throws {
    let dir = try TemporaryDirectory()
    let r = try CLI.run(["export", Self.fixture, "--output", dir.path("b.csv")])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.contains("backbone of 8 of 2417 nodes from a Spark run, 9 edges"))
    let nodes = try String(contentsOfFile: dir.path("b.nodes.csv"), encoding: .utf8).split(separator: "\n")
    #expect(nodes.count == 9)
    #expect(nodes[0] == "id,label,papers,degree,strength,pagerank,community")
    #expect(nodes[1] == "0,Meg Tong,41,58,77.0,0.0031622776601683794,1")
    #expect(nodes[7] == "6,'=cmd|' ; DROP,12,15,15.0,0.00071,4")
    let edges = try String(contentsOfFile: dir.path("b.edges.csv"), encoding: .utf8).split(separator: "\n")
    #expect(edges.count == 10)
    let refused = try CLI.run(["export", Self.fixture, "--metrics", "betweenness", "--output", dir.path("x.graphml")])
    #expect(refused.status != 0)
    #expect(refused.err.contains("the job computes only these for the whole graph"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("x.graphml")))
  }

  /// Each broken folder: exit ≠ 0, the message names the file (and line), no report written.
  @Test(arguments: [
    ("summary.csv", "format,coauthor-spark 1", "format,coauthor-spark 2", "summary.csv:2: unknown input format: 'coauthor-spark 2'"),
    ("summary.csv", "nodes,2417\n", "", "summary.csv: missing field 'nodes'"),
    ("summary.csv", "edges,5893", "edges,5,893", "summary.csv:12: column 'row': 3 fields, the header has 2"),
    ("backbone-nodes.csv", "Lisa Thiergart,18,", "Lisa Thiergart,eighteen,", "backbone-nodes.csv:7: column 'papers': 'eighteen' is not a number"),
    ("summary.csv", "backbone_nodes,8", "backbone_nodes,9", "summary.csv:24: column 'value': backbone_nodes is 9 but backbone-nodes.csv has 8 rows"),
    ("backbone-edges.csv", "openalex:A301,openalex:A302,5.0", "openalex:A301,openalex:A999,5.0", "backbone-edges.csv:9: column 'target': 'openalex:A999' is not a node"),
    ("backbone-edges.csv", "openalex:A205,openalex:A302,1.0", "openalex:A205,openalex:A302,-1", "backbone-edges.csv:8: invalid weight '-1'"),
    ("backbone-edges.csv", "source,target,weight,papers", "source,target,weight", "backbone-edges.csv:1: column 'header'"),
  ])
  func brokenFolderIsRefused(file: String, old: String, new: String, message: String) throws {
    let dir = try TemporaryDirectory()
    let folder = try Self.copy(to: dir)
    let path = (folder as NSString).appendingPathComponent(file)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(old), "fixture changed: \(old)")
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    let r = try CLI.run(["report", "spark-output", "--output", "rep"], in: dir.url)
    #expect(r.status != 0)
    #expect(r.err.contains(message), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("rep")))
  }

  @Test func missingFileIsRefused() throws {
    let dir = try TemporaryDirectory()
    let folder = try Self.copy(to: dir)
    try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("backbone-edges.csv"))
    let r = try CLI.run(["stats", "spark-output"], in: dir.url)
    #expect(r.status != 0)
    #expect(r.err.contains("spark-output/backbone-edges.csv: no such file"), "\(r.err)")
    let other = try CLI.run(["timeline", "spark-output"], in: dir.url)
    #expect(other.status != 0)
    #expect(other.err.contains("it is a Spark job's output folder"), "\(other.err)")
  }
}

/// `coauthor export --format papers` and `--identity key` end to end.
@Suite("Paper table export")
struct PaperExportCommandTests {
  static let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
  static let aliases = CLI.repository.appendingPathComponent(Bundled.aliases).path

  /// Reading the exported table back gives the same networks: every node's name, degree and
  /// strength in all three graphs, and the same counts, from TSV and from CSV.
  @Test(arguments: ["tsv", "csv"])
  func roundTripGivesTheSameNetworks(ext: String) throws {
    let dir = try TemporaryDirectory()
    let table = dir.path("papers.\(ext)")
    let r = try CLI.run(["export", Self.listing, "--aliases", Self.aliases, "--format", "papers", "--output", table])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.contains("(papers, 13 papers, 78 people)"), "\(r.err)")
    let header = try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n")[0]
    #expect(header == (ext == "csv" ? "paper_id,year,date,title,authors,author_ids,fellows,keywords,abstract" : "paper_id\tyear\tdate\ttitle\tauthors\tauthor_ids\tfellows\tkeywords\tabstract"))
    for graph in ["authors", "fellows", "tags", "terms"] {
      for metric in ["degree", "strength"] {
        let before = try CLI.run(["rank", Self.listing, "--aliases", Self.aliases, "--graph", graph, "--metric", metric, "--format", "csv"])
        let after = try CLI.run(["rank", table, "--graph", graph, "--metric", metric, "--format", "csv"])
        #expect(before.status == 0 && after.status == 0)
        #expect(before.out.split(separator: "\n").count > 5)
        #expect(before.out.split(separator: "\n").sorted() == after.out.split(separator: "\n").sorted(), "\(graph) \(metric)")
      }
    }
    let before = try jsonObject(try CLI.run(["stats", Self.listing, "--aliases", Self.aliases, "--format", "json"]))
    let after = try jsonObject(try CLI.run(["stats", table, "--format", "json"]))
    #expect(NSDictionary(dictionary: before["graphs"] as! [String: Any]) == NSDictionary(dictionary: after["graphs"] as! [String: Any]))
  }

  /// Ids aligned with the authors (empty where a person has none), the date and the year.
  @Test func idsDatesAndEscaping() throws {
    let dir = try TemporaryDirectory()
    let works = CLI.repository.appendingPathComponent("Tests/BibliographyTests/Fixtures/openalex-works.jsonl").path
    let r = try CLI.run(["export", works, "--format", "papers", "--output", dir.path("w.tsv")])
    #expect(r.status == 0, "\(r.err)")
    let lines = try String(contentsOfFile: dir.path("w.tsv"), encoding: .utf8).split(separator: "\n")
    #expect(
      lines[2]
        == "W3000000002\t2020\t2020\tSpin and charge in H2O: when a < b\tJosé María López;Anonymous Consortium\topenalex:A5000000011;\t\tQuantum mechanics;Spin (aerodynamics)\t"  // no abstract
    )
    // Formula guard, quotes and a decoded character reference.
    let csv = try dir.write("h.csv", Array("title,authors\n\"=Evil, a \"\"title\"\"\",-Anne;Bob\nQ&amp;amp;A,Ann Alpha;Bob\n".utf8))
    let h = try CLI.run(["export", csv, "--format", "papers", "--output", dir.path("h.csv.out.csv")])
    #expect(h.status == 0, "\(h.err)")
    #expect(h.err.contains("2 cells start with =, +, - or @"))
    let written = try String(contentsOfFile: dir.path("h.csv.out.csv"), encoding: .utf8)
    #expect(written == "paper_id,year,date,title,authors,author_ids,fellows,keywords,abstract\n,,,\"'=Evil, a \"\"title\"\"\",'-Anne;Bob,,,,\n,,,Q&amp;amp;A,Ann Alpha;Bob,,,,\n")
  }

  /// A name holding the list separator cannot be a list item: nothing is written.
  @Test func nameWithSeparatorIsRefused() throws {
    let dir = try TemporaryDirectory()
    let json = try dir.write("c.json", Array(#"{"papers":[{"title":"T","authors":["Ann;Alpha","Bob Beta"]}]}"#.utf8))
    let r = try CLI.run(["export", json, "--format", "papers", "--output", dir.path("out.tsv")])
    #expect(r.status != 0)
    #expect(r.err.contains("cannot write 'Ann;Alpha' in the authors column of a paper table: it holds the list separator ';'"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out.tsv")))
  }

  /// `--identity key`: `M. Tong` stays apart from `Meg Tong` (full merges them: shared co-author).
  @Test func identityKeyKeepsInitialsApart() throws {
    let dir = try TemporaryDirectory()
    let table = try dir.write("t.tsv", Array("title\tauthors\nP1\tMeg Tong;Ann Alpha\nP2\tM. Tong;Ann Alpha\nP3\tTONG, MEG;Cid Gamma\n".utf8))
    let full = try jsonObject(try CLI.run(["stats", table, "--format", "json"]))
    let key = try jsonObject(try CLI.run(["stats", table, "--format", "json", "--identity", "key"]))
    #expect(full["authors"] as? Int == 3)
    #expect(key["authors"] as? Int == 4)
    let names = try CLI.run(["rank", table, "--identity", "key", "--metric", "degree", "--format", "csv"])
    #expect(names.out.contains(",M. Tong,") && names.out.contains(",Meg Tong,"))
  }
}
