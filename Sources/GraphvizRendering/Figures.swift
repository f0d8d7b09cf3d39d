import GraphAlgorithms
import GraphCore
import Networks
import Analysis

/// What a picture of a network shows.
public enum FigureView: String, CaseIterable, Sendable, Codable {
  /// The whole network when it has at most `--max-nodes` nodes, else the backbone.
  case auto
  /// Every node.
  case full
  /// The `--max-nodes` most central nodes (by the sizing metric) and the links among them.
  case backbone
  /// One node per community.
  case communities
}

/// A network ready to draw: the (possibly reduced) network, its style, and what was reduced.
public struct Figure: Sendable {
  public var network: Network
  public var style: NetworkStyle
  /// Original node of each drawn node (`nil` for a community map).
  public var nodes: [NodeID]?
  /// A sentence on how the picture was reduced, or `nil` for the full network.
  public var note: String?

  public init(network: Network, style: NetworkStyle, nodes: [NodeID]?, note: String?) {
    self.network = network
    self.style = style
    self.nodes = nodes
    self.note = note
  }

  public func dot(engine: LayoutEngine) -> String { DOTWriter(style: style, engine: engine).dot(for: network) }
}

/// How the report and `render` draw each network.
public enum ReportFigures {
  /// The drawing of `analysis`'s network restricted to `nodes` (all nodes when `nil`): node area
  /// by `sizes` (values indexed like the analysis's network, from
  /// ``NetworkAnalysis/sizes(_:corpus:)``), colour by community (largest communities get the
  /// first Okabe–Ito colours), fellows ringed, the `labelCount` most central labelled, nodes
  /// linked to profiles (`linkable` nodes only, when given).
  /// `anchors`, when given, are the anchors of `people` (``PersonAnchors``), built once by a
  /// caller drawing several pictures of a large network instead of once per picture.
  public static func figure(
    for analysis: CommunityAnalysis, nodes: [NodeID]? = nil, people: [String], sizes: (name: String, values: [Double]),
    labelCount: Int, linkable: [Bool]? = nil, anchors: PersonAnchors? = nil
  ) -> Figure {
    let full = analysis.network
    let chosen = nodes ?? (0 ..< full.graph.nodeCount).map(NodeID.init)
    var network = nodes == nil ? full : full.induced(on: chosen)
    // A backbone keeps each node's strongest link and the strongest others, up to an edge budget.
    let linkCount = network.graph.edgeCount
    if nodes != nil { network = network.strongestEdges(limit: edgeBudget(nodeCount: chosen.count)) }
    let (sizeName, allSizes) = sizes
    let names = communityNames(analysis)
    let anchors = full.kind == .tags || full.kind == .terms ? PersonAnchors(names: []) : (anchors ?? PersonAnchors(names: people))
    // Index in `people` of each drawn name, looked up only for the drawn names (not a dictionary
    // of every person per picture).
    var personIndex: [String: Int] = [:]
    if linkable != nil && full.kind != .tags && full.kind != .terms {
      let drawn = Set(network.labels)
      for (i, name) in people.enumerated() where personIndex[name] == nil && drawn.contains(name) { personIndex[name] = i }
    }
    let urls: [String?] = network.labels.map { name in
      if full.kind == .tags || full.kind == .terms { return nil }  // not people: no profile to link
      if let linkable, let i = personIndex[name], !linkable[i] { return nil }
      return "#" + anchors[name]
    }
    // Number communities canonically (by smallest drawn member) for the style, but colour and
    // name them by the analysis order (largest first).
    let partition = Partition(labels: chosen.map { analysis.communityOfNode[$0.index] })
    var rankOfCanonical = [Int](repeating: 0, count: partition.communityCount)
    for (i, v) in chosen.enumerated() { rankOfCanonical[Int(partition.membership[i])] = analysis.communityOfNode[v.index] }
    var style = NetworkStyle(
      sizeScores: NodeScores(values: chosen.map { allSizes[$0.index] }), sizeMetricName: sizeName, communities: partition,
      communityNames: rankOfCanonical.map { names[$0] },
      labelCount: labelCount, title: nil, showsLegend: true, nodeURLs: urls, layoutSeed: 0)
    style.communityLegendOrder = (0 ..< partition.communityCount).sorted { rankOfCanonical[$0] < rankOfCanonical[$1] }
    style.labelsAllFellows = full.kind != .tags && network.graph.nodeCount <= 120
    let palette = style.palette
    style.palette = rankOfCanonical.map { $0 < palette.count ? palette[$0] : style.overflowColor }
    var note: String? = nil
    if nodes != nil && chosen.count < full.graph.nodeCount {
      note = "showing the \(chosen.count.countText) of \(full.graph.nodeCount.countText) nodes with the highest \(sizeName)"
      if network.graph.edgeCount < linkCount {
        note! += " and the \(network.graph.edgeCount.countText) strongest of their \(linkCount.countText) links"
      }
      style.legendNotes = [note!]
    }
    style.legendNotes += methodNote(analysis)
    return Figure(network: network, style: style, nodes: chosen, note: note)
  }

