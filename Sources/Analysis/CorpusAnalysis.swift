public import Bibliography
public import GraphAlgorithms
public import GraphCore
public import Networks
import TermExtraction

/// A tag and how many papers of a group carry it.
public struct TagCount: Sendable, Equatable, Codable {
  public var tag: String
  public var papers: Int
}

/// One community of a network, with what characterises it.
public struct Community: Sendable, Equatable {
  /// Community number (communities ordered by size, then by smallest member), from 0.
  public var id: Int
  /// Members, most central first (PageRank, ties by name).
  public var members: [NodeID]
  /// Papers written by members of this community (authors and fellows graphs), or carrying one
  /// of its tags (tags graph).
  public var papers: Int
  /// Tags that characterise the community's papers, most frequent first (at most 3), or for the
  /// tag graph the community's own tags.
  public var tags: [TagCount]
  /// Terms of titles and abstracts that characterise the community's papers (authors and
  /// fellows graphs, when asked for: ``Pipeline/labelsCommunitiesWithTerms``), by log-likelihood
  /// ratio (``CharacteristicTerms``), at most 3; for the terms graph its top terms. `papers` is
  /// the community's papers holding the term. Each term is held by at least 2 of the
  /// community's papers, except for a community of one paper (``termsFromOnePaper``).
  public var terms: [TagCount] = []
  /// Whether ``terms`` are the most specific terms of the community's only paper (by relevance),
  /// not a log-likelihood ranking over several papers.
  public var termsFromOnePaper = false
}

/// The communities of one network: what the method found, in the order outputs show them.
public struct CommunityStructure: Sendable {
  /// The method's own result (partition numbered canonically, quality, modularity, iterations).
  public var detection: CommunityResult
  /// Communities ordered by size (largest first), ties by smallest member.
  public var list: [Community]
  /// `communityOfNode[v]` is the index into ``list`` of node `v`'s community.
  public var communityOfNode: [Int]

  /// The partition renumbered in ``list`` order, for colouring.
  public var partition: Partition { Partition(labels: communityOfNode) }

  /// Orders `detection`'s communities by size, members by `pagerank` (ties by name), and finds
  /// the tags that characterise each in `corpus` (the corpus `network` was built from: its
  /// papers are read through ``Network/paperNodes``).
  public init(detection: CommunityResult, network: Network, pagerank: [Double], corpus: Corpus) {
    self.init(detection: detection, network: network, pagerank: pagerank)
    setTags(tags(network: network, corpus: corpus, papers: paperCommunities(of: network, corpus: corpus)))
  }

  /// Orders `detection`'s communities by size, members by `pagerank` (ties by name); papers and
  /// tags are not counted yet (``tags(network:corpus:papers:)``, ``setTags(_:)``), except the
  /// terms network's top terms.
  init(detection: CommunityResult, network: Network, pagerank: [Double]) {
    self.detection = detection
    let graph = network.graph
    // Order communities by size, then smallest member (canonical numbering is by smallest member).
    let groups = detection.partition.communities
    let order = groups.indices.sorted { groups[$0].count != groups[$1].count ? groups[$0].count > groups[$1].count : $0 < $1 }
    var communityOfNode = [Int](repeating: 0, count: graph.nodeCount)
    var communities: [Community] = []
    for (rank, g) in order.enumerated() {
      for v in groups[g] { communityOfNode[v.index] = rank }
      let members = groups[g].sorted { a, b in
        pagerank[a.index] != pagerank[b.index] ? pagerank[a.index] > pagerank[b.index] : network.labels[a.index] < network.labels[b.index]
      }
      communities.append(Community(id: rank, members: members, papers: 0, tags: []))
    }
    if network.kind == .terms {
      // A term community is labelled by its own top terms (most central first); papers are not counted.
      for c in communities.indices {
        communities[c].terms = communities[c].members.prefix(3).map { TagCount(tag: network.labels[$0.index], papers: network.paperCounts[$0.index]) }
      }
    }
    self.list = communities
    self.communityOfNode = communityOfNode
  }

