import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Testing
import TextEscaping
@testable import Exporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects, from well-formed XML, the text of `<data key="label">` (GraphML) and the `label`
/// attribute of `<node>` (GEXF); `nil` when the parser rejects the document.
func xmlLabels(_ text: String) -> [String]? {
  final class Collector: NSObject, XMLParserDelegate {
    var labels: [String] = []
    var current: String?
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if elementName == "data", attributes["key"] == "label" { current = "" }
      if elementName == "node", let label = attributes["label"] { labels.append(label) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      if elementName == "data", let text = current {
        labels.append(text)
        current = nil
      }
    }
  }
  let parser = XMLParser(data: Data(text.utf8))
  let collector = Collector()
  parser.delegate = collector
  parser.shouldResolveExternalEntities = false
  return parser.parse() ? collector.labels : nil
}

/// The exporters through the shared escapers of TextEscaping (their own rules are tested in
/// TextEscapingTests): every format carries the sanitised name (controls and bidi characters
/// U+FFFD, tab a space, line breaks one kind) and parses back to it.
@Suite("Export escaping")
struct EscapingTests {
  /// The hostile name after the one rule: U+0001 and U+000B become U+FFFD, the tab a space, LF and
  /// U+2028 line feeds.
  static let sanitized = "Eve \"R&D\" <script>alert('x')</script> ]]> \\N back\\slash tab\nline\nsep\u{FFFD}\u{FFFD}end"

  @Test func theRuleIsTheSharedOne() {
    #expect(TextSanitizer.sanitize(SampleExport.hostileName) == Self.sanitized)
  }

  @Test func graphMLWithHostileNamesIsWellFormedAndKeepsTheNames() throws {
    let text = SampleExport.hostile.graphML()
    let labels = try #require(xmlLabels(text), "GraphML is not well-formed XML")
    #expect(labels == [Self.sanitized, #"=HYPERLINK("x")"#])
    #expect(!text.contains("<script>") && !text.contains("]]>"))
  }

  @Test func gexfWithHostileNamesIsWellFormedAndKeepsTheNames() throws {
    let text = SampleExport.hostile.gexf()
    let labels = try #require(xmlLabels(text), "GEXF is not well-formed XML")
    #expect(labels == [Self.sanitized, #"=HYPERLINK("x")"#])
  }

  @Test(arguments: [false, true])
  func jsonWithHostileNamesParsesBackToTheSanitisedNames(vosviewer: Bool) throws {
    let export = SampleExport.hostile
    let text = vosviewer ? export.vosviewerJSON() : export.nodeLinkJSON()
    #expect(!text.contains("\u{2028}") && !text.contains("\u{1}") && !text.contains("<script>"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let nodes = vosviewer ? (object["network"] as? [String: Any])?["items"] : object["nodes"]
    let labels = try #require(nodes as? [[String: Any]]).map { $0["label"] as? String }
    #expect(labels == [Self.sanitized, #"=HYPERLINK("x")"#])
  }

  @Test func csvNodesWithHostileNames() {
    let lines = SampleExport.hostile.csvNodes()
    #expect(lines.hasPrefix("id,label,papers,fellow,community\n0,\"Eve \"\"R&D\"\" <script>"))
    #expect(lines.contains("back\\slash tab\nline\nsep\u{FFFD}\u{FFFD}end\","))
    #expect(lines.hasSuffix("\n1,\"'=HYPERLINK(\"\"x\"\")\",1,true,1\n"))
  }

  @Test func dotWithHostileNames() {
    let dot = SampleExport.hostile.dot()
    #expect(dot.contains(#"n0 [label="Eve \"R&D\" <script>alert('x')</script> ]]> \\N back\\slash tab\nline\nsep\#u{FFFD}\#u{FFFD}end""#))
  }

  @Test func numbersRoundTripAndStayLocaleFree() {
    #expect(GraphExport.number(2) == "2.0")
    #expect(GraphExport.number(0.1) == "0.1")
    #expect(GraphExport.number(2.0 / 3) == "0.6666666666666666")
    #expect(GraphExport.number(1e-5) == "1e-05")
    #expect(Double(GraphExport.number(1e-5)) == 1e-5)
    #expect(GraphExport.number(.nan) == "NaN")
    #expect(GraphExport.number(-.infinity) == "-INF")
    #expect(JSON.number(.infinity) == "null")
  }
}

@Suite("Export options")
struct ExportOptionTests {
  @Test func formatFromExtension() {
    #expect(ExportFormat(fileExtension: "GraphML") == .graphml)
    #expect(ExportFormat(fileExtension: ".gexf") == .gexf)
    #expect(ExportFormat(fileExtension: "json") == .json)
    #expect(ExportFormat(fileExtension: "csv") == .csv)
    #expect(ExportFormat(fileExtension: "gv") == .dot)
    #expect(ExportFormat(fileExtension: "dot") == .dot)
    #expect(ExportFormat(fileExtension: "vosviewer") == nil)
    #expect(ExportFormat(fileExtension: "xlsx") == nil)
    #expect(ExportFormat(fileExtension: "") == nil)
  }

  /// An edge-list network: no papers, no fellows; only what was asked for is written.
  @Test func edgeListNetworkLeavesOutPapersAndFellow() {
    let network = Network(
      kind: .authors, graph: Graph(nodeCount: 3, edges: [(0, 1, 2), (1, 2, 1)]), labels: ["a", "b", "17"],
      paperCounts: [0, 0, 0], isFellow: [false, false, false])
    let export = GraphExport(
      network: network,
      attributes: NodeAttributes(scores: [.coreness: NodeScores(values: [1, 1, 1])], includesPapers: false, includesFellow: false))
    #expect(export.csvNodes() == "id,label,coreness\n0,a,1\n1,b,1\n2,17,1\n")
    #expect(export.csvEdges() == "source,target,weight,source_label,target_label\n0,1,2.0,a,b\n1,2,1.0,b,17\n")
    #expect(!export.graphML().contains("papers") && !export.gexf().contains("fellow"))
    #expect(export.vosviewerJSON().contains(#"{"id": 3, "label": "17", "weights": {"Links": 1, "Total link strength": 1.0}, "scores": {"Coreness": 1}}"#))
  }

  /// Tags have no fellows; VOSviewer clusters stop at 1000.
  @Test func tagNetworkHasNoFellowAndClustersAreCapped() {
    let network = Network(
      kind: .tags, graph: Graph(nodeCount: 2, edges: [(0, 1, 1)]), labels: ["ml", "safety"], paperCounts: [2, 1],
      isFellow: [false, false])
    let export = GraphExport(network: network, attributes: NodeAttributes(communities: [1000, 1001]))
    #expect(export.csvNodes() == "id,label,papers,community\n0,ml,2,1000\n1,safety,1,1001\n")
    let vos = export.vosviewerJSON()
    #expect(vos.contains(#"{"id": 1, "label": "ml", "cluster": 1000, "weights""#))
    #expect(vos.contains(#"{"id": 2, "label": "safety", "weights""#))
  }

  @Test func sameInputSameBytes() {
    let a = SampleExport.export
    let b = GraphExport(network: SampleExport.network, attributes: SampleExport.attributes)
    for format in ExportFormat.allCases where format != .csv {
      #expect(a.text(format) == b.text(format), "\(format)")
    }
  }
}
