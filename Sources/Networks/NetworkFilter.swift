public import Bibliography
public import GraphAlgorithms
public import GraphCore

/// Which papers, nodes and edges of a network to keep: one value that serves every command, so
/// `stats`, `rank`, `communities`, `render`, `report` and `export` apply the same rules.
///
/// Every filter is off by default (`NetworkFilter()` keeps everything). The steps run in this
/// fixed order, each on the result of the one before:
///
/// 1. **papers** (``papers(of:)``): ``years`` (papers outside the range, and papers without a
///    date when any bound is set, are left out), then ``maxAuthors`` (papers with more authors
///    are left out and listed: hyper-authored papers would otherwise join hundreds of people in
///    one clique);
/// 2. **projection**, with its counting (``Network/build(_:from:counting:tagWeighting:sharedCollaborators:)``),
///    from the papers kept; done by the caller between the two calls;
/// 3. ``minWeight``: edges lighter than it are dropped (their nodes stay);
/// 4. ``minPapers``: nodes on fewer papers are dropped with their edges (for the tags graph:
///    tags carried by fewer papers);
/// 5. ``largestComponent``: only the largest connected component is kept (ties: the component
///    holding the smallest node id);
/// 6. ``keepTop`` by ``rankBy``: the nodes with the highest score (computed on the network left by
///    step 5, unweighted paths; ties by smallest node id) and the edges among them.
///
/// Steps 3 and 4 commute (one looks only at edge weights, the other only at paper counts);
/// 5 and 6 depend on the graph left before them. Each step reports what it removed
/// (``PaperFilterResult``, ``FilterStep``). Everything is deterministic.
///
///     var filter = NetworkFilter()
///     filter.maxAuthors = 20
///     filter.minWeight = 2
///     let papers = try filter.papers(of: corpus)
///     let network = try filter.apply(to: .authors(of: papers.corpus)).network
///
/// - Complexity: papers O(p) for p papers; steps 3–5 O(*n* + *m*); step 6 the metric's cost plus
///   O(*n* log *n*).
public struct NetworkFilter: Sendable, Hashable, Codable {
  /// Years of the papers kept (default: all years, undated papers kept).
  public var years: YearFilter
  /// Leave out papers with more than this many authors (default `nil`: keep all). At least 1.
  /// The command line sets ``defaultMaxAuthors`` unless told otherwise.
  public var maxAuthors: Int?

  /// The hyper-authorship rule of the command line: papers with more than 100 authors are left
  /// out of the networks unless `--max-authors` says otherwise (`--max-authors none` keeps them).
  ///
  /// A paper with *n* authors adds *n*(*n*−1)/2 co-author links: 4,950 for 100 authors, about
  /// 50 million for 10,000, which then dominate every degree, centrality and community and make
  /// a layout impossible. Bibliometrics treats such papers apart: Cronin (2001) named the
  /// phenomenon "hyperauthorship"; Newman (2001) found that the large experimental collaborations
  /// of high-energy physics (papers with hundreds of authors) alone raise the mean number of
  /// collaborators in that field to 173. The threshold 100 is our choice: far above ordinary
  /// team papers (the bundled listing's largest has 19 authors), below the collaborations of
  /// particle physics or genomics. Leaving the papers out of the projections (and naming each
  /// one, see ``PaperFilterResult/hyperAuthored``) keeps the pipeline fast and says plainly what
  /// was done; fractional counting would still build the clique.
  ///
  /// ## References
  /// - B. Cronin. "Hyperauthorship: A postmodern perversion or evidence of a structural shift in
  ///   scholarly communication practices?" *JASIST* 52(7):558–569, 2001.
  ///   doi:[10.1002/asi.1097](https://doi.org/10.1002/asi.1097)
  /// - M. E. J. Newman. "The structure of scientific collaboration networks." *PNAS*
  ///   98(2):404–409, 2001. doi:[10.1073/pnas.98.2.404](https://doi.org/10.1073/pnas.98.2.404)
  public static let defaultMaxAuthors = 100
  /// Drop edges whose weight is below this, after counting (default `nil`: keep all). At least 0;
  /// weights within a relative 1e-9 below it count as equal (fractional sums such as
  /// 1/3 + 1/3 + 1/3 are not exactly 1 in floating point).
  public var minWeight: Double?
  /// Keep nodes on at least this many papers (default `nil`: keep all). At least 1.
  public var minPapers: Int?
  /// Keep only the largest connected component (default `false`).
  public var largestComponent: Bool
  /// Keep only this many nodes, those with the highest ``rankBy`` score (default `nil`: keep all).
  /// At least 1.
  public var keepTop: Int?
  /// The metric ``keepTop`` ranks by (default PageRank).
  public var rankBy: Metric

  public init(
    years: YearFilter = YearFilter(), maxAuthors: Int? = nil, minWeight: Double? = nil, minPapers: Int? = nil,
    largestComponent: Bool = false, keepTop: Int? = nil, rankBy: Metric = .pagerank
  ) {
    self.years = years
    self.maxAuthors = maxAuthors
    self.minWeight = minWeight
    self.minPapers = minPapers
    self.largestComponent = largestComponent
    self.keepTop = keepTop
    self.rankBy = rankBy
  }

