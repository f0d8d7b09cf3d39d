import Bibliography
public import GraphAlgorithms
public import GraphCore
public import Networks
public import TermExtraction

/// One analysis, as a value: which networks to build from the papers and how, which filters,
/// which metrics with their settings, and which community method with its settings. Every
/// command (`stats` aside, which only counts) turns its options into a `Pipeline` and calls
/// ``run(on:progress:)``; the report, pictures and exports read the ``AnalysisResult``. A choice
/// made here reaches every output by this one route.
///
/// Defaults are declared once, here and in the algorithm types (``MetricSettings``,
/// ``CommunityMethod``, ``NetworkFilter``):
///
///     var pipeline = Pipeline(graphs: [.authors], metrics: [.pagerank])
///     pipeline.communities = CommunityMethod(algorithm: .leiden)
///     let result = try pipeline.run(on: .corpus(corpus))
///     result[.authors]?.communities?.result.modularity
///
/// Pure and deterministic: the same input and pipeline give the same result, whatever the
/// thread count.
public struct Pipeline: Sendable, Equatable, Codable {
  /// Networks above this many nodes skip the path metrics by default (see ``pathMetricNodeLimit``).
  public static let defaultPathMetricNodeLimit = 20_000

  /// The networks to build and analyse, in this order (at least one).
  public var graphs: [Network.Kind]
  /// Co-authorship counting (authors and fellows graphs).
  public var counting: Counting
  /// Whether the fellow graph links fellows through shared non-fellow co-authors.
  public var sharedCollaborators: Bool
  /// The tags graph's edge weight.
  public var tagWeighting: TagWeighting
  /// Papers, nodes and edges to keep, applied in ``NetworkFilter``'s order (papers first, then
  /// each network's nodes and edges). Its `maxAuthors` default is the hyper-authorship rule.
  public var filter: NetworkFilter
  /// The centrality metrics to compute on every network (PageRank is added when communities are
  /// asked for: it orders their members).
  public var metrics: [Metric]
  /// How metrics are computed (threads, weights on paths, sampling).
  public var metricSettings: MetricSettings
  /// Networks with more nodes than this do not get exact path metrics (betweenness, closeness,
  /// harmonic: O(*nm*) each, hours on 100k researchers): they are estimated by sampling with a
  /// stated error bound (``MetricResult/estimate``, see ``estimatesAboveLimit``), or, with
  /// distance = 1/weight or estimates off, skipped (``MetricResult/skipped``; outputs say they
  /// were not computed). `nil`: no limit.
  public var pathMetricNodeLimit: Int?
  /// Whether path metrics above ``pathMetricNodeLimit`` are estimated (hop distances only)
  /// rather than skipped; `true` by default.
  public var estimatesAboveLimit: Bool = true
  /// The community method, or `nil` to skip community detection.
  public var communities: CommunityMethod?
  /// How terms are taken from titles and abstracts (terms graph, term labels of communities).
  public var terms: TermSettings = TermSettings()
  /// The terms graph's edge weight (association strength, as VOSviewer's term maps).
  public var termWeighting: TagWeighting = .association
  /// Whether a terms graph asked for is left out, rather than refused
  /// (``PipelineError/noTermText(_:)``), when the papers have no title or abstract words (the
  /// report: its Topics section is then left out).
  public var skipsTermsWithoutText: Bool = false
  /// Whether communities of the authors and fellows graphs get characteristic terms
  /// (``Community/terms``) when the papers have titles or abstracts.
  public var labelsCommunitiesWithTerms: Bool = false
  /// When set, the data-quality notes of the papers kept are summarised right after the paper
  /// filter (``NoteSummary`` with at most this many of each kind listed: ``AnalysisResult/notes``)
  /// and let go, so the result's corpus and paper filter hold none. The report sets it: at a
  /// million papers the notes are 1.4 million strings (about 250 MB) that the analysis and the
  /// report need not hold. `nil` (the default): the notes stay in ``AnalysisResult/corpus``.
  public var notesPerKind: Int? = nil

  public init(
    graphs: [Network.Kind] = [.authors], counting: Counting = .full, sharedCollaborators: Bool = true,
    tagWeighting: TagWeighting = .count, filter: NetworkFilter = NetworkFilter(maxAuthors: NetworkFilter.defaultMaxAuthors),
    metrics: [Metric] = [], metricSettings: MetricSettings = MetricSettings(),
    pathMetricNodeLimit: Int? = Pipeline.defaultPathMetricNodeLimit, communities: CommunityMethod? = CommunityMethod()
  ) {
    self.graphs = graphs
    self.counting = counting
    self.sharedCollaborators = sharedCollaborators
    self.tagWeighting = tagWeighting
    self.filter = filter
    self.metrics = metrics
    self.metricSettings = metricSettings
    self.pathMetricNodeLimit = pathMetricNodeLimit
    self.communities = communities
  }

