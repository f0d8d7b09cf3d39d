import GraphCore

/// PageRank: the stationary distribution of a random surfer who follows an edge with probability
/// `damping` and otherwise jumps to a uniformly random node.
///
/// `x_v = (1 − α)/n + α (Σ_u x_u w_uv / s_u + Σ_{d dangling} x_d / n)`, where `s_u` is the strength
/// of *u* (its degree when `weighted` is false) and a dangling node (strength 0, e.g. an isolated
/// author) spreads its score uniformly. Scores sum to 1 (networkx `pagerank(G, alpha=α,
/// weight="weight")` computes the same vector, but stops much earlier: see below).
///
/// **Method: over-relaxed Gauss–Seidel sweeps (SOR).** Write `T(x) = α M x + (1 − α)/n · 1` (M
/// column-stochastic: each column of a non-dangling node holds its transition probabilities, a
/// dangling column is uniform); x* = T(x*) is PageRank. A sweep visits the nodes in a fixed order
/// (breadth-first, see *Speed*; below, `u < v` means u comes first), computes each node's
/// Gauss–Seidel value `g_v = T(x)_v` from the *current* vector (nodes `u < v` already contribute
/// their new value; the power iteration uses only old ones) and moves `x_v` past it:
/// `x_v ← x_v + ω (g_v − x_v)` with ω = ``relaxation(damping:)`` = `2/(1 + √(1 − α²))` (1.31 for
/// α = 0.85). In the variables `y_v = x_v / s_v` the fixed point solves `(S − α W) y = b`, a
/// symmetric, strictly diagonally dominant system (S the strengths, W the weights), so SOR
/// converges for every ω in (0, 2) (Ostrowski–Reich), and ω is Young's optimal factor for a
/// Jacobi iteration (the power iteration) of spectral radius α. Sweeps at tolerance 1e-9:
/// com-DBLP 21 (24 before the reduction below; Gauss–Seidel 51, power iteration 90), ca-CondMat
/// 21 (23; 47, 104). Before each sweep
/// the scores of every connected component C are moved along `s` (x_v ← x_v − c_C s_v, with c_C
/// chosen so that `Σ_{v∈C} x_v` equals C's exact mass `|C| g/(1 − α)`, `g = (1 − α)/(n − α k)`
/// with *k* dangling nodes): on an undirected graph that direction (the stationary distribution
/// of the walk) is the sweeps' slowest mode, and its exact size is known in closed form. All of
/// these only choose the next iterate; the stopping rule below bounds the error of whatever
/// vector is returned.
///
/// **An exact reduction.** The sweeps skip nodes whose score follows from others'
/// (PageRankSweeps.swift): each class of *twins* (nodes with the same neighbours and weights,
/// adjacent or not; equal PageRank) is swept as one unit, and each *leaf* (one neighbour p, of
/// degree ≥ 2; `x_l = β + α w_lp x_p/s_p` at the fixed point, β = `(1 − α)/n + α D/n`) is
/// substituted into p's equation, which gains a diagonal term. The reduced system, scaled by the
/// class sizes, is again symmetric and strictly diagonally dominant, so SOR converges on it for
/// every ω in (0, 2); at the end every member gets its unit's score and every leaf its value from
/// its neighbour's. On com-DBLP the sweeps visit 208,782 units and 1,444,228 arcs instead of
/// 317,080 nodes and 2,099,732 arcs, on ca-CondMat 16,402 and 138,398 instead of 23,133 and
/// 186,878: a sweep takes 28 % less time there (1.36 against 1.86–1.90 ms, 0.088 against
/// 0.122 ms; 10th percentile of 1,000 sweeps in one process, the two kernels alternated).
///
/// **Stopping rule: a bound on the error.** T is a contraction in the L1 norm with factor α
/// (`‖M z‖₁ ≤ ‖z‖₁` for every *z*), so for **any** vector x,
/// `‖x − x*‖₁ ≤ ‖x − T(x)‖₁ + ‖T(x) − T(x*)‖₁ ≤ ‖x − T(x)‖₁ + α‖x − x*‖₁`, i.e.
///
///     ‖x − x*‖₁ ≤ ‖x − T(x)‖₁ / (1 − α).
///
/// After a sweep from x to x′, `T(x′)_w − x′_w = (g_w − x′_w) + (T(x′)_w − g_w)`. The first part
/// is `(1 − ω)/ω · (x′_w − x_w)` (from `x′_w = x_w + ω(g_w − x_w)`); the second is
/// `α Σ_{u ∈ N(w), u > w} w_uw (x′_u − x_u)/s_u + α (D(x′) − D(x))/n` (the nodes `u > w` were read
/// at their old value; D is the dangling mass). Summing over w,
///
///     ‖x′ − x*‖₁ ≤ α/(1 − α) · Σ_v (c_v + (ω − 1)/(ω α)) |x′_v − x_v|,
///
/// where `c_v = Σ_{u ∈ N(v), u < v} w_uv / s_v ≤ 1` is the share of v's strength towards the
/// neighbours that read its old value (`c_v = 1` and no relaxation term for a dangling node,
/// which gets `g_v` exactly).
///
/// On the reduced system the same steps give the bound for the full vector x′ restored from the
/// last sweep (members `s y_u`, leaves `β′ + α w y_p` with the new β′, so a leaf's residual is
/// zero). For a member of unit u (multiplicity k_u, own weight S_u among its twins, leaf weight
/// L_u, ℓ_u leaves; `D_u = s_u − α S_u − α² L_u`), the unit's Gauss–Seidel value x̂ solves its
/// equation with the leaves and twins at x̂ itself, so
/// `T(x′)_w − x′_w = (x̂ − x′_u) D_u/s_u + α Σ_{U > u} w_uU k_U (y′_U − y_U) + (1 + α ℓ_u)(β′ − β)`
/// with `x̂ − x′_u = (1 − ω)/ω · (x′_u − x_u)`; summing over the k_u members of every unit and over
/// the dangling nodes (whose change bounds the β terms, as `Σ_u k_u (1 + α ℓ_u) ≤ n`),
///
///     ‖x′ − x*‖₁ ≤ α/(1 − α) · (Σ_u k_u (lower_u + (ω − 1)/(ω α) D_u) |y′_u − y_u| + Σ_d |x′_d − x_d|),
///
/// `lower_u` a member's strength towards the members of units swept before u (without the
/// reduction, k = 1 and D = s: the bound above). The sweep accumulates that sum as it goes (no
/// extra pass); the iteration stops at the first sweep where the bound is ≤ ``tolerance`` and
/// reports it as ``Convergence/errorBound``. com-DBLP at tolerance 1e-9: bound 7.9e-10, error
/// 5.1e-11 against a power iteration run to an L1 change < 1e-14 (at the default 1e-10: 23
/// sweeps, bound 9.4e-11, error 6.2e-12). The scores are the last sweep's vector
/// (not renormalised), so they sum to 1 within the bound. Round-off (a few ulps per entry and
/// sweep) stays near 1e-15 in L1, far below the default.
///
/// ``worstCaseIterations(damping:tolerance:)`` is the power iteration's a-priori count (from the
/// uniform start `‖x_0 − x*‖₁ ≤ 2`, so its step k has `‖x_k − x_{k−1}‖₁ ≤ 2α^{k−1}(1 + α)`); the
/// sweeps are not covered by that proof but need far fewer on every graph measured (karate club
/// 24 instead of 72, com-DBLP 23 instead of 102 at the default tolerance), and the cap
/// (``maxIterations``, default 1000) stops them in any case, with the bound reached.
///
/// networkx stops when `‖x_k − x_{k−1}‖₁ < n · tol` (tol = 1e-6), which bounds nothing: on
/// com-DBLP (317,080 nodes) that is 2 iterations and an L1 error of 0.11.
///
///     try PageRank().scores(for: .star(leaves: 3)).values   // [0.4797…, 0.1734…, 0.1734…, 0.1734…]
///
/// **Ties.** Twins (nodes with the same neighbours and weights, adjacent or not) have equal
/// PageRank; swept as one unit, they get the same score bit for bit, as do the leaves of one node
/// with the same weight, so rankings break such ties by node id (e.g. co-authors of a single
/// paper). A component whose nodes
/// all have the same strength (a pair, a triangle, any regular component) has the exact solution
/// `x_v = |C| g/(1 − α) / |C|`; its nodes get that value, which removes their error and makes all
/// such components tie exactly (their iterates differ in the last bits).
///
/// **Speed.** The sweeps run on the reduced graph renumbered in breadth-first order (so the
/// scores a unit gathers are mostly in cache), each window of 1,024 positions then sorted by
/// decreasing arc count and parameters (so the per-unit loop over arcs runs the same length many
/// times in a row, which halved the time per sweep on com-DBLP and ca-CondMat), single-threaded:
/// an SOR sweep is sequential by nature, and a parallel variant tried on com-DBLP (fixed blocks,
/// Jacobi across them) needed 35–45 % more sweeps without relaxation and diverged with it. The
/// one-off work (renumbering, twin search, reduction) is sequential too: com-DBLP 130–180 ms
/// (sweeps to 1e-10: 23 × 1.4 ms), ca-CondMat 8.5 ms. Every step is deterministic, so the result
/// is bit-identical for any thread count.
///
/// - Complexity: O(*k*(*n* + *m*)) time for *k* sweeps, plus O(*n* log 1024 + *m*) expected once
///   (renumbering, twins, reduction, components); O(*n* + *m*) additional space (the renumbered
///   copies). A sweep is memory-bound: it reads 12 bytes per arc (the `Int32` target and the
///   gathered `Double` score) and 28 per unit (unweighted).
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
/// - A. Arasu, J. Novak, A. Tomkins, J. Tomlin. "PageRank computation and the structure of the
///   web: experiments and algorithms." *WWW 2002*, poster (Gauss–Seidel for PageRank).
/// - D. M. Young. *Iterative Solution of Large Linear Systems.* Academic Press, 1971 (SOR and its
///   optimal factor `2/(1 + √(1 − ρ²))`). doi:[10.1016/C2013-0-11733-3](https://doi.org/10.1016/C2013-0-11733-3)
/// - R. S. Varga. *Matrix Iterative Analysis*, 2nd ed. Springer, 2000 (Gauss–Seidel on
///   diagonally dominant systems). doi:[10.1007/978-3-642-05156-2](https://doi.org/10.1007/978-3-642-05156-2)
public struct PageRank: CentralityMeasure, Hashable, Codable {
  /// The probability α of following an edge; in [0, 1) (at 1 the iteration need not converge and
  /// no error bound exists).
  public var damping: Double
  /// Follow edges in proportion to their weight (networkx `weight="weight"`); otherwise uniformly.
  public var weighted: Bool
  /// The cap on sweeps; at least 1. The default (1000) is far above the 162 steps the power
  /// iteration can need at the default tolerance and α = 0.85 (the sweeps need fewer);
  /// ``worstCaseIterations(damping:tolerance:)`` gives that count for other settings.
  public var maxIterations: Int
  /// The bound wanted on the L1 error `Σ_v |x_v − x*_v|` of the result; positive. (Not networkx's
  /// per-node `tol`.)
  public var tolerance: Double
  /// Worker threads; 0 (the default) means every online processor. PageRank itself runs on one
  /// (see *Speed*); the option is validated like every measure's, and the result never depends
  /// on it (bit-identical).
  public var threads: Int = 0

