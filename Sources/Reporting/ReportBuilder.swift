public import Analysis
import Foundation
import Bibliography
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks

/// Builds the report's content from an ``CorpusAnalysis``: the same blocks feed the Markdown and the
/// HTML writer, so the two always say the same thing.
public struct ReportBuilder: Sendable {
  public var context: ReportContext
  private var anchors = PersonAnchors(names: [])
  /// Author-network nodes that get a profile (see ``ReportContext/profileLimit``).
  private var profiled: [Bool] = []
  /// Indices into `corpus.papers` of each author-network node's papers.
  private var papersOf: [[Int]] = []
  /// The author network by PageRank, highest first, ties by name (sorted once: a million people).
  private var byPageRank: [NodeID] = []
  /// The author timeline, when the caller has it already (``document(for:anchors:timeline:)``).
  var timeline: Timeline? = nil

  public init(context: ReportContext) { self.context = context }

  /// The author-network nodes that get a profile: the ``ReportContext/profileLimit`` most
  /// influential (PageRank), plus every fellow.
  public static func profiledNodes(_ analysis: CorpusAnalysis, limit: Int) -> [Bool] {
    let n = analysis.authors
    var out = [Bool](repeating: false, count: n.network.graph.nodeCount)
    for v in Self.topRanked(n, by: .pagerank, limit) { out[v.index] = true }
    let isFellow = n.network.isFellow  // once: each read through the member lookup copies the network
    for v in out.indices where isFellow[v] { out[v] = true }
    return out
  }

  public func document(for analysis: CorpusAnalysis) -> ReportDocument {
    document(for: analysis, anchors: PersonAnchors(names: analysis.authors.network.labels))
  }

  /// ``document(for:)`` with the anchors of the author network's labels already made (the
  /// pictures use the same; a million names take seconds), and the author ``Timeline`` of
  /// `analysis.corpus` when the caller has counted it already (`nil`: counted here).
  public func document(for analysis: CorpusAnalysis, anchors: PersonAnchors, timeline: Timeline? = nil) -> ReportDocument {
    var builder = self
    builder.timeline = timeline
    let labels = analysis.authors.network.labels
    builder.anchors = anchors
    builder.byPageRank = Self.ranking(analysis.authors, by: .pagerank)
    builder.profiled = [Bool](repeating: false, count: labels.count)
    for v in builder.byPageRank.prefix(context.profileLimit) { builder.profiled[v.index] = true }
    let isFellow = analysis.authors.network.isFellow  // once (see profiledNodes)
    for v in labels.indices where isFellow[v] { builder.profiled[v] = true }
    // Papers are listed in profiles only: index the profiled names alone (hundreds, not a
    // million), the first node of a name as before.
    var index: [String: Int] = [:]
    for v in labels.indices where builder.profiled[v] && index[labels[v]] == nil { index[labels[v]] = v }
    var papersOf = [[Int]](repeating: [], count: labels.count)
    for (i, paper) in analysis.corpus.papers.enumerated() {
      for name in paper.authors { if let v = index[name] { papersOf[v].append(i) } }
    }
    builder.papersOf = papersOf
    return builder.build(analysis)
  }

  private func build(_ analysis: CorpusAnalysis) -> ReportDocument {
    var blocks: [Block] = []
    blocks += summary(analysis)
    blocks += howToRead(analysis.authors.detection.method)
    blocks += central(analysis)
    blocks += timelineSection(analysis)
    blocks += fellowSection(analysis)
    blocks += communitySection(analysis)
    blocks += topicSection(analysis)
    blocks += termSection(analysis)
    blocks += burstSection(analysis)
    blocks += profileSection(analysis)
    blocks += dataQuality(analysis)
    blocks += method(analysis)
    if let keys = context.figureKeys {
      blocks = blocks.filter { if case .figure(let key, _) = $0 { return keys.contains(key) } else { return true } }
    }
    // The columns read once (through the analysis's member lookup, every read copied the
    // network: a dozen retains a person, a million people).
    let network = analysis.authors.network
    let (labels, paperCounts, isFellow) = (network.labels, network.paperCounts, network.isFellow)
    let communityOfNode = analysis.authors.communityOfNode
    let search = byPageRank.map { v -> SearchEntry in
      let name = labels[v.index]
      let detail = "\(Self.count(paperCounts[v.index], "paper")), community \(communityOfNode[v.index] + 1)"
        + (isFellow[v.index] ? ", fellow" : "")
      return SearchEntry(name: name, anchor: profiled[v.index] ? anchors[name] : nil, detail: detail)
    }
    return ReportDocument(title: "Co-authorship report: \(context.title)", blocks: blocks, searchIndex: search)
  }

  /// Whether `metric` was left out on the author network (too large for path metrics, or not
  /// asked for): its values are then shown as "–".
  func skipped(_ a: CorpusAnalysis, _ metric: Metric) -> Bool { a.authors.metric(metric)?.skipped ?? true }