  /// The picture `view` asks for: the community map, the backbone of the `maxNodes` nodes with
  /// the largest `sizes`, or every node (`auto`: every node up to `maxNodes`, else the backbone).
  public static func view(
    _ view: FigureView, of analysis: CommunityAnalysis, maxNodes: Int, people: [String],
    sizes: (name: String, values: [Double]), labelCount: Int
  ) -> Figure {
    let resolved = view == .auto ? (analysis.network.graph.nodeCount <= maxNodes ? FigureView.full : .backbone) : view
    switch resolved {
    case .communities:
      return communityMap(for: analysis, limit: maxNodes)
    case .backbone:
      return figure(
        for: analysis, nodes: NetworkViews.backbone(scores: sizes.values, limit: maxNodes), people: people, sizes: sizes,
        labelCount: labelCount)
    case .full, .auto:
      return figure(for: analysis, people: people, sizes: sizes, labelCount: labelCount)
    }
  }

  /// The ego network of `center`: everyone within `radius` steps (the `maxNodes` with the
  /// largest `sizes` when there are more, the centre always kept), the centre drawn large and
  /// labelled, a legend line naming it.
  public static func ego(
    of analysis: CommunityAnalysis, center: NodeID, radius: Int, maxNodes: Int, people: [String],
    sizes: (name: String, values: [Double]), labelCount: Int
  ) -> Figure {
    let network = analysis.network
    var nodes = NetworkViews.ego(of: network.graph, center: center, radius: radius)
    if nodes.count > maxNodes {
      let sub = NetworkViews.backbone(scores: nodes.map { $0 == center ? .infinity : sizes.values[$0.index] }, limit: maxNodes)
      nodes = sub.map { nodes[$0.index] }
    }
    var result = figure(for: analysis, nodes: nodes, people: people, sizes: sizes, labelCount: labelCount)
    result.style.labelsAllFellows = false
    result.style.legendNotes = ["ego network of \(network.labels[center.index]), radius \(radius)"] + methodNote(analysis)
    if let i = nodes.firstIndex(of: center), var boosted = result.style.sizeScores?.values {
      result.style.nodeLabels = nodes.indices.map { $0 == i ? network.labels[center.index] : nil }
      boosted[i] = boosted.max() ?? 1  // the focus is always drawn large and labelled
      result.style.sizeScores = NodeScores(values: boosted)
    }
    return result
  }

  /// The legend line naming the community method when it is not the default (Louvain,
  /// resolution 1, seed 0), so a picture says what its colours mean.
  static func methodNote(_ analysis: CommunityAnalysis) -> [String] {
    let method = analysis.detection.method
    return method == CommunityMethod() ? [] : ["colours: communities by \(method.summary)"]
  }

  /// The most links a backbone picture of `nodeCount` nodes draws: 4 per node (a sparse
  /// picture stays readable; every node still keeps its strongest link).
  public static func edgeBudget(nodeCount: Int) -> Int { 4 * nodeCount }

  /// Legend names of the communities of `analysis`, in its order: number, top tag, lead member.
  public static func communityNames(_ analysis: CommunityAnalysis) -> [String] {
    let network = analysis.network
    return analysis.communities.map { c -> String in
      let lead = c.members.first.map { network.labels[$0.index] } ?? ""
      if network.kind == .tags || network.kind == .terms { return "Cluster \(c.id + 1)" }
      if let tag = c.tags.first?.tag { return "\(c.id + 1): \(tag), \(lead)" }
      return "\(c.id + 1): around \(lead)"
    }
  }