  /// The pipeline of `coauthor report`: all three networks, every metric, Louvain.
  public static var report: Pipeline { Pipeline(graphs: CorpusAnalysis.standardKinds, metrics: Metric.allCases) }

  /// Whether `metric` is above the exact limit on a network of `nodeCount` nodes (estimated or
  /// skipped, see ``pathMetricNodeLimit``).
  public func skips(_ metric: Metric, nodeCount: Int) -> Bool {
    guard let limit = pathMetricNodeLimit else { return false }
    return nodeCount > limit && Metric.pathMetrics.contains(metric)
  }

  /// The metrics computed on each network, in ``Metric`` order: those asked for, plus PageRank
  /// when communities are detected.
  public var computedMetrics: [Metric] {
    Metric.allCases.filter { metrics.contains($0) || ($0 == .pagerank && communities != nil) }
  }

  /// Runs the pipeline on what was read.
  /// - Parameter progress: told when each metric starts and ends (a terminal bar; its reporter
  ///   cancels the O(*nm*) metrics by returning `false`).
  /// - Throws: ``PipelineError`` when the pipeline does not fit the input (e.g. a fellows graph
  ///   from an edge list), ``NetworkFilterError`` for an invalid filter, ``GraphError`` from the
  ///   algorithms (``GraphError/cancelled`` when `progress` cancels).
  ///
  /// The input is taken, not copied: a caller that hands over its only copy (`run(on: consume
  /// loaded)`) lets the paper filter work in place, so the papers read are not held twice.
  public func run(on input: consuming LoadedInput, progress: (any PipelineProgress)? = nil) throws -> AnalysisResult {
    guard !graphs.isEmpty else { throw PipelineError.noGraph }
    switch consume input {
    case .corpus(let corpus):
      var filtered = try filter.papers(of: consume corpus)
      // With ``notesPerKind`` the notes leave the corpus here (`noted` holds them with the
      // papers, which it shares) and are summarised and let go by ``summariseNotes()`` on the
      // calling thread, while the second thread already extracts the terms (at a million papers
      // 1.1 s of the report's with one core idle before).
      var noted: Corpus? = nil
      if notesPerKind != nil {
        noted = filtered.corpus
        filtered.corpus.diagnostics = []
      }
      let selection = filtered
      progress?.finished("paper filter", network: nil)
      var notes: NoteSummary? = nil
      func summariseNotes() {
        guard let notesPerKind, noted != nil else { return }
        notes = NoteSummary(noted!, perKind: notesPerKind)
        noted = nil  // the last reference to the notes: freed here, before the pages go back
        MemoryRelease.returnFreedPages()
        progress?.finished("notes summarised", network: nil)
      }
      func network(_ kind: Network.Kind, _ termMap: TermMap?) throws -> NetworkAnalysis {
        let built = Network.build(
          kind, from: selection.corpus, counting: counting, tagWeighting: tagWeighting,
          sharedCollaborators: sharedCollaborators, termMap: termMap, termWeighting: termWeighting)
        progress?.finished("build", network: kind)
        let filtered = try filter.apply(to: built, metricSettings: metricSettings)
        progress?.finished("node and edge filters", network: kind)
        return try analyse(filtered, corpus: selection.corpus, progress: progress)
      }
      func described(_ analysis: NetworkAnalysis, _ termMap: TermMap?) throws -> NetworkAnalysis {
        try self.described(analysis, corpus: selection.corpus, termMap: termMap, progress: progress)
      }
      func extractedTerms() throws -> TermMap? {
        let termMap = try extractTerms(selection.corpus)
        if termMap != nil { progress?.finished("term extraction", network: nil) }
        return termMap
      }
      // One route, two threads: the notes summary, then the first network (the author network,
      // by far the largest) on the calling thread; the term extraction and then the other
      // networks, each with its community tags and term labels, meanwhile on a second (the first
      // network's community tags and term labels, the latter needing the terms, are added after
      // both, side by side: ``described(_:corpus:termMap:progress:)``). When the first network
      // is the terms graph it needs the terms, so the extraction runs before both; when it then
      // finds no text (``skipsTermsWithoutText``), the terms graph is left out and the next
      // network leads. Each network is computed alone, so the results do not depend on this.
      // Errors are thrown in the order of a run one after the other: the term extraction's, the
      // first network's, the others'.
      let termsFirst: TermMap?? = graphs[0] == .terms ? .some(try extractedTerms()) : nil
      let kinds = termsFirst == .some(nil) ? graphs.filter { $0 != .terms } : graphs
      guard let lead = kinds.first else {
        // Only a terms graph was asked for, and it was left out for want of text.
        summariseNotes()
        var result = AnalysisResult(pipeline: self, corpus: selection.corpus, paperFilter: selection, networks: [])
        result.notes = notes
        return result
      }
      let (first, rest) = try concurrently(
        threads: metricSettings.threads,
        { () -> Result<NetworkAnalysis, any Error> in
          summariseNotes()
          return Result { try network(lead, termsFirst ?? nil) }
        },
        { () -> (terms: Result<TermMap?, any Error>, others: Result<[NetworkAnalysis], any Error>) in
          let terms = termsFirst.map { Result<TermMap?, any Error>.success($0) } ?? Result { try extractedTerms() }
          guard case .success(let termMap) = terms else { return (terms, .success([])) }
          let others = kinds.dropFirst().filter { $0 != .terms || termMap != nil }
          return (terms, Result { try others.map { try described(try network($0, termMap), termMap) } })
        })
      let termMap = try rest.terms.get()
      let leading = try first.get()
      let others = try rest.others.get()
      let networks = [try described(leading, termMap)] + others
      var result = AnalysisResult(pipeline: self, corpus: selection.corpus, paperFilter: selection, networks: networks)
      result.termMap = termMap
      result.notes = notes
      return result
    case .network(let read):
      if let kind = graphs.first(where: { $0 != .authors }) { throw PipelineError.edgeListGraph(kind) }
      if counting != .full { throw PipelineError.edgeListCounting }
      if !filter.years.isEmpty { throw PipelineError.edgeListPaperFilter }
      if filter.minPapers != nil { throw PipelineError.edgeListMinPapers }
      let empty = Corpus(entryCount: 0, papers: [])
      var unlimited = filter
      unlimited.maxAuthors = nil  // an edge list has no author lists
      let analysis = try described(
        try analyse(try unlimited.apply(to: read.network, metricSettings: metricSettings), corpus: empty, progress: progress),
        corpus: empty, termMap: nil, progress: progress)
      return AnalysisResult(pipeline: self, corpus: empty, paperFilter: nil, networks: [analysis])
    }
  }

