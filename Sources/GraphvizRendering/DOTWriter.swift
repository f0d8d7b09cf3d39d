import GraphCore
import TextEscaping
public import Networks

/// Writes a ``Network`` as DOT text, styled by a ``NetworkStyle``. Pure Swift: no Graphviz call.
///
/// The output is deterministic: graph attributes in a fixed order, nodes in ``NodeID`` order
/// (named `n0`, `n1`, …, which are also the SVG `<title>`s), edges in ``EdgeID`` order, the
/// legend last, and every number printed with a fixed count of decimals. Names and titles are
/// data: they are escaped for the place they go (see `DOTWriter+Escaping.swift`), so quotes,
/// backslashes, `<script>` or `]]>` in a name come out as text in DOT and in the SVG.
///
///     let dot = DOTWriter(style: NetworkStyle(title: "Fellows"), engine: .neato).dot(for: network)
///
/// Attribute reference: <https://graphviz.org/doc/info/attrs.html>.
///
/// - Complexity: O(n log n + m) time (the label ranking sorts the nodes) and O(n + m) extra space,
///   for *n* nodes and *m* edges.
public struct DOTWriter: Sendable {
  /// The style applied to every network.
  public var style: NetworkStyle
  /// The engine the DOT is meant for. It is written as the `layout` attribute, so the `.dot`
  /// file renders the same with the `dot` command line, and decides whether `start` is written.
  public var engine: LayoutEngine

  public init(style: NetworkStyle, engine: LayoutEngine) {
    self.style = style
    self.engine = engine
  }

