import GraphCore

/// PageRank: the stationary distribution of a random surfer who follows an edge with probability
/// `damping` and otherwise jumps to a uniformly random node.
///
/// `x_v = (1 − α)/n + α (Σ_u x_u w_uv / s_u + Σ_{d dangling} x_d / n)`, where `s_u` is the strength
/// of *u* (its degree when `weighted` is false) and a dangling node (strength 0, e.g. an isolated
/// author) spreads its score uniformly. Scores sum to 1 (networkx `pagerank(G, alpha=α,
/// weight="weight")` computes the same vector, but stops much earlier: see below).
///
/// **Stopping rule: a bound on the error.** The power iteration from the uniform vector,
/// `x_{k+1} = T(x_k) = α M x_k + (1 − α)/n · 1` (M column-stochastic: each column of a
/// non-dangling node holds its transition probabilities, a dangling column is uniform), is a
/// contraction in the L1 norm with factor α, because `‖M z‖₁ ≤ ‖z‖₁` for every *z*. With x* the
/// fixed point, `‖x_{k−1} − x*‖₁ ≤ ‖x_{k−1} − x_k‖₁ + ‖x_k − x*‖₁ ≤ ‖x_k − x_{k−1}‖₁ + α‖x_{k−1} − x*‖₁`,
/// hence the a-posteriori bound of Banach's fixed-point theorem
///
///     ‖x_k − x*‖₁ ≤ α/(1 − α) · ‖x_k − x_{k−1}‖₁
///
/// (Kamvar, Haveliwala, Manning, Golub 2003; Langville & Meyer 2006, ch. 4). The iteration stops
/// at the first *k* where that bound is ≤ ``tolerance``, and reports it as
/// ``Convergence/errorBound``. From the uniform start `‖x_0 − x*‖₁ ≤ 2`, so
/// `‖x_k − x_{k−1}‖₁ ≤ 2α^{k−1}(1 + α)` and the bound is reached after at most
/// `k = ⌈log(tolerance · (1 − α) / (2(1 + α))) / log α⌉` steps: 162 for the defaults (α = 0.85,
/// tolerance 1e-10), usually fewer (karate club: 72, com-DBLP: 102). Round-off (a few ulps per
/// entry and step, damped by the same contraction) stays near 1e-15 in L1, far below the default.
///
/// networkx stops when `‖x_k − x_{k−1}‖₁ < n · tol` (tol = 1e-6), which bounds nothing: on
/// com-DBLP (317,080 nodes) that is 2 iterations and an L1 error of 0.11.
///
///     try PageRank().scores(for: .star(leaves: 3)).values   // [0.4797…, 0.1734…, 0.1734…, 0.1734…]
///
/// - Complexity: O(*k*(*n* + *m*)) time for *k* iterations (*k* ≤ the bound above);
///   O(*n*) additional space.
///
/// ## References
/// - L. Page, S. Brin, R. Motwani, T. Winograd. "The PageRank Citation Ranking: Bringing Order to
///   the Web." Technical report 1999-66, Stanford InfoLab, 1999.
///   [ilpubs.stanford.edu:8090/422](http://ilpubs.stanford.edu:8090/422/)
/// - S. Brin, L. Page. "The anatomy of a large-scale hypertextual Web search engine."
///   *Computer Networks and ISDN Systems* 30(1–7):107–117, 1998.
///   doi:[10.1016/S0169-7552(98)00110-X](https://doi.org/10.1016/S0169-7552(98)00110-X)
/// - S. D. Kamvar, T. H. Haveliwala, C. D. Manning, G. H. Golub. "Extrapolation methods for
///   accelerating PageRank computations." *WWW 2003* (Budapest).
///   [ilpubs.stanford.edu:8090/865](http://ilpubs.stanford.edu:8090/865/)
/// - A. N. Langville, C. D. Meyer. *Google's PageRank and Beyond.* Princeton University Press,
///   2006 (ch. 4: the power method, its rate α and stopping).
public struct PageRank: CentralityMeasure, Hashable, Codable {
  /// The probability α of following an edge; in [0, 1) (at 1 the iteration need not converge and
  /// no error bound exists).
  public var damping: Double
  /// Follow edges in proportion to their weight (networkx `weight="weight"`); otherwise uniformly.
  public var weighted: Bool
  /// The iteration cap; at least 1. The default (1000) is far above the 162 steps the default
  /// tolerance can need at α = 0.85; ``worstCaseIterations(damping:tolerance:)`` gives the need for
  /// other settings.
  public var maxIterations: Int
  /// The bound wanted on the L1 error `Σ_v |x_v − x*_v|` of the result; positive. (Not networkx's
  /// per-node `tol`.)
  public var tolerance: Double

