import GraphCore

/// Shortest-path betweenness centrality of every node (Brandes' algorithm).
///
/// The betweenness of *v* sums, over unordered pairs {*s*, *t*} not containing *v*, the fraction of
/// shortest *s*–*t* paths that pass through *v*:
/// `c_B(v) = Σ_{s<t; s,t≠v} σ(s,t | v) / σ(s,t)`.
///
/// Conventions (networkx `betweenness_centrality`, undirected):
/// - `.none` gives the raw sum over **unordered** pairs (networkx `normalized=False`). NetworKit's
///   and igraph's directed-style sums count each pair twice, i.e. are 2× these values.
/// - `.pairs` (the default) divides by (*n*−1)(*n*−2)/2, the number of pairs that exclude *v*,
///   matching networkx's default `normalized=True`. With *n* ≤ 2 every score is 0.
/// - `weighted: false` measures path length in hops (breadth-first search);
///   `weighted: true` uses distance = 1 / weight (Dijkstra), so strong ties are short, matching
///   `betweenness_centrality(G, weight="distance")` with `distance = 1/weight`. Path lengths are
///   compared exactly, as networkx does.
///
///     let scores = try BetweennessCentrality(normalization: .none).scores(for: .path(3))  // 0 — 1 — 2
///     scores.values                                                                      // [0, 1, 0]
///
/// Sampling (``samples`` = *K* < *n*): only *K* pivot sources are searched, chosen with
/// ``SplitMix64`` from ``seed`` (the first *K* entries of a forward Fisher–Yates shuffle of
/// `0 ..< n`, where step *i* swaps entry *i* with entry `i + next(below: n − i)`), and the sums are
/// rescaled exactly as networkx 3.6 `betweenness_centrality(G, k=K)` does for that pivot set
/// (Brandes & Pich 2007): with *N* = *n* − 1, a non-pivot node is multiplied by
/// `1 / (K (N − 1))` (`.pairs`) or `N / (2K)` (`.none`), a pivot, which cannot be its own source,
/// by `1 / ((K − 1)(N − 1))` or `N / (2(K − 1))`; so a pivot's score is NaN when *K* = 1, as in
/// networkx. *K* ≥ *n* computes the exact values.
///
/// Parallelism: sources are cut into fixed chunks (their size depends on the number of sources
/// only); each chunk sums its dependencies sequentially and chunk sums are added in chunk order,
/// so every ``threads`` setting gives bit-identical results.
///
/// - Parameters (properties): ``normalization``, ``weighted``, ``threads``, ``samples``, ``seed``.
/// - Complexity: O(*nm*) time without weights, O(*nm* log *m*) with them (binary heap); *K*
///   instead of *n* sources when sampling, divided among ``threads`` workers. Additional space
///   O(*n* + *m*) plus O(*n*) per worker and per chunk in flight. *n* nodes, *m* edges.
///
/// ## References
/// - U. Brandes. "A Faster Algorithm for Betweenness Centrality."
///   *Journal of Mathematical Sociology* 25(2):163–177, 2001.
///   doi:[10.1080/0022250X.2001.9990249](https://doi.org/10.1080/0022250X.2001.9990249)
/// - U. Brandes, C. Pich. "Centrality Estimation in Large Networks." *International Journal of
///   Bifurcation and Chaos* 17(7):2303–2318, 2007.
///   doi:[10.1142/S0218127407018403](https://doi.org/10.1142/S0218127407018403)
/// - L. C. Freeman. "A set of measures of centrality based on betweenness." *Sociometry*
///   40(1):35–41, 1977. doi:[10.2307/3033543](https://doi.org/10.2307/3033543)
public struct BetweennessCentrality: CentralityMeasure, Hashable, Codable {
  /// How the raw pair sums are scaled.
  public enum Normalization: String, CaseIterable, Codable, Sendable {
    /// Raw sums over unordered pairs (networkx `normalized=False`).
    case none
    /// Divided by (*n*−1)(*n*−2)/2, the number of pairs that exclude *v* (networkx default).
    case pairs
  }

  /// The scaling of the result; `.pairs` by default.
  public var normalization: Normalization
  /// Whether path length is Σ 1/weight (Dijkstra) rather than the number of hops (BFS).
  public var weighted: Bool
  /// Worker threads; 0 (the default) uses every online processor. The result does not depend on it.
  public var threads: Int = 0
  /// The number *K* of pivot sources for an estimate, or `nil` (the default) for the exact value.
  public var samples: Int? = nil
  /// Seed of the pivot choice when ``samples`` is set, and of the path samples when ``estimate`` is.
  public var seed: UInt64 = 0
  /// When set, ``scores(for:)`` returns an estimate from sampled shortest paths with this accuracy
  /// (ε in pair-normalised betweenness, see ``estimated(for:progress:)``), or `nil` (the
  /// default) for exact values or ``samples`` pivots.
  public var estimate: EstimateTarget? = nil

  public init(normalization: Normalization = .pairs, weighted: Bool = false) {
    self.normalization = normalization
    self.weighted = weighted
  }