  /// The DOT text of `network`.
  ///
  /// - Precondition: ``NetworkStyle/sizeScores``, ``NetworkStyle/communities`` and
  ///   ``NetworkStyle/nodeURLs``, when set, have one entry per node of `network`.
  public func dot(for network: Network) -> String {
    let graph = network.graph
    let n = graph.nodeCount
    if let scores = style.sizeScores {
      precondition(scores.count == n, "sizeScores has \(scores.count) values for \(n) nodes")
    }
    if let communities = style.communities {
      precondition(communities.nodeCount == n, "communities covers \(communities.nodeCount) of \(n) nodes")
    }
    if let urls = style.nodeURLs {
      precondition(urls.count == n, "nodeURLs has \(urls.count) entries for \(n) nodes")
    }
    for (name, count) in [("nodeLabels", style.nodeLabels?.count), ("nodeTooltips", style.nodeTooltips?.count)] {
      if let count { precondition(count == n, "\(name) has \(count) entries for \(n) nodes") }
    }

    let scores = style.sizeScores?.values ?? network.paperCounts.map(Double.init)
    let metric = style.sizeScores == nil ? "papers" : style.sizeMetricName
    let scoreRange = Self.finiteRange(scores)
    let weightRange = Self.finiteRange(Array(graph.edgeWeights))
    var labelled = [Bool](repeating: false, count: n)
    for node in NodeScores(values: scores).ranking().prefix(max(0, style.labelCount)) {
      labelled[node.index] = true
    }
    if style.labelsAllFellows {
      for v in 0 ..< n where network.isFellow[v] { labelled[v] = true }
    }
    for (name, count) in [
      ("hiddenNodes", style.hiddenNodes?.count), ("highlightedNodes", style.highlightedNodes?.count), ("labelledNodes", style.labelledNodes?.count),
      ("faintNodes", style.faintNodes?.count),
    ] {
      if let count { precondition(count == n, "\(name) has \(count) entries for \(n) nodes") }
    }
    let m = graph.edgeCount
    for (name, count) in [("hiddenEdges", style.hiddenEdges?.count), ("highlightedEdges", style.highlightedEdges?.count), ("faintEdges", style.faintEdges?.count)] {
      if let count { precondition(count == m, "\(name) has \(count) entries for \(m) edges") }
    }
    if let chosen = style.labelledNodes { labelled = chosen }
    let hidden = style.hiddenNodes ?? [Bool](repeating: false, count: n)

    var out = ""
    out += "graph \(DOT.quoted("coauthor-\(network.kind.rawValue)")) {\n"

    // Graph attributes, one per line, fixed order.
    var graphAttributes: [(String, String)] = [("layout", engine.rawValue)]
    if engine.usesStartSeed { graphAttributes.append(("start", String(style.layoutSeed))) }
    graphAttributes += [
      ("overlap", style.overlap.rawValue),
      ("splines", style.splines.dotValue),
      ("outputorder", "edgesfirst"),
      ("pad", "0.2"),
      ("bgcolor", DOT.quoted("white")),
      ("fontname", DOT.quoted(style.fontName)),
    ]
    if style.splines == .arcs { graphAttributes.append(("coauthor_arcs", String(NetworkStyle.arcBend))) }
    if style.externalLabels { graphAttributes.append(("forcelabels", "true")) }
    if let title = style.title {
      graphAttributes += [
        ("label", DOT.quoted(title, as: .label)), ("labelloc", "t"), ("fontsize", "18"),
      ]
    }
    for (key, value) in graphAttributes { out += "  graph [\(key)=\(value)];\n" }
    out += "  node [shape=circle, style=filled, fixedsize=true, label=\"\", fontname=\(DOT.quoted(style.fontName)), "
    out += "fontsize=10, color=\"#4D4D4D\", penwidth=1];\n"
    out += "  edge [color=\"#59595999\"];\n"

    // Nodes.
    let prefix = style.idPrefix
    for v in 0 ..< n {
      let t = scoreRange.map { Self.fraction(scores[v], in: $0) } ?? 1
      let dMin = style.minimumNodeDiameter
      let dMax = style.maximumNodeDiameter
      let diameter = (dMin * dMin + t * (dMax * dMax - dMin * dMin)).squareRoot()
      var attributes: [String] = [
        "width=\(Self.fixed(diameter, 3))", "height=\(Self.fixed(diameter, 3))",
      ]
      if let prefix { attributes.append("id=\(DOT.quoted("\(prefix)n\(v)"))") }
      if hidden[v] { attributes.append("style=invis") }
      let community = style.communities.map { $0[NodeID(v)] }
      attributes.append("fillcolor=\(DOT.quoted(community.map(style.fill(forCommunity:)) ?? style.uncolouredFill))")
      if network.isFellow[v] {
        attributes += ["color=\"#1A1A1A\"", "penwidth=2.5", "peripheries=2"]
      }
      if style.highlightedNodes?[v] == true {
        attributes += ["color=\(DOT.quoted(style.highlightColor))", "penwidth=2.5"]
      }
      if style.faintNodes?[v] == true && !hidden[v] {
        attributes += ["style=\"filled,dashed\"", "color=\"#9E9E9E\"", "fontcolor=\"#8C8C8C\""]
      }
      var tooltip = "\(network.labels[v])\npapers: \(network.paperCounts[v])"
      if style.sizeScores != nil { tooltip += "\n\(metric): \(Self.fixed(scores[v], 4))" }
      if let community { tooltip += "\ncommunity: \(style.name(ofCommunity: community))" }
      if network.isFellow[v] { tooltip += "\nfellow" }
      if let custom = style.nodeTooltips?[v] { tooltip = custom }
      attributes.append("tooltip=\(DOT.quoted(tooltip, as: .tooltip))")
      if labelled[v] && !hidden[v] {
        // The label sits on the node; `fixedsize=shape` keeps the circle's size while overlap
        // removal still makes room for the text (see NetworkStyle, Labels).
        let text = style.nodeLabels?[v] ?? network.labels[v]
        if style.externalLabels {
          attributes += ["xlabel=\(DOT.quoted(text, as: .label))", "fontsize=\(Self.fixed(labelSize(t), 1))"]
        } else {
          attributes += ["fixedsize=shape", "label=\(DOT.quoted(text, as: .label))", "fontsize=\(Self.fixed(labelSize(t), 1))"]
        }
      }
      if let url = style.nodeURLs?[v], !hidden[v] {
        attributes += ["URL=\(DOT.quotedURL(url))", "target=\"_top\""]
      }
      out += "  n\(v) [\(attributes.joined(separator: ", "))];\n"
    }

    // Edges.
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      let weight = graph.edgeWeights[e]
      let t = weightRange.map { $0.lowerBound == $0.upperBound ? 0 : Self.fraction(weight, in: $0) } ?? 0
      let width = style.minimumEdgeWidth + t * (style.maximumEdgeWidth - style.minimumEdgeWidth)
      var attributes = ["penwidth=\(Self.fixed(width, 2))"]
      if let prefix { attributes.append("id=\(DOT.quoted("\(prefix)e\(e)"))") }
      let kind = network.edgeKinds[e]
      var tooltip = "\(network.labels[u.index]) – \(network.labels[v.index])\n"
      switch kind {
      case .coauthorship:
        tooltip += "\(weightMeaning(network)): \(Self.weightText(weight))"
      case .sharedCollaborator:
        attributes += ["style=dashed", "color=\"#8C8C8C\""]
        tooltip += "shared collaborators: \(Self.weightText(weight))"
        if !network.edgeVia[e].isEmpty { tooltip += "\nvia " + network.edgeVia[e].joined(separator: ", ") }
      }
      if hidden[u.index] || hidden[v.index] || style.hiddenEdges?[e] == true {
        attributes.append("style=invis")
      } else if style.highlightedEdges?[e] == true {
        attributes.append("color=\(DOT.quoted(style.highlightColor + "CC"))")
      } else if style.faintEdges?[e] == true {
        attributes += ["style=dashed", "color=\"#9E9E9E66\""]
      }
      attributes.append("tooltip=\(DOT.quoted(tooltip, as: .tooltip))")
      out += "  n\(u.index) -- n\(v.index) [\(attributes.joined(separator: ", "))];\n"
    }