  /// Metrics, components and communities of one filtered network; the communities' papers, tags
  /// and term labels are added by ``described(_:corpus:termMap:progress:)``.
  func analyse(_ filtered: FilteredNetwork, corpus: Corpus, progress: (any PipelineProgress)?) throws -> NetworkAnalysis {
    let network = filtered.network
    let graph = network.graph
    // Communities are detected while the metrics are computed (only the ordering of members
    // needs PageRank, afterwards).
    let (results, detection) = try concurrently(
      threads: metricSettings.threads,
      { try measure(graph, network: network.kind, progress: progress) },
      { () throws -> CommunityResult? in
        guard let method = communities, computedMetrics.contains(.pagerank) else { return nil }
        let detection = try method.run(on: graph)
        progress?.finished("communities (\(method.summary))", network: network.kind)
        return detection
      })
    let components = try ConnectedComponents().partition(of: graph)
    var analysis = NetworkAnalysis(network: network, filterSteps: filtered.steps, components: components, metrics: results)
    progress?.finished("components", network: network.kind)
    if let detection, let pagerank = analysis.metric(.pagerank) {
      analysis.communities = CommunityStructure(detection: detection, network: network, pagerank: pagerank.values)
    }
    return analysis
  }

  /// `analysis` with its communities' papers and tags (``CommunityStructure/tags(network:corpus:papers:)``)
  /// and, for an authors or fellows network when ``labelsCommunitiesWithTerms`` and `termMap`
  /// is given, their term labels (``CommunityStructure/termLabels(_:papers:)``): both read the
  /// papers' communities, found once from the network's ``Network/paperNodes``, and are counted
  /// at the same time (two threads, each writing only its own result).
  func described(_ analysis: NetworkAnalysis, corpus: Corpus, termMap: TermMap?, progress: (any PipelineProgress)?) throws -> NetworkAnalysis {
    guard var structure = analysis.communities else { return analysis }
    let network = analysis.network
    let labelMap = labelsCommunitiesWithTerms && (network.kind == .authors || network.kind == .fellows) ? termMap : nil
    let papers = structure.paperCommunities(of: network, corpus: corpus)
    let (tags, terms) = try concurrently(
      threads: labelMap == nil ? 1 : metricSettings.threads,
      { structure.tags(network: network, corpus: corpus, papers: papers) },
      { labelMap.flatMap { structure.termLabels($0, papers: papers) } })
    structure.setTags(tags)
    progress?.finished("community tags", network: network.kind)
    var described = analysis
    if labelMap != nil {
      structure.setTermLabels(terms)
      progress?.finished("\(network.kind.rawValue) community term labels", network: nil)
    }
    described.communities = structure
    return described
  }