  /// Graphs with at least this many arcs (twice the edges) are large enough for the analysis
  /// pipeline to run PageRank on a thread of its own beside the other metrics.
  public static let parallelArcs = 100_000

  public init(damping: Double = 0.85, weighted: Bool = true, maxIterations: Int = 1000, tolerance: Double = 1e-10) {
    self.damping = damping
    self.weighted = weighted
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// The over-relaxation factor of the sweeps, `ω = 2 / (1 + √(1 − α²))`: Young's optimal factor
  /// for a matrix whose Jacobi iteration has spectral radius α (here `D − α W` in the variables
  /// `y = x / s`, whose Jacobi iteration is the power iteration). 1.310 for α = 0.85.
  public static func relaxation(damping: Double) -> Double {
    2 / (1 + (1 - damping * damping).squareRoot())
  }

  /// The number of power-iteration steps after which its error bound is ≤ `tolerance` on any
  /// graph (a guide for the cap; the Gauss–Seidel sweeps ``run(on:allowingUnconverged:)`` uses
  /// have needed fewer on every graph measured):
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
    try requireThreads(threads)
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else {
      return IterativeScores(scores: NodeScores(values: []), convergence: Convergence(iterations: 0, errorBound: 0, tolerance: tolerance))
    }
    if damping == 0 {
      // One step from anywhere lands on the uniform vector, exactly.
      let uniform = 1 / Double(n)
      return IterativeScores(
        scores: NodeScores(values: [Double](repeating: uniform, count: n)),
        convergence: Convergence(iterations: 1, errorBound: 0, tolerance: tolerance))
    }
    // ‖x_k − x*‖₁ ≤ ‖T(x_k) − x_k‖₁ / (1 − α) ≤ α/(1 − α) · Σ_v c_v |x_k,v − x_{k−1},v|
    let factor = damping / (1 - damping)
    let kernel = PageRankSweeps(graph: graph, damping: damping, weighted: weighted, relaxation: Self.relaxation(damping: damping))
    var errorBound = Double.infinity
    var iterations = 0
    while iterations < maxIterations {
      let change = kernel.sweep()
      iterations += 1
      errorBound = factor * change
      if errorBound <= tolerance { break }
    }
    let x = kernel.scores(graph: graph)
    let convergence = Convergence(iterations: iterations, errorBound: errorBound, tolerance: tolerance)
    if !convergence.isConverged && !allowingUnconverged {
      throw .notConverged(iterations: iterations, residual: errorBound)
    }
    return IterativeScores(scores: NodeScores(values: x), convergence: convergence)
  }
}