  /// The community map of `analysis`: one circle per community (the `limit` largest), area =
  /// members, labelled with its number, two most influential members and top tag; links weighted
  /// by co-author pairs between communities; each circle links to its report section.
  public static func communityMap(for analysis: CommunityAnalysis, limit: Int) -> Figure {
    let full = analysis.network
    let shown = min(limit, analysis.communities.count)
    let titles = analysis.communities.prefix(shown).map { "Community \($0.id + 1)" }
    let network = full.communityMap(communityOfNode: analysis.communityOfNode, names: titles, limit: shown)
    var style = NetworkStyle(
      sizeScores: NodeScores(values: network.paperCounts.map(Double.init)), sizeMetricName: "members",
      communities: Partition(labels: 0 ..< shown), communityNames: [], labelCount: 30, title: nil, showsLegend: true,
      nodeURLs: (0 ..< shown).map { "#community-\($0 + 1)" }, layoutSeed: 0)
    style.minimumNodeDiameter = 0.35
    style.maximumNodeDiameter = 1.6
    style.palette = NetworkStyle.okabeIto
    style.sizeLegend = "members"
    style.edgeWeightMeaning = "co-author pairs between communities"
    style.communityLegendOrder = []
    let labels = full.labels
    style.nodeLabels = analysis.communities.prefix(shown).map { c in
      let lead = c.members.prefix(2).map { labels[$0.index] }.joined(separator: "\n")
      let tag = c.tags.first.map { "\n[\($0.tag)]" } ?? ""
      return "#\(c.id + 1) · \(c.members.count) people\n\(lead)\(tag)"
    }
    style.nodeTooltips = analysis.communities.prefix(shown).map { c in
      let top = c.members.prefix(8).map { labels[$0.index] }.joined(separator: ", ")
      let tags = c.tags.isEmpty ? "no tagged papers" : c.tags.map { "\($0.tag) (\($0.papers))" }.joined(separator: ", ")
      return "Community \(c.id + 1): \(c.members.count) members, \(c.papers) papers\n\(top)\(c.members.count > 8 ? ", …" : "")\ntopics: \(tags)"
    }
    var note: String? = nil
    if shown < analysis.communities.count {
      let rest = analysis.communities.dropFirst(shown)
      note = "the \(shown.countText) largest of \(analysis.communities.count.countText) communities (\(rest.count.countText) smaller ones, \(rest.map(\.members.count).reduce(0, +).countText) researchers, not drawn)"
      style.legendNotes = [note!]
    }
    style.legendNotes += methodNote(analysis)
    return Figure(network: network, style: style, nodes: nil, note: note)
  }

  /// The report's growth strip: one picture per year of `growth`, each the network as it stood
  /// at the end of that year. Each year shows its own people (the most active that year, see
  /// ``Growth``) and only the links made by then; people whose first paper is from that year and
  /// links first made that year are drawn in the highlight colour. All years are laid out as one
  /// network (every person shown in some year; the others drawn invisibly), so a person stays in
  /// place from year to year, and labels sit beside their nodes (`xlabel`) so they do not move
  /// the layout. Each picture is titled with its year and has a legend saying what is shown and
  /// what is highlighted. Node area, colour and link width are those of the whole period.
  public static func growth(
    of analysis: CommunityAnalysis, growth: Growth, people: [String], sizes: (name: String, values: [Double]), labelCount: Int,
    anchors: PersonAnchors? = nil
  ) -> [(year: Int, figure: Figure)] {
    guard !growth.union.isEmpty else { return [] }
    let base = figure(for: analysis, nodes: growth.union, people: people, sizes: sizes, labelCount: 0, anchors: anchors)
    let g = base.network.graph
    let u = growth.union.count
    // Node i of the drawing is growth.union[i]: figure(for:nodes:) keeps the order it is given.
    let edgeYear: [Int?] = (0 ..< g.edgeCount).map { e in
      let (a, b) = g.endpoints(of: EdgeID(e))
      return growth.firstJointYear(a.index, b.index)
    }
    var position: [NodeID: Int] = [:]
    for (i, v) in growth.union.enumerated() { position[v] = i }
    let who = base.network.kind == .tags ? "tags" : "researchers"
    return growth.years.enumerated().map { k, year in
      var visible = [Bool](repeating: false, count: u)
      for v in growth.shown[k] { visible[position[v]!] = true }
      let papers = growth.papersInYear[k]
      let upTo = growth.papersUpTo[k]
      var f = base
      f.note = nil
      f.style.hiddenNodes = visible.map { !$0 }
      f.style.hiddenEdges = edgeYear.map { year_ in year_.map { $0 > year } ?? false }
      let newNodes = (0 ..< u).map { visible[$0] && growth.firstYear[$0] == year }
      let newEdges = (0 ..< g.edgeCount).map { e in
        let (a, b) = g.endpoints(of: EdgeID(e))
        return edgeYear[e] == year && visible[a.index] && visible[b.index]
      }
      f.style.highlightedNodes = newNodes
      f.style.highlightedEdges = newEdges
      // Labels: the most active this year (ties: more papers up to then, larger size, lower id).
      let ranked = (0 ..< u).filter { visible[$0] }.sorted { a, b in
        if papers[a] != papers[b] { return papers[a] > papers[b] }
        if upTo[a] != upTo[b] { return upTo[a] > upTo[b] }
        let (x, y) = (sizes.values[growth.union[a].index], sizes.values[growth.union[b].index])
        return x != y && !x.isNaN && !y.isNaN ? x > y : a < b
      }
      var labelled = [Bool](repeating: false, count: u)
      for i in ranked.prefix(max(0, labelCount)) { labelled[i] = true }
      f.style.labelledNodes = labelled
      f.style.externalLabels = true
      f.style.labelsAllFellows = false
      f.style.title = String(year)
      f.style.showsLegend = true
      f.style.communityLegendOrder = []
      f.style.sizeLegend = "\(sizes.name), whole period"
      f.style.edgeWeightMeaning = "\(DOTWriter.edgeWeightMeaning(base.network)), whole period"
      f.style.idPrefix = nil
      f.style.nodeURLs = nil
      let shownCount = growth.shown[k].count
      let newPeople = newNodes.count(where: { $0 })
      let newLinks = newEdges.count(where: { $0 })
      f.style.legendNotes = [
        "\(year): the \(shownCount.countText) of \(growth.active[k].countText) \(who) publishing in \(year) with the most papers that year",
        "links: their papers together up to \(year)",
        "orange ring: first paper in \(year) (\(newPeople.countText)); orange link: first joint paper in \(year) (\(newLinks.countText))",
        "colour: community in the whole network",
      ] + methodNote(analysis)
      return (year, f)
    }
  }