  /// The step name told to ``PipelineProgress/finished(_:network:)`` when the sampled closeness
  /// and harmonic estimates, computed together from one set of sampled sources, are done.
  public static let sharedEstimateStep = "closeness and harmonic (sampled estimate, shared sources)"

  /// The metrics of ``computedMetrics`` on `graph`, in that order.
  func measure(_ graph: Graph, network kind: Network.Kind, progress: (any PipelineProgress)?) throws -> [MetricResult] {
    // Estimated closeness and harmonic share one set of sampled sources (same seed, same values).
    var estimates: [Metric: EstimatedScores] = [:]
    func estimatedSettings(_ metric: Metric) -> MetricSettings? {
      var settings = metricSettings
      if skips(metric, nodeCount: graph.nodeCount) {
        guard estimatesAboveLimit, !settings.weighted else { return nil }
        settings.estimated = true
      }
      return settings.estimated ? settings : nil
    }
    if computedMetrics.contains(.closeness), computedMetrics.contains(.harmonic),
      let c = estimatedSettings(.closeness), let h = estimatedSettings(.harmonic),
      let closeness = Metric.closeness.measure(c) as? ClosenessCentrality, let harmonic = Metric.harmonic.measure(h) as? HarmonicCentrality
    {
      let reporter = progress?.begin(.closeness, network: kind)
      defer { progress?.end(.closeness, network: kind) }
      if let pair = try ClosenessCentrality.estimated(closeness, harmonic, for: graph, progress: reporter) {
        estimates[.closeness] = pair.closeness
        estimates[.harmonic] = pair.harmonic
        progress?.finished(Self.sharedEstimateStep, network: kind)
      }
    }
    let shared = estimates
    func measured(_ metric: Metric) throws -> MetricResult {
      if let run = shared[metric] {
        return MetricResult(metric: metric, values: run.scores.values, skipped: false, estimate: run.estimate)
      }
      var settings = metricSettings
      if skips(metric, nodeCount: graph.nodeCount) {
        guard estimatesAboveLimit, !settings.weighted else {
          return MetricResult(metric: metric, values: [Double](repeating: 0, count: graph.nodeCount), skipped: true)
        }
        settings.estimated = true
      }
      let measure = metric.measure(settings)
      if let estimating = measure as? any EstimatingMeasure, estimating.estimateTarget != nil {
        let run: EstimatedScores
        if let progress {
          let reporter = progress.begin(metric, network: kind)
          defer { progress.end(metric, network: kind) }
          run = try estimating.estimated(for: graph, progress: reporter)
        } else {
          run = try estimating.estimated(for: graph, progress: nil)
        }
        progress?.finished("\(metric.rawValue) (sampled estimate)", network: kind)
        return MetricResult(metric: metric, values: run.scores.values, skipped: false, estimate: run.estimate)
      }
      if let iterative = measure as? any IterativeMeasure {
        // Never throws for running out of iterations: the bound reached is kept and reported.
        let run = try iterative.run(on: graph, allowingUnconverged: true)
        progress?.finished(metric.rawValue, network: kind)
        return MetricResult(metric: metric, values: run.scores.values, skipped: false, convergence: run.convergence)
      }
      let scores: NodeScores
      if let progress {
        let reporter = progress.begin(metric, network: kind)
        defer { progress.end(metric, network: kind) }
        scores = try measure.scores(for: graph, progress: reporter)
      } else {
        scores = try measure.scores(for: graph)
      }
      progress?.finished(metric.rawValue, network: kind)
      return MetricResult(metric: metric, values: scores.values, skipped: false)
    }
    // The metrics up to the path metrics one after another (the sampled estimates use every
    // core, and at a million researchers the run's memory peaks beside them). Then, on a large
    // graph (from ``PageRank/parallelArcs`` arcs), PageRank and coreness, which run on one
    // thread (PageRank's renumbering, twin search, reduction and sweeps), on a second
    // thread beside the others (eigenvector and clustering, which use every core): at 1M,
    // PageRank 1.5 s and coreness 0.3 s with the other core mostly idle. Each metric is computed
    // alone, so the values do not depend on this; errors are thrown in metric order, as one
    // after the other. The steps each side tells `progress` are in metric order.
    let metrics = computedMetrics
    let tail = metrics.firstIndex { m in m != .degree && m != .strength && !Metric.pathMetrics.contains(m) } ?? metrics.endIndex
    let singleThreaded: Set<Metric> = graph.adjacencyTargets.count >= PageRank.parallelArcs ? [.pagerank, .coreness] : []
    let head = Array(metrics[..<tail])
    let main = metrics[tail...].filter { !singleThreaded.contains($0) }
    let side = metrics[tail...].filter { singleThreaded.contains($0) }
    // Each list stops at its first error (a cancelled metric cancels the rest of its list).
    func measuredList(_ list: [Metric]) -> [Result<MetricResult, any Error>] {
      var done: [Result<MetricResult, any Error>] = []
      for m in list {
        done.append(Result { try measured(m) })
        if case .failure = done.last { break }
      }
      return done
    }
    var results = try head.map(measured)
    let (mainResults, sideResults) = try concurrently(
      threads: side.isEmpty ? 1 : metricSettings.threads, { measuredList(main) }, { measuredList(side) })
    var byMetric: [Metric: Result<MetricResult, any Error>] = [:]
    for (m, r) in zip(main, mainResults) { byMetric[m] = r }
    for (m, r) in zip(side, sideResults) { byMetric[m] = r }
    // In metric order: the first error met is thrown, as when the metrics run one after another
    // (a metric after an error in its list was not run, and is never reached here).
    for metric in metrics[tail...] { results.append(try byMetric[metric]!.get()) }
    return results
  }
}

