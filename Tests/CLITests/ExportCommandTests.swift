import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether `data` is well-formed XML whose root element is `root`.
func isXML(_ data: Data, root: String) -> Bool {
  final class Root: NSObject, XMLParserDelegate {
    var name: String?
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if name == nil { name = elementName }
    }
  }
  let parser = XMLParser(data: data)
  let delegate = Root()
  parser.delegate = delegate
  parser.shouldResolveExternalEntities = false
  return parser.parse() && delegate.name == root
}

/// `coauthor export` end to end on the bundled listing (author graph: 77 nodes, 343 edges).
@Suite struct ExportCommandTests {
  static let listing = CLI.repository.appendingPathComponent(Bundled.listing).path

  func lines(_ path: String) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  @Test(arguments: ["graphml", "gexf", "json", "dot", "gv"])
  func writesTheFormatOfTheExtension(ext: String) throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("authors.\(ext)")
    let result = try CLI.run(["export", Self.listing, "--output", output])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.stdout.isEmpty)
    let format = ext == "gv" ? "dot" : ext
    // The listing's data-quality notes come first, then the summary.
    #expect(result.err.hasSuffix("coauthor: wrote \(output) (\(format), 77 nodes, 343 edges)\n"), "\(result.err)")
    #expect(try dir.contents() == ["authors.\(ext)"], "no temporary file is left behind")
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    let text = String(decoding: data, as: UTF8.self)
    switch format {
    case "graphml":
      #expect(isXML(data, root: "graphml"))
      #expect(text.components(separatedBy: "<node id=").count - 1 == 77)
      #expect(text.components(separatedBy: "<edge source=").count - 1 == 343)
      for key in ["label", "papers", "fellow", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "coreness", "clustering", "community", "weight"] {
        #expect(text.contains("attr.name=\"\(key)\""), "\(key)")
      }
    case "gexf":
      #expect(isXML(data, root: "gexf"))
      #expect(text.components(separatedBy: "<node id=").count - 1 == 77)
      #expect(text.components(separatedBy: "<edge id=").count - 1 == 343)
      #expect(text.contains("<viz:color ") && text.contains("<viz:size "))
    case "json":
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let nodes = try #require(object["nodes"] as? [[String: Any]])
      let edges = try #require(object["edges"] as? [[String: Any]])
      #expect(nodes.count == 77 && edges.count == 343)
      #expect(object["directed"] as? Bool == false && object["multigraph"] as? Bool == false)
      let meg = try #require(nodes.first { $0["label"] as? String == "Meg Tong" })
      #expect(meg["papers"] as? Int == 3)
      // networkx: betweenness_centrality(G)["Meg Tong"] (seed_reference.py). The file holds
      // 0.0387719298245614 exactly (export_roundtrip.py); Foundation's JSON parser on Linux reads
      // it one ulp off, hence the tolerance.
      #expect(abs((meg["betweenness"] as? Double ?? 0) - 0.0387719298245614) < 1e-15)
      // degree 24 = G.degree["Meg Tong"], strength 31 = G.degree(weight="weight")["Meg Tong"] (networkx, seed_reference.py graph)
      #expect(text.contains(#""label": "Meg Tong", "papers": 3, "fellow": true, "degree": 24, "strength": 31.0, "betweenness": 0.0387719298245614,"#))
      #expect(edges.map { $0["weight"] as? Double ?? 0 }.reduce(0, +) == 365)  // networkx: G.size(weight="weight") (seed_reference.py)
    default:
      let lines = try lines(output)
      #expect(lines.first == "graph \"coauthor-authors\" {" && lines.last == "}")
      #expect(lines.filter { $0.contains(" -- ") }.count == 343)
      #expect(lines.count == 1 + 77 + 343 + 1)
    }
  }

  @Test func csvWritesNodeAndEdgeTables() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["export", Self.listing, "--output", dir.path("net.csv")])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.hasSuffix("coauthor: wrote \(dir.path("net.nodes.csv")) and \(dir.path("net.edges.csv")) (csv, 77 nodes, 343 edges)\n"))
    #expect(try dir.contents() == ["net.edges.csv", "net.nodes.csv"])
    let nodes = try lines(dir.path("net.nodes.csv"))
    #expect(nodes.first == "id,label,papers,fellow,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,coreness,clustering,community")
    #expect(nodes.count == 78)
    let edges = try lines(dir.path("net.edges.csv"))
    #expect(edges.first == "source,target,weight,source_label,target_label")
    #expect(edges.count == 344)
  }

  /// The shared filters apply before export (numbers as in FilterCommandTests / filter_reference.py:
  /// --min-papers 2 keeps 8 of 77 authors with 21 edges; the largest component then has 7 nodes).
  @Test func filtersApplyBeforeExport() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run([
      "export", Self.listing, "--min-papers", "2", "--largest-component", "--metrics", "degree", "--output", dir.path("core.csv"),
    ])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("--min-papers 2: authors graph: dropped 69 of 77 nodes and their 322 edges"))
    #expect(result.err.hasSuffix("(csv, 7 nodes, 21 edges)\n"))
    #expect(try lines(dir.path("core.nodes.csv")).count == 8)
    let refused = try CLI.run(["export", Self.listing, "--tag-weight", "jaccard", "--output", dir.path("x.json")])
    #expect(refused.status == 64)
    #expect(refused.err.contains("Please use '--tag-weight' only with '--graph tags'."))
  }

  @Test func vosviewerNeedsTheFormatOption() throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("map.json")
    let result = try CLI.run(["export", Self.listing, "--format", "vosviewer", "--output", output])
    #expect(result.status == 0, "\(result.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
    let network = try #require(object["network"] as? [String: Any])
    let items = try #require(network["items"] as? [[String: Any]])
    let links = try #require(network["links"] as? [[String: Any]])
    #expect(items.count == 77 && links.count == 343)
    #expect(items.map { $0["id"] as? Int } == (1 ... 77).map { $0 })
    let clusters = Set(items.compactMap { $0["cluster"] as? Int })
    #expect(clusters == Set(1 ... clusters.count))
    let meg = try #require(items.first { $0["label"] as? String == "Meg Tong" })
    #expect((meg["weights"] as? [String: Any])?["Documents"] as? Int == 3)
    #expect(abs(((meg["scores"] as? [String: Any])?["Betweenness"] as? Double ?? 0) - 0.0387719298245614) < 1e-15)
  }

  @Test func sameInputGivesTheSameBytes() throws {
    let dir = try TemporaryDirectory()
    for name in ["a.gexf", "b.gexf"] {
      let result = try CLI.run(["export", Self.listing, "--output", dir.path(name), "--threads", name == "a.gexf" ? "1" : "2"])
      #expect(result.status == 0, "\(result.err)")
    }
    #expect(try Data(contentsOf: dir.url.appendingPathComponent("a.gexf")) == Data(contentsOf: dir.url.appendingPathComponent("b.gexf")))
  }

  /// Communities are numbered as `coauthor communities` numbers them (largest first, from 1).
  @Test func communitiesMatchTheCommunitiesCommand() throws {
    let dir = try TemporaryDirectory()
    let export = try CLI.run(["export", Self.listing, "--algorithm", "leiden", "--seed", "3", "--metrics", "none", "--output", dir.path("c.csv")])
    #expect(export.status == 0, "\(export.err)")
    var exported: [String: Int] = [:]
    for line in try lines(dir.path("c.nodes.csv")).dropFirst() {
      // id,label,papers,fellow,community; labels in the listing hold no comma or quote
      let fields = line.split(separator: ",")
      exported[String(fields[1])] = Int(fields[4])
    }
    let communities = try CLI.run(["communities", Self.listing, "--algorithm", "leiden", "--seed", "3", "--format", "csv"])
    #expect(communities.status == 0)
    var listed: [String: Int] = [:]
    for line in communities.out.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      listed[String(fields[1])] = Int(fields[0])
    }
    #expect(exported.count == 77)
    #expect(exported == listed)
  }

  @Test func metricsAndCommunitiesCanBeLeftOut() throws {
    let dir = try TemporaryDirectory()
    let some = try CLI.run(["export", Self.listing, "--metrics", "pagerank, degree", "--output", dir.path("a.csv")])
    #expect(some.status == 0, "\(some.err)")
    #expect(try lines(dir.path("a.nodes.csv")).first == "id,label,papers,fellow,degree,pagerank,community")
    let none = try CLI.run(["export", Self.listing, "--metrics", "none", "--no-communities", "--output", dir.path("b.csv")])
    #expect(none.status == 0, "\(none.err)")
    #expect(try lines(dir.path("b.nodes.csv")).first == "id,label,papers,fellow")
  }

  @Test func fellowGraphEdgesCarryKindAndVia() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["export", Self.listing, "--graph", "fellows", "--metrics", "degree", "--output", dir.path("f.json")])
    #expect(result.status == 0, "\(result.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("f.json")))) as? [String: Any])
    let edges = try #require(object["edges"] as? [[String: Any]])
    #expect(!edges.isEmpty)
    #expect(edges.allSatisfy { ["coauthorship", "shared-collaborator"].contains($0["kind"] as? String ?? "") && $0["via"] is [Any] })
    let shared = edges.filter { $0["kind"] as? String == "shared-collaborator" }
    #expect(!shared.isEmpty && shared.allSatisfy { !(($0["via"] as? [String]) ?? []).isEmpty })
  }

  @Test func edgeListsExportTheirNetwork() throws {
    let edges = CLI.repository.appendingPathComponent("Tests/AnalysisTests/Fixtures/edges.txt.gz").path
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["export", edges, "--metrics", "strength", "--output", dir.path("e.csv")])
    #expect(result.status == 0, "\(result.err)")
    // networkx: dict(G.degree(weight="weight")) of ada–bob 1, bob–carol 2.5, carol–ada 1
    #expect(try lines(dir.path("e.nodes.csv")) == ["id,label,strength,community", "0,ada,2.0,1", "1,bob,3.5,1", "2,carol,3.5,1"])
    #expect(try lines(dir.path("e.edges.csv")) == [
      "source,target,weight,source_label,target_label", "0,1,1.0,ada,bob", "0,2,1.0,ada,carol", "1,2,2.5,bob,carol",
    ])
    let tags = try CLI.run(["export", edges, "--graph", "tags", "--output", dir.path("t.csv")])
    #expect(tags.status == 64)
    #expect(tags.err.contains("'--graph authors'"), "\(tags.err)")
  }

  struct BadOptions: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// Usage errors: exit 64, the reason on standard error, nothing written.
  @Test(arguments: [
    BadOptions(arguments: ["--output", "net.xlsx"], message: "Please give an '--output' ending in .graphml, .gexf, .json, .csv or .dot, or a '--format' (got 'net.xlsx')."),
    BadOptions(arguments: ["--output", "net"], message: "Please give an '--output' ending in .graphml, .gexf, .json, .csv or .dot, or a '--format' (got 'net')."),
    BadOptions(arguments: ["--output", "a.json", "--format", "excel"], message: "The value 'excel' is invalid for '--format <format>'"),
    BadOptions(arguments: ["--output", "a.json", "--metrics", "pagerank,fame"], message: "Please give '--metrics' as all, none or a list of: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness, clustering (got 'fame')."),
    BadOptions(arguments: ["--output", "a.json", "--metrics", "pagerank", "--samples", "5"], message: "Please use '--samples' only when betweenness is among '--metrics'."),
    BadOptions(arguments: ["--output", "a.json", "--threads", "-1"], message: "Please give a '--threads' of 0 (all cores) or more."),
  ])
  func badOptions(bad: BadOptions) throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["export", Self.listing] + bad.arguments, in: dir.url)
    #expect(result.status == 64)
    #expect(result.err.contains(bad.message), "\(result.err)")
    #expect(try dir.contents().isEmpty)
  }

  /// An unwritable output: exit 1, `Error: cannot write …`, nothing left behind.
  @Test(arguments: [
    ("file/out.graphml", "Error: cannot write file/out.graphml: cannot create the folder"),
    ("folder.gexf", "Error: cannot write folder.gexf: Is a directory"),
    ("folder.csv", "Error: cannot write folder.nodes.csv: Is a directory"),
  ])
  func unwritableOutput(output: String, message: String) throws {
    let dir = try TemporaryDirectory()
    try dir.write("file", "not a folder")
    for folder in ["folder.gexf", "folder.nodes.csv"] {
      try FileManager.default.createDirectory(at: dir.url.appendingPathComponent(folder), withIntermediateDirectories: false)
    }
    let before = try dir.contents()
    let result = try CLI.run(["export", Self.listing, "--metrics", "none", "--output", output], in: dir.url)
    #expect(result.status == 1)
    let errors = result.err.split(separator: "\n").filter { $0.hasPrefix("Error") }
    #expect(errors.count == 1 && errors[0].hasPrefix(message), "\(result.err)")
    #expect(try dir.contents() == before)
  }
}