  /// The growth strip of `render --per-year`: the same drawing for each year, with nodes not yet
  /// publishing hidden, so every year shares one layout.
  public static func growth(of figure: Figure, presence: [[Bool]], years: [Int]) -> [(year: Int, figure: Figure)] {
    guard let nodes = figure.nodes else { return [] }
    return zip(years, presence).map { year, present in
      var f = figure
      f.style.hiddenNodes = nodes.map { !present[$0.index] }
      f.style.showsLegend = false
      f.style.labelCount = 0
      f.style.labelsAllFellows = false
      f.style.idPrefix = nil
      f.style.nodeURLs = nil
      return (year, f)
    }
  }
}

/// The largest picture Coauthor asks Graphviz to lay out. sfdp with prism overlap removal took
/// 13 s for the 8,440 tags and 30,799 links of the paperlists table and 8 s for a 5,000-node,
/// 20,000-link backbone (release build, 2 cores); layout time grows faster than linearly, so a
/// whole 130,000-person network would run for a very long time. Pictures above the budget are
/// refused with a message naming the views that stay within it.
public struct LayoutBudget: Sendable {
  public static let defaultNodes = 10_000
  /// The most nodes; the most edges is 5 × this.
  public var nodes: Int

  public init(nodes: Int = LayoutBudget.defaultNodes) { self.nodes = nodes }

  public var edges: Int { nodes.multipliedReportingOverflow(by: 5).overflow ? Int.max : nodes * 5 }

  /// - Throws: ``LayoutBudgetError`` when `figure` has more than ``nodes`` nodes or ``edges`` edges.
  public func check(_ figure: Figure, name: String) throws(LayoutBudgetError) {
    let g = figure.network.graph
    guard g.nodeCount > nodes || g.edgeCount > edges else { return }
    throw LayoutBudgetError(
      message: "the \(name) picture would have \(g.nodeCount.countText) nodes and \(g.edgeCount.countText) links, more than the layout budget of \(nodes.countText) nodes and \(edges.countText) links (Graphviz would run for a very long time). Draw its backbone ('--view backbone --max-nodes N'), its community map ('--view communities'), a part of it ('--focus NAME', '--keep-top N', '--min-papers N'), write '.dot' to lay it out elsewhere, or raise '--layout-limit'.")
  }
}

/// A picture too large to lay out; the message names the views that stay within the budget.
public struct LayoutBudgetError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