  /// - Returns: the betweenness of every node, scaled by ``normalization``.
  /// - Throws: ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and some weight is zero,
  ///   negative, NaN or infinite; ``GraphError/invalidParameter(name:value:reason:)`` for
  ///   `threads < 0` or `samples < 1`.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try compute(graph, progress: nil)
  }

  /// ``scores(for:)``, reporting the number of finished sources (out of *n*, or *K* when sampling)
  /// after every chunk of sources, and stopping when `progress` returns `false`.
  /// - Throws: as ``scores(for:)``, and ``GraphError/cancelled`` when cancelled.
  public func scores(for graph: Graph, progress: ProgressReporter) throws(GraphError) -> NodeScores {
    try compute(graph, progress: progress)
  }

  /// The pivot sources for `nodeCount` nodes, ascending: all nodes unless ``samples`` < *n*.
  public func sources(nodeCount n: Int) -> [Int32] {
    guard let k = samples, k < n else { return (0 ..< n).map { Int32($0) } }
    var nodes = ContiguousArray<Int32>((0 ..< n).map { Int32($0) })
    var rng = SplitMix64(seed: seed)
    for i in 0 ..< k {
      let j = i + Int(rng.next(below: UInt64(n - i)))
      nodes.swapAt(i, j)
    }
    return nodes[0 ..< k].sorted()
  }

  /// Graphs with at least this many nodes are renumbered in breadth-first order before searching.
  static let renumberingThreshold = 50_000

  private func compute(_ graph: Graph, progress: ProgressReporter?) throws(GraphError) -> NodeScores {
    if estimate != nil { return try estimated(for: graph, progress: progress).scores }
    try requireThreads(threads)
    if let samples { try requireParameter(samples >= 1, "samples", Double(samples), "must be at least 1") }
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    let sources = self.sources(nodeCount: n)
    let k = sources.count
    // On large graphs, search a copy renumbered in breadth-first order, so that nodes close in the
    // graph are close in memory (far fewer cache misses per arc); results are mapped back.
    let renumbering = n >= Self.renumberingThreshold ? graph.breadthFirstNumbering() : nil
    let searched = renumbering.map { graph.relabeled(by: $0) } ?? graph
    let searchSources = renumbering.map { p in sources.map { Int32(p[Int($0)]) } } ?? sources
    let plan = ChunkPlan(count: k, maxSize: 64)
    let scheduler = ChunkScheduler(plan: plan, total: k, progress: progress)
    let sum = OrderedVectorSum(length: n, chunkCount: plan.chunkCount)
    let weighted = self.weighted
    withCSRView(of: searched, weighted: weighted) { csr in
      scheduler.run(threads: resolvedThreads(threads)) { _ in
        if weighted {
          var search = ShortestPathSearch(csr: csr)
          while let c = scheduler.claim() {
            let buffer = sum.makeBuffer()
            for i in plan.range(c) {
              if scheduler.isCancelled { break }
              search.run(from: Int(searchSources[i]))
              search.accumulateDependencies(into: buffer)
            }
            if scheduler.isCancelled { sum.discard(buffer); break }
            sum.submit(buffer, chunk: c)
            scheduler.finished(plan.range(c).count)
          }
        } else {
          let kernel = BrandesBreadthFirst(nodeCount: n)
          while let c = scheduler.claim() {
            let buffer = sum.makeBuffer()
            for i in plan.range(c) {
              if scheduler.isCancelled { break }
              kernel.accumulate(from: Int(searchSources[i]), csr: csr, into: buffer)
            }
            if scheduler.isCancelled { sum.discard(buffer); break }
            sum.submit(buffer, chunk: c)
            scheduler.finished(plan.range(c).count)
          }
        }
      }
    }
    try scheduler.checkCancelled()
    // Scaling as networkx 3.6 `_rescale(endpoints=False)`, N = n − 1 possible targets per pair.
    var total = Array(sum.total)
    if let renumbering { total = (0 ..< n).map { total[renumbering[$0]] } }
    var values = [Double](repeating: 0, count: n)
    guard n > 2 else { return NodeScores(values: values) }
    let bigN = Double(n - 1)
    let sampled = k < n
    let kSources = sampled ? Double(k) : bigN
    let nonPivot: Double
    let pivot: Double
    switch normalization {
    case .pairs:
      nonPivot = 1 / (kSources * (bigN - 1))
      pivot = sampled ? (k > 1 ? 1 / ((kSources - 1) * (bigN - 1)) : .nan) : nonPivot
    case .none:
      nonPivot = sampled ? bigN / (kSources * 2) : 0.5
      pivot = sampled ? (k > 1 ? bigN / ((kSources - 1) * 2) : .nan) : nonPivot
    }
    for v in 0 ..< n { values[v] = total[v] * nonPivot }
    if sampled {
      for s in sources { values[Int(s)] = total[Int(s)] * pivot }
    }
    return NodeScores(values: values)
  }
}
