public import Bibliography
public import GraphAlgorithms
import GraphCore
public import Networks

/// What changed between two snapshots of a corpus (``Snapshots``), each analysed by the same
/// ``Pipeline``: papers, people, fellows and tags (over every paper of each snapshot), and for
/// the chosen network its ties, rank movers and communities (over what the pipeline kept).
///
/// Definitions (all lists in a stable order, never dictionary order):
/// - **Papers** are matched by id where both have one, else by normalised title
///   (``NameNormalizer/titleKey(_:)``: case, punctuation, accents, whitespace; LaTeX is decoded
///   by the readers) and year; a matched pair whose authors (or their order), fellows or tags
///   differ is *changed*, with what changed. Unmatched papers are *added* (NEW) or *removed* (OLD).
/// - **People / fellows** are names (resolved over both snapshots together) on some paper of
///   one snapshot and none of the other.
/// - **Ties** are edges of the network, keyed by their two node names; a new tie lists the NEW
///   papers carrying it (its two ends both on the paper), a lost tie the OLD ones.
/// - **Rank** is competition rank by the metric (1 + nodes with a strictly higher score, so tied
///   nodes share a rank). Movers are the nodes in both networks whose rank changed; a node in
///   one network only has no rank on the other side and is listed as new or gone, not as a mover.
/// - **Communities** of the two networks are compared by the Jaccard index of their member
///   names; pairs at or above ``communityThreshold`` (default 0.3) are linked. A NEW community
///   linked to none is *born*, an OLD one linked to none *vanished*; a NEW community linked to
///   two or more OLD ones *merged* from them, an OLD one linked to two or more NEW ones *split*;
///   a one-to-one pair *grew*, *shrank* or kept its size (*stable*, not listed).
/// - **Tags**: *new* / *gone* as people; of tags on both sides, *rising* when the NEW share of
///   papers is at least ``risingRatio`` (1.25) times the OLD share and the tag is on at least
///   ``minTagPapers`` (3) NEW papers, *falling* when the NEW share is at most 1/``risingRatio``
///   of the OLD share and the tag was on at least ``minTagPapers`` OLD papers.
public struct SnapshotDiff: Sendable {
  public static let defaultCommunityThreshold = 0.3
  public static let defaultRisingRatio = 1.25
  public static let defaultMinTagPapers = 3

  /// A paper as the diff names it.
  public struct PaperRef: Sendable, Equatable {
    public var title: String
    public var date: PaperDate?
    public var authors: [String]
    public var source: SourceLocation
    init(_ paper: Paper) {
      title = paper.title
      date = paper.date
      authors = paper.authors
      source = paper.source
    }
  }

  /// A paper in both snapshots whose lists differ.
  public struct PaperChange: Sendable, Equatable {
    public enum Rule: String, Sendable { case id, title = "title and year" }
    public var old: PaperRef
    public var new: PaperRef
    public var matchedBy: Rule
    public var authorsAdded: [String]
    public var authorsRemoved: [String]
    /// The same authors in another order.
    public var authorOrderChanged: Bool
    public var fellowsAdded: [String]
    public var fellowsRemoved: [String]
    public var tagsAdded: [String]
    public var tagsRemoved: [String]

    /// One phrase per change: `authors added: X, Y`, `author order`, `tags removed: T`.
    public var summary: [String] {
      var out: [String] = []
      if !authorsAdded.isEmpty { out.append("authors added: " + authorsAdded.joined(separator: ", ")) }
      if !authorsRemoved.isEmpty { out.append("authors removed: " + authorsRemoved.joined(separator: ", ")) }
      if authorOrderChanged { out.append("author order changed") }
      if !fellowsAdded.isEmpty { out.append("fellows added: " + fellowsAdded.joined(separator: ", ")) }
      if !fellowsRemoved.isEmpty { out.append("fellows removed: " + fellowsRemoved.joined(separator: ", ")) }
      if !tagsAdded.isEmpty { out.append("tags added: " + tagsAdded.joined(separator: ", ")) }
      if !tagsRemoved.isEmpty { out.append("tags removed: " + tagsRemoved.joined(separator: ", ")) }
      return out
    }
  }