  /// Whether some paper filter is set (``years`` or ``maxAuthors``).
  public var filtersPapers: Bool { !years.isEmpty || maxAuthors != nil }
  /// Whether some node or edge filter is set (steps 3–6).
  public var filtersGraph: Bool { minWeight != nil || minPapers != nil || largestComponent || keepTop != nil }
  /// Whether the filter keeps everything.
  public var isEmpty: Bool { !filtersPapers && !filtersGraph }

  /// Checks every parameter.
  /// - Throws: ``NetworkFilterError`` naming the first invalid parameter and its value.
  public func validate() throws(NetworkFilterError) {
    if let since = years.since, let until = years.until, since > until {
      throw .invalidYearRange(since: since, until: until)
    }
    if let maxAuthors, maxAuthors < 1 { throw .invalidMaxAuthors(maxAuthors) }
    if let minWeight, !(minWeight >= 0 && minWeight.isFinite) { throw .invalidMinWeight(minWeight) }
    if let minPapers, minPapers < 1 { throw .invalidMinPapers(minPapers) }
    if let keepTop, keepTop < 1 { throw .invalidKeepTop(keepTop) }
  }

  // MARK: Step 1: papers

  /// The papers kept by ``years`` and then ``maxAuthors``. Each paper left out for its author
  /// count gets a ``Diagnostic/Kind/hyperAuthored`` diagnostic at its source line; fellow
  /// matches of papers left out are dropped. Without a paper filter the corpus is unchanged.
  ///
  /// - Complexity: O(p + h log h) for p papers, h of them hyper-authored.
  public func papers(of corpus: consuming Corpus) throws(NetworkFilterError) -> PaperFilterResult {
    try validate()
    // The corpus is taken, not copied: when the caller hands over its only copy (the pipeline
    // does), the papers left out are removed in place and their notes appended in place, so a
    // million papers are not held twice (two arrays of `Paper` and of notes).
    let papersBefore = corpus.papers.count
    var result = PaperFilterResult(corpus: consume corpus, papersBefore: papersBefore)
    if !years.isEmpty {
      let selection = years.apply(to: result.corpus)
      result.corpus = selection.corpus
      result.years = selection.counts
    }
    if let maxAuthors {
      var dropped: [(index: Int, paper: Paper)] = []
      for (i, paper) in result.corpus.papers.enumerated() where paper.authors.count > maxAuthors { dropped.append((i, paper)) }
      if !dropped.isEmpty {
        result.corpus.papers.removeAll { $0.authors.count > maxAuthors }  // stable: the kept papers keep their order
        if !result.corpus.fellowMatches.isEmpty {
          let titles = Set(result.corpus.papers.map(\.title))
          result.corpus.fellowMatches = result.corpus.fellowMatches.filter { titles.contains($0.paperTitle) }
        }
        result.corpus.diagnostics.reserveCapacity(result.corpus.diagnostics.count + dropped.count)
        for (_, paper) in dropped {
          result.corpus.diagnostics.append(
            Diagnostic(
              kind: .hyperAuthored,
              message: "left out '\(paper.title)': \(paper.authors.count) authors, more than the limit of \(maxAuthors)",
              at: paper.source))
        }
      }
      result.hyperAuthored = dropped.sorted {
        $0.paper.authors.count != $1.paper.authors.count ? $0.paper.authors.count > $1.paper.authors.count : $0.index < $1.index
      }.map { HyperAuthoredPaper(title: $0.paper.title, authors: $0.paper.authors.count, source: $0.paper.source) }
      result.maxAuthors = maxAuthors
    }
    return result
  }

  // MARK: Steps 3–6: nodes and edges

  /// The network with steps 3–6 applied, and one ``FilterStep`` per step that is set, in order.
  /// `metricSettings` computes the ``rankBy`` metric for keep-top (the pipeline passes its own,
  /// so `--keep-top --by` ranks exactly as `rank --metric` does).
  /// - Throws: ``NetworkFilterError`` for an invalid parameter, or when the ``rankBy`` metric
  ///   fails on the graph.
  public func apply(to network: Network, metricSettings: MetricSettings = MetricSettings()) throws(NetworkFilterError) -> FilteredNetwork {
    try validate()
    var current = network
    var steps: [FilterStep] = []
    func record(_ kind: FilterStep.Kind, _ next: Network, components: Int? = nil) {
      steps.append(
        FilterStep(
          kind: kind, nodesBefore: current.graph.nodeCount, edgesBefore: current.graph.edgeCount,
          nodesAfter: next.graph.nodeCount, edgesAfter: next.graph.edgeCount, componentsBefore: components))
      current = next
    }
    if let minWeight {
      let floor = minWeight - 1e-9 * Swift.max(1, minWeight)
      let weights = current.graph.edgeWeights
      let next = current.subnetwork(
        keepingNodes: Array(repeating: true, count: current.graph.nodeCount), edges: { weights[$0.index] >= floor })
      record(.minWeight, next)
    }
    if let minPapers {
      record(.minPapers, current.subnetwork(keepingNodes: current.paperCounts.map { $0 >= minPapers }))
    }
    if largestComponent {
      let components = current.graph.connectedComponents()
      var keep = [Bool](repeating: false, count: current.graph.nodeCount)
      if let largest = Self.largest(components) {
        for v in 0 ..< keep.count where components.membership[v] == largest { keep[v] = true }
      }
      record(.largestComponent, current.subnetwork(keepingNodes: keep), components: components.communityCount)
    }
    if let keepTop {
      let scores: NodeScores
      do {
        scores = try rankBy.measure(metricSettings).scores(for: current.graph)
      } catch {
        throw .metricFailed(rankBy, error)
      }
      var keep = [Bool](repeating: false, count: current.graph.nodeCount)
      for v in scores.ranking().prefix(keepTop) { keep[v.index] = true }
      record(.keepTop, current.subnetwork(keepingNodes: keep))
    }
    return FilteredNetwork(network: current, steps: steps)
  }

