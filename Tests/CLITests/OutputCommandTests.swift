import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether `data` is well-formed XML whose root element is `<svg>`.
func isSVG(_ data: Data) -> Bool {
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
  let root = Root()
  parser.delegate = root
  parser.shouldResolveExternalEntities = false
  return parser.parse() && root.name == "svg"
}

let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

@Suite struct RenderCommandTests {
  @Test(arguments: ["neato", "dot"], ["svg", "png", "dot"])
  func writesThePicture(engine: String, format: String) throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("authors.\(format)")
    let result = try CLI.run(["render", Bundled.listing, "--engine", engine, "--output", output])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.stdout.isEmpty)
    #expect(result.err.contains("coauthor: wrote \(output) (77 nodes, 343 edges, \(engine))"))
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    switch format {
    case "svg": #expect(isSVG(data), "not well-formed SVG: \(String(decoding: data.prefix(200), as: UTF8.self))")
    case "png": #expect(Array(data.prefix(8)) == pngSignature)
    default:
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.hasPrefix("graph \"coauthor-authors\" {"))
      #expect(text.contains("layout=\(engine)"))
      #expect(text.hasSuffix("}\n"))
    }
    #expect(try dir.contents() == ["authors.\(format)"], "no temporary file is left behind")
  }

  @Test(arguments: ["fellows", "tags"])
  func rendersTheOtherGraphs(graph: String) throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("\(graph).svg")
    let result = try CLI.run(["render", Bundled.listing, "--graph", graph, "--engine", "neato", "--output", output])
    #expect(result.status == 0, "\(result.err)")
    #expect(isSVG(try Data(contentsOf: URL(fileURLWithPath: output))))
  }

  @Test func sameInputGivesTheSamePicture() throws {
    let dir = try TemporaryDirectory()
    for name in ["a.svg", "b.svg"] {
      let result = try CLI.run(["render", Bundled.listing, "--engine", "neato", "--output", dir.path(name)])
      #expect(result.status == 0, "\(result.err)")
    }
    #expect(try Data(contentsOf: dir.url.appendingPathComponent("a.svg")) == Data(contentsOf: dir.url.appendingPathComponent("b.svg")))
  }

  @Test func createsTheOutputFolder() throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("nested/deeper/authors.dot")
    let result = try CLI.run(["render", Bundled.listing, "--output", output])
    #expect(result.status == 0, "\(result.err)")
    #expect(FileManager.default.fileExists(atPath: output))
  }
}

@Suite struct ReportCommandTests {
  static let files = [
    "authors.svg", "communities.svg", "fellows.svg", "growth-2023.svg", "growth-2024.svg", "growth-2025.svg",
    "growth-2026.svg", "report.html", "report.md", "tags.svg", "terms.svg",
  ]

  func read(_ dir: TemporaryDirectory, _ name: String) throws -> Data {
    try Data(contentsOf: dir.url.appendingPathComponent("out").appendingPathComponent(name))
  }

  /// No inputs, run from the repository root: the bundled listing and its alias file.
  @Test func writesTheReportDeterministically() throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("out")
    let first = try CLI.run(["report", "--output", output, "--engine", "neato"])
    #expect(first.status == 0, "\(first.err)")
    #expect(first.stdout.isEmpty)
    #expect(first.err.contains("13 papers, 78 researchers"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == Self.files)
    let before = try Self.files.map { try read(dir, $0) }

    let second = try CLI.run(["report", "--output", output, "--engine", "neato"])
    #expect(second.status == 0, "\(second.err)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == Self.files)
    for (name, data) in zip(Self.files, before) {
      #expect(try read(dir, name) == data, "\(name) differs between two runs")
    }
    for name in Self.files where name.hasSuffix(".svg") {
      #expect(isSVG(try read(dir, name)), "\(name)")
    }
  }

  @Test func htmlIsSelfContained() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["report", "--output", dir.path("out")])
    #expect(result.status == 0, "\(result.err)")
    let html = String(decoding: try read(dir, "report.html"), as: UTF8.self)
    let lower = html.lowercased()
    #expect(lower.hasPrefix("<!doctype html>"))
    #expect(lower.components(separatedBy: "<script").count - 1 == 2)  // inline data and script only
    #expect(!lower.contains("<script src"))
    #expect(!lower.contains("<link"))
    #expect(!lower.contains("@import"))
    #expect(!lower.contains("url("))
    #expect(!lower.contains("src=\"http") && !lower.contains("src='http"))
    #expect(!lower.contains("href=\"http") && !lower.contains("href='http"))
    // The only attributes that load things are in-page links and inline data.
    for attribute in ["src=\"", "href=\""] {
      var rest = Substring(lower)
      while let range = rest.range(of: attribute) {
        rest = rest[range.upperBound...]
        #expect(rest.hasPrefix("#") || rest.hasPrefix("data:"), "\(attribute)\(rest.prefix(40))")
      }
    }
    #expect(html.contains("<svg"), "pictures are inline")
  }

  @Test func markdownAppliesTheAliasSplit() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["report", "--output", dir.path("out")])
    #expect(result.status == 0, "\(result.err)")
    let markdown = String(decoding: try read(dir, "report.md"), as: UTF8.self)
    #expect(markdown.contains("[Alan Chan](#person-alan-chan)"))
    #expect(markdown.contains("[Nicholas Carlini](#person-nicholas-carlini)"))
    #expect(!markdown.contains("#person-alan-chan-nicholas-carlini"))
    #expect(markdown.contains("(authors.svg)") && markdown.contains("(fellows.svg)") && markdown.contains("(tags.svg)"))
    #expect(markdown.contains("Examples/mats-aliases.tsv"))
  }

  @Test func explicitInputWithoutAliasesKeepsTheJoinedName() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["report", Bundled.listing, "--output", dir.path("out"), "--engine", "neato"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("13 papers, 77 researchers"))
  }
}
