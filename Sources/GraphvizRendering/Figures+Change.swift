public import Analysis
import GraphCore
import Networks

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
    figure.style.highlightColor = NetworkStyle.changeHighlight
    var network = figure.network
    let drawnCount = network.graph.nodeCount
    var drawnIndex: [String: Int] = [:]
    for (i, label) in network.labels.enumerated() { drawnIndex[label] = i }
    // Lost ties: between two people drawn, a faint link; to someone no longer in the network, a
    // faint link to a ghost of them (up to `ghostLimit` ghosts, those with the most lost ties to
    // people drawn or gone first); the rest are counted in the legend.
    let goneNames = Set(diff.nodesGone)
    var ghostTies: [String: Int] = [:]
    for tie in diff.tiesLost {
      let a = drawnIndex[tie.a] != nil || goneNames.contains(tie.a)
      let b = drawnIndex[tie.b] != nil || goneNames.contains(tie.b)
      guard a && b else { continue }
      if goneNames.contains(tie.a) { ghostTies[tie.a, default: 0] += 1 }
      if goneNames.contains(tie.b) { ghostTies[tie.b, default: 0] += 1 }
    }
    let ghostLimit = Self.ghostLimit(maxNodes: maxNodes)
    let ghosts = ghostTies.keys.sorted { x, y in
      ghostTies[x]! != ghostTies[y]! ? ghostTies[x]! > ghostTies[y]! : x.utf8.lexicographicallyPrecedes(y.utf8)
    }.prefix(ghostLimit)
    for (k, name) in ghosts.enumerated() { drawnIndex[name] = drawnCount + k }
    let lost = diff.tiesLost.compactMap { tie -> (Int, Int, Double)? in
      guard let u = drawnIndex[tie.a], let v = drawnIndex[tie.b] else { return nil }
      return (u, v, tie.weight)
    }
    let lostKeys = Set(diff.tiesLost.map { $0.a + "\u{0}" + $0.b })
    if !lost.isEmpty {
      let g = network.graph
      let n = g.nodeCount + ghosts.count
      var builder = GraphBuilder(nodeCount: n)
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
        kind: network.kind, graph: graph, labels: network.labels + ghosts, paperCounts: network.paperCounts + ghosts.map { _ in 0 },
        isFellow: network.isFellow + ghosts.map { _ in false }, edgeKinds: edgeKinds, edgeVia: edgeVia,
        edgeWeight: network.edgeWeight)
      figure.network = network
      if !ghosts.isEmpty { Self.addGhosts(Array(ghosts), drawn: drawnCount, to: &figure.style) }
    }
    let g = network.graph
    let newTieKeys = Set(diff.tiesNew.map { $0.a + "\u{0}" + $0.b })
    func key(_ e: Int) -> String {
      let a = network.labels[Int(g.edgeSources[e])]
      let b = network.labels[Int(g.edgeTargets[e])]
      return a.utf8.lexicographicallyPrecedes(b.utf8) ? a + "\u{0}" + b : b + "\u{0}" + a
    }
    let edgeKeys = (0 ..< g.edgeCount).map(key)
    figure.style.highlightedNodes = network.labels.enumerated().map { $0.offset < drawnCount && newNames.contains($0.element) }
    figure.style.highlightedEdges = edgeKeys.map(newTieKeys.contains)
    figure.style.faintEdges = edgeKeys.map(lostKeys.contains)
    let since = diff.oldLatest.map { "new since \($0)" } ?? "new since the older snapshot"
    let drawnNew = figure.style.highlightedNodes!.filter { $0 }.count
    var notes = [
      "\(NetworkStyle.changeHighlightName) ring or link: \(since) (\(drawnNew.countText) of \(diff.nodesNew.count.countText) new nodes drawn)"
    ]
    if !diff.tiesLost.isEmpty {
      var note = "faint dashed link: tie lost since then (\(lost.count.countText) of \(diff.tiesLost.count.countText) drawn"
      let missing = diff.tiesLost.count - lost.count
      if missing > 0 {
        let ghostsLeftOut = ghostTies.count - ghosts.count
        note += "; the other \(missing.countText) involve someone not drawn"
        if ghostsLeftOut > 0 { note += ", among them \(ghostsLeftOut.countText) of those no longer present (at most \(ghostLimit.countText) are drawn)" }
      }
      notes.append(note + ")")
      if !ghosts.isEmpty {
        notes.append("faint dashed circle: no longer present (\(ghosts.count.countText) of \(diff.nodesGone.count.countText) drawn, at the end of their lost ties)")
      }
    }
    figure.style.legendNotes = notes + figure.style.legendNotes
    return figure
  }

  /// At most this many people no longer present are drawn (as ghosts at the end of lost ties):
  /// a tenth of the node budget, at least 10.
  static func ghostLimit(maxNodes: Int) -> Int { max(10, maxNodes / 10) }

  /// Extends every per-node part of `style` for the `ghosts` appended to a network of
  /// `drawn` nodes: smallest size, no link, their own community (not in the legend), drawn faint,
  /// with a tooltip saying they are no longer present.
  static func addGhosts(_ ghosts: [String], drawn: Int, to style: inout NetworkStyle) {
    let count = ghosts.count
    if let scores = style.sizeScores {
      let smallest = scores.values.filter(\.isFinite).min() ?? 0
      style.sizeScores = NodeScores(values: scores.values + Array(repeating: smallest, count: count))
    }
    if let communities = style.communities {
      let ghostCommunity = communities.communityCount
      style.communities = Partition(labels: communities.membership.map(Int.init) + Array(repeating: ghostCommunity, count: count))
      style.palette = Array(style.palette.prefix(ghostCommunity)) + [NetworkStyle.ghostFill]
      style.communityNames = Array(style.communityNames.prefix(ghostCommunity)) + ["no longer present"]
      if style.communityLegendOrder == nil { style.communityLegendOrder = Array(0 ..< ghostCommunity) }
    }
    if let urls = style.nodeURLs { style.nodeURLs = urls + Array(repeating: nil, count: count) }
    if let labels = style.nodeLabels { style.nodeLabels = labels + Array(repeating: nil, count: count) }
    style.nodeTooltips = (style.nodeTooltips ?? Array(repeating: nil, count: drawn))
      + ghosts.map { "\($0)\nno longer present (ties lost)" }
    style.faintNodes = Array(repeating: false, count: drawn) + Array(repeating: true, count: count)
  }
}

/// An unordered node pair, as a dictionary key.
struct EdgeIDKey: Hashable {
  var u: Int
  var v: Int
  init(_ a: Int, _ b: Int) { (u, v) = a < b ? (a, b) : (b, a) }
}