  /// The communities (indices into ``list``) of each paper of `corpus`: those of its nodes
  /// (``Network/paperNodes``), each once, in the order of the paper's nodes; `nil` for the terms
  /// network (its papers are not counted) and for a network not built from papers, which then
  /// must come with no papers (an edge list, a Spark backbone).
  func paperCommunities(of network: Network, corpus: Corpus) -> PaperNodes? {
    guard network.kind != .terms else { return nil }
    guard let paperNodes = network.paperNodes else {
      precondition(corpus.papers.isEmpty, "a network with papers has its paper nodes")
      return nil
    }
    precondition(paperNodes.paperCount == corpus.papers.count, "paper nodes of another corpus")
    var starts: [Int32] = [0]
    starts.reserveCapacity(paperNodes.paperCount + 1)
    var groups: [Int32] = []
    groups.reserveCapacity(paperNodes.paperCount)
    paperNodes.starts.withUnsafeBufferPointer { offsets in
      paperNodes.nodes.withUnsafeBufferPointer { nodes in
        communityOfNode.withUnsafeBufferPointer { community in
          for p in 0 ..< offsets.count - 1 {
            let first = groups.count
            for s in Int(offsets[p]) ..< Int(offsets[p + 1]) {
              let c = Int32(community[Int(nodes[s])])
              var seen = false
              for k in first ..< groups.count where groups[k] == c { seen = true; break }
              if !seen { groups.append(c) }
            }
            starts.append(Int32(groups.count))
          }
        }
      }
    }
    return PaperNodes(starts: starts, nodes: groups)
  }

  /// The papers and tags of each community: for the tags network, papers carrying one of its tags
  /// and its own tags; for the authors and fellows networks, papers written by its members and
  /// the (at most 3) tags most of those papers carry, ties by first appearance in `corpus`.
  /// `papers`: ``paperCommunities(of:corpus:)``; `nil`: nothing counted.
  func tags(network: Network, corpus: Corpus, papers: PaperNodes?) -> (papers: [Int], tags: [[TagCount]])? {
    guard let papers else { return nil }
    let count = list.count
    var paperCount = [Int](repeating: 0, count: count)
    for g in papers.nodes { paperCount[Int(g)] += 1 }
    if network.kind == .tags {
      return (paperCount, list.map { c in c.members.map { TagCount(tag: network.labels[$0.index], papers: network.paperCounts[$0.index]) } })
    }
    // Tags numbered in order of first appearance in the corpus (every paper's, touched or not),
    // and each community's tag slots (one per tag of each of its papers) laid out community by
    // community; then each community's tags counted in a dense array.
    var tagID: [String: Int32] = [:]
    var tagNames: [String] = []
    var paperTags: [Int32] = []
    var tagStarts: [Int32] = [0]
    tagStarts.reserveCapacity(corpus.papers.count + 1)
    var slotsOf = [Int](repeating: 0, count: count + 1)
    for p in corpus.papers.indices {
      // Only the tags are read (a whole `Paper` copied retains its ten fields).
      let tags = corpus.papers[p].tags
      for t in tags {
        let next = Int32(tagNames.count)
        let id = tagID[t, default: next]
        if id == next {
          tagID[t] = id
          tagNames.append(t)
        }
        paperTags.append(id)
      }
      tagStarts.append(Int32(paperTags.count))
      for s in Int(papers.starts[p]) ..< Int(papers.starts[p + 1]) { slotsOf[Int(papers.nodes[s]) + 1] += tags.count }
    }
    tagID = [:]
    for c in 0 ..< count { slotsOf[c + 1] += slotsOf[c] }
    var fill = slotsOf
    var slots = [Int32](repeating: 0, count: slotsOf[count])
    for p in 0 ..< papers.paperCount {
      let tags = Int(tagStarts[p]) ..< Int(tagStarts[p + 1])
      guard !tags.isEmpty else { continue }
      for s in Int(papers.starts[p]) ..< Int(papers.starts[p + 1]) {
        let c = Int(papers.nodes[s])
        for k in tags {
          slots[fill[c]] = paperTags[k]
          fill[c] += 1
        }
      }
    }
    var times = [Int](repeating: 0, count: tagNames.count)
    var touched: [Int32] = []
    var top: [[TagCount]] = []
    top.reserveCapacity(count)
    for c in 0 ..< count {
      touched.removeAll(keepingCapacity: true)
      for k in slotsOf[c] ..< slotsOf[c + 1] {
        let t = Int(slots[k])
        if times[t] == 0 { touched.append(Int32(t)) }
        times[t] += 1
      }
      // Most papers first, ties by first appearance (smaller id).
      var best: [(t: Int32, n: Int)] = []
      for t in touched {
        let n = times[Int(t)]
        times[Int(t)] = 0
        if best.count == 3, let last = best.last, !(n > last.n || (n == last.n && t < last.t)) { continue }
        var i = best.count
        while i > 0, n > best[i - 1].n || (n == best[i - 1].n && t < best[i - 1].t) { i -= 1 }
        best.insert((t, n), at: i)
        if best.count > 3 { best.removeLast() }
      }
      top.append(best.map { TagCount(tag: tagNames[Int($0.t)], papers: $0.n) })
    }
    return (paperCount, top)
  }

