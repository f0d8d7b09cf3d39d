import GraphCore

/// Closeness estimated from breadth-first searches out of sampled sources, with a guarantee
/// (Eppstein & Wang 2004), when ``ClosenessCentrality/estimate`` is set.
///
/// *k* sources `s_1 … s_k` are drawn uniformly and independently (with replacement). For a node
/// *u* in a component of *r* nodes, `x_i = d(s_i, u)` when `s_i` is in that component and 0
/// otherwise lies in `[0, Δ]`, Δ an upper bound on the component's diameter
/// (``ComponentDiameterBounds``), and has mean `D(u)/n`, `D(u) = Σ_v d(u, v)`. By Hoeffding's
/// inequality and a union bound over the *n* nodes,
///
///     k = ⌈ln(2n/δ) / (2ε²)⌉
///
/// sources give `|n·x̄ − D(u)| ≤ n·ε·Δ` for every *u* at once with probability at least 1 − δ
/// (Eppstein & Wang's additive ε·Δ bound on average distance). The interval actually used is
/// the tighter of that and the empirical Bernstein bound (Maurer & Pontil 2009), which uses the
/// sample variance of the distances (about one hop, against a range Δ of tens), each with δ/2:
/// ``SampledPathSums/halfWidth(sum:squares:range:nodeCount:confidence:)``. The estimate is the
/// Wasserman–Faust closeness of the estimated sum, `Ĉ(u) = (r−1)² / ((n−1)·D̂(u))`, with `D̂`
/// kept in its possible range `[r−1, (r−1)·Δ]`; the stated ``Estimate/errorBound`` is the
/// largest distance, over all nodes, from `Ĉ(u)` to either end of the interval of closeness
/// values that the distance bound allows, so every value is within it (same confidence).
/// *r* is exact (connected components). The searches stop early, after the first round of 512
/// sources where every node's interval is within ε·Δ (``SampledPathSums``: the confidence is
/// split over the rounds, so the bound holds wherever the run stops); the formula above, with δ
/// split over those rounds, is the most it searches. When that maximum is ≥ *n* the exact values
/// are cheaper and are returned (``Estimate/Method/exact``).
///
/// Sources are searched 64 at a time by one bit-parallel breadth-first search; source *i* is
/// drawn from its own ``SplitMix64`` stream (``sampleSeed(_:_:)`` of ``seed`` and *i*), so the
/// result does not depend on the thread count. Hop distances only.
///
/// - Complexity: O(*k*/64 · *D* · (*n* + *m*)) word operations, *D* the largest eccentricity;
///   O(*n* + *m*) space plus O(*n*) per worker.
///
/// ## References
/// - D. Eppstein, J. Wang. "Fast Approximation of Centrality." *Journal of Graph Algorithms and
///   Applications* 8(1):39–45, 2004. doi:[10.7155/jgaa.00081](https://doi.org/10.7155/jgaa.00081)
/// - W. Hoeffding. "Probability Inequalities for Sums of Bounded Random Variables." *Journal of
///   the American Statistical Association* 58(301):13–30, 1963.
///   doi:[10.1080/01621459.1963.10500830](https://doi.org/10.1080/01621459.1963.10500830)
/// - A. Maurer, M. Pontil. "Empirical Bernstein Bounds and Sample Variance Penalization."
///   *COLT 2009*. arXiv:[0907.3740](https://arxiv.org/abs/0907.3740)
extension ClosenessCentrality: EstimatingMeasure {
  /// The default accuracy: mean distances within ±0.05·Δ, 95 % confidence.
  public static let defaultEstimate = EstimateTarget(error: 0.05, confidence: 0.95)

  public var estimateTarget: EstimateTarget? { estimate }

  /// The estimate and its bound.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` when ``estimate`` is `nil` or
  ///   invalid, with ``weighted``, or for `threads < 0`; ``GraphError/cancelled``.
  public func estimated(for graph: Graph, progress: ProgressReporter? = nil) throws(GraphError) -> EstimatedScores {
    guard let target = estimate else { throw .invalidParameter(name: "estimate", value: .nan, reason: "is not set") }
    try requireParameter(!weighted, "weighted", 1, "sampled closeness measures hops only")
    guard let (sums, bounds) = try SampledPathSums.run(graph, target, seed: seed, threads: threads, progress: progress, needs: .closeness)
    else {
      var exact = self
      exact.estimate = nil
      return .exact(try exact.scores(for: graph, progress: progress ?? .none), target)
    }
    return finish(sums, bounds, target)
  }