/// The networkx round trip (`export_roundtrip.py`): GraphML, GEXF and node-link JSON read back
/// with networkx and checked against an independent parse of the listing and networkx's own
/// metrics. Skipped when python3 or networkx is missing, unless COAUTHOR_REQUIRE_NETWORKX=1
/// (set by scripts/test.sh, which installs networkx).
@Suite("Export: networkx round trip")
struct ExportRoundTripTests {
  static let required = ProcessInfo.processInfo.environment["COAUTHOR_REQUIRE_NETWORKX"] == "1"
  static let python = BrowserTests.which("python3")
  static let hasNetworkX: Bool = {
    guard let python else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import networkx"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test(.enabled(if: required || hasNetworkX, "python3 with networkx is not installed (pip install networkx); scripts/test.sh installs it"))
  func graphMLGEXFAndJSONRoundTripThroughNetworkX() throws {
    try #require(Self.python != nil && Self.hasNetworkX, "COAUTHOR_REQUIRE_NETWORKX=1 but python3 cannot import networkx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    process.arguments = [
      CLI.repository.appendingPathComponent("Tests/CLITests/export_roundtrip.py").path, try CLI.binary().path,
      CLI.repository.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "round trip failed:\n\(output)")
    for format in ["graphml", "gexf", "json"] {
      #expect(output.contains("ok   \(format): 77 nodes, 343 edges"), "\(output)")
      #expect(output.contains("ok   \(format): betweenness of every node matches networkx"), "\(output)")
      #expect(output.contains("ok   \(format): all 343 edge weights equal the shared papers"), "\(output)")
    }
    #expect(output.contains("ok   graphml, gexf and json carry identical node attributes"), "\(output)")
  }
}