  /// The index of the largest component; ties go to the lowest index, which (the partition being
  /// canonical) is the component holding the smallest node. `nil` for an empty graph.
  static func largest(_ components: Partition) -> Int32? {
    let sizes = components.sizes
    guard var best = sizes.indices.first else { return nil }
    for c in sizes.indices where sizes[c] > sizes[best] { best = c }
    return Int32(best)
  }
}

/// What ``NetworkFilter/papers(of:)`` kept and left out.
public struct PaperFilterResult: Sendable {
  /// The papers kept (with a ``Diagnostic/Kind/hyperAuthored`` diagnostic per paper left out for
  /// its author count).
  public var corpus: Corpus
  /// Papers before filtering.
  public var papersBefore: Int
  /// What the year filter kept and left out; `nil` when no year bound is set.
  public var years: YearFilter.Result?
  /// The author limit applied, or `nil`.
  public var maxAuthors: Int?
  /// Papers left out for having more than ``maxAuthors`` authors, most authors first (ties in
  /// corpus order). Empty when no limit is set or no paper exceeds it.
  public var hyperAuthored: [HyperAuthoredPaper] = []

  public init(corpus: Corpus, papersBefore: Int, years: YearFilter.Result? = nil, maxAuthors: Int? = nil) {
    self.corpus = corpus
    self.papersBefore = papersBefore
    self.years = years
    self.maxAuthors = maxAuthors
  }

  /// Papers kept.
  public var papersKept: Int { corpus.papers.count }
}

/// A paper left out by ``NetworkFilter/maxAuthors``.
public struct HyperAuthoredPaper: Sendable, Equatable, Codable {
  public var title: String
  /// How many authors it has.
  public var authors: Int
  public var source: SourceLocation

  public init(title: String, authors: Int, source: SourceLocation) {
    self.title = title
    self.authors = authors
    self.source = source
  }
}

/// A network after ``NetworkFilter/apply(to:)``, with what each step removed.
public struct FilteredNetwork: Sendable {
  public var network: Network
  /// One entry per step that is set, in the order they ran.
  public var steps: [FilterStep]
}

/// What one node or edge filter removed.
public struct FilterStep: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case minWeight = "min-weight"
    case minPapers = "min-papers"
    case largestComponent = "largest-component"
    case keepTop = "keep-top"
  }

  public var kind: Kind
  public var nodesBefore: Int
  public var edgesBefore: Int
  public var nodesAfter: Int
  public var edgesAfter: Int
  /// For ``Kind/largestComponent``: how many components there were.
  public var componentsBefore: Int?

  public init(kind: Kind, nodesBefore: Int, edgesBefore: Int, nodesAfter: Int, edgesAfter: Int, componentsBefore: Int? = nil) {
    self.kind = kind
    self.nodesBefore = nodesBefore
    self.edgesBefore = edgesBefore
    self.nodesAfter = nodesAfter
    self.edgesAfter = edgesAfter
    self.componentsBefore = componentsBefore
  }

  public var nodesRemoved: Int { nodesBefore - nodesAfter }
  public var edgesRemoved: Int { edgesBefore - edgesAfter }
}

/// An invalid ``NetworkFilter`` parameter, or a failure while ranking nodes for
/// ``NetworkFilter/keepTop``.
public enum NetworkFilterError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidYearRange(since: Int, until: Int)
  case invalidMaxAuthors(Int)
  case invalidMinWeight(Double)
  case invalidMinPapers(Int)
  case invalidKeepTop(Int)
  case metricFailed(Metric, GraphError)

  public var description: String {
    switch self {
    case .invalidYearRange(let since, let until): "the first year (\(since)) is after the last year (\(until))"
    case .invalidMaxAuthors(let n): "the author limit must be at least 1 (got \(n))"
    case .invalidMinWeight(let w): "the minimum edge weight must be a finite number ≥ 0 (got \(w))"
    case .invalidMinPapers(let n): "the minimum paper count must be at least 1 (got \(n))"
    case .invalidKeepTop(let n): "the number of nodes to keep must be at least 1 (got \(n))"
    case .metricFailed(let metric, let error): "ranking nodes by \(metric.rawValue) failed: \(error)"
    }
  }
}