  /// Closeness and harmonic centrality estimated from one set of sampled sources (the report
  /// asks for both): the same values as the two ``estimated(for:progress:)`` calls, at the
  /// cost of one. `nil` when the two are not estimated with the same target, seed and hop
  /// distances (call each then).
  public static func estimated(
    _ closeness: ClosenessCentrality, _ harmonic: HarmonicCentrality, for graph: Graph, progress: ProgressReporter? = nil
  ) throws(GraphError) -> (closeness: EstimatedScores, harmonic: EstimatedScores)? {
    guard let target = closeness.estimate, harmonic.estimate == target, closeness.seed == harmonic.seed,
      !closeness.weighted, !harmonic.weighted, closeness.threads == harmonic.threads
    else { return nil }
    guard
      let (sums, bounds) = try SampledPathSums.run(
        graph, target, seed: closeness.seed, threads: closeness.threads, progress: progress, needs: .both)
    else {
      return (try closeness.estimated(for: graph, progress: progress), try harmonic.estimated(for: graph, progress: nil))
    }
    return (closeness.finish(sums, bounds, target), harmonic.finish(sums, bounds, target))
  }

  func finish(_ sums: SampledPathSums, _ bounds: ComponentDiameterBounds, _ target: EstimateTarget) -> EstimatedScores {
    let n = bounds.component.count
    let k = sums.sources
    var values = [Double](repeating: 0, count: n)
    var worst = 0.0
    let nn = Double(n)
    for u in 0 ..< n {
      let c = Int(bounds.component[u])
      let others = Double(bounds.size[c] - 1)
      guard others > 0 else { continue }
      let delta = Double(max(1, bounds.diameter[c]))
      let mean = Double(sums.distanceSum[u]) / Double(k)
      let h = sums.halfWidth(
        sum: Double(sums.distanceSum[u]), squares: Double(sums.distanceSquareSum[u]), range: delta, nodeCount: n,
        confidence: target.confidence)
      let low = others, high = others * delta
      let estimate = min(max(nn * mean, low), high)
      let lower = max(nn * (mean - h), low)
      let upper = max(min(nn * (mean + h), high), lower)
      let scale = others * others / (nn - 1)
      let value = scale / estimate
      values[u] = value
      worst = max(worst, scale / lower - value, value - scale / upper)
    }
    return EstimatedScores(
      scores: NodeScores(values: values),
      estimate: Estimate(method: .sampledSources, samples: k, errorBound: worst, confidence: target.confidence, target: target))
  }
}

extension EstimatedScores {
  /// Exact scores labelled as such (the sample would have been as large as the graph).
  static func exact(_ scores: NodeScores, _ target: EstimateTarget) -> EstimatedScores {
    EstimatedScores(
      scores: scores, estimate: Estimate(method: .exact, samples: scores.values.count, errorBound: 0, confidence: 1, target: target))
  }
}

/// Per-node sums over *k* uniformly sampled sources (with replacement): `Σ_i d(s_i, u)` (exact
/// integers) and `Σ_i 1/d(s_i, u)` over the sources that reach *u* (*u* itself excluded), for the
/// sampled closeness and harmonic estimates.
///
/// **Adaptive stopping.** Sources are searched in rounds of ``roundSize``; after each round the
/// interval of every node (``halfWidth(sum:squares:range:nodeCount:confidence:)``) is checked
/// against the target, and the run stops at the first round where every node's interval is within
/// it (closeness: `h ≤ ε·Δ` on the mean distance; harmonic: `h ≤ ε` on the mean of 1/d), or at
/// the worst-case size ``schedule(for:nodeCount:)`` where Hoeffding's bound alone guarantees it.
/// The confidence is split over the *J* possible stopping rounds (δ/J each, a union bound), so
/// the intervals hold at whichever round the run stops, with probability ≥ 1 − δ.
struct SampledPathSums {
  var distanceSum: [Int]
  /// `Σ_i d(s_i, u)²`, for the sample variance.
  var distanceSquareSum: [Int]
  var harmonicSum: [Double]
  /// `Σ_i 1/d(s_i, u)²`, for the sample variance.
  var harmonicSquareSum: [Double]
  /// Sources searched.
  private(set) var sources: Int
  /// The rounds the run could stop after (*J*); each gets δ/J.
  let checkpoints: Int

  /// Sources per round: a multiple of the 64 of one bit-parallel search.
  static let roundSize = 512

  /// Which sums a run must bring within the target.
  enum Needs { case closeness, harmonic, both }