/// Told when each metric of a ``Pipeline`` run starts and ends (a progress bar).
///
/// Calls come from two threads at once: the first network is analysed while the others are, a
/// network's communities are detected while its metrics are computed, and on a large graph its
/// PageRank and coreness beside its eigenvector and clustering. Each thread's calls are in order.
public protocol PipelineProgress {
  /// The reporter for `metric` on the network of `kind`; returning `false` from it cancels.
  func begin(_ metric: Metric, network kind: Network.Kind) -> ProgressReporter
  func end(_ metric: Metric, network kind: Network.Kind)
  /// Told when a step of the run has finished (`"build"`, a metric's name, `"communities …"`),
  /// in order, for per-step timings; `kind` is `nil` for steps before the networks. The default
  /// does nothing.
  func finished(_ step: String, network kind: Network.Kind?)
}

extension PipelineProgress {
  public func finished(_ step: String, network kind: Network.Kind?) {}
}

/// A pipeline that does not fit its input.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case noGraph
  case edgeListGraph(Network.Kind)
  case edgeListCounting
  case edgeListPaperFilter
  case edgeListMinPapers
  /// `--graph terms` on papers with no title or abstract words (the inputs named).
  case noTermText(String)
  /// The titles and abstracts have words, but only in a non-Latin script (terms are taken from
  /// Latin-script words only).
  case onlyNonLatinTermText(String, words: Int)

  public var description: String {
    switch self {
    case .noGraph: "no network was asked for"
    case .edgeListGraph(let kind):
      "Please use '--graph authors' with an edge list: it holds only the co-authorship network, so there is no '\(kind.rawValue)' graph."
    case .edgeListCounting: "Please leave out '--counting': an edge list's weights are used as given."
    case .edgeListPaperFilter:
      "Please leave out '--since', '--until' and '--max-authors': an edge list has no papers, dates or author lists."
    case .edgeListMinPapers: "Please leave out '--min-papers': an edge list has no paper counts."
    case .noTermText(let inputs):
      "There are no terms to map: the papers of \(inputs) have no titles or abstracts with words (terms come from titles and abstracts). Please choose another '--graph'."
    case .onlyNonLatinTermText(let inputs, let words):
      "There are no terms to map: the titles and abstracts of \(inputs) have \(words) \(words == 1 ? "word" : "words"), all in a non-Latin script (Greek, Cyrillic, CJK, Arabic, …); terms are taken from Latin-script words only. Please choose another '--graph'."
    }
  }
}