  /// The values of `metric` on `n`, all 0 when it was not computed (shown as "–", see ``skipped``).
  static func values(_ n: CommunityAnalysis, _ metric: Metric) -> [Double] {
    n.metric(metric)?.values ?? [Double](repeating: 0, count: n.network.graph.nodeCount)
  }

  /// Nodes of `n` by `metric`, highest first, ties by name.
  static func ranking(_ n: CommunityAnalysis, by metric: Metric) -> [NodeID] {
    NetworkAnalysis.ranking(Self.values(n, metric), labels: n.network.labels)
  }

  /// The first `k` of ``ranking(_:by:)`` (the same nodes in the same order), without sorting
  /// the whole network: only the nodes whose value reaches the `k`-th largest are sorted.
  /// - Complexity: O(*n* log *k* + *t* log *t*), *t* the nodes at or above that value.
  static func topRanked(_ n: CommunityAnalysis, by metric: Metric, _ k: Int) -> [NodeID] {
    let values = Self.values(n, metric)
    let labels = n.network.labels
    guard k > 0, !values.isEmpty else { return [] }
    // NaN ranks last, as in NetworkAnalysis.ranking.
    func key(_ v: Int) -> Double { values[v].isNaN ? -Double.infinity : values[v] }
    guard k < values.count else { return NetworkAnalysis.ranking(values, labels: labels) }
    // The k largest keys in a min-heap; its root is the k-th largest.
    var heap: [Double] = []
    heap.reserveCapacity(k)
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < heap.count, heap[l] < heap[m] { m = l }
        if r < heap.count, heap[r] < heap[m] { m = r }
        if m == i { return }
        heap.swapAt(i, m)
        i = m
      }
    }
    for v in values.indices {
      let x = key(v)
      if heap.count < k {
        heap.append(x)
        var i = heap.count - 1
        while i > 0, heap[(i - 1) / 2] > heap[i] {
          heap.swapAt(i, (i - 1) / 2)
          i = (i - 1) / 2
        }
      } else if x > heap[0] {
        heap[0] = x
        siftDown(0)
      }
    }
    let threshold = heap[0]
    let candidates = values.indices.filter { key($0) >= threshold }
    return candidates.sorted { a, b in
      let (x, y) = (key(a), key(b))
      return x != y ? x > y : labels[a] < labels[b]
    }.prefix(k).map(NodeID.init)
  }

  /// The nodes of `n` that share the highest value of `metric`, by name (the start of
  /// ``ranking(_:by:)`` up to the first lower value), and that value; `nil` for no nodes.
  static func leaders(_ n: CommunityAnalysis, by metric: Metric) -> (value: Double, nodes: [NodeID])? {
    let values = Self.values(n, metric)
    let labels = n.network.labels
    guard !values.isEmpty else { return nil }
    func key(_ v: Int) -> Double { values[v].isNaN ? -Double.infinity : values[v] }
    var best = key(0)
    for v in values.indices where key(v) > best { best = key(v) }
    let top = values.indices.filter { key($0) == best }.sorted { labels[$0] < labels[$1] }
    let value = values[top[0]]
    return (value, top.prefix { values[$0] == value }.map(NodeID.init))
  }

  /// Leiden's settings beyond resolution and seed for the method notes, with whether the runs
  /// converged when a cap was set: ", 3 restarts (independent runs combined by core groups, the best
  /// kept), at most 10 iterations a run (stopped at the cap, not converged)"; empty for the defaults.
  static func leidenNote(_ detection: CommunityResult) -> String {
    let method = detection.method
    var note = ""
    if method.restarts > 1 {
      note += ", \(method.restarts) restarts (independent \(method.leidenIterations == nil ? "converged " : "")runs combined by core groups, the best kept)"
    }
    if method.leidenIterations != nil {
      note += method.iterationCapText + (detection.converged ? " (converged within it)" : " (stopped at the cap, not converged)")
    }
    return note
  }

  /// "Louvain (resolution 1.00, seed 0)": the community method and its settings.
  static func methodText(_ method: CommunityMethod) -> String {
    "\(method.name) (resolution \(number(method.resolution, digits: 2)), seed \(method.seed)\(method.leidenText))"
  }

  /// "PageRank: 72 iterations, L1 error ≤ 7.8e-11; eigenvector: 19 iterations, L1 error ≤
  /// 6.5e-11 (co-authorship network)": how the iterative metrics of `n` were reached.
  static func convergenceText(_ n: CommunityAnalysis) -> String? {
    let parts = [(Metric.pagerank, "PageRank"), (.eigenvector, "eigenvector")].compactMap { metric, name -> String? in
      guard let c = n.metric(metric)?.convergence else { return nil }
      let bound = String(format: "%.1e", c.errorBound)
      return c.isConverged
        ? "\(name): \(c.iterations.countText) iterations, L1 error ≤ \(bound)"
        : "\(name): NOT converged after \(c.iterations.countText) iterations, L1 error ≤ \(bound) (tolerance \(String(format: "%.0e", c.tolerance)))"
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ") + " (co-authorship network)"
  }

  func metricText(_ a: CorpusAnalysis, _ metric: Metric, _ v: NodeID) -> String {
    skipped(a, metric) ? "–" : Self.estimateMark(a, metric) + Self.number(Self.values(a.authors, metric)[v.index])
  }

  /// "≈" before the values of a metric that was estimated by sampling (see ``estimatesText``).
  static func estimateMark(_ a: CorpusAnalysis, _ metric: Metric) -> String {
    a.authors.metric(metric)?.estimate.map { $0.method == .exact ? "" : "≈" } ?? ""
  }

  /// The bound of an estimate in plain words: "sampled: each value within ±0.01 of the exact one
  /// with 95 % confidence; 40,476 shortest-path samples".
  static func estimateText(_ e: Estimate) -> String {
    switch e.method {
    case .exact:
      return "exact (a sample would have been as large as the network)"
    case .shortestPathSamples, .sampledSources:
      let what = e.method == .shortestPathSamples ? "shortest-path samples" : "searches from sampled researchers"
      return "sampled: each value within ±\(e.errorBound.boundText) of the exact one with \(e.confidence.percentText) confidence; \(e.samples.countText) \(what)"
    }
  }

  /// "Bridging (betweenness): sampled: …; closeness: …; harmonic: …" for the metrics of the
  /// author network that were estimated, or `nil` when all are exact.
  static func estimatesText(_ a: CorpusAnalysis) -> String? {
    let parts = [(Metric.betweenness, "bridging (betweenness)"), (.closeness, "closeness"), (.harmonic, "harmonic centrality")]
      .compactMap { metric, name -> String? in
        guard let m = a.authors.metric(metric), !m.skipped, let e = m.estimate else { return nil }
        return "\(name): \(estimateText(e))"
      }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  // MARK: Formatting

  /// `value` with `digits` decimals; values that would show as 0.000 (PageRank on a network of
  /// 100,000 people is about 0.00001) keep `digits` significant digits instead (`0.0000302`).
  static func number(_ value: Double, digits: Int = 3) -> String {
    if value == 0 { return "0" }
    if abs(value) < 0.5 * pow(10, -Double(digits)) {
      let exponent = Int((-log10(abs(value))).rounded(.down))
      return String(format: "%.\(exponent + digits)f", value)
    }
    return String(format: "%.\(digits)f", value)
  }

  /// ``Corpus/readSummary`` with thousands separators: `read 95,652 entries from 1 file: …`.
  static func readSummary(_ c: Corpus, entriesWithNotes: Int? = nil) -> String {
    let files = Set(c.reads.map(\.file)).count
    let layouts = c.entriesByLayout.map { "\($0.layout) \($0.entries.countText)" }.joined(separator: ", ")
    return "read \(count(c.entryCount, "entry", "entries")) from \(count(files, "file"))"
      + (layouts.isEmpty ? "" : ": " + layouts) + "; \(count(entriesWithNotes ?? c.entriesWithNotes, "entry", "entries")) with notes"
  }

  /// `n` with thousands separators and the noun in the right number: "1,049,866 papers".
  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n.countText) " + (n == 1 ? singular : plural ?? singular + "s")
  }

  func person(_ a: CommunityAnalysis, _ v: NodeID) -> [Inline] {
    let name = a.network.labels[v.index]
    let link = a.network.kind == .authors && !profiled[v.index] ? Inline.text(name) : Inline.anchorLink(name, anchor: anchors[name])
    return a.network.isFellow[v.index] ? [link, .text(" ★")] : [link]
  }

  // MARK: Sections

  func summary(_ a: CorpusAnalysis) -> [Block] {
    let c = a.corpus
    let authors = a.authors
    let largest = authors.componentSizes.first ?? 0
    let q = authors.detection.modularity
    let dated = c.papers.compactMap(\.date).sorted()
    var span = ""
    if let first = dated.first, let last = dated.last {
      span = first.year == last.year ? " from \(first.year)" : " from \(first.year) to \(last.year)"
    }
    let multi = authors.communities.filter { $0.members.count > 1 }.count
    return [
      .heading(level: 2, text: "At a glance", anchor: "overview"),
      .paragraph([
        .text(
          "From \(Self.count(c.entryCount, "entry", "entries")) in \(context.inputs.joined(separator: ", ")), Coauthor found "
            + "\(Self.count(c.papers.count, "paper"))\(span) by \(Self.count(authors.network.graph.nodeCount, "researcher")), "
            + "\(c.fellows.count.countText) of them program fellows (marked ★), covering \(Self.count(c.tags.count, "topic tag")). "
            + "The researchers form \(Self.count(authors.componentSizes.count, "separate group")) of collaborators; the largest has \(largest.countText) people. "
            + "Within the network Coauthor finds \(Self.count(multi, "community", "communities")) of two or more people who mostly work with each other.")
      ]),
      .table(
        headers: ["Measure", "Value"],
        rows: [
          [[.text("Entries read")], [.text(c.entryCount.countText)]],
          [[.text("Papers (duplicates merged)")], [.text(c.papers.count.countText)]],
          [[.text("Researchers")], [.text(authors.network.graph.nodeCount.countText)]],
          [[.text("Program fellows")], [.text(c.fellows.count.countText)]],
          [[.text("Topic tags")], [.text(c.tags.count.countText)]],
          [[.text("Co-author pairs (links)")], [.text(authors.network.graph.edgeCount.countText)]],
          [[.text("Separate groups (connected components)")], [.text(authors.componentSizes.count.countText)]],
          [[.text("Largest group")], [.text(largest.countText)]],
          [[.text("Communities (\(authors.detection.method.algorithm.displayName)\(authors.detection.method.quality == .cpm ? ", CPM" : ""))")], [.text(authors.communities.count.countText)]],
          [[.text("Modularity of the communities")], [.text(Self.number(q))]],
          [[.text("Data-quality notes")], [.text(a.notes.count.countText)]],
        ],
        numeric: [false, true]),
    ] + (context.notes.isEmpty ? [] : [.bullets(context.notes.map { [.emphasis($0)] })]) + [.searchBox]
  }

  func howToRead(_ method: CommunityMethod) -> [Block] {
    [
      .heading(level: 2, text: "How to read this report", anchor: "how-to-read"),
      .bullets([
        [.strong("Co-authors"), .text(": how many different people someone has written with.")],
        [.strong("Papers"), .text(": how many papers in the listing name them.")],
        [.strong("Bridging"), .text(" (betweenness): how often someone lies on the shortest chain of co-authors between two others. High bridging means they connect groups that would otherwise be apart.")],
        [.strong("Influence"), .text(" (PageRank): being connected to well-connected people counts for more than many loose ties.")],
        [.strong("Closeness"), .text(": how few steps it takes to reach everyone else in the same group.")],
        [.strong("Communities"), .text(": groups of people who write with each other more than with the rest, found by the \(method.algorithm.displayName) method. Modularity above about 0.3 means the groups are clear.")],
        [.text("In the pictures, bigger circles are more influential, colours are communities, thick outlines are program fellows and thicker lines are more shared papers.")],
      ]),
    ]
  }

  func central(_ a: CorpusAnalysis) -> [Block] {
    let n = a.authors
    let top = byPageRank.prefix(context.topCount)
    let degree = Self.values(n, .degree)
    let pagerank = Self.values(n, .pagerank)
    var rows: [[[Inline]]] = []
    for (i, v) in top.enumerated() {
      rows.append([
        [.text("\(i + 1)")], person(n, v), [.text(n.network.paperCounts[v.index].countText)], [.text(Int(degree[v.index]).countText)],
        [.text(metricText(a, .betweenness, v))], [.text(Self.number(pagerank[v.index]))],
        [.anchorLink("\(n.communityOfNode[v.index] + 1)", anchor: "community-\(n.communityOfNode[v.index] + 1)")],
      ])
    }
    var leaders: [[Inline]] = []
    let described: [(Metric, String, Int)] = [
      (.degree, "Most co-authors", 0), (.strength, "Most joint papers with others", 0), (.betweenness, "Strongest bridge", 3),
      (.closeness, "Closest to everyone in their group", 3), (.harmonic, "Shortest reach overall (harmonic)", 2),
      (.eigenvector, "Best-connected neighbourhood (eigenvector)", 3), (.pagerank, "Most influential (PageRank)", 3),
    ]
    for (metric, label, digits) in described where !skipped(a, metric) {
      guard let (value, tied) = Self.leaders(n, by: metric) else { continue }
      var line: [Inline] = [.strong(label), .text(": ")]
      for (k, v) in tied.prefix(3).enumerated() {
        if k > 0 { line.append(.text(", ")) }
        line += person(n, v)
      }
      if tied.count > 3 { line.append(.text(" and \((tied.count - 3).countText) more")) }
      line.append(.text(" (\(digits == 0 ? Int(value).countText : Self.estimateMark(a, metric) + Self.number(value, digits: digits)))"))
      leaders.append(line)
    }
    return [
      .heading(level: 2, text: "Who is central", anchor: "central"),
      .figure(key: "authors", caption: "The co-authorship network: one circle per researcher, area by influence (PageRank), coloured by community; ★ fellows have a dark double ring; line width = \(n.network.edgeWeight.meaning(for: .authors)). Hover a circle to see its co-authors, click it for the profile."),
      .paragraph([.text("The \(min(context.topCount, n.network.graph.nodeCount).countText) most influential researchers:")]),
      .table(
        headers: ["#", "Researcher", "Papers", "Co-authors", "Bridging", "Influence", "Community"], rows: rows,
        numeric: [true, false, true, true, true, true, true]),
      .paragraph([.text("Leaders by each measure:")]),
      .bullets(leaders),
    ] + (Self.estimatesText(a).map { text in
      [.paragraph([.text("Values marked ≈ are estimates: the network is too large for exact path metrics. " + Self.capitalisedFirst(text) + ".")])]
    } ?? [])
  }

  static func capitalisedFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

  func fellowSection(_ a: CorpusAnalysis) -> [Block] {
    let f = a.fellows
    let g = f.network.graph
    let direct = f.network.edgeKinds.filter { $0 == .coauthorship }.count
    let shared = g.edgeCount - direct
    var rows: [[[Inline]]] = []
    for v in Self.ranking(f, by: .pagerank) {
      var fellowsWith: [Inline] = []
      var via: [Inline] = []
      for arc in g.adjacencyOffsets[v.index] ..< g.adjacencyOffsets[v.index + 1] {
        let u = Int(g.adjacencyTargets[arc])
        let e = Int(g.adjacencyEdges[arc])
        let name = f.network.labels[u]
        if f.network.edgeKinds[e] == .coauthorship {
          if !fellowsWith.isEmpty { fellowsWith.append(.text(", ")) }
          fellowsWith.append(.text(name))
        } else {
          if !via.isEmpty { via.append(.text("; ")) }
          via.append(.text("\(name) (via \(f.network.edgeVia[e].joined(separator: ", ")))"))
        }
      }
      rows.append([
        [.anchorLink(f.network.labels[v.index], anchor: anchors[f.network.labels[v.index]])],
        [.text(f.network.paperCounts[v.index].countText)],
        fellowsWith.isEmpty ? [.text("–")] : fellowsWith, via.isEmpty ? [.text("–")] : via,
      ])
    }
    let isolated = (0 ..< g.nodeCount).filter { g.degree(of: NodeID($0)) == 0 }.count
    if g.nodeCount == 0 {
      return [
        .heading(level: 2, text: "The fellow network", anchor: "fellows"),
        .paragraph([.text("This input names no program fellows (a listing's `Fellows:` lines, a table's `fellows` column), so there is no fellow network.")]),
      ] + fellowsAndCollaborators(a)
    }
    return [
      .heading(level: 2, text: "The fellow network", anchor: "fellows"),
      .paragraph([
        .text(
          "\(Self.count(g.nodeCount, "fellow")): \(Self.count(direct, "pair")) wrote a paper together (solid lines), and "
            + "\(Self.count(shared, "further pair")) never did but share a co-author outside the fellowship, such as a mentor (dashed lines). "
            + "\(Self.count(isolated, "fellow")) \(isolated == 1 ? "has" : "have") no link to another fellow in this listing.")
      ]),
      .figure(key: "fellows", caption: "Fellows, linked by joint papers (solid) and shared collaborators (dashed)."),
      .table(
        headers: ["Fellow", "Papers", "Wrote with fellows", "Linked through shared collaborators"], rows: rows,
        numeric: [false, true, false, false]),
    ] + fellowsAndCollaborators(a)
  }

  /// Fellows against their non-fellow collaborators, and the researchers who bridge communities.
  func fellowsAndCollaborators(_ a: CorpusAnalysis) -> [Block] {
    let n = a.authors
    let g = n.network.graph
    let betweenness = Self.values(n, .betweenness)
    // Other communities each researcher's co-authors belong to, computed once: the bridge
    // ranking on a big input sorts every researcher by it.
    var seen: [Int] = []
    let reachCounts = (0 ..< g.nodeCount).map { v in
      seen.removeAll(keepingCapacity: true)
      for u in g.neighbors(of: NodeID(v)) where n.communityOfNode[u.index] != n.communityOfNode[v] { seen.append(n.communityOfNode[u.index]) }
      seen.sort()
      var distinct = 0
      for i in seen.indices where i == 0 || seen[i] != seen[i - 1] { distinct += 1 }
      return distinct
    }
    func reach(_ v: Int) -> Int { reachCounts[v] }
    let fellows = (0 ..< g.nodeCount).filter { n.network.isFellow[$0] }
    var rows: [[[Inline]]] = []
    var fellowCoauthors = 0
    var otherCoauthors = 0
    for v in fellows.sorted(by: { betweenness[$0] != betweenness[$1] ? betweenness[$0] > betweenness[$1] : n.network.labels[$0] < n.network.labels[$1] }) {
      let neighbours = g.neighbors(of: NodeID(v)).map(\.index)
      let withFellows = neighbours.filter { n.network.isFellow[$0] }.count
      fellowCoauthors += withFellows
      otherCoauthors += neighbours.count - withFellows
      rows.append([
        person(n, NodeID(v)), [.text(n.network.paperCounts[v].countText)], [.text(withFellows.countText)],
        [.text((neighbours.count - withFellows).countText)], [.text(reach(v).countText)], [.text(metricText(a, .betweenness, NodeID(v)))],
      ])
    }
    let share = fellowCoauthors + otherCoauthors == 0 ? 0 : Double(otherCoauthors) / Double(fellowCoauthors + otherCoauthors)
    var bridges: [[Inline]] = []
    let byBridging = skipped(a, .betweenness)
      ? (0 ..< g.nodeCount).sorted { reach($0) != reach($1) ? reach($0) > reach($1) : n.network.labels[$0] < n.network.labels[$1] }.map(NodeID.init)
      : Self.topRanked(n, by: .betweenness, 200)
    for v in byBridging.prefix(200) where reach(v.index) > 0 && bridges.count < 8 {
      bridges.append(person(n, v) + [.text(": links community \(n.communityOfNode[v.index] + 1) with \(Self.count(reach(v.index), "other community", "other communities"))"
        + (skipped(a, .betweenness) ? "" : ", bridging \(metricText(a, .betweenness, v))"))])
    }
    let bridgeBlocks: [Block] = [
      .heading(level: 3, text: "Who bridges groups", anchor: "bridges"),
      .paragraph([.text(bridges.isEmpty ? "Nobody links two communities: every community is a separate group." : "Researchers whose co-authors span several communities, strongest bridges first:")]),
      .bullets(bridges),
    ]
    if fellows.isEmpty { return bridgeBlocks }
    return [
      .heading(level: 3, text: "Fellows and their collaborators", anchor: "fellow-collaborators"),
      .paragraph([.text("For each fellow (in the co-authorship network): co-authors who are fellows, co-authors who are not, how many other communities their co-authors belong to, and bridging. "
        + "\(Int((share * 100).rounded()))% of fellows' co-author links go to non-fellows (mentors and collaborators).")]),
      .table(
        headers: ["Fellow", "Papers", "Fellow co-authors", "Other co-authors", "Other communities reached", "Bridging"], rows: rows,
        numeric: [false, true, true, true, true, true]),
    ] + bridgeBlocks
  }

  func communitySection(_ a: CorpusAnalysis) -> [Block] {
    let n = a.authors
    var blocks: [Block] = [
      .heading(level: 2, text: "Communities", anchor: "communities"),
      .paragraph([
        .text(
          "\(Self.methodText(n.detection.method)) splits the co-authorship network into "
            + "\(Self.count(n.communities.count, "community", "communities")) with modularity \(Self.number(n.detection.modularity))"
            + (n.detection.method.quality == .cpm ? " and CPM quality \(Self.number(n.detection.quality))" : "") + ". "
            + "Members are listed most influential first; the topics are the tags most common on the community's papers.")
      ]),
    ]
    blocks.append(.figure(key: "communities", caption: "The community map: one circle per community, area = members, labelled with its most influential members and top tag; line width = co-author pairs between the two communities. Click a circle for the community."))
    let shownCommunities = n.communities.prefix(60)
    for c in shownCommunities {
      let topics = c.tags.isEmpty ? "no tagged papers" : c.tags.map { "\($0.tag) (\($0.papers.countText))" }.joined(separator: ", ")
      blocks.append(.heading(level: 3, text: "Community \(c.id + 1): \(Self.count(c.members.count, "member")), \(Self.count(c.papers, "paper"))", anchor: "community-\(c.id + 1)"))
      var members: [Inline] = [.strong("Members"), .text(": ")]
      for (k, v) in c.members.prefix(40).enumerated() {
        if k > 0 { members.append(.text(", ")) }
        members += person(n, v)
      }
      if c.members.count > 40 { members.append(.text(" and \((c.members.count - 40).countText) more")) }
      blocks.append(.paragraph(members))
      blocks.append(.paragraph([.strong("Topics"), .text(": " + topics)]))
      if !c.terms.isEmpty {
        let list = c.termsFromOnePaper
          ? " (from the title and abstract of their one paper, most specific first): " + c.terms.map(\.tag).joined(separator: ", ")
          : " (from titles and abstracts): " + c.terms.map { "\($0.tag) (\($0.papers.countText))" }.joined(separator: ", ")
        blocks.append(.paragraph([.strong("Terms"), .text(list)]))
      }
    }
    if n.communities.count > shownCommunities.count {
      let rest = n.communities.dropFirst(shownCommunities.count)
      blocks.append(.paragraph([.text("\(Self.count(rest.count, "smaller community", "smaller communities")) (\(rest.map(\.members.count).reduce(0, +).countText) researchers) are not listed.")]))
    }
    return blocks
  }

  func profileSection(_ a: CorpusAnalysis) -> [Block] {
    let n = a.authors
    let g = n.network.graph
    let count = profiled.filter { $0 }.count
    var blocks: [Block] = [
      .heading(level: 2, text: "Researcher profiles", anchor: "researchers"),
      .paragraph([.text(count == g.nodeCount
        ? "One profile per researcher, in alphabetical order."
        : "Profiles of the \(count.countText) most influential researchers and every fellow, in alphabetical order (\((g.nodeCount - count).countText) more researchers are in the tables and pictures only).")]),
    ]
    let order = (0 ..< g.nodeCount).filter { profiled[$0] }.sorted { n.network.labels[$0] < n.network.labels[$1] }
    for v in order {
      let name = n.network.labels[v]
      let node = NodeID(v)
      blocks.append(.heading(level: 3, text: name + (n.network.isFellow[v] ? " ★" : ""), anchor: anchors[name]))
      let community = n.communityOfNode[v] + 1
      var facts: [[Inline]] = [
        [.strong("Community"), .text(": "), .anchorLink("Community \(community)", anchor: "community-\(community)")],
        [.strong("Metrics"), .text(": \(Self.count(n.network.paperCounts[v], "paper")), \(Self.count(g.degree(of: node), "co-author")), influence \(metricText(a, .pagerank, node)), bridging \(metricText(a, .betweenness, node)), closeness \(metricText(a, .closeness, node))")],
      ]
      var papers: [Inline] = [.strong("Papers"), .text(": ")]
      for (k, i) in papersOf[v].prefix(20).enumerated() {
        let p = a.corpus.papers[i]
        if k > 0 { papers.append(.text("; ")) }
        papers.append(.emphasis(p.title))
        if let d = p.date { papers.append(.text(" (\(d.year))")) }
      }
      if papersOf[v].count > 20 { papers.append(.text("; and \((papersOf[v].count - 20).countText) more")) }
      facts.append(papers)
      let coauthors = g.neighbors(of: node).sorted { n.network.labels[$0.index] < n.network.labels[$1.index] }
      var line: [Inline] = [.strong("Co-authors"), .text(": ")]
      for (k, u) in coauthors.prefix(40).enumerated() {
        if k > 0 { line.append(.text(", ")) }
        line += person(n, u)
      }
      if coauthors.isEmpty { line.append(.text("none in this listing")) }
      if coauthors.count > 40 { line.append(.text(" and \((coauthors.count - 40).countText) more")) }
      facts.append(line)
      blocks.append(.bullets(facts))
    }
    return blocks
  }

  func topicSection(_ a: CorpusAnalysis) -> [Block] {
    let t = a.tags
    let g = t.network.graph
    var bullets: [[Inline]] = []
    for c in t.communities {
      // A cluster of a big input can hold hundreds of tags: name its 15 most common.
      let shown = c.tags.prefix(Self.clusterTagLimit).map { "\($0.tag) (\($0.papers.countText))" }.joined(separator: ", ")
      let more = c.tags.count > Self.clusterTagLimit ? " and \((c.tags.count - Self.clusterTagLimit).countText) more" : ""
      bullets.append([.strong("Cluster \(c.id + 1)"), .text(": " + shown + more)])
    }
    var rows: [[[Inline]]] = []
    let order = (0 ..< g.nodeCount).sorted {
      t.network.paperCounts[$0] != t.network.paperCounts[$1] ? t.network.paperCounts[$0] > t.network.paperCounts[$1] : t.network.labels[$0] < t.network.labels[$1]
    }
    for v in order.prefix(Self.tagTableLimit) {
      var partners: [(String, Double)] = []
      for arc in g.adjacencyOffsets[v] ..< g.adjacencyOffsets[v + 1] {
        partners.append((t.network.labels[Int(g.adjacencyTargets[arc])], g.adjacencyWeights[arc]))
      }
      partners.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      rows.append([
        // A folded tag shows its other spellings: "Large Language Models (also: LLM, LLMs)".
        [.text(a.corpus.tagWithVariants(t.network.labels[v], limit: Self.tagVariantLimit))], [.text(t.network.paperCounts[v].countText)],
        [.text("\(t.communityOfNode[v] + 1)")],
        [.text(partners.isEmpty ? "–" : partners.prefix(3).map { t.network.edgeWeight.isCount ? "\($0.0) (\(Int($0.1).countText))" : $0.0 }.joined(separator: ", "))],
      ])
    }
    return [
      .heading(level: 2, text: "Topic clusters", anchor: "topics"),
      .paragraph([
        .text(
          "Tags that appear on the same papers are linked; clusters are communities of that tag network "
            + "(\(Self.count(t.communities.count, "cluster")), modularity \(Self.number(t.detection.modularity))). \(Self.count(a.corpus.papers.filter { $0.tags.isEmpty }.count, "paper")) carry no tag.")
      ]),
      .figure(key: "tags", caption: "Topic tags: circle size = papers with the tag; line width = \(t.network.edgeWeight.meaning(for: .tags))."),
      .bullets(bullets),
      .table(headers: ["Tag", "Papers", "Cluster", "Appears most with"], rows: rows, numeric: [false, true, true, false]),
    ]
      + (order.count > Self.tagTableLimit
        ? [.paragraph([.text("The table lists the \(Self.tagTableLimit.countText) most common of \(order.count.countText) tags; `coauthor rank --graph tags` lists them all.")])]
        : [])
  }

  /// How many tags a topic cluster's line names (the most common first).
  static let clusterTagLimit = 15
  /// How many tags the topic table lists (the most common first).
  static let tagTableLimit = 300
  /// How many other spellings of a folded tag the topic table names.
  static let tagVariantLimit = 5
  /// How many notes of each kind the data-quality section lists.
  public static let notesPerKind = NoteSummary.defaultPerKind

  func dataQuality(_ a: CorpusAnalysis) -> [Block] {
    let c = a.corpus
    let notes = a.notes(perKind: Self.notesPerKind)
    let (shown, kinds) = (notes.shown, notes.counts)
    let summary = Diagnostic.Kind.allCases.compactMap { k in kinds[k].map { "\(k.rawValue): \($0.countText)" } }.joined(separator: ", ")
    var matchRows: [[[Inline]]] = []
    for m in c.fellowMatches.prefix(500) {
      matchRows.append([[.text(m.listed)], [.text(m.author)], [.code(m.rule.rawValue)], [.text(m.paperTitle)], [.text("\(m.source)")]])
    }
    var diagnosticRows: [[[Inline]]] = []
    for d in shown {
      let location = d.file.map { f in d.line.map { "\(f):\($0)" } ?? f } ?? "–"
      diagnosticRows.append([[.code(d.kind.rawValue)], [.text(location)], [.text(d.message)]])
    }
    return [
      .heading(level: 2, text: "Data quality", anchor: "data-quality"),
      .paragraph([
        .text(
          "Everything Coauthor changed, merged or doubted while reading the input, so you can check it. "
            + (c.reads.isEmpty ? "" : "Coauthor \(Self.readSummary(c, entriesWithNotes: notes.entriesWithNotes)) (the layout of each file, as coauthor stats prints it). ")
            + (summary.isEmpty ? "Nothing to report." : "Notes by kind: \(summary).")
            + " To correct a name, add a rule to an alias file (see the README) and pass it with --aliases.")
      ]),
      .heading(level: 3, text: "How fellows were matched to authors", anchor: "fellow-matches"),
      .table(headers: ["Listed as", "Matched author", "Rule", "Paper", "Where"], rows: matchRows, numeric: [false, false, false, false, false]),
      .heading(level: 3, text: "All notes", anchor: "diagnostics"),
      .table(headers: ["Kind", "Where", "What"], rows: diagnosticRows, numeric: [false, false, false]),
    ] + (diagnosticRows.count < notes.count
        ? [.paragraph([.text("Only the first \(Self.notesPerKind.countText) notes of each kind are listed (\(diagnosticRows.count.countText) of \(notes.count.countText)); `coauthor stats --all-notes` prints them all.")])]
        : [])
  }

  func method(_ a: CorpusAnalysis) -> [Block] {
    var items: [[Inline]] = [
      [.strong("Inputs"), .text(": " + context.inputs.joined(separator: ", "))],
      [.strong("Alias file"), .text(": " + (context.aliasFile ?? "none"))],
      [.strong("Reproduce with"), .text(": "), .code(context.command)],
      [.strong("Counting"), .text(": \(a.pipeline.counting.rawValue) (edge weight = \(a.authors.network.edgeWeight.meaning(for: .authors)))")],
      [.strong("Communities"), .text(": \(a.authors.detection.method.name) (\(a.authors.detection.method.algorithm.citation)), resolution \(Self.number(a.authors.detection.method.resolution, digits: 2)), seed \(a.authors.detection.method.seed)\(Self.leidenNote(a.authors.detection))")],
      [.strong("Metrics"), .text(": networkx 3.x conventions (betweenness normalised over unordered pairs; closeness Wasserman–Faust; PageRank α = 0.85 weighted; eigenvector on weights)\(a.pipeline.metricSettings.weighted ? "; path metrics use distance = 1/weight" : "")")],
      [.strong("Pictures"), .text(": Graphviz \(context.engine) layout with a fixed seed, so the same input gives the same picture")],
    ]
    if let line = Self.convergenceText(a.authors) { items.insert([.strong("Convergence"), .text(": " + line)], at: 6) }
    if let line = Self.estimatesText(a) {
      items.insert([.strong("Estimates"), .text(": " + line + " (co-authorship network; values marked ≈)")], at: items.count - 1)
    }
    let terms = termNote(a)
    if !terms.isEmpty { items.insert(terms, at: items.count - 1) }
    for note in context.notes { items.append([.strong("Note"), .text(": " + note)]) }
    items.append([.text("Generated by Coauthor. The same input, options and seed give byte-identical output.")])
    return [.heading(level: 2, text: "Method", anchor: "method"), .bullets(items)]
  }
}