  /// Sets each community's papers and tags to `counted` (``tags(network:corpus:papers:)``);
  /// `nil` leaves them (no papers, no tags).
  mutating func setTags(_ counted: (papers: [Int], tags: [[TagCount]])?) {
    guard let counted else { return }
    for c in list.indices {
      list[c].papers = counted.papers[c]
      list[c].tags = counted.tags[c]
    }
  }
}

/// A network analysis whose communities were detected: what pictures and the report read.
/// Members of ``NetworkAnalysis`` are available directly (`analysis.network`, `.ranking(by:)`).
@dynamicMemberLookup
public struct CommunityAnalysis: Sendable {
  public var analysis: NetworkAnalysis
  public var structure: CommunityStructure

  /// - Throws: ``AnalysisError/noCommunities(_:)`` when `analysis` has none.
  public init(_ analysis: NetworkAnalysis) throws(AnalysisError) {
    guard let structure = analysis.communities else { throw .noCommunities(analysis.network.kind) }
    self.analysis = analysis
    self.structure = structure
  }

  public subscript<T>(dynamicMember path: KeyPath<NetworkAnalysis, T>) -> T { analysis[keyPath: path] }

  /// Communities ordered by size (largest first).
  public var communities: [Community] { structure.list }
  /// `communityOfNode[v]` is the index into ``communities`` of node `v`'s community.
  public var communityOfNode: [Int] { structure.communityOfNode }
  /// The method's own result.
  public var detection: CommunityResult { structure.detection }
  /// The community partition renumbered in ``communities`` order, for colouring.
  public var partition: Partition { structure.partition }

  public func metric(_ metric: Metric) -> MetricResult? { analysis.metric(metric) }
  public func ranking(by metric: Metric) -> [NodeID]? { analysis.ranking(by: metric) }
}

/// The full analysis of a corpus as the report reads it: the three networks with their metrics
/// and communities. Pure and deterministic: the same corpus and pipeline give the same result.
public struct CorpusAnalysis: Sendable {
  /// The papers analysed: the input's papers kept by the pipeline's filter, without their
  /// data-quality notes (`diagnostics` is empty: they are summarised in ``notes``).
  public var corpus: Corpus
  public var pipeline: Pipeline
  /// What the paper filters kept and left out (its corpus without notes, as ``corpus``).
  public var paperFilter: PaperFilterResult
  public var authors: CommunityAnalysis
  public var fellows: CommunityAnalysis
  public var tags: CommunityAnalysis
  /// The terms of titles and abstracts, when the pipeline built that network.
  public var terms: CommunityAnalysis?

  /// What term extraction kept (a sentence), when terms were extracted.
  public var termSummary: String?

  /// The data-quality notes as the report shows them (their number, the number per kind, the
  /// first ``NoteSummary/perKind`` of each kind, the entries with notes): a value of its own,
  /// taken from the pipeline's corpus when the analysis is made. The notes themselves are not
  /// kept: ``corpus`` and ``paperFilter`` hold none (at a million papers they are over a million
  /// strings, a few hundred MB that the report phase need not hold), so read them here, never
  /// from `corpus.diagnostics`.
  public let notes: NoteSummary

  /// ``notes`` with at most `limit` of each kind shown (no more than it keeps).
  public func notes(perKind limit: Int) -> NoteSummary { notes.limited(perKind: limit) }

  /// The share of candidate terms kept by relevance (``TermSettings/relevanceShare``).
  public var termRelevanceShare: Double { pipeline.terms.relevanceShare }

