public import Bibliography
public import GraphAlgorithms
public import GraphCore
public import Networks

/// Settings for ``CorpusAnalysis``: how graphs are counted and how communities are found.
public struct AnalysisOptions: Sendable, Equatable, Codable {
  /// Louvain resolution; above 1 gives more, smaller communities.
  public var resolution: Double = 1.0
  /// Seed for Louvain's node order.
  public var seed: UInt64 = 0
  /// Co-authorship counting.
  public var counting: Counting = .full
  /// Whether the fellow graph links fellows through shared non-fellow co-authors.
  public var sharedCollaborators: Bool = true
  /// Path metrics use distance = 1/weight.
  public var weighted: Bool = false
  /// Networks with more nodes than this skip the path metrics (betweenness, closeness,
  /// harmonic: O(nm) each, hours on 100k researchers); their scores are all 0 and reports say
  /// they were not computed. Sizing and ranking then use PageRank and degree.
  public var pathMetricNodeLimit: Int = 20_000
  /// Tags graph edge weight (``TagWeighting``).
  public var tagWeighting: TagWeighting = .count
  /// Papers, nodes and edges to keep (``NetworkFilter``; default: everything). ``CorpusAnalysis``
  /// applies all of it: the papers first, then the node and edge steps to each network.
  public var filter: NetworkFilter = NetworkFilter()

  /// The metrics that take O(nm) time: all-pairs shortest paths.
  public static let pathMetrics: Set<Metric> = [.betweenness, .closeness, .harmonic]

  /// Whether `metric` is skipped on a network of `nodeCount` nodes (see ``pathMetricNodeLimit``).
  public func skips(_ metric: Metric, nodeCount: Int) -> Bool {
    nodeCount > pathMetricNodeLimit && Self.pathMetrics.contains(metric)
  }

  public init(
    resolution: Double = 1.0, seed: UInt64 = 0, counting: Counting = .full, sharedCollaborators: Bool = true,
    weighted: Bool = false
  ) {
    self.resolution = resolution
    self.seed = seed
    self.counting = counting
    self.sharedCollaborators = sharedCollaborators
    self.weighted = weighted
  }
}

/// A tag and how many papers of a group carry it.
public struct TagCount: Sendable, Equatable, Codable {
  public var tag: String
  public var papers: Int
}

/// One community of a network, with what characterises it.
public struct Community: Sendable, Equatable {
  /// Canonical community number (communities ordered by size, then by smallest member).
  public var id: Int
  /// Members, most central first (PageRank, ties by name).
  public var members: [NodeID]
  /// Papers written by members of this community (authors and fellows graphs).
  public var papers: Int
  /// Tags that characterise the community's papers, most frequent first (at most 3), or for the
  /// tag graph the community's own tags.
  public var tags: [TagCount]
}

/// Everything computed on one network: components, the centrality metrics asked for, communities.
public struct NetworkAnalysis: Sendable {
  public var network: Network
  public var components: Partition
  /// The metrics computed (all of ``Metric`` unless fewer were asked for; PageRank always, as it
  /// orders community members).
  public var scores: [Metric: NodeScores]
  public var louvain: LouvainResult
  /// Communities ordered by size (largest first), ties by smallest member.
  public var communities: [Community]
  /// `communityOfNode[v]` is the index into ``communities`` of node `v`'s community.
  public var communityOfNode: [Int]
  /// What the node and edge filters removed from this network (empty when none is set; set by
  /// ``CorpusAnalysis``).
  public var filterSteps: [FilterStep] = []

  /// Nodes ordered by `metric`, highest first; ties by label.
  /// - Precondition: `metric` was computed (see ``scores``).
  public func ranking(by metric: Metric) -> [NodeID] {
    guard let values = scores[metric]?.values else { preconditionFailure("metric \(metric.rawValue) was not computed") }
    let labels = network.labels
    return (0 ..< network.graph.nodeCount).sorted { a, b in
      values[a] != values[b] ? values[a] > values[b] : labels[a] < labels[b]
    }.map(NodeID.init)
  }

  /// The community partition renumbered in ``communities`` order, for colouring.
  public var partition: Partition { Partition(labels: communityOfNode) }

  /// Analyses one network of `corpus`: the `metrics` asked for (all by default; PageRank is
  /// always computed, it orders community members), components, communities (Louvain at the
  /// options' resolution and seed, or `detect` when given) and the tags that characterise each
  /// community.
  ///
  /// Ask only for what you need on large graphs: betweenness and closeness are O(*nm*), so
  /// `metrics: [.pagerank]` is what `coauthor communities` uses.
  public init(
    network: Network, corpus: Corpus, options: AnalysisOptions = AnalysisOptions(),
    metrics: [Metric] = Metric.allCases,
    communities detect: ((Graph) throws(GraphError) -> LouvainResult)? = nil
  ) throws(GraphError) {
    let fellowsOnly = network.kind == .fellows
    self = try CorpusAnalysis.analyse(network, corpus: corpus, options: options, metrics: metrics, detect: detect) {
      (paper: Paper) -> [String] in
      fellowsOnly ? paper.fellows : paper.authors
    }
  }

  init(
    network: Network, components: Partition, scores: [Metric: NodeScores], louvain: LouvainResult,
    communities: [Community], communityOfNode: [Int]
  ) {
    self.network = network
    self.components = components
    self.scores = scores
    self.louvain = louvain
    self.communities = communities
    self.communityOfNode = communityOfNode
  }

  /// Sizes of the connected components, largest first.
  public var componentSizes: [Int] { components.sizes.sorted(by: >) }
}

