import Foundation
public import Bibliography
public import GraphAlgorithms
import GraphCore
import Networks

/// Builds the report's content from an ``Analysis``: the same blocks feed the Markdown and the
/// HTML writer, so the two always say the same thing.
public struct ReportBuilder: Sendable {
  public var context: ReportContext
  private var anchors = PersonAnchors(names: [])

  public init(context: ReportContext) { self.context = context }

  public func document(for analysis: Analysis) -> ReportDocument {
    var builder = self
    builder.anchors = PersonAnchors(names: analysis.authors.network.labels)
    return builder.build(analysis)
  }

  private func build(_ analysis: Analysis) -> ReportDocument {
    var blocks: [Block] = []
    blocks += summary(analysis)
    blocks += howToRead()
    blocks += central(analysis)
    blocks += fellowSection(analysis)
    blocks += communitySection(analysis)
    blocks += topicSection(analysis)
    blocks += dataQuality(analysis)
    blocks += method(analysis)
    return ReportDocument(title: "Co-authorship report: \(context.title)", blocks: blocks)
  }

  // MARK: Formatting

  static func number(_ value: Double, digits: Int = 3) -> String {
    if value == 0 { return "0" }
    return String(format: "%.\(digits)f", value)
  }

  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
  }

  func person(_ a: NetworkAnalysis, _ v: NodeID) -> [Inline] {
    let name = a.network.labels[v.index]
    let link = Inline.anchorLink(name, anchor: anchors[name])
    return a.network.isFellow[v.index] ? [link, .text(" ★")] : [link]
  }

  // MARK: Sections

  func summary(_ a: Analysis) -> [Block] {
    let c = a.corpus
    let authors = a.authors
    let largest = authors.componentSizes.first ?? 0
    let q = authors.louvain.modularity
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
            + "\(c.fellows.count) of them program fellows (marked ★), covering \(Self.count(c.tags.count, "topic tag")). "
            + "The researchers form \(Self.count(authors.componentSizes.count, "separate group")) of collaborators; the largest has \(largest) people. "
            + "Within the network Coauthor finds \(Self.count(multi, "community", "communities")) of two or more people who mostly work with each other.")
      ]),
      .table(
        headers: ["Measure", "Value"],
        rows: [
          [[.text("Entries read")], [.text("\(c.entryCount)")]],
          [[.text("Papers (duplicates merged)")], [.text("\(c.papers.count)")]],
          [[.text("Researchers")], [.text("\(authors.network.graph.nodeCount)")]],
          [[.text("Program fellows")], [.text("\(c.fellows.count)")]],
          [[.text("Topic tags")], [.text("\(c.tags.count)")]],
          [[.text("Co-author pairs (links)")], [.text("\(authors.network.graph.edgeCount)")]],
          [[.text("Separate groups (connected components)")], [.text("\(authors.componentSizes.count)")]],
          [[.text("Largest group")], [.text("\(largest)")]],
          [[.text("Communities (Louvain)")], [.text("\(authors.communities.count)")]],
          [[.text("Modularity of the communities")], [.text(Self.number(q))]],
          [[.text("Data-quality notes")], [.text("\(c.diagnostics.count)")]],
        ],
        numeric: [false, true]),
    ]
  }

  func howToRead() -> [Block] {
    [
      .heading(level: 2, text: "How to read this report", anchor: "how-to-read"),
      .bullets([
        [.strong("Co-authors"), .text(": how many different people someone has written with.")],
        [.strong("Papers"), .text(": how many papers in the listing name them.")],
        [.strong("Bridging"), .text(" (betweenness): how often someone lies on the shortest chain of co-authors between two others. High bridging means they connect groups that would otherwise be apart.")],
        [.strong("Influence"), .text(" (PageRank): being connected to well-connected people counts for more than many loose ties.")],
        [.strong("Closeness"), .text(": how few steps it takes to reach everyone else in the same group.")],
        [.strong("Communities"), .text(": groups of people who write with each other more than with the rest, found by the Louvain method. Modularity above about 0.3 means the groups are clear.")],
        [.text("In the pictures, bigger circles are more influential, colours are communities, thick outlines are program fellows and thicker lines are more shared papers.")],
      ]),
    ]
  }

  func central(_ a: Analysis) -> [Block] {
    let n = a.authors
    let top = n.ranking(by: .pagerank).prefix(context.topCount)
    let degree = n.scores[.degree]!.values
    let betweenness = n.scores[.betweenness]!.values
    let pagerank = n.scores[.pagerank]!.values
    var rows: [[[Inline]]] = []
    for (i, v) in top.enumerated() {
      rows.append([
        [.text("\(i + 1)")], person(n, v), [.text("\(n.network.paperCounts[v.index])")], [.text("\(Int(degree[v.index]))")],
        [.text(Self.number(betweenness[v.index]))], [.text(Self.number(pagerank[v.index]))],
        [.anchorLink("\(n.communityOfNode[v.index] + 1)", anchor: "community-\(n.communityOfNode[v.index] + 1)")],
      ])
    }
    var leaders: [[Inline]] = []
    let described: [(Metric, String, Int)] = [
      (.degree, "Most co-authors", 0), (.strength, "Most joint papers with others", 0), (.betweenness, "Strongest bridge", 3),
      (.closeness, "Closest to everyone in their group", 3), (.harmonic, "Shortest reach overall (harmonic)", 2),
      (.eigenvector, "Best-connected neighbourhood (eigenvector)", 3), (.pagerank, "Most influential (PageRank)", 3),
    ]
    for (metric, label, digits) in described {
      let ranking = n.ranking(by: metric)
      guard let best = ranking.first else { continue }
      let values = n.scores[metric]!.values
      let value = values[best.index]
      let tied = ranking.prefix { values[$0.index] == value }
      var line: [Inline] = [.strong(label), .text(": ")]
      for (k, v) in tied.prefix(3).enumerated() {
        if k > 0 { line.append(.text(", ")) }
        line += person(n, v)
      }
      if tied.count > 3 { line.append(.text(" and \(tied.count - 3) more")) }
      line.append(.text(" (\(digits == 0 ? String(Int(value)) : Self.number(value, digits: digits)))"))
      leaders.append(line)
    }
    return [
      .heading(level: 2, text: "Who is central", anchor: "central"),
      .figure(key: "authors", caption: "The co-authorship network: one circle per researcher, sized by influence (PageRank), coloured by community; ★ fellows have a thick outline."),
      .paragraph([.text("The \(min(context.topCount, n.network.graph.nodeCount)) most influential researchers:")]),
      .table(
        headers: ["#", "Researcher", "Papers", "Co-authors", "Bridging", "Influence", "Community"], rows: rows,
        numeric: [true, false, true, true, true, true, true]),
      .paragraph([.text("Leaders by each measure:")]),
      .bullets(leaders),
    ]
  }

  func fellowSection(_ a: Analysis) -> [Block] {
    let f = a.fellows
    let g = f.network.graph
    let direct = f.network.edgeKinds.filter { $0 == .coauthorship }.count
    let shared = g.edgeCount - direct
    var rows: [[[Inline]]] = []
    for v in f.ranking(by: .pagerank) {
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
        [.text("\(f.network.paperCounts[v.index])")],
        fellowsWith.isEmpty ? [.text("–")] : fellowsWith, via.isEmpty ? [.text("–")] : via,
      ])
    }
    let isolated = (0 ..< g.nodeCount).filter { g.degree(of: NodeID($0)) == 0 }.count
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
    ]
  }

  func communitySection(_ a: Analysis) -> [Block] {
    let n = a.authors
    var blocks: [Block] = [
      .heading(level: 2, text: "Communities", anchor: "communities"),
      .paragraph([
        .text(
          "Louvain (resolution \(Self.number(a.options.resolution, digits: 2)), seed \(a.options.seed)) splits the co-authorship network into "
            + "\(Self.count(n.communities.count, "community", "communities")) with modularity \(Self.number(n.louvain.modularity)). "
            + "Members are listed most influential first; the topics are the tags most common on the community's papers.")
      ]),
    ]
    for c in n.communities {
      let topics = c.tags.isEmpty ? "no tagged papers" : c.tags.map { "\($0.tag) (\($0.papers))" }.joined(separator: ", ")
      blocks.append(.heading(level: 3, text: "Community \(c.id + 1): \(Self.count(c.members.count, "member")), \(Self.count(c.papers, "paper"))", anchor: "community-\(c.id + 1)"))
      var members: [Inline] = [.strong("Members"), .text(": ")]
      for (k, v) in c.members.enumerated() {
        if k > 0 { members.append(.text(", ")) }
        members += person(n, v)
      }
      blocks.append(.paragraph(members))
      blocks.append(.paragraph([.strong("Topics"), .text(": " + topics)]))
    }
    // Profiles: one line per researcher, the anchor targets of every name link.
    blocks.append(.heading(level: 3, text: "Researchers", anchor: "researchers"))
    let order = (0 ..< n.network.graph.nodeCount).sorted { n.network.labels[$0] < n.network.labels[$1] }
    var rows: [[[Inline]]] = []
    let g = n.network.graph
    for v in order {
      let name = n.network.labels[v]
      let coauthors = g.neighbors(of: NodeID(v)).map { n.network.labels[$0.index] }.sorted()
      let papers = a.corpus.papers.filter { $0.authors.contains(name) }.map(\.title)
      rows.append([
        [.anchor(anchors[name]), .text(name)] + (n.network.isFellow[v] ? [.text(" ★")] : []),
        [.text("\(n.communityOfNode[v] + 1)")],
        [.text(papers.joined(separator: "; "))],
        [.text(coauthors.joined(separator: ", "))],
      ])
    }
    blocks.append(.table(headers: ["Researcher", "Community", "Papers", "Co-authors"], rows: rows, numeric: [false, true, false, false]))
    return blocks
  }

  func topicSection(_ a: Analysis) -> [Block] {
    let t = a.tags
    let g = t.network.graph
    var bullets: [[Inline]] = []
    for c in t.communities {
      bullets.append([.strong("Cluster \(c.id + 1)"), .text(": " + c.tags.map { "\($0.tag) (\($0.papers))" }.joined(separator: ", "))])
    }
    var rows: [[[Inline]]] = []
    let order = (0 ..< g.nodeCount).sorted {
      t.network.paperCounts[$0] != t.network.paperCounts[$1] ? t.network.paperCounts[$0] > t.network.paperCounts[$1] : t.network.labels[$0] < t.network.labels[$1]
    }
    for v in order {
      var partners: [(String, Double)] = []
      for arc in g.adjacencyOffsets[v] ..< g.adjacencyOffsets[v + 1] {
        partners.append((t.network.labels[Int(g.adjacencyTargets[arc])], g.adjacencyWeights[arc]))
      }
      partners.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      rows.append([
        [.text(t.network.labels[v])], [.text("\(t.network.paperCounts[v])")], [.text("\(t.communityOfNode[v] + 1)")],
        [.text(partners.isEmpty ? "–" : partners.prefix(3).map { "\($0.0) (\(Int($0.1)))" }.joined(separator: ", "))],
      ])
    }
    return [
      .heading(level: 2, text: "Topic clusters", anchor: "topics"),
      .paragraph([
        .text(
          "Tags that appear on the same papers are linked; clusters are communities of that tag network "
            + "(\(Self.count(t.communities.count, "cluster")), modularity \(Self.number(t.louvain.modularity))). \(Self.count(a.corpus.papers.filter { $0.tags.isEmpty }.count, "paper")) carry no tag.")
      ]),
      .figure(key: "tags", caption: "Topic tags: circle size = papers with the tag; line width = papers with both tags."),
      .bullets(bullets),
      .table(headers: ["Tag", "Papers", "Cluster", "Appears most with"], rows: rows, numeric: [false, true, true, false]),
    ]
  }

  func dataQuality(_ a: Analysis) -> [Block] {
    let c = a.corpus
    var kinds: [Diagnostic.Kind: Int] = [:]
    for d in c.diagnostics { kinds[d.kind, default: 0] += 1 }
    let summary = Diagnostic.Kind.allCases.compactMap { k in kinds[k].map { "\(k.rawValue): \($0)" } }.joined(separator: ", ")
    var matchRows: [[[Inline]]] = []
    for m in c.fellowMatches {
      matchRows.append([[.text(m.listed)], [.text(m.author)], [.code(m.rule.rawValue)], [.text(m.paperTitle)], [.text("\(m.source)")]])
    }
    var diagnosticRows: [[[Inline]]] = []
    for d in c.diagnostics {
      let location = d.file.map { f in d.line.map { "\(f):\($0)" } ?? f } ?? "–"
      diagnosticRows.append([[.code(d.kind.rawValue)], [.text(location)], [.text(d.message)]])
    }
    return [
      .heading(level: 2, text: "Data quality", anchor: "data-quality"),
      .paragraph([
        .text(
          "Everything Coauthor changed, merged or doubted while reading the input, so you can check it. "
            + (summary.isEmpty ? "Nothing to report." : "Notes by kind: \(summary).")
            + " To correct a name, add a rule to an alias file (see the README) and pass it with --aliases.")
      ]),
      .heading(level: 3, text: "How fellows were matched to authors", anchor: "fellow-matches"),
      .table(headers: ["Listed as", "Matched author", "Rule", "Paper", "Where"], rows: matchRows, numeric: [false, false, false, false, false]),
      .heading(level: 3, text: "All notes", anchor: "diagnostics"),
      .table(headers: ["Kind", "Where", "What"], rows: diagnosticRows, numeric: [false, false, false]),
    ]
  }

  func method(_ a: Analysis) -> [Block] {
    var items: [[Inline]] = [
      [.strong("Inputs"), .text(": " + context.inputs.joined(separator: ", "))],
      [.strong("Alias file"), .text(": " + (context.aliasFile ?? "none"))],
      [.strong("Reproduce with"), .text(": "), .code(context.command)],
      [.strong("Counting"), .text(": \(a.options.counting.rawValue) (edge weight = shared papers)")],
      [.strong("Communities"), .text(": Louvain (Blondel et al. 2008), resolution \(Self.number(a.options.resolution, digits: 2)), seed \(a.options.seed)")],
      [.strong("Metrics"), .text(": networkx 3.x conventions (betweenness normalised over unordered pairs; closeness Wasserman–Faust; PageRank α = 0.85 weighted; eigenvector on weights)\(a.options.weighted ? "; path metrics use distance = 1/weight" : "")")],
      [.strong("Pictures"), .text(": Graphviz \(context.engine) layout with a fixed seed, so the same input gives the same picture")],
    ]
    items.append([.text("Generated by Coauthor. The same input, options and seed give byte-identical output.")])
    return [.heading(level: 2, text: "Method", anchor: "method"), .bullets(items)]
  }
}