  /// The networks the report always has (the terms network joins when built: ``kinds``).
  public static let standardKinds: [Network.Kind] = [.authors, .fellows, .tags]

  /// The networks analysed, in ``Network/Kind`` order.
  public var kinds: [Network.Kind] { Self.standardKinds + (terms == nil ? [] : [.terms]) }

  /// The report's view of `result`; its data-quality notes are summarised in ``notes`` with at
  /// most `notesPerKind` of each kind shown, and let go. When the pipeline summarised them
  /// already (``Pipeline/notesPerKind``, ``AnalysisResult/notes``), that summary is used, with at
  /// most `notesPerKind` of each kind.
  /// - Throws: ``AnalysisError`` unless `result` has all three networks with communities and
  ///   paper records.
  public init(_ result: AnalysisResult, notesPerKind: Int = NoteSummary.defaultPerKind) throws {
    guard var paperFilter = result.paperFilter else { throw AnalysisError.missingNetwork(.fellows) }
    if let summary = result.notes {
      self.notes = summary.limited(perKind: notesPerKind)
    } else {
      self.notes = NoteSummary(result.corpus, perKind: notesPerKind)
    }
    var corpus = result.corpus
    corpus.diagnostics = []
    paperFilter.corpus.diagnostics = []
    self.corpus = corpus
    self.pipeline = result.pipeline
    self.paperFilter = paperFilter
    self.authors = try CommunityAnalysis(try result.network(.authors))
    self.fellows = try CommunityAnalysis(try result.network(.fellows))
    self.tags = try CommunityAnalysis(try result.network(.tags))
    if let terms = result[.terms] { self.terms = try CommunityAnalysis(terms) }
    if let map = result.termMap { self.termSummary = map.description.prefix(1).uppercased() + map.description.dropFirst() + "." }
  }

  /// Runs `pipeline` (by default ``Pipeline/report`` without the hyper-authorship rule) over
  /// all three networks of `corpus`.
  public init(corpus: Corpus, pipeline: Pipeline = Pipeline(graphs: CorpusAnalysis.standardKinds, filter: NetworkFilter(), metrics: Metric.allCases)) throws {
    var pipeline = pipeline
    pipeline.graphs = Self.standardKinds + (pipeline.graphs.contains(.terms) ? [.terms] : [])
    if pipeline.communities == nil { pipeline.communities = CommunityMethod() }
    try self.init(try pipeline.run(on: .corpus(corpus)))
  }

  /// The analysis of the network of `kind`.
  public subscript(kind: Network.Kind) -> CommunityAnalysis {
    switch kind {
    case .authors: return authors
    case .fellows: return fellows
    case .tags: return tags
    case .terms:
      guard let terms else { preconditionFailure("the terms network was not analysed (see kinds)") }
      return terms
    }
  }
}

/// What a report shows of a corpus's data-quality notes (``CorpusAnalysis/notes``).
public struct NoteSummary: Sendable, Equatable {
  /// How many notes of each kind the report lists.
  public static let defaultPerKind = 100

  /// All notes.
  public var count: Int
  /// Notes per kind.
  public var counts: [Diagnostic.Kind: Int]
  /// The first ``perKind`` notes of each kind, in their order.
  public var shown: [Diagnostic]
  /// The limit per kind of ``shown``.
  public var perKind: Int
  /// ``Corpus/entriesWithNotes``.
  public var entriesWithNotes: Int

  public init(_ corpus: Corpus, perKind limit: Int) {
    count = corpus.diagnostics.count
    (shown, counts) = corpus.diagnostics.limited(perKind: limit)
    perKind = limit
    entriesWithNotes = corpus.entriesWithNotes
  }

  /// This summary with at most `limit` of each kind shown (no more than it keeps).
  public func limited(perKind limit: Int) -> NoteSummary {
    var summary = self
    if limit < summary.perKind {
      summary.shown = summary.shown.limited(perKind: limit).shown
      summary.perKind = limit
    }
    return summary
  }

  /// ``Corpus/entriesWithNotes``: the one rule, kept here as the name the report's tests use.
  static func entriesWithNotes(_ corpus: Corpus) -> Int { corpus.entriesWithNotes }
}