  /// The half-width `h` of an interval holding the mean of `x` (values in `[0, range]`) for one
  /// node, given the sample sum and sum of squares, such that all *n* nodes' intervals at all
  /// ``checkpoints`` rounds hold at once with probability ≥ 1 − δ: the smaller of Hoeffding's
  /// `range·√(ln(4nJ/δ)/(2k))` and the empirical Bernstein bound of Maurer & Pontil (2009,
  /// Theorem 4, both tails) `√(2·V·ln(8nJ/δ)/k) + 7·range·ln(8nJ/δ)/(3(k − 1))`, V the sample
  /// variance; each bound is given δ/2, split over the *n* nodes and *J* rounds.
  func halfWidth(sum: Double, squares: Double, range: Double, nodeCount n: Int, confidence: Double) -> Double {
    let k = Double(sources)
    let delta = (1 - confidence) / Double(checkpoints)
    let mean = sum / k
    let variance = max(0, (squares - k * mean * mean) / (k - 1))
    let hoeffding = range * (naturalLog(4 * Double(n) / delta) / (2 * k)).squareRoot()
    let l = naturalLog(8 * Double(n) / delta)
    let bernstein = (2 * variance * l / k).squareRoot() + 7 * range * l / (3 * (k - 1))
    return min(hoeffding, bernstein)
  }

  /// `⌈ln(2n/δ) / (2ε²)⌉`: Hoeffding's bound for values in a range of width 1 (or Δ, with ε
  /// scaled by it), union over the *n* nodes (the size without adaptive stopping).
  static func sampleSize(for target: EstimateTarget, nodeCount n: Int) -> Int {
    guard n > 0 else { return 0 }
    let delta = 1 - target.confidence
    let k = naturalLog(2 * Double(n) / delta) / (2 * target.error * target.error)
    return k >= Double(Int.max / 2) ? Int.max / 2 : Int(k.rounded(.up))
  }

  /// The worst-case number of sources *K* and the number of rounds *J* = ⌈K/``roundSize``⌉:
  /// `K = ⌈ln(4nJ/δ) / (2ε²)⌉`, where the Hoeffding half-width with δ/J (as in
  /// ``halfWidth(sum:squares:range:nodeCount:confidence:)``) is ≤ ε, so a run that reaches *K*
  /// meets the target.
  static func schedule(for target: EstimateTarget, nodeCount n: Int) -> (sources: Int, checkpoints: Int) {
    guard n > 0 else { return (0, 1) }
    let delta = 1 - target.confidence
    var j = 1
    var k = 0
    for _ in 0 ..< 8 {
      let size = naturalLog(4 * Double(n) * Double(j) / delta) / (2 * target.error * target.error)
      k = size >= Double(Int.max / 4) ? Int.max / 4 : Int(size.rounded(.up))
      let rounds = (k + roundSize - 1) / roundSize
      if rounds <= j { break }
      j = rounds
    }
    return (k, j)
  }

  /// The `k` sources of a run seeded with `seed` on `n` nodes: source *i* is the first draw below
  /// *n* of the stream ``sampleSeed(_:_:)``(seed, i).
  static func sources(count k: Int, nodeCount n: Int, seed: UInt64) -> [Int] {
    (0 ..< k).map { i in
      var rng = SplitMix64(seed: sampleSeed(seed, i))
      return Int(rng.next(below: UInt64(n)))
    }
  }

  /// The searches an estimate for `target` needs, with the component diameters, or `nil` when
  /// the worst-case sample is at least as large as the graph (exact values are then cheaper).
  /// Validates `target` and `threads`.
  static func run(
    _ graph: Graph, _ target: EstimateTarget, seed: UInt64, threads: Int, progress: ProgressReporter?, needs: Needs
  ) throws(GraphError) -> (SampledPathSums, ComponentDiameterBounds)? {
    try target.validate()
    try requireThreads(threads)
    let n = graph.nodeCount
    let (k, j) = schedule(for: target, nodeCount: n)
    if k >= n { return nil }
    let bounds = ComponentDiameterBounds(graph: graph)
    let sums = try SampledPathSums(
      graph: graph, components: bounds.component, maximumSources: k, checkpoints: j, seed: seed, threads: threads, progress: progress
    ) {
      sums in sums.meets(target, bounds: bounds, needs: needs)
    }
    return (sums, bounds)
  }

