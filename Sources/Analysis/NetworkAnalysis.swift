public import Bibliography
public import GraphAlgorithms
public import GraphCore
public import Networks
public import TermExtraction

/// One metric's scores on one network.
public struct MetricResult: Sendable, Equatable {
  public var metric: Metric
  /// One score per node, indexed by ``NodeID``; all 0 when ``skipped``.
  public var values: [Double]
  /// The metric was not computed: a path metric on a network above
  /// ``Pipeline/pathMetricNodeLimit`` nodes that could not be estimated (distance = 1/weight,
  /// or ``Pipeline/estimatesAboveLimit`` off).
  public var skipped: Bool
  /// For PageRank and eigenvector centrality: iterations used and the L1 error bound reached
  /// (not converged when the cap ran out first: the best answer is kept, and a warning given).
  public var convergence: Convergence?
  /// For a path metric estimated by sampling (above ``Pipeline/pathMetricNodeLimit``): the
  /// samples used and the error bound every value is within, with its confidence; `nil` when
  /// the values are exact.
  public var estimate: Estimate?

  public init(metric: Metric, values: [Double], skipped: Bool, convergence: Convergence? = nil, estimate: Estimate? = nil) {
    self.metric = metric
    self.values = values
    self.skipped = skipped
    self.convergence = convergence
    self.estimate = estimate
  }

  public var scores: NodeScores { NodeScores(values: values) }
}

/// Everything computed on one network: what the filters removed, components, the metrics
/// asked for, and the communities when asked for.
public struct NetworkAnalysis: Sendable {
  public var network: Network
  /// What the node and edge filters removed from this network (empty when none is set).
  public var filterSteps: [FilterStep]
  public var components: Partition
  /// The metrics computed, in ``Metric`` order (``Pipeline/computedMetrics``).
  public var metrics: [MetricResult]
  /// The communities, or `nil` when the pipeline asked for none.
  public var communities: CommunityStructure?

  public init(
    network: Network, filterSteps: [FilterStep] = [], components: Partition, metrics: [MetricResult],
    communities: CommunityStructure? = nil
  ) {
    self.network = network
    self.filterSteps = filterSteps
    self.components = components
    self.metrics = metrics
    self.communities = communities
  }

  /// The scores of `metric`, or `nil` when it was not computed.
  public func metric(_ metric: Metric) -> MetricResult? { metrics.first { $0.metric == metric } }

  /// Nodes ordered by `metric`, highest first, ties by label; `nil` when it was not computed.
  public func ranking(by metric: Metric) -> [NodeID]? {
    guard let values = self.metric(metric)?.values else { return nil }
    return Self.ranking(values, labels: network.labels)
  }

  /// Nodes ordered by `values`, highest first; ties (and NaN, last) by label.
  public static func ranking(_ values: [Double], labels: [String]) -> [NodeID] {
    (0 ..< values.count).sorted { a, b in
      let (x, y) = (values[a].isNaN ? -Double.infinity : values[a], values[b].isNaN ? -Double.infinity : values[b])
      return x != y ? x > y : labels[a] < labels[b]
    }.map(NodeID.init)
  }

  /// Sizes of the connected components, largest first.
  public var componentSizes: [Int] { components.sizes.sorted(by: >) }

  /// The node values `measure` stands for on this network, with the name pictures show for it.
  /// - Throws: ``AnalysisError`` when the metric was not computed or skipped, or no paper has a
  ///   citation count.
  public func sizes(_ measure: SizeMeasure, corpus: Corpus) throws -> (name: String, values: [Double]) {
    switch measure {
    case .papers:
      return ("papers", network.paperCounts.map(Double.init))
    case .citations:
      if let refusal = measure.refusal(on: network.kind) { throw AnalysisError.unsupportedSize(refusal) }
      guard corpus.papers.contains(where: { $0.citations != nil }) else { throw AnalysisError.noCitations }
      let list: KeyPath<Paper, [String]> = network.kind == .tags ? \.tags : network.kind == .fellows ? \.fellows : \.authors
      return ("citations", corpus.citationTotals(for: network.labels, in: list).map(Double.init))
    case .metric(let m):
      guard let result = metric(m) else { throw AnalysisError.metricNotComputed(m) }
      if result.skipped { throw AnalysisError.metricSkipped(m, nodes: network.graph.nodeCount) }
      return (m.rawValue, result.values)
    }
  }
}