  /// A new or lost tie and the papers that carry it on its side.
  public struct Tie: Sendable, Equatable {
    public var a: String
    public var b: String
    /// The edge weight on its side.
    public var weight: Double
    public var papers: [PaperRef]
    /// For a fellows-graph tie through shared collaborators: who they are.
    public var via: [String]
  }

  /// A node whose rank changed.
  public struct Mover: Sendable, Equatable {
    public var name: String
    public var oldRank: Int
    public var newRank: Int
    public var oldScore: Double
    public var newScore: Double
    /// Places gained (negative: lost).
    public var change: Int { oldRank - newRank }
  }

  /// A community of one snapshot as the diff lists it.
  public struct CommunityRef: Sendable, Equatable {
    /// 1-based number in its snapshot (communities ordered by size, as everywhere).
    public var number: Int
    /// Member names, most central first.
    public var members: [String]
    /// Tags characterising it (at most 3), most frequent first.
    public var tags: [String]
    public var size: Int { members.count }
  }

  public struct CommunityChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case born, vanished, merged, split, grown, shrunk }
    public var kind: Kind
    public var old: [CommunityRef]
    public var new: [CommunityRef]
    /// Jaccard index of each linked pair, in the order of `old` × `new` pairs listed (one value
    /// for grown/shrunk, one per old community for merged, one per new community for split).
    public var jaccard: [Double]
  }

  /// A tag on one or both sides.
  public struct TagChange: Sendable, Equatable {
    public var tag: String
    public var oldPapers: Int
    public var newPapers: Int
    public var oldShare: Double
    public var newShare: Double
  }

  public var graph: Network.Kind
  public var metric: Metric
  public var oldFiles: [String]
  public var newFiles: [String]
  /// The latest paper date of OLD (the picture's "new since").
  public var oldLatest: PaperDate?
  public var oldPaperCount: Int
  public var newPaperCount: Int
  public var papersAdded: [PaperRef]
  public var papersRemoved: [PaperRef]
  public var papersChanged: [PaperChange]
  public var peopleNew: [String]
  public var peopleGone: [String]
  public var fellowsNew: [String]
  public var fellowsGone: [String]
  public var oldNodeCount: Int
  public var newNodeCount: Int
  public var oldEdgeCount: Int
  public var newEdgeCount: Int
  /// Nodes of the NEW network not in the OLD one, by NEW rank.
  public var nodesNew: [String]
  /// Nodes of the OLD network not in the NEW one, by OLD rank.
  public var nodesGone: [String]
  public var tiesNew: [Tie]
  public var tiesLost: [Tie]
  public var risers: [Mover]
  public var fallers: [Mover]
  public var communityThreshold: Double
  public var communityChanges: [CommunityChange]
  public var tagsNew: [TagChange]
  public var tagsGone: [TagChange]
  public var tagsRising: [TagChange]
  public var tagsFalling: [TagChange]

  /// No paper added, removed or changed: the snapshots hold the same papers.
  public var isUnchanged: Bool { papersAdded.isEmpty && papersRemoved.isEmpty && papersChanged.isEmpty }

  /// Compares two analyses of ``Snapshots`` made by the same pipeline.
  /// - Parameters:
  ///   - old, new: the pipeline's results on `snapshots.old` and `snapshots.new`.
  ///   - metric: the movers' metric (computed by the pipeline).
  /// - Throws: ``SnapshotError`` (`nothingInCommon`) when no paper matched and no person is in
  ///   both; ``AnalysisError`` when the network or metric is missing.
  public init(
    old: AnalysisResult, new: AnalysisResult, snapshots: Snapshots, graph: Network.Kind, metric: Metric,
    communityThreshold: Double = SnapshotDiff.defaultCommunityThreshold
  ) throws {
    self.graph = graph
    self.metric = metric
    self.communityThreshold = communityThreshold
    oldFiles = snapshots.oldFiles
    newFiles = snapshots.newFiles
    let o = snapshots.old
    let n = snapshots.new
    oldLatest = o.papers.compactMap(\.date).max()
    oldPaperCount = o.papers.count
    newPaperCount = n.papers.count
    // The papers' side (papers, people, fellows, tags) and the network's side read nothing the
    // other writes: one runs beside the other, each exactly as alone; the papers' side's error
    // (nothing in common) is the one thrown when both throw.
    let files = oldFiles + newFiles
    let (papers, network) = try concurrently(
      { try Self.paperSide(old: o, new: n, files: files) },
      { try Self.networkSide(old: old, new: new, graph: graph, metric: metric, communityThreshold: communityThreshold) })
    papersChanged = papers.changed
    papersAdded = papers.added
    papersRemoved = papers.removed
    peopleNew = papers.peopleNew
    peopleGone = papers.peopleGone
    fellowsNew = papers.fellowsNew
    fellowsGone = papers.fellowsGone
    tagsNew = papers.tagsNew
    tagsGone = papers.tagsGone
    tagsRising = papers.tagsRising
    tagsFalling = papers.tagsFalling
    oldNodeCount = network.oldNodeCount
    newNodeCount = network.newNodeCount
    oldEdgeCount = network.oldEdgeCount
    newEdgeCount = network.newEdgeCount
    nodesNew = network.nodesNew
    nodesGone = network.nodesGone
    tiesNew = network.tiesNew
    tiesLost = network.tiesLost
    risers = network.risers
    fallers = network.fallers
    communityChanges = network.communityChanges
  }

  /// What ``init(old:new:snapshots:graph:metric:communityThreshold:)`` finds in the papers.
  struct PaperSide {
    var changed: [PaperChange] = []
    var added: [PaperRef] = []
    var removed: [PaperRef] = []
    var peopleNew: [String] = []
    var peopleGone: [String] = []
    var fellowsNew: [String] = []
    var fellowsGone: [String] = []
    var tagsNew: [TagChange] = []
    var tagsGone: [TagChange] = []
    var tagsRising: [TagChange] = []
    var tagsFalling: [TagChange] = []
  }

  static func paperSide(old o: Corpus, new n: Corpus, files: [String]) throws -> PaperSide {
    var out = PaperSide()
    // Papers.
    let matching = Self.matchPapers(old: o.papers, new: n.papers)
    for (i, j, rule) in matching.pairs {
      if let change = Self.change(o.papers[i], n.papers[j], rule: rule) { out.changed.append(change) }
    }
    out.added = n.papers.indices.filter { !matching.newMatched[$0] }.map { PaperRef(n.papers[$0]) }
    out.removed = o.papers.indices.filter { !matching.oldMatched[$0] }.map { PaperRef(o.papers[$0]) }

    // People, fellows.
    let oldAuthors = Self.counts(o.papers, \.authors)
    let newAuthors = Self.counts(n.papers, \.authors)
    out.peopleNew = Self.onlyIn(newAuthors, not: oldAuthors)
    out.peopleGone = Self.onlyIn(oldAuthors, not: newAuthors)
    let oldFellows = Self.counts(o.papers, \.fellows)
    let newFellows = Self.counts(n.papers, \.fellows)
    out.fellowsNew = Self.onlyIn(newFellows, not: oldFellows)
    out.fellowsGone = Self.onlyIn(oldFellows, not: newFellows)
    if matching.pairs.isEmpty && !oldAuthors.keys.contains(where: { newAuthors[$0] != nil }) {
      throw SnapshotError(.nothingInCommon, files: files)
    }

    // Tags.
    let oldTags = Self.counts(o.papers, \.tags)
    let newTags = Self.counts(n.papers, \.tags)
    func tagChange(_ tag: String) -> TagChange {
      let a = oldTags[tag]?.count ?? 0
      let b = newTags[tag]?.count ?? 0
      return TagChange(
        tag: tag, oldPapers: a, newPapers: b, oldShare: Double(a) / Double(max(1, o.papers.count)),
        newShare: Double(b) / Double(max(1, n.papers.count)))
    }
    out.tagsNew = Self.onlyIn(newTags, not: oldTags).map(tagChange)
    out.tagsGone = Self.onlyIn(oldTags, not: newTags).map(tagChange)
    let both = newTags.keys.filter { oldTags[$0] != nil }.map(tagChange)
    let ratio = Self.defaultRisingRatio
    let minimum = Self.defaultMinTagPapers
    out.tagsRising = both.filter { $0.newPapers >= minimum && $0.newShare >= ratio * $0.oldShare }
      .sorted { Self.byShareChange($0, $1, rising: true) }
    out.tagsFalling = both.filter { $0.oldPapers >= minimum && $0.newShare * ratio <= $0.oldShare }
      .sorted { Self.byShareChange($0, $1, rising: false) }
    return out
  }

  /// What ``init(old:new:snapshots:graph:metric:communityThreshold:)`` finds in the networks.
  struct NetworkSide {
    var oldNodeCount = 0
    var newNodeCount = 0
    var oldEdgeCount = 0
    var newEdgeCount = 0
    var nodesNew: [String] = []
    var nodesGone: [String] = []
    var tiesNew: [Tie] = []
    var tiesLost: [Tie] = []
    var risers: [Mover] = []
    var fallers: [Mover] = []
    var communityChanges: [CommunityChange] = []
  }

  static func networkSide(
    old: AnalysisResult, new: AnalysisResult, graph: Network.Kind, metric: Metric, communityThreshold: Double
  ) throws -> NetworkSide {
    var out = NetworkSide()
    let before = try old.network(graph)
    let after = try new.network(graph)
    guard let oldScores = before.metric(metric)?.values, let newScores = after.metric(metric)?.values else {
      throw AnalysisError.metricNotComputed(metric)
    }
    let oldNet = before.network
    let newNet = after.network
    out.oldNodeCount = oldNet.graph.nodeCount
    out.newNodeCount = newNet.graph.nodeCount
    out.oldEdgeCount = oldNet.graph.edgeCount
    out.newEdgeCount = newNet.graph.edgeCount
    let oldIndex = Self.index(oldNet.labels)
    let newIndex = Self.index(newNet.labels)
    let oldRank = Self.competitionRanks(oldScores)
    let newRank = Self.competitionRanks(newScores)
    let newOrder = NetworkAnalysis.ranking(newScores, labels: newNet.labels)
    let oldOrder = NetworkAnalysis.ranking(oldScores, labels: oldNet.labels)
    out.nodesNew = newOrder.map { newNet.labels[$0.index] }.filter { oldIndex[$0] == nil }
    out.nodesGone = oldOrder.map { oldNet.labels[$0.index] }.filter { newIndex[$0] == nil }
    // Each node's index on the other side, looked up once (not twice per edge).
    let newToOld = newNet.labels.map { oldIndex[$0] ?? -1 }
    let oldToNew = oldNet.labels.map { newIndex[$0] ?? -1 }
    out.tiesNew = Self.ties(of: newNet, notIn: oldNet, other: newToOld, index: newIndex, corpus: new.corpus)
    out.tiesLost = Self.ties(of: oldNet, notIn: newNet, other: oldToNew, index: oldIndex, corpus: old.corpus)
    var movers: [Mover] = []
    for v in newOrder {
      let name = newNet.labels[v.index]
      guard let u = oldIndex[name], oldRank[u] != newRank[v.index] else { continue }
      movers.append(Mover(name: name, oldRank: oldRank[u], newRank: newRank[v.index], oldScore: oldScores[u], newScore: newScores[v.index]))
    }
    // Stable sorts on NEW-rank order: ties in change keep NEW rank, then name order.
    out.risers = movers.filter { $0.change > 0 }.stableSorted { $0.change > $1.change }
    out.fallers = movers.filter { $0.change < 0 }.stableSorted { $0.change < $1.change }
    if let a = before.communities, let b = after.communities {
      out.communityChanges = Self.communityChanges(old: a, oldNetwork: oldNet, new: b, newNetwork: newNet, threshold: communityThreshold)
    }
    return out
  }

  // MARK: Papers

  static func matchPapers(old: [Paper], new: [Paper]) -> (pairs: [(Int, Int, PaperChange.Rule)], oldMatched: [Bool], newMatched: [Bool]) {
    var oldMatched = [Bool](repeating: false, count: old.count)
    var newMatched = [Bool](repeating: false, count: new.count)
    var pairs: [(Int, Int, PaperChange.Rule)] = []
    var byID: [String: [Int]] = [:]
    for (i, p) in old.enumerated() {
      if let id = p.id { byID[id, default: []].append(i) }
    }
    for (j, p) in new.enumerated() {
      guard let id = p.id, let candidates = byID[id], let i = candidates.first(where: { !oldMatched[$0] }) else { continue }
      oldMatched[i] = true
      newMatched[j] = true
      pairs.append((i, j, .id))
    }
    // Titles only for what ids did not match (normalising 100k titles costs seconds).
    func titleKey(_ p: Paper) -> String { NameNormalizer.titleKey(p.title) + "\u{0}" + (p.date.map { "\($0.year)" } ?? "") }
    var byTitle: [String: [Int]] = [:]
    for (i, p) in old.enumerated() where !oldMatched[i] { byTitle[titleKey(p), default: []].append(i) }
    for (j, p) in new.enumerated() where !newMatched[j] && !byTitle.isEmpty {
      guard let candidates = byTitle[titleKey(p)],
        let i = candidates.first(where: { !oldMatched[$0] && !(old[$0].id != nil && p.id != nil) })
      else { continue }
      oldMatched[i] = true
      newMatched[j] = true
      pairs.append((i, j, .title))
    }
    pairs.sort { $0.1 < $1.1 }
    return (pairs, oldMatched, newMatched)
  }

  static func change(_ a: Paper, _ b: Paper, rule: PaperChange.Rule) -> PaperChange? {
    // Most matched papers are unchanged: decided without building sets.
    if a.authors == b.authors && a.fellows == b.fellows && (a.tags == b.tags || Set(a.tags) == Set(b.tags)) { return nil }
    func minus(_ x: [String], _ y: [String]) -> [String] {
      let set = Set(y)
      return x.filter { !set.contains($0) }
    }
    let change = PaperChange(
      old: PaperRef(a), new: PaperRef(b), matchedBy: rule, authorsAdded: minus(b.authors, a.authors),
      authorsRemoved: minus(a.authors, b.authors),
      authorOrderChanged: a.authors != b.authors && Set(a.authors) == Set(b.authors) && a.authors.count == b.authors.count,
      fellowsAdded: minus(b.fellows, a.fellows), fellowsRemoved: minus(a.fellows, b.fellows),
      tagsAdded: minus(b.tags, a.tags), tagsRemoved: minus(a.tags, b.tags))
    return change.summary.isEmpty ? nil : change
  }

  // MARK: Names

  /// Each name's papers (count) and first appearance, over `list` of the papers.
  /// (Each paper's list is read in place: applying a key path to a `Paper` copied the whole paper,
  /// a dozen references, for each of 175k papers.)
  static func counts(_ papers: [Paper], _ list: KeyPath<Paper, [String]>) -> [String: (count: Int, first: Int)] {
    var out: [String: (count: Int, first: Int)] = [:]
    func add(_ names: [String]) {
      for name in names {
        if let i = out.index(forKey: name) { out.values[i].count += 1 } else { out[name] = (1, out.count) }
      }
    }
    let field = list == \Paper.authors ? 0 : list == \Paper.fellows ? 1 : list == \Paper.tags ? 2 : 3
    for p in papers.indices {
      switch field {
      case 0: add(papers[p].authors)
      case 1: add(papers[p].fellows)
      case 2: add(papers[p].tags)
      default: add(papers[p][keyPath: list])
      }
    }
    return out
  }

  /// Names in `a` and not in `b`, most papers first, then by first appearance.
  static func onlyIn(_ a: [String: (count: Int, first: Int)], not b: [String: (count: Int, first: Int)]) -> [String] {
    a.filter { b[$0.key] == nil }
      .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first }
      .map(\.key)
  }

  static func byShareChange(_ x: TagChange, _ y: TagChange, rising: Bool) -> Bool {
    let dx = x.newShare - x.oldShare
    let dy = y.newShare - y.oldShare
    if dx != dy { return rising ? dx > dy : dx < dy }
    return x.tag.utf8.lexicographicallyPrecedes(y.tag.utf8)
  }

  static func index(_ labels: [String]) -> [String: Int] {
    var out: [String: Int] = [:]
    out.reserveCapacity(labels.count)
    for (i, label) in labels.enumerated() where out[label] == nil { out[label] = i }
    return out
  }

  /// Scores closer than this, relative to the larger, share a rank: an iterative metric's last
  /// bits depend on node order (which follows paper order), so exactly equal nodes can differ by
  /// an ulp; the converged error bound (1e-10 in L1 by default) is far above that and far below
  /// the gaps between distinct PageRank values of a listing.
  static let rankTieTolerance = 1e-9

  /// Competition ranks (1 + the number of nodes with a clearly higher score; NaN lowest): in
  /// descending order, a node shares the rank of the group it joins when its score is within
  /// ``rankTieTolerance`` (relative) of the group's highest score, so ulp noise never splits a tie
  /// and ties do not chain.
  static func competitionRanks(_ values: [Double]) -> [Int] {
    let clean = values.map { $0.isNaN ? -Double.infinity : $0 }
    let order = clean.indices.sorted { clean[$0] != clean[$1] ? clean[$0] > clean[$1] : $0 < $1 }
    var ranks = [Int](repeating: 0, count: values.count)
    var groupTop = -Double.infinity
    var groupRank = 0
    for (position, v) in order.enumerated() {
      let x = clean[v]
      let tied = position > 0 && (x == groupTop || (x.isFinite && groupTop.isFinite
        && groupTop - x <= rankTieTolerance * max(abs(groupTop), abs(x))))
      if !tied {
        groupTop = x
        groupRank = position + 1
      }
      ranks[v] = groupRank
    }
    return ranks
  }

  // MARK: Ties

  /// Edges of `network` whose end names are not an edge of `other`, heaviest first, then by
  /// names; each with the papers of `corpus` listing both ends.
  /// - Parameters:
  ///   - other: for each node of `network`, its index in `other` (−1: not there).
  ///   - index: the node of `network` of each label.
  static func ties(of network: Network, notIn other: Network, other otherIndex: [Int], index: [String: Int], corpus: Corpus) -> [Tie] {
    let g = network.graph
    var found: [(edge: Int, a: String, b: String)] = []
    var involved = [Bool](repeating: false, count: g.nodeCount)
    for e in 0 ..< g.edgeCount {
      let s = Int(g.edgeSources[e])
      let t = Int(g.edgeTargets[e])
      let u = otherIndex[s]
      let v = otherIndex[t]
      if u >= 0, v >= 0, other.graph.weight(between: NodeID(u), and: NodeID(v)) != nil { continue }
      let a = network.labels[s]
      let b = network.labels[t]
      let (x, y) = a.utf8.lexicographicallyPrecedes(b.utf8) ? (a, b) : (b, a)
      found.append((e, x, y))
      involved[s] = true
      involved[t] = true
    }
    guard !found.isEmpty else { return [] }
    // The papers of each node that ends a found tie, in corpus order.
    var papersOf = [[Int32]](repeating: [], count: g.nodeCount)
    for p in corpus.papers.indices {
      let names = network.kind == .tags ? corpus.papers[p].tags : network.kind == .fellows ? corpus.papers[p].fellows : corpus.papers[p].authors
      for name in names {
        if let v = index[name], involved[v] { papersOf[v].append(Int32(p)) }
      }
    }
    var refs: [Int32: PaperRef] = [:]
    var ties = found.map { item -> Tie in
      let left = papersOf[Int(g.edgeSources[item.edge])]
      let right = papersOf[Int(g.edgeTargets[item.edge])]
      var shared: [PaperRef] = []
      var i = 0
      var j = 0
      while i < left.count, j < right.count {
        if left[i] == right[j] {
          let p = left[i]
          if let ref = refs[p] {
            shared.append(ref)
          } else {
            let ref = PaperRef(corpus.papers[Int(p)])
            refs[p] = ref
            shared.append(ref)
          }
          i += 1
          j += 1
        } else if left[i] < right[j] {
          i += 1
        } else {
          j += 1
        }
      }
      return Tie(a: item.a, b: item.b, weight: g.edgeWeights[item.edge], papers: shared, via: network.edgeVia[item.edge])
    }
    ties.sort { x, y in
      if x.weight != y.weight { return x.weight > y.weight }
      if x.a != y.a { return x.a.utf8.lexicographicallyPrecedes(y.a.utf8) }
      return x.b.utf8.lexicographicallyPrecedes(y.b.utf8)
    }
    return ties
  }

  // MARK: Communities

  static func communityChanges(
    old: CommunityStructure, oldNetwork: Network, new: CommunityStructure, newNetwork: Network, threshold: Double
  ) -> [CommunityChange] {
    func ref(_ c: Community, _ network: Network) -> CommunityRef {
      CommunityRef(number: c.id + 1, members: c.members.map { network.labels[$0.index] }, tags: c.tags.map(\.tag))
    }
    let oldRefs = old.list.map { ref($0, oldNetwork) }
    let newRefs = new.list.map { ref($0, newNetwork) }
    // Shared members per (old, new) community pair: one pass over NEW's nodes.
    let oldIndex = index(oldNetwork.labels)
    var shared: [Int: [Int: Int]] = [:]  // old community → new community → shared members
    for (v, label) in newNetwork.labels.enumerated() {
      guard let u = oldIndex[label] else { continue }
      shared[old.communityOfNode[u], default: [:]][new.communityOfNode[v], default: 0] += 1
    }
    var links: [(old: Int, new: Int, jaccard: Double)] = []
    for i in oldRefs.indices {
      guard let row = shared[i] else { continue }
      for j in row.keys.sorted() {
        let common = Double(row[j]!)
        let jaccard = common / (Double(oldRefs[i].size + newRefs[j].size) - common)
        if jaccard >= threshold { links.append((i, j, jaccard)) }
      }
    }
    var oldLinks = [[Int]](repeating: [], count: oldRefs.count)
    var newLinks = [[Int]](repeating: [], count: newRefs.count)
    for (k, link) in links.enumerated() {
      oldLinks[link.old].append(k)
      newLinks[link.new].append(k)
    }
    var changes: [CommunityChange] = []
    for j in newRefs.indices where newLinks[j].count >= 2 {
      let ks = newLinks[j]
      changes.append(CommunityChange(kind: .merged, old: ks.map { oldRefs[links[$0].old] }, new: [newRefs[j]], jaccard: ks.map { links[$0].jaccard }))
    }
    for i in oldRefs.indices where oldLinks[i].count >= 2 {
      let ks = oldLinks[i].sorted { links[$0].new < links[$1].new }
      changes.append(CommunityChange(kind: .split, old: [oldRefs[i]], new: ks.map { newRefs[links[$0].new] }, jaccard: ks.map { links[$0].jaccard }))
    }
    for link in links where oldLinks[link.old].count == 1 && newLinks[link.new].count == 1 {
      let a = oldRefs[link.old]
      let b = newRefs[link.new]
      guard a.size != b.size else { continue }
      changes.append(CommunityChange(kind: b.size > a.size ? .grown : .shrunk, old: [a], new: [b], jaccard: [link.jaccard]))
    }
    for j in newRefs.indices where newLinks[j].isEmpty {
      changes.append(CommunityChange(kind: .born, old: [], new: [newRefs[j]], jaccard: []))
    }
    for i in oldRefs.indices where oldLinks[i].isEmpty {
      changes.append(CommunityChange(kind: .vanished, old: [oldRefs[i]], new: [], jaccard: []))
    }
    // Kind order, then by the first NEW (else OLD) community number.
    let kinds = CommunityChange.Kind.allCases
    return changes.enumerated().sorted { x, y in
      let kx = kinds.firstIndex(of: x.element.kind)!
      let ky = kinds.firstIndex(of: y.element.kind)!
      if kx != ky { return kx < ky }
      let nx = x.element.new.first?.number ?? x.element.old.first?.number ?? 0
      let ny = y.element.new.first?.number ?? y.element.old.first?.number ?? 0
      return nx != ny ? nx < ny : x.offset < y.offset
    }.map(\.element)
  }
}

extension Array {
  /// Sorted by `areInIncreasingOrder`, equal elements keeping their order.
  func stableSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
    enumerated().sorted { x, y in
      if areInIncreasingOrder(x.element, y.element) { return true }
      if areInIncreasingOrder(y.element, x.element) { return false }
      return x.offset < y.offset
    }.map(\.element)
  }
}