    if style.showsLegend {
      out += legend(network: network, metric: metric, scoreRange: scoreRange, weightRange: weightRange)
    }
    out += "}\n"
    return out
  }

  // MARK: - Legend

  /// The legend: one node drawn as an HTML-like table
  /// (<https://graphviz.org/doc/info/shapes.html#html>), which every engine places like any
  /// other node (clusters are not drawn by neato/sfdp/twopi/circo).
  private func legend(
    network: Network, metric: String, scoreRange: ClosedRange<Double>?, weightRange: ClosedRange<Double>?
  ) -> String {
    var rows: [String] = []
    func row(_ swatch: String, _ text: String) {
      rows.append("<TR><TD \(swatch)WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">\(DOT.htmlLabelText(text))</TD></TR>")
    }
    if let communities = style.communities {
      let sizes = communities.sizes
      let order = style.communityLegendOrder ?? Array(0 ..< communities.communityCount)
      let shown = min(order.count, style.communityLegendOrder == nil ? style.palette.count : style.legendCommunityLimit)
      for c in order.prefix(shown) {
        row("BGCOLOR=\(DOT.htmlLabelAttribute(style.fill(forCommunity: c))) ", "\(style.name(ofCommunity: c)) (\(sizes[c]))")
      }
      if order.count > shown {
        let others = order[shown...].map { sizes[$0] }.reduce(0, +)
        row("BGCOLOR=\(DOT.htmlLabelAttribute(style.overflowColor)) ", "\(order.count - shown) more communities (\(others))")
      }
    }
    if network.isFellow.contains(true) {
      row("BORDER=\"3\" COLOR=\"#1A1A1A\" BGCOLOR=\"white\" ", "fellow (dark double ring)")
    }
    let scoreText = scoreRange.map { " (\(Self.scoreText($0.lowerBound))–\(Self.scoreText($0.upperBound)))" } ?? ""
    row("", "node area: \(style.sizeLegend ?? metric)\(scoreText)")
    if let weightRange {
      let meaning = weightMeaning(network)
      row("", "edge width: \(meaning) (\(Self.weightText(weightRange.lowerBound))–\(Self.weightText(weightRange.upperBound)))")
    }
    if network.edgeKinds.contains(.sharedCollaborator) {
      row("", "dashed edge: shared collaborators, no joint paper")
    }
    for note in style.legendNotes { row("", note) }
    let id = style.idPrefix.map { "id=\(DOT.quoted("\($0)legend")), " } ?? ""
    var out = "  legend [\(id)shape=plaintext, style=solid, fixedsize=false, width=0, height=0, margin=0, fontsize=10, tooltip=\"Legend\", label=<\n"
    out += "    <TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\" COLOR=\"#999999\" BGCOLOR=\"white\">\n"
    out += "    <TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>\n"
    for r in rows { out += "    \(r)\n" }
    out += "    </TABLE>>];\n"
    return out
  }

  // MARK: - Formatting

  /// What an edge weight counts here: the style's override, else the network kind's meaning.
  func weightMeaning(_ network: Network) -> String { style.edgeWeightMeaning ?? Self.edgeWeightMeaning(network) }

  /// Label font size for a node at `t` (0 smallest … 1 largest): 10 to 14 points, so the most
  /// central names read first.
  func labelSize(_ t: Double) -> Double { 10 + 4 * t }

  /// A legend range end: an integer when it is one, else 2 decimals (4 for values below 0.01).
  static func scoreText(_ value: Double) -> String {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return abs(value) < 0.01 ? fixed(value, 4) : fixed(value, 2)
  }

  /// What an edge weight measures in `network` (``Network/EdgeWeight``).
  static func edgeWeightMeaning(_ network: Network) -> String { network.edgeWeight.meaning(for: network.kind) }

  /// A weight as an integer when it is one (full counting), else with 3 decimals (fractional).
  static func weightText(_ weight: Double) -> String {
    weight.isFinite && weight == weight.rounded() && abs(weight) < 1e15
      ? String(Int64(weight)) : fixed(weight, 3)
  }

  /// `value` with exactly `digits` decimals, rounded half away from zero, independent of locale.
  ///
  ///     DOTWriter.fixed(2.0 / 3, 3)   // "0.667"
  static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0 ..< digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return String(value) }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = units / divisor
    let fraction = units % divisor
    var text = units == 0 || value > 0 ? "" : "-"
    text += String(whole)
    if digits > 0 {
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
  }

  /// Where `value` lies in `range`, clamped to 0…1; NaN counts as 0, a zero-width range as 1.
  static func fraction(_ value: Double, in range: ClosedRange<Double>) -> Double {
    guard !value.isNaN else { return 0 }
    guard range.upperBound > range.lowerBound else { return 1 }
    return min(1, max(0, (value - range.lowerBound) / (range.upperBound - range.lowerBound)))
  }

  /// The smallest and largest finite values, or `nil` when there are none.
  static func finiteRange(_ values: [Double]) -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for x in values where x.isFinite {
      low = min(low, x)
      high = max(high, x)
    }
    return low <= high ? low ... high : nil
  }

}