/// What sets node size in a picture: a metric, the papers of each node, or the summed citation
/// counts of its papers.
public enum SizeMeasure: Sendable, Hashable, Codable, CustomStringConvertible {
  case metric(Metric)
  case papers
  case citations

  /// Every measure, metrics first: the values `--size-by` accepts.
  public static let allCases: [SizeMeasure] = Metric.allCases.map(SizeMeasure.metric) + [.papers, .citations]

  public init?(rawValue: String) {
    if let metric = Metric(rawValue: rawValue) { self = .metric(metric); return }
    switch rawValue {
    case "papers": self = .papers
    case "citations": self = .citations
    default: return nil
    }
  }

  public var rawValue: String {
    switch self {
    case .metric(let m): m.rawValue
    case .papers: "papers"
    case .citations: "citations"
    }
  }

  public var description: String { rawValue }

  /// The metric to compute for this measure, if any.
  public var metric: Metric? {
    if case .metric(let m) = self { return m }
    return nil
  }

  /// Why this measure cannot size the nodes of a `kind` network, or `nil` when it can: the one
  /// rule for every `--size-by` × `--graph` pair, checked by the option validation (exit 64) and
  /// by ``NetworkAnalysis/sizes(_:corpus:)``.
  ///
  /// Every metric and `papers` size every graph (authors, fellows, tags, terms: a node's papers
  /// are the papers listing the person or tag, or holding the term). `citations` sums the
  /// citation counts of a node's papers for authors, fellows and tags (the papers listing the
  /// name); a term's papers are not kept in the network, so `citations` is refused on the terms
  /// graph rather than drawn as zeros. An edge list (`edgeList`) has no papers: `papers` and
  /// `citations` would draw every node at size zero, so both are refused on it.
  public func refusal(on kind: Network.Kind, edgeList: Bool = false) -> String? {
    switch (self, kind) {
    case (.papers, _) where edgeList, (.citations, _) where edgeList:
      "'--size-by \(rawValue)' cannot be used with an edge list: it has no papers, so every node would be drawn at size zero; use a metric (the default is '--size-by pagerank')"
    case (.citations, .terms):
      "'--size-by citations' cannot be combined with '--graph terms': citations are summed per person or tag, not per term; use '--size-by papers' (the default for terms) or a metric"
    default: nil
    }
  }

  /// The default size of a network's nodes: PageRank for people, papers for tags.
  public static func defaultMeasure(for kind: Network.Kind) -> SizeMeasure { kind == .tags || kind == .terms ? .papers : .metric(.pagerank) }
}

/// Something the analysis cannot give.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
  case metricNotComputed(Metric)
  case metricSkipped(Metric, nodes: Int)
  case noCitations
  case noCommunities(Network.Kind)
  case missingNetwork(Network.Kind)
  case unsupportedSize(String)

  public var description: String {
    switch self {
    case .metricNotComputed(let m): "the metric \(m.rawValue) was not computed"
    case .metricSkipped(let m, let nodes):
      "\(m.rawValue) was not computed on this network of \(nodes) nodes (it takes time proportional to nodes × links); raise the path-metric limit or choose another metric"
    case .noCitations:
      "'--size-by citations' needs citation counts, and no paper read has one (they come from newer MATS listings, per-paper pages, or the corpus JSON key 'citations')"
    case .noCommunities(let kind): "communities of the \(kind.rawValue) network were not detected"
    case .missingNetwork(let kind): "the \(kind.rawValue) network was not analysed"
    case .unsupportedSize(let why): why
    }
  }
}

