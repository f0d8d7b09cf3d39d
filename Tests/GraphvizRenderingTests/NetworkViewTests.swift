import GraphCore
import Networks
import Testing
@testable import GraphvizRendering

/// Backbone, community map and ego network of ``SampleNetwork``:
///
///     Ada(0) ─ Iván(1), Eve(2), Emmy(5)┄      Eve(2) ─ Iván(1), Grace(3)
///     Grace(3) ─ Alan(4), Emmy(5)
@Suite("Network views")
struct NetworkViewTests {
  @Test func backboneKeepsTheTopNodesAndTheEdgesAmongThem() throws {
    let nodes = NetworkViews.backbone(scores: SampleNetwork.scores.values, limit: 3)
    #expect(nodes.map(\.index) == [0, 2, 3])  // 0.5, 0.4, 0.45
    let sub = SampleNetwork.network.induced(on: nodes)
    #expect(sub.labels == ["Ada Lovelace", SampleNetwork.hostileName, "Grace Hopper"])
    #expect(sub.graph.edgeCount == 2)  // Ada–Eve, Eve–Grace
    #expect(sub.isFellow == [true, false, true])
  }

  @Test func backboneDOTMatchesGolden() throws {
    let nodes = NetworkViews.backbone(scores: SampleNetwork.scores.values, limit: 4)
    let sub = SampleNetwork.network.induced(on: nodes)
    var style = NetworkStyle(
      sizeScores: NodeScores(values: nodes.map { SampleNetwork.scores.values[$0.index] }), sizeMetricName: "pagerank",
      communities: Partition(labels: nodes.map { SampleNetwork.communities[$0] }), labelCount: 2, layoutSeed: 3)
    style.idPrefix = "authors-"
    style.legendNotes = ["showing the 4 of 6 nodes with the highest pagerank"]
    let dot = DOTWriter(style: style, engine: .sfdp).dot(for: sub)
    try expectMatchesGolden(dot, named: "backbone.sfdp.dot")
  }

  @Test func inducedKeepsEdgeKindsAndVia() {
    let sub = SampleNetwork.network.induced(on: [NodeID(0), NodeID(5)])
    #expect(sub.graph.edgeCount == 1)
    #expect(sub.edgeKinds == [.sharedCollaborator])
    #expect(sub.edgeVia == [["Mentor <b>Bold</b>"]])
  }

  @Test func communityMapCountsMembersAndLinks() throws {
    let map = SampleNetwork.network.communityMap(communityOfNode: [0, 0, 0, 1, 1, 1], names: ["First", "Second"], limit: 10)
    #expect(map.labels == ["First", "Second"])
    #expect(map.paperCounts == [3, 3])  // members
    // Links between the communities: Ada–Emmy and Eve–Grace.
    #expect(map.graph.edgeCount == 1)
    #expect(map.graph.weight(between: NodeID(0), and: NodeID(1)) == 2)
    // A limit leaves out the smaller communities.
    let one = SampleNetwork.network.communityMap(communityOfNode: [0, 0, 0, 1, 1, 1], names: ["First", "Second"], limit: 1)
    #expect(one.graph.nodeCount == 1 && one.graph.edgeCount == 0)
  }

  @Test func communityMapDOTMatchesGolden() throws {
    let map = SampleNetwork.network.communityMap(
      communityOfNode: [0, 0, 0, 1, 1, 1], names: ["Community 1", #"Community "2" <b>"#], limit: 10)
    var style = NetworkStyle(
      sizeScores: NodeScores(values: map.paperCounts.map(Double.init)), sizeMetricName: "members",
      communities: Partition(labels: 0 ..< 2), labelCount: 10, nodeURLs: ["#community-1", "#community-2"], layoutSeed: 0)
    style.sizeLegend = "members"
    style.edgeWeightMeaning = "co-author pairs between communities"
    style.communityLegendOrder = []
    style.nodeLabels = ["#1 · 3 people\nAda Lovelace", "#2 · 3 people\nGrace Hopper\n[Safety & <Evals>]"]
    style.nodeTooltips = ["Community 1: 3 members", "Community 2: 3 members\ntopics: a\\b"]
    style.idPrefix = "communities-"
    let dot = DOTWriter(style: style, engine: .sfdp).dot(for: map)
    try expectMatchesGolden(dot, named: "community-map.sfdp.dot")
    // And it lays out and renders to the same bytes every time.
    let first = try GraphvizRenderer(engine: .sfdp).svg(fromDOT: dot)
    let second = try GraphvizRenderer(engine: .sfdp).svg(fromDOT: dot)
    let diff = zip(first.split(separator: "\n"), second.split(separator: "\n")).first { $0 != $1 }
    #expect(first == second, "\(String(describing: diff))")
    #expect(first.contains(#"id="communities&#45;n1""#))  // Graphviz writes "-" as &#45;
  }

  @Test func egoNetworkContents() {
    let g = SampleNetwork.network.graph
    #expect(NetworkViews.ego(of: g, center: NodeID(4), radius: 0).map(\.index) == [4])
    #expect(NetworkViews.ego(of: g, center: NodeID(4), radius: 1).map(\.index) == [3, 4])
    #expect(NetworkViews.ego(of: g, center: NodeID(4), radius: 2).map(\.index) == [2, 3, 4, 5])
    #expect(NetworkViews.ego(of: g, center: NodeID(4), radius: 3).map(\.index) == [0, 1, 2, 3, 4, 5])
  }

  @Test func closeMatchesSuggestSpellings() {
    let names = ["Meg Tong", "Tomasz Korbak", "Neel Nanda", "Megan Kinniment"]
    #expect(NetworkViews.closeMatches(to: "Meg Tonk", in: names).first == "Meg Tong")
    #expect(NetworkViews.closeMatches(to: "nanda", in: names) == ["Neel Nanda"])
    #expect(NetworkViews.closeMatches(to: "Zzyzx Qq", in: names).isEmpty)
  }

  @Test func labelsSitOnTheirNodesAndHiddenNodesAreInvisible() {
    var style = SampleNetwork.style
    style.hiddenNodes = [false, false, false, false, true, false]
    let dot = DOTWriter(style: style, engine: .neato).dot(for: SampleNetwork.network)
    #expect(!dot.contains("xlabel="))
    let ada = dot.split(separator: "\n").first { $0.hasPrefix("  n0 [") }!
    #expect(ada.contains("fixedsize=shape") && ada.contains(#"label="Ada Lovelace""#))
    let alan = dot.split(separator: "\n").first { $0.hasPrefix("  n4 [") }!
    #expect(alan.contains("style=invis"))
    let edge = dot.split(separator: "\n").first { $0.hasPrefix("  n3 -- n4 ") }!
    #expect(edge.contains("style=invis"))
  }

  @Test func polishAddsTheLabelHaloOnce() {
    let svg = "<?xml version=\"1.0\"?>\n<svg width=\"1\">\n<g/></svg>\n"
    let polished = SVGPolish.polished(svg)
    #expect(polished == "<?xml version=\"1.0\"?>\n<svg width=\"1\">\n<style>\(SVGPolish.css)</style>\n<g/></svg>\n")
    #expect(SVGPolish.polished("no svg here") == "no svg here")
  }
}