/// The full analysis of a corpus: the three networks, their metrics and communities, and the
/// topic clusters. Pure and deterministic: the same corpus and options give the same result.
public struct CorpusAnalysis: Sendable {
  /// The papers analysed: the input's papers kept by ``AnalysisOptions/filter``.
  public var corpus: Corpus
  public var options: AnalysisOptions
  /// What the paper filters kept and left out.
  public var paperFilter: PaperFilterResult
  public var authors: NetworkAnalysis
  public var fellows: NetworkAnalysis
  public var tags: NetworkAnalysis

  /// - Throws: ``NetworkFilterError`` for an invalid filter, ``GraphError`` from the algorithms.
  public init(corpus input: Corpus, options: AnalysisOptions = AnalysisOptions()) throws {
    let selection = try options.filter.papers(of: input)
    let corpus = selection.corpus
    self.corpus = corpus
    self.options = options
    self.paperFilter = selection
    func filtered(_ kind: Network.Kind) throws(NetworkFilterError) -> FilteredNetwork {
      try options.filter.apply(
        to: Network.build(
          kind, from: corpus, counting: options.counting, tagWeighting: options.tagWeighting,
          sharedCollaborators: options.sharedCollaborators))
    }
    let tagNetwork = try filtered(.tags)
    self.tags = try Self.analyse(tagNetwork.network, corpus: corpus, options: options, tagsOf: { _ in [] })
    self.tags.filterSteps = tagNetwork.steps
    let authorNetwork = try filtered(.authors)
    self.authors = try Self.analyse(authorNetwork.network, corpus: corpus, options: options, tagsOf: { $0.authors })
    self.authors.filterSteps = authorNetwork.steps
    let fellowNetwork = try filtered(.fellows)
    self.fellows = try Self.analyse(fellowNetwork.network, corpus: corpus, options: options, tagsOf: { $0.fellows })
    self.fellows.filterSteps = fellowNetwork.steps
  }

  /// The analysis of the network of `kind`.
  public subscript(kind: Network.Kind) -> NetworkAnalysis {
    switch kind {
    case .authors: return authors
    case .fellows: return fellows
    case .tags: return tags
    }
  }

  static func analyse(
    _ network: Network, corpus: Corpus, options: AnalysisOptions, metrics: [Metric] = Metric.allCases,
    detect: ((Graph) throws(GraphError) -> LouvainResult)? = nil, tagsOf people: (Paper) -> [String]
  ) throws(GraphError) -> NetworkAnalysis {
    let graph = network.graph
    var scores: [Metric: NodeScores] = [:]
    for metric in Metric.allCases where metric == .pagerank || metrics.contains(metric) {
      if options.skips(metric, nodeCount: graph.nodeCount) {
        scores[metric] = NodeScores(values: [Double](repeating: 0, count: graph.nodeCount))
        continue
      }
      scores[metric] = try metric.measure(weighted: options.weighted).scores(for: graph)
    }
    let components = try ConnectedComponents().partition(of: graph)
    let louvain: LouvainResult
    if let detect { louvain = try detect(graph) } else {
      louvain = try Louvain(resolution: options.resolution, seed: options.seed).run(on: graph)
    }
    // Order communities by size, then smallest member (canonical numbering is by smallest member).
    let groups = louvain.partition.communities
    let order = groups.indices.sorted { groups[$0].count != groups[$1].count ? groups[$0].count > groups[$1].count : $0 < $1 }
    var communityOfNode = [Int](repeating: 0, count: graph.nodeCount)
    let pagerank = scores[.pagerank]!.values
    var communities: [Community] = []
    for (rank, g) in order.enumerated() {
      for v in groups[g] { communityOfNode[v.index] = rank }
      let members = groups[g].sorted { a, b in
        pagerank[a.index] != pagerank[b.index] ? pagerank[a.index] > pagerank[b.index] : network.labels[a.index] < network.labels[b.index]
      }
      communities.append(Community(id: rank, members: members, papers: 0, tags: []))
    }
    // What characterises each community.
    if network.kind == .tags {
      // Papers carrying at least one of the community's tags: one pass over the papers.
      let index = Dictionary(network.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      var paperCount = [Int](repeating: 0, count: communities.count)
      for paper in corpus.papers {
        var touched: [Int] = []
        for t in paper.tags {
          if let v = index[t], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) }
        }
        for c in touched { paperCount[c] += 1 }
      }
      for c in communities.indices {
        communities[c].tags = communities[c].members.map { TagCount(tag: network.labels[$0.index], papers: network.paperCounts[$0.index]) }
        communities[c].papers = paperCount[c]
      }
    } else {
      let index = Dictionary(uniqueKeysWithValues: network.labels.enumerated().map { ($1, $0) })
      var paperCount = [Int](repeating: 0, count: communities.count)
      var tagCounts = [[String: Int]](repeating: [:], count: communities.count)
      var firstSeen: [String: Int] = [:]
      for paper in corpus.papers {
        for t in paper.tags where firstSeen[t] == nil { firstSeen[t] = firstSeen.count }
        var touched: [Int] = []
        for name in people(paper) {
          if let v = index[name], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) }
        }
        for c in touched {
          paperCount[c] += 1
          for t in paper.tags { tagCounts[c][t, default: 0] += 1 }
        }
      }
      for c in communities.indices {
        communities[c].papers = paperCount[c]
        communities[c].tags = tagCounts[c].map { TagCount(tag: $0.key, papers: $0.value) }
          .sorted { $0.papers != $1.papers ? $0.papers > $1.papers : firstSeen[$0.tag]! < firstSeen[$1.tag]! }
          .prefix(3).map { $0 }
      }
    }
    return NetworkAnalysis(
      network: network, components: components, scores: scores, louvain: louvain, communities: communities,
      communityOfNode: communityOfNode)
  }
}
