import Analysis
import GraphAlgorithms
import GraphCore
import Networks

extension ReportBuilder {
  /// How many terms a term cluster's line names (the most central first).
  static let clusterTermLimit = 15
  /// How many terms the term table lists (most occurrences first).
  static let termTableLimit = 100

  /// "Topics from titles and abstracts": the term map (terms graph) and its clusters, when the
  /// papers have titles or abstracts; nothing otherwise (``termNote(_:)`` says why in Method).
  func termSection(_ a: CorpusAnalysis) -> [Block] {
    guard let t = a.terms else { return [] }
    let g = t.network.graph
    var bullets: [[Inline]] = []
    for c in t.communities {
      let shown = c.members.prefix(Self.clusterTermLimit).map { "\(t.network.labels[$0.index]) (\(t.network.paperCounts[$0.index].countText))" }
        .joined(separator: ", ")
      let more = c.members.count > Self.clusterTermLimit ? " and \((c.members.count - Self.clusterTermLimit).countText) more" : ""
      bullets.append([.strong("Cluster \(c.id + 1)"), .text(": " + shown + more)])
    }
    let order = (0 ..< g.nodeCount).sorted {
      t.network.paperCounts[$0] != t.network.paperCounts[$1] ? t.network.paperCounts[$0] > t.network.paperCounts[$1] : t.network.labels[$0] < t.network.labels[$1]
    }
    var rows: [[[Inline]]] = []
    for v in order.prefix(Self.termTableLimit) {
      var partners: [(String, Double)] = []
      for arc in g.adjacencyOffsets[v] ..< g.adjacencyOffsets[v + 1] {
        partners.append((t.network.labels[Int(g.adjacencyTargets[arc])], g.adjacencyWeights[arc]))
      }
      partners.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      rows.append([
        [.text(t.network.labels[v])], [.text(t.network.paperCounts[v].countText)], [.text("\(t.communityOfNode[v] + 1)")],
        [.text(partners.isEmpty ? "–" : partners.prefix(3).map(\.0).joined(separator: ", "))],
      ])
    }
    let summary = a.termSummary.map { " " + $0 } ?? ""
    return [
      .heading(level: 2, text: "Topics from titles and abstracts", anchor: "terms"),
      .paragraph([
        .text(
          "Terms (noun phrases of one to three words) are taken from the papers' titles and abstracts and linked when the same papers hold both, weighted by \(t.network.edgeWeight.meaning(for: .terms)); clusters are communities of that term map "
            + "(\(Self.count(t.communities.count, "cluster")), modularity \(Self.number(t.detection.modularity))).\(summary)")
      ]),
      .figure(key: "terms", caption: "The term map: circle size = papers holding the term; line width = \(t.network.edgeWeight.meaning(for: .terms)); colour = cluster."),
      .bullets(bullets),
      .table(headers: ["Term", "Papers", "Cluster", "Appears most with"], rows: rows, numeric: [false, true, true, false]),
    ]
      + (order.count > Self.termTableLimit
        ? [.paragraph([.text("The table lists the \(Self.termTableLimit.countText) most common of \(order.count.countText) terms; `coauthor rank --graph terms` lists them all.")])]
        : [])
  }

  /// The Method line on terms: how they were chosen, or why there is no term map.
  /// Empty when the pipeline did not ask for terms (a library caller's report).
  func termNote(_ a: CorpusAnalysis) -> [Inline] {
    guard a.terms != nil else {
      guard a.pipeline.graphs.contains(.terms) else { return [] }
      return [.strong("Topics"), .text(": no term map, since the papers have no titles or abstracts with Latin-script words to take terms from")]
    }
    return [.strong("Terms"), .text(": VOSviewer-style text mining (van Eck & Waltman 2011): noun-phrase-like runs of one to three words, counted once per paper, the most relevant kept (\(Self.number(a.termRelevanceShare * 100, digits: 0)) %); community terms ranked by log-likelihood ratio (Dunning 1993)")]
  }
}
