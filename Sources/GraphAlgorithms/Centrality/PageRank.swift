import GraphCore

/// PageRank: the stationary distribution of a random surfer who follows an edge with probability
/// `damping` and otherwise jumps to a uniformly random node.
///
/// `x_v = (1 − α)/n + α (Σ_u x_u w_uv / s_u + Σ_{d dangling} x_d / n)`, where `s_u` is the strength
/// of *u* (its degree when `weighted` is false) and a dangling node (strength 0, e.g. an isolated
/// author) spreads its score uniformly. Scores sum to 1. The iteration starts from the uniform
/// vector and stops when `Σ_v |x_v − x'_v| < n · tolerance`, exactly as networkx
/// `pagerank(G, alpha=0.85, weight="weight")` (so `tolerance = 1e-6` is networkx's `tol`).
///
///     try PageRank().scores(for: .star(leaves: 3)).values   // [0.4797…, 0.1734…, 0.1734…, 0.1734…]
///
/// - Complexity: O(*k*(*n* + *m*)) time for *k* iterations (*k* ≈ log(tolerance)/log(α));
///   O(*n*) additional space.
///
/// ## References
/// - L. Page, S. Brin, R. Motwani, T. Winograd. "The PageRank Citation Ranking: Bringing Order to
///   the Web." Technical report 1999-66, Stanford InfoLab, 1999.
///   [ilpubs.stanford.edu:8090/422](http://ilpubs.stanford.edu:8090/422/)
/// - S. Brin, L. Page. "The anatomy of a large-scale hypertextual Web search engine."
///   *Computer Networks and ISDN Systems* 30(1–7):107–117, 1998.
///   doi:[10.1016/S0169-7552(98)00110-X](https://doi.org/10.1016/S0169-7552(98)00110-X)
public struct PageRank: CentralityMeasure, Hashable, Codable {
  /// The probability α of following an edge; in [0, 1].
  public var damping: Double
  /// Follow edges in proportion to their weight (networkx `weight="weight"`); otherwise uniformly.
  public var weighted: Bool
  /// The iteration budget; at least 1 (networkx `max_iter`).
  public var maxIterations: Int
  /// Per-node L1 change below which the iteration stops (networkx `tol`); positive.
  public var tolerance: Double

  public init(damping: Double = 0.85, weighted: Bool = true, maxIterations: Int = 100, tolerance: Double = 1e-6) {
    self.damping = damping
    self.weighted = weighted
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// - Returns: the PageRank of every node; the values sum to 1.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `damping` outside [0, 1],
  ///   `maxIterations < 1` or a non-positive `tolerance`; ``GraphError/invalidWeight(edge:weight:)``
  ///   when ``weighted`` and a weight is not positive and finite;
  ///   ``GraphError/notConverged(iterations:residual:)`` when the budget runs out.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try requireParameter(damping >= 0 && damping <= 1, "damping", damping, "must be in [0, 1]")
    try requireIterations(maxIterations)
    try requireTolerance(tolerance)
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    let uniform = 1 / Double(n)
    // share[u] = 1 / s_u, or 0 for dangling nodes.
    var inverseStrength = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      let s = weighted ? graph.strength(of: NodeID(v)) : Double(graph.degree(of: NodeID(v)))
      inverseStrength[v] = s > 0 ? 1 / s : 0
    }
    var x = [Double](repeating: uniform, count: n)
    var next = [Double](repeating: 0, count: n)
    var residual = Double.infinity
    let converged = graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          for _ in 0 ..< maxIterations {
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
            residual = change
            if change < Double(n) * tolerance { return true }
          }
          return false
        }
      }
    }
    guard converged else { throw .notConverged(iterations: maxIterations, residual: residual) }
    return NodeScores(values: x)
  }
}
