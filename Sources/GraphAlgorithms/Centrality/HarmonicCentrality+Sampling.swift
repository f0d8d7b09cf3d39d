import GraphCore

/// Harmonic centrality estimated from breadth-first searches out of sampled sources, with a
/// guarantee, when ``HarmonicCentrality/estimate`` is set.
///
/// *k* sources are drawn uniformly and independently (as for closeness, Eppstein & Wang 2004).
/// For a node *u*, `x_i = 1/d(s_i, u)` (0 when `s_i` = *u* or does not reach *u*) lies in [0, 1]
/// and has mean `H(u)/n`, so `Ĥ(u) = n·x̄` is unbiased, and by Hoeffding's inequality and a union
/// bound over the *n* nodes,
///
///     k = ⌈ln(2n/δ) / (2ε²)⌉
///
/// sources give `|Ĥ(u) − H(u)| ≤ ε·n` for every *u* at once with probability at least 1 − δ:
/// the normalised harmonic centrality `H/(n−1)` is within ±ε·n/(n−1). The interval used is the
/// tighter of that and the empirical Bernstein bound (Maurer & Pontil 2009) from the sample
/// variance of `1/d`, each with δ/2 (as for closeness); ``Estimate/errorBound`` is the largest
/// half-width over the nodes, in the unnormalised unit of the scores, so at most ε·n. Estimates
/// are kept in the possible range `[0, r − 1]` (*r* the size of *u*'s component). The searches
/// stop after the first round of 512 sources where every node's interval is within ε (as for
/// closeness, ``SampledPathSums``); when the most they would need is ≥ *n* the exact values are
/// returned (``Estimate/Method/exact``). Sources, seeds and
/// parallelism as ``ClosenessCentrality/estimated(for:progress:)``; hop distances only.
///
/// - Complexity: O(*k*/64 · *D* · (*n* + *m*)) word operations; O(*n* + *m*) space plus O(*n*)
///   per worker.
///
/// ## References
/// - D. Eppstein, J. Wang. "Fast Approximation of Centrality." *Journal of Graph Algorithms and
///   Applications* 8(1):39–45, 2004. doi:[10.7155/jgaa.00081](https://doi.org/10.7155/jgaa.00081)
/// - W. Hoeffding. "Probability Inequalities for Sums of Bounded Random Variables." *Journal of
///   the American Statistical Association* 58(301):13–30, 1963.
///   doi:[10.1080/01621459.1963.10500830](https://doi.org/10.1080/01621459.1963.10500830)
extension HarmonicCentrality: EstimatingMeasure {
  /// The default accuracy: normalised harmonic centrality within about ±0.05, 95 % confidence.
  public static let defaultEstimate = EstimateTarget(error: 0.05, confidence: 0.95)

  public var estimateTarget: EstimateTarget? { estimate }

  /// The estimate and its bound.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` when ``estimate`` is `nil` or
  ///   invalid, with ``weighted``, or for `threads < 0`; ``GraphError/cancelled``.
  public func estimated(for graph: Graph, progress: ProgressReporter? = nil) throws(GraphError) -> EstimatedScores {
    guard let target = estimate else { throw .invalidParameter(name: "estimate", value: .nan, reason: "is not set") }
    try requireParameter(!weighted, "weighted", 1, "sampled harmonic centrality measures hops only")
    guard let (sums, bounds) = try SampledPathSums.run(graph, target, seed: seed, threads: threads, progress: progress, needs: .harmonic)
    else {
      var exact = self
      exact.estimate = nil
      return .exact(try exact.scores(for: graph, progress: progress ?? .none), target)
    }
    return finish(sums, bounds, target)
  }

  func finish(_ sums: SampledPathSums, _ bounds: ComponentDiameterBounds, _ target: EstimateTarget) -> EstimatedScores {
    let n = bounds.component.count
    let k = sums.sources
    let nn = Double(n)
    var values = [Double](repeating: 0, count: n)
    var worst = 0.0
    for u in 0 ..< n {
      let most = Double(bounds.size[Int(bounds.component[u])] - 1)
      let mean = sums.harmonicSum[u] / Double(k)
      let h = sums.halfWidth(
        sum: sums.harmonicSum[u], squares: sums.harmonicSquareSum[u], range: 1, nodeCount: n, confidence: target.confidence)
      let value = min(nn * mean, most)
      let lower = min(max(0, nn * (mean - h)), value)
      let upper = max(min(most, nn * (mean + h)), value)
      values[u] = value
      worst = max(worst, value - lower, upper - value)
    }
    return EstimatedScores(
      scores: NodeScores(values: values),
      estimate: Estimate(method: .sampledSources, samples: k, errorBound: worst, confidence: target.confidence, target: target))
  }
}