/// What a ``Pipeline`` run gives: the papers kept, and one analysis per network asked for.
public struct AnalysisResult: Sendable {
  public var pipeline: Pipeline
  /// The papers analysed: the papers read, kept by the pipeline's filter (``paperFilter`` says
  /// how many were read and what was left out); empty for an edge list. The papers read are not
  /// kept beside them (at a million papers that was a second array of papers and of notes).
  public var corpus: Corpus
  /// What the paper filters kept and left out (`nil` for an edge list).
  public var paperFilter: PaperFilterResult?
  /// One analysis per network of ``Pipeline/graphs``, in that order.
  public var networks: [NetworkAnalysis]
  /// The terms of the papers analysed, when the terms graph or term labels were asked for.
  public var termMap: TermMap? = nil
  /// The data-quality notes of ``corpus`` as the report shows them, when the pipeline was asked
  /// to summarise them (``Pipeline/notesPerKind``); ``corpus`` then holds none.
  public var notes: NoteSummary? = nil

  /// Sentences about metrics that stopped at their iteration cap before reaching their
  /// tolerance (the best answer is used), one per metric and network.
  public var warnings: [String] {
    networks.flatMap { analysis in
      analysis.metrics.compactMap { m -> String? in
        guard let c = m.convergence, !c.isConverged else { return nil }
        if let tie = c.tieWidth {
          return "\(m.metric.rawValue) on the \(analysis.network.kind.rawValue) graph is not determined by the graph to the tolerance \(c.tolerance): its largest eigenvalues are tied within about \(tie.boundText), too close to separate, so it stopped after \(c.iterations) products; the scores are one unit vector of their eigenvectors (L1 error bound \(c.errorBound.boundText) from that space), not a unique ranking"
        }
        return "\(m.metric.rawValue) on the \(analysis.network.kind.rawValue) graph did not converge within \(c.iterations) iterations: L1 error bound \(c.errorBound), above the tolerance \(c.tolerance); the best answer is used (raise '--max-iterations' or '--tolerance')"
      } + [analysis.communities?.detection].compactMap { d -> String? in
        // A cap the user set (`leidenIterations`) is a setting, stated in every output, not a warning.
        guard let d, !d.converged, d.method.leidenIterations == nil else { return nil }
        return "\(d.method.name) communities of the \(analysis.network.kind.rawValue) graph were still changing after \(d.iterations) iterations (its cap); the last partition found is used (modularity \(((d.modularity * 10_000).rounded() / 10_000).argumentText))"
      }
    }
  }

  /// Sentences about metrics estimated by sampling, one per metric and network: "betweenness on
  /// the authors graph is a sampled estimate: every value within ±0.01 of the exact one with
  /// 95 % confidence (40,476 shortest-path samples)".
  public var estimateNotes: [String] {
    networks.flatMap { analysis in
      analysis.metrics.compactMap { m -> String? in
        guard let e = m.estimate, e.method != .exact else { return nil }
        return "\(m.metric.rawValue) on the \(analysis.network.kind.rawValue) graph is a sampled estimate: every value within ±\(e.errorBound.boundText) of the exact one with \(e.confidence.percentText) confidence (\(e.samples.countText) \(e.method.rawValue))"
      }
    }
  }

  /// The analysis of the network of `kind`, or `nil` when it was not asked for.
  public subscript(kind: Network.Kind) -> NetworkAnalysis? { networks.first { $0.network.kind == kind } }

  /// The analysis of the network of `kind`.
  /// - Throws: ``AnalysisError/missingNetwork(_:)`` when it was not asked for.
  public func network(_ kind: Network.Kind) throws(AnalysisError) -> NetworkAnalysis {
    guard let analysis = self[kind] else { throw .missingNetwork(kind) }
    return analysis
  }
}

extension Network {
  /// The node called `name`: the exact label, else the one with the same name key (case,
  /// accents, periods and spacing ignored: ``NameNormalizer/key(_:)``, the rule identity
  /// resolution compares names by); `nil` when none.
  public func node(matching name: String) -> NodeID? {
    if let v = node(named: name) { return v }
    let key = NameNormalizer.key(name)
    return labels.firstIndex { NameNormalizer.key($0) == key }.map(NodeID.init)
  }
}