  /// Whether every node's interval is within `target` (see the type's documentation).
  func meets(_ target: EstimateTarget, bounds: ComponentDiameterBounds, needs: Needs) -> Bool {
    let n = bounds.component.count
    for u in 0 ..< n {
      let c = Int(bounds.component[u])
      guard bounds.size[c] > 1 else { continue }
      if needs != .harmonic {
        let delta = Double(max(1, bounds.diameter[c]))
        let h = halfWidth(
          sum: Double(distanceSum[u]), squares: Double(distanceSquareSum[u]), range: delta, nodeCount: n,
          confidence: target.confidence)
        if h > target.error * delta { return false }
      }
      if needs != .closeness {
        let h = halfWidth(sum: harmonicSum[u], squares: harmonicSquareSum[u], range: 1, nodeCount: n, confidence: target.confidence)
        if h > target.error { return false }
      }
    }
    return true
  }

  /// Searches rounds of sources until `done(self)` after a round, or `maximumSources`.
  /// `components` (the component of each node, optional) only saves work.
  init(
    graph: Graph, components: [Int32]? = nil, maximumSources k: Int, checkpoints: Int, seed: UInt64, threads: Int, progress: ProgressReporter?,
    done: (SampledPathSums) -> Bool
  ) throws(GraphError) {
    let n = graph.nodeCount
    self.checkpoints = checkpoints
    distanceSum = [Int](repeating: 0, count: n)
    distanceSquareSum = [Int](repeating: 0, count: n)
    harmonicSum = [Double](repeating: 0, count: n)
    harmonicSquareSum = [Double](repeating: 0, count: n)
    sources = 0
    let allSources = Self.sources(count: k, nodeCount: n, seed: seed)
    let workers = resolvedThreads(threads)
    while sources < k {
      let round = sources ..< min(k, sources + Self.roundSize)
      let base = sources
      let reporter = progress.map { report in ProgressReporter { done, _ in report(base + done, k) } }
      try accumulate(Array(allSources[round]), graph: graph, components: components, threads: workers, progress: reporter)
      sources = round.upperBound
      if sources < k && done(self) {
        // Stopped early: the last report says the run is complete.
        if let progress, !progress(k, k) { throw .cancelled }
        break
      }
    }
  }

  /// Adds the searches from `batch` (in chunks of 64, one bit-parallel search each) to the sums:
  /// integers in any order, the `Double` sums per chunk in chunk order, so the result does not
  /// depend on the thread count.
  private mutating func accumulate(
    _ batch: [Int], graph: Graph, components: [Int32]?, threads: Int, progress: ProgressReporter?
  ) throws(GraphError) {
    let n = graph.nodeCount
    let plan = ChunkPlan(count: batch.count, size: 64)
    let scheduler = ChunkScheduler(plan: plan, total: batch.count, progress: progress)
    let harmonic = OrderedVectorSum(length: n, chunkCount: plan.chunkCount)
    let squares = OrderedVectorSum(length: n, chunkCount: plan.chunkCount)
    let distances = PosixMutex<([Int], [Int])>(([Int](repeating: 0, count: n), [Int](repeating: 0, count: n)))
    withCSRView(of: graph, weighted: false) { csr in
      scheduler.run(threads: threads) { _ in
        var kernel = BitParallelBreadthFirst(nodeCount: n, components: components)
        let mine = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        mine.initialize(repeating: 0)
        let mineSquares = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        mineSquares.initialize(repeating: 0)
        defer {
          mine.deallocate()
          mineSquares.deallocate()
        }
        while let c = scheduler.claim() {
          let buffer = harmonic.makeBuffer()
          let squareBuffer = squares.makeBuffer()
          let range = plan.range(c)
          kernel.run(sourceList: batch[range], csr: csr) { v, d, bits in
            let count = bits.nonzeroBitCount
            mine[v] += d * count
            mineSquares[v] += d * d * count
            let inverse = 1 / Double(d)
            buffer[v] += Double(count) * inverse
            squareBuffer[v] += Double(count) * inverse * inverse
          }
          if scheduler.isCancelled {
            harmonic.discard(buffer)
            squares.discard(squareBuffer)
            break
          }
          harmonic.submit(buffer, chunk: c)
          squares.submit(squareBuffer, chunk: c)
          scheduler.finished(range.count)
        }
        // Integer sums: the order in which workers add them does not matter.
        distances.withLock { t in
          for v in 0 ..< n where mine[v] != 0 {
            t.0[v] += mine[v]
            t.1[v] += mineSquares[v]
          }
        }
      }
    }
    try scheduler.checkCancelled()
    let (d, d2) = distances.withLock { $0 }
    for v in 0 ..< n {
      distanceSum[v] += d[v]
      distanceSquareSum[v] += d2[v]
      harmonicSum[v] += harmonic.total[v]
      harmonicSquareSum[v] += squares.total[v]
    }
  }
}
