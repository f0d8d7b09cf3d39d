public import Analysis
import GraphCore
public import Networks

extension ReportFigures {
  /// The diff picture (`coauthor diff … --output change.svg`, the report's "What changed"): the
  /// NEW network in the house style (``figure(for:nodes:people:sizes:labelCount:linkable:anchors:)``),
  /// nodes and ties new since OLD ringed and drawn in the highlight colour, ties lost since OLD
  /// (between two people still drawn) faint and dashed, and a legend line "new since <OLD's
  /// latest date>".
  ///
  /// Above `maxNodes` nodes it draws a backbone of `maxNodes` nodes, as `render` does, but
  /// chosen new nodes first (by size), then the largest others, so every new node that fits the
  /// budget is drawn.
  public static func change(
    _ diff: SnapshotDiff, new analysis: CommunityAnalysis, maxNodes: Int, people: [String],
    sizes: (name: String, values: [Double]), labelCount: Int
  ) -> Figure {
    let full = analysis.network
    let newNames = Set(diff.nodesNew)
    var nodes: [NodeID]? = nil
    if full.graph.nodeCount > maxNodes {
      // New nodes rank above every other node, each group by its size.
      let finite = sizes.values.filter(\.isFinite)
      let span = (finite.max() ?? 0) - min(0, finite.min() ?? 0) + 1
      let boosted = sizes.values.enumerated().map { v, s in newNames.contains(full.labels[v]) ? s + span : s }
      nodes = NetworkViews.backbone(scores: boosted, limit: maxNodes)
    }
    var figure = figure(for: analysis, nodes: nodes, people: people, sizes: sizes, labelCount: labelCount)
    var network = figure.network
    // Lost ties among the drawn nodes, added as faint edges.
    var drawnIndex: [String: Int] = [:]
    for (i, label) in network.labels.enumerated() { drawnIndex[label] = i }
    let lost = diff.tiesLost.compactMap { tie -> (Int, Int, Double)? in
      guard let u = drawnIndex[tie.a], let v = drawnIndex[tie.b] else { return nil }
      return (u, v, tie.weight)
    }
    let lostKeys = Set(diff.tiesLost.map { $0.a + "\u{0}" + $0.b })
    if !lost.isEmpty {
      let g = network.graph
      var builder = GraphBuilder(nodeCount: g.nodeCount)
      var kinds: [EdgeIDKey: (Network.EdgeKind, [String])] = [:]
      for e in 0 ..< g.edgeCount {
        let (u, v) = (Int(g.edgeSources[e]), Int(g.edgeTargets[e]))
        builder.addEdge(u, v, weight: g.edgeWeights[e])
        kinds[EdgeIDKey(u, v)] = (network.edgeKinds[e], network.edgeVia[e])
      }
      for (u, v, w) in lost { builder.addEdge(u, v, weight: w) }
      let graph = builder.build()
      var edgeKinds: [Network.EdgeKind] = []
      var edgeVia: [[String]] = []
      for e in 0 ..< graph.edgeCount {
        let kind = kinds[EdgeIDKey(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]))]
        edgeKinds.append(kind?.0 ?? .coauthorship)
        edgeVia.append(kind?.1 ?? [])
      }
      network = Network(
        kind: network.kind, graph: graph, labels: network.labels, paperCounts: network.paperCounts, isFellow: network.isFellow,
        edgeKinds: edgeKinds, edgeVia: edgeVia)
      figure.network = network
    }
    let g = network.graph
    let newTieKeys = Set(diff.tiesNew.map { $0.a + "\u{0}" + $0.b })
    func key(_ e: Int) -> String {
      let a = network.labels[Int(g.edgeSources[e])]
      let b = network.labels[Int(g.edgeTargets[e])]
      return a.utf8.lexicographicallyPrecedes(b.utf8) ? a + "\u{0}" + b : b + "\u{0}" + a
    }
    let edgeKeys = (0 ..< g.edgeCount).map(key)
    figure.style.highlightedNodes = network.labels.map(newNames.contains)
    figure.style.highlightedEdges = edgeKeys.map(newTieKeys.contains)
    figure.style.faintEdges = edgeKeys.map(lostKeys.contains)
    let since = diff.oldLatest.map { "new since \($0)" } ?? "new since the older snapshot"
    let drawnNew = figure.style.highlightedNodes!.filter { $0 }.count
    var notes = ["orange ring or link: \(since) (\(drawnNew.countText) of \(diff.nodesNew.count.countText) new nodes drawn)"]
    if !diff.tiesLost.isEmpty {
      // A lost tie is drawn only between two people drawn now; the rest (most often to someone no
      // longer listed) are counted.
      notes.append(
        "faint dashed link: tie lost since then (\(lost.count.countText) of \(diff.tiesLost.count.countText) drawn; the others involve someone not drawn)")
    }
    figure.style.legendNotes = notes + figure.style.legendNotes
    return figure
  }
}

/// An unordered node pair, as a dictionary key.
struct EdgeIDKey: Hashable {
  var u: Int
  var v: Int
  init(_ a: Int, _ b: Int) { (u, v) = a < b ? (a, b) : (b, a) }
}