  public init(damping: Double = 0.85, weighted: Bool = true, maxIterations: Int = 1000, tolerance: Double = 1e-10) {
    self.damping = damping
    self.weighted = weighted
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// The number of steps after which the error bound is ≤ `tolerance` on any graph:
  /// `⌈log(tolerance · (1 − α) / (2(1 + α))) / log α⌉` (1 for α = 0). 162 for α = 0.85, 1e-10.
  public static func worstCaseIterations(damping: Double, tolerance: Double) -> Int {
    guard damping > 0 else { return 1 }
    guard damping < 1 else { return Int.max }
    // The smallest k with α^k ≤ target, by binary search on k (no logarithm without Foundation).
    let target = tolerance * (1 - damping) / (2 * (1 + damping))
    func power(_ k: Int) -> Double {
      var result = 1.0, base = damping, e = k
      while e > 0 {
        if e & 1 == 1 { result *= base }
        base *= base
        e >>= 1
      }
      return result
    }
    var low = 0, high = 1
    while power(high) > target {
      if high >= 1 << 60 { return Int.max }
      low = high
      high *= 2
    }
    while high - low > 1 {
      let middle = low + (high - low) / 2
      if power(middle) > target { low = middle } else { high = middle }
    }
    return Swift.max(1, high)
  }

  /// - Returns: ``run(on:allowingUnconverged:)``'s scores: the PageRank of every node, summing to 1.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try run(on: graph).scores
  }

  /// The PageRank of every node and how it was reached.
  ///
  /// - Parameter allowingUnconverged: when the cap runs out first, return the last iterate with
  ///   its ``Convergence/errorBound`` (above ``tolerance``) instead of throwing.
  /// - Returns: the scores (summing to 1) with the steps used and the L1 error bound reached.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `damping` outside [0, 1),
  ///   `maxIterations < 1` or a non-positive `tolerance`; ``GraphError/invalidWeight(edge:weight:)``
  ///   when ``weighted`` and a weight is not positive and finite;
  ///   ``GraphError/notConverged(iterations:residual:)`` (residual = the error bound reached) when
  ///   the cap runs out and `allowingUnconverged` is false.
  public func run(on graph: Graph, allowingUnconverged: Bool = false) throws(GraphError) -> IterativeScores {
    try requireParameter(damping >= 0 && damping < 1, "damping", damping, "must be in [0, 1)")
    try requireIterations(maxIterations)
    try requireTolerance(tolerance)
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else {
      return IterativeScores(scores: NodeScores(values: []), convergence: Convergence(iterations: 0, errorBound: 0, tolerance: tolerance))
    }
    let uniform = 1 / Double(n)
    // share[u] = 1 / s_u, or 0 for dangling nodes.
    var inverseStrength = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      let s = weighted ? graph.strength(of: NodeID(v)) : Double(graph.degree(of: NodeID(v)))
      inverseStrength[v] = s > 0 ? 1 / s : 0
    }
    // ‖x_k − x*‖₁ ≤ factor · ‖x_k − x_{k−1}‖₁
    let factor = damping / (1 - damping)
    var x = [Double](repeating: uniform, count: n)
    var next = [Double](repeating: 0, count: n)
    var errorBound = Double.infinity
    var iterations = 0
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          while iterations < maxIterations {
            var dangling = 0.0
            x.withUnsafeBufferPointer { x in
              next.withUnsafeMutableBufferPointer { next in
                // next = x · P, P the row-stochastic transition matrix (pull form: P is symmetric
                // up to the row scaling, so node v gathers from its neighbours).
                for v in 0 ..< n {
                  var s = 0.0
                  if weighted {
                    for a in offsets[v] ..< offsets[v + 1] {
                      let u = Int(targets[a])
                      s += x[u] * inverseStrength[u] * weights[a]
                    }
                  } else {
                    for a in offsets[v] ..< offsets[v + 1] {
                      let u = Int(targets[a])
                      s += x[u] * inverseStrength[u]
                    }
                  }
                  next[v] = s
                  if inverseStrength[v] == 0 { dangling += x[v] }
                }
              }
            }
            var change = 0.0
            let base = damping * dangling * uniform + (1 - damping) * uniform
            for v in 0 ..< n {
              let value = damping * next[v] + base
              change += abs(value - x[v])
              next[v] = value
            }
            swap(&x, &next)
            iterations += 1
            errorBound = factor * change
            if errorBound <= tolerance { return }
          }
        }
      }
    }
    let convergence = Convergence(iterations: iterations, errorBound: errorBound, tolerance: tolerance)
    if !convergence.isConverged && !allowingUnconverged {
      throw .notConverged(iterations: iterations, residual: errorBound)
    }
    return IterativeScores(scores: NodeScores(values: x), convergence: convergence)
  }
}
