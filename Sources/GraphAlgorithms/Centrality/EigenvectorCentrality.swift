import GraphCore

/// Eigenvector centrality: the principal eigenvector of the (weighted) adjacency matrix.
///
/// The score vector *x* solves `λ x = A x` for the largest eigenvalue λ of *A*
/// (`A_uv` = weight of {u, v}, or 1 when `weighted` is false): a node is central when its
/// neighbours are. The result has unit Euclidean norm and non-negative entries, matching
/// networkx `eigenvector_centrality_numpy(G, weight="weight")` on connected graphs.
///
/// It is computed by the Lanczos method (the Krylov subspace of *A* and the uniform start
/// vector, whose largest Ritz pair converges in about the square root of the power iteration's
/// steps: 25–40 matrix–vector products instead of ≈ 130 on ca-CondMat). A cycle extends the
/// basis (at most 64 vectors and 2²² numbers, i.e. 32 MiB; no reorthogonalisation) until the
/// Ritz residual estimate is small enough for the test below, then forms the unit Ritz vector *x*.
///
/// **Stopping rule: a bound on the error.** With θ = xᵀAx and the residual `r = A x − θ x`
/// (one more product), the angle φ between *x* and the principal eigenvector *v* satisfies
/// `sin φ ≤ ‖r‖₂ / δ`, δ = θ − λ₂ the distance from θ to the rest of the spectrum (Davis–Kahan;
/// Parlett, Theorem 11.7.1). For unit vectors `‖x − v‖₂ = sin φ · √(2 / (1 + cos φ))`, and
/// `‖·‖₁ ≤ √n ‖·‖₂`, so the reported ``Convergence/errorBound`` is
///
///     √n · s · √(2 / (1 + √(1 − s²))),   s = ‖r‖₂ / δ
///
/// and the iteration stops when it is ≤ ``tolerance`` (otherwise a new cycle starts from *x*). λ₂ is
/// not known: δ uses the largest second Ritz value seen, which is ≤ λ₂ by Cauchy interlacing, so the
/// bound holds once the Lanczos cycles have resolved λ₂ (the first cycle, from the uniform vector,
/// runs until the top pair is accurate to the tolerance, which resolves λ₂ to several digits when
/// δ is not tiny; measured: the bound exceeds the true error on every test graph and bench graph).
/// When the Krylov space of the start vector is invariant (regular graphs, no edges), its Ritz
/// values are exact and the power iteration never leaves it, so δ is taken inside it. Entries
/// below zero (round-off; the exact vector is non-negative) are set to 0, which only brings *x*
/// closer to *v*. The √n factor makes the bound pessimistic: at the default tolerance 1e-9 the
/// measured L1 error against ARPACK (scipy `eigsh(A, k=1, which="LA", tol=0)`) is 4e-11 to 8e-11
/// on ca-GrQc, ca-CondMat, the paperlists author graph and com-DBLP (bounds 2e-10 to 7e-10; 18 to
/// 33 products), and below 4e-10 on the small test graphs.

/// Disconnected graphs: networkx 3.6's numpy variant refuses them (`AmbiguousSolution`). Here the
/// result is the limit of the power iteration, as with networkx `eigenvector_centrality`: the
/// principal eigenvector of the component with the largest spectral radius, and (numerically) zero
/// on the other components; components that tie share the norm. A graph without edges gives the
/// uniform vector 1/√n.
///
///     try EigenvectorCentrality().scores(for: .path(3)).values   // [0.5, 0.7071…, 0.5]
///
/// - Complexity: O(*k*(*n* + *m*) + *k* · *K* · *n*) time for *k* matrix–vector products and a
///   basis of *K* vectors (*k* grows roughly as log(tolerance) / √gap, gap = (λ₁ − λ₂)/(λ₂ − λₙ));
///   O(*K* · *n*) additional space, at most 32 MiB beyond O(*n*).
///
/// ## References
/// - C. Lanczos. "An iteration method for the solution of the eigenvalue problem of linear
///   differential and integral operators." *Journal of Research of the National Bureau of
///   Standards* 45(4):255–282, 1950. doi:[10.6028/jres.045.026](https://doi.org/10.6028/jres.045.026)
/// - B. N. Parlett. *The Symmetric Eigenvalue Problem.* SIAM, 1998 (Lanczos without
///   reorthogonalisation, ch. 13; tridiagonal bisection and inverse iteration, ch. 7).
///   doi:[10.1137/1.9781611971163](https://doi.org/10.1137/1.9781611971163)
/// - C. Davis, W. M. Kahan. "The rotation of eigenvectors by a perturbation. III." *SIAM Journal
///   on Numerical Analysis* 7(1):1–46, 1970. doi:[10.1137/0707001](https://doi.org/10.1137/0707001)
/// - P. Bonacich. "Power and Centrality: A Family of Measures." *American Journal of Sociology*
///   92(5):1170–1182, 1987. doi:[10.1086/228631](https://doi.org/10.1086/228631)
/// - P. Bonacich. "Factoring and weighting approaches to status scores and clique identification."
///   *Journal of Mathematical Sociology* 2(1):113–120, 1972.
///   doi:[10.1080/0022250X.1972.9989806](https://doi.org/10.1080/0022250X.1972.9989806)
public struct EigenvectorCentrality: CentralityMeasure, Hashable, Codable {
  /// Use edge weights as matrix entries (networkx `weight="weight"`); otherwise every edge is 1.
  public var weighted: Bool
  /// The cap on matrix–vector products; at least 1 (a Lanczos cycle uses at least two: one
  /// step and the residual for the stopping test).
  public var maxIterations: Int
  /// The bound wanted on the L1 error `Σ_v |x_v − v_v|` of the result (see the stopping rule);
  /// positive.
  public var tolerance: Double
  /// Worker threads on large graphs (≥ 200,000 edges); 0 (the default) uses every online
  /// processor. The result does not depend on it.
  public var threads: Int = 0

  public init(weighted: Bool = true, maxIterations: Int = 1000, tolerance: Double = 1e-9) {
    self.weighted = weighted
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// - Returns: ``run(on:allowingUnconverged:)``'s scores: the non-negative principal
  ///   eigenvector with unit L2 norm.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try run(on: graph).scores
  }

  /// The principal eigenvector and how it was reached.
  ///
  /// - Parameter allowingUnconverged: when the cap runs out first, return the last Ritz vector
  ///   with its ``Convergence/errorBound`` (above ``tolerance``) instead of throwing.
  /// - Returns: the non-negative principal eigenvector (unit L2 norm up to the clipped round-off),
  ///   with the matrix–vector products used and the L1 error bound reached.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `maxIterations < 1` or a
  ///   non-positive `tolerance`; ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and a
  ///   weight is not positive and finite; ``GraphError/notConverged(iterations:residual:)``
  ///   (residual = the error bound reached) when the cap runs out and `allowingUnconverged` is
  ///   false.
  public func run(on graph: Graph, allowingUnconverged: Bool = false) throws(GraphError) -> IterativeScores {
    try requireIterations(maxIterations)
    try requireTolerance(tolerance)
    try requireThreads(threads)
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else {
      return IterativeScores(scores: NodeScores(values: []), convergence: Convergence(iterations: 0, errorBound: 0, tolerance: tolerance))
    }
    // Krylov basis q_0 … q_{K−1}, row j at j·n: at most 2²² doubles (32 MiB), 4 … 64 rows.
    let basisSize = Swift.min(n, Swift.max(4, Swift.min(64, (1 << 22) / n)))
    let basis = UnsafeMutableBufferPointer<Double>.allocate(capacity: basisSize * n)
    let w = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let z = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    basis.initialize(repeating: 0)
    w.initialize(repeating: 0)
    x.initialize(repeating: 0)
    z.initialize(repeating: 0)
    defer {
      basis.deallocate()
      w.deallocate()
      x.deallocate()
      z.deallocate()
    }
    // Fixed node chunks; reductions keep one partial per chunk, summed in chunk order, so the
    // result does not depend on the thread count. Threads are used on large graphs only, where the
    // fork-joins of each step pay off.
    let plan = ChunkPlan(count: n, size: 8192)
    let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.chunkCount)
    partial.initialize(repeating: 0)
    defer { partial.deallocate() }
    let workers = graph.adjacencyTargets.count >= 400_000 ? resolvedThreads(threads) : 1
    func sumPartials() -> Double {
      var total = 0.0
      for c in 0 ..< plan.chunkCount { total += partial[c] }
      return total
    }
    func row(_ j: Int) -> UnsafeMutableBufferPointer<Double> {
      UnsafeMutableBufferPointer(rebasing: basis[j * n ..< (j + 1) * n])
    }
    let rootN = Double(n).squareRoot()
    var errorBound = Double.infinity
    var products = 0
    // The largest second Ritz value seen: a lower bound on λ₂ (Cauchy interlacing).
    var secondLower = -Double.infinity
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          /// `out = A v + shift · v`; returns `v · out`.
          func product(_ v: UnsafeMutableBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>, shift: Double) -> Double {
            forEachChunk(of: plan, threads: workers) { c in
              var dot = 0.0
              for u in plan.range(c) {
                var s = shift * v[u]
                if weighted {
                  for a in offsets[u] ..< offsets[u + 1] { s += weights[a] * v[Int(targets[a])] }
                } else {
                  for a in offsets[u] ..< offsets[u + 1] { s += v[Int(targets[a])] }
                }
                out[u] = s
                dot += s * v[u]
              }
              partial[c] = dot
            }
            products += 1
            return sumPartials()
          }
          /// The L1 error bound for a unit vector with residual norm `r` and gap `gap`.
          func bound(residual r: Double, gap: Double) -> Double {
            if r == 0 { return 0 }
            guard gap > 0 else { return 2 * rootN }
            let s = r / gap
            guard s < 1 else { return 2 * rootN }
            // ‖x − v‖₂ = s · √(2 / (1 + √(1 − s²))), without the cancellation of √(2 − 2√(1 − s²)).
            return Swift.min(2 * rootN, rootN * s * (2 / (1 + (1 - s * s).squareRoot())).squareRoot())
          }
          // Start: the uniform unit vector (the power iteration's start, whose limit on
          // disconnected graphs this reproduces).
          let q0 = row(0)
          for v in 0 ..< n { q0[v] = 1 / Double(n).squareRoot() }
          while products < maxIterations {
            // One Lanczos cycle from q_0 (no reorthogonalisation: it stops as soon as the top Ritz
            // pair is accurate enough, before orthogonality is lost).
            var alpha: [Double] = []
            var beta: [Double] = []
            var ritz = (value: 0.0, vector: [1.0])
            var invariant = false
            var j = 0
            while true {
              let q = row(j)
              let a = product(q, into: w, shift: 0)
              let previousBeta = j > 0 ? beta[j - 1] : 0
              let previous = j > 0 ? row(j - 1) : q
              forEachChunk(of: plan, threads: workers) { c in
                var squares = 0.0
                for v in plan.range(c) {
                  let r = w[v] - a * q[v] - previousBeta * previous[v]
                  w[v] = r
                  squares += r * r
                }
                partial[c] = squares
              }
              let b = sumPartials().squareRoot()
              alpha.append(a)
              ritz = topEigenpair(diagonal: alpha, offDiagonal: beta)
              if j > 0 {
                secondLower = Swift.max(secondLower, ritzValue(rank: 2, diagonal: alpha, offDiagonal: beta))
              }
              invariant = b <= 1e-14 * Swift.max(1, abs(ritz.value))
              let estimate = b * abs(ritz.vector[j])  // ‖A x − θ x‖₂ of the Ritz vector
              // No second Ritz value yet: the gap is unknown, so only an invariant space stops.
              let known = secondLower > -Double.infinity
              if invariant || (known && bound(residual: estimate, gap: ritz.value - secondLower) <= 0.5 * tolerance)
                || j + 1 == basisSize || products + 1 >= maxIterations
              {
                break
              }
              beta.append(b)
              let next = row(j + 1)
              forEachChunk(of: plan, threads: workers) { c in
                for v in plan.range(c) { next[v] = w[v] / b }
              }
              j += 1
            }
            // x = Σ y_i q_i, oriented to be positive, unit norm.
            let y = ritz.vector
            let sign: Double = y[0] < 0 ? -1 : 1
            forEachChunk(of: plan, threads: workers) { c in
              let range = plan.range(c)
              for v in range { x[v] = 0 }
              for i in 0 ... j {
                let coefficient = sign * y[i]
                let q = row(i)
                for v in range { x[v] += coefficient * q[v] }
              }
              var squares = 0.0
              for v in range { squares += x[v] * x[v] }
              partial[c] = squares
            }
            let xNorm = sumPartials().squareRoot()
            forEachChunk(of: plan, threads: workers) { c in
              for v in plan.range(c) { x[v] /= xNorm }
            }
            // The stopping test: θ = xᵀAx, r = A x − θ x, bound from ‖r‖₂ and the gap.
            let theta = product(x, into: z, shift: 0)
            forEachChunk(of: plan, threads: workers) { c in
              var squares = 0.0
              for v in plan.range(c) {
                let r = z[v] - theta * x[v]
                squares += r * r
              }
              partial[c] = squares
            }
            let residual = sumPartials().squareRoot()
            // Inside an invariant Krylov space with a single Ritz value there is no other
            // eigenvalue the iteration can reach.
            // Without a second Ritz value the gap is unknown (0: no bound) unless the space is invariant.
            let gap = secondLower > -Double.infinity ? theta - secondLower : (invariant ? Double.infinity : 0)
            errorBound = bound(residual: residual, gap: gap)
            if errorBound <= tolerance { return }
            // Restart from the Ritz vector.
            for v in 0 ..< n { q0[v] = x[v] }
          }
        }
      }
    }
    // Round-off below zero (the exact vector is non-negative) becomes 0.
    var values = Array(x)
    for v in 0 ..< n where values[v] < 0 { values[v] = 0 }
    let convergence = Convergence(iterations: products, errorBound: errorBound, tolerance: tolerance)
    if !convergence.isConverged && !allowingUnconverged {
      throw .notConverged(iterations: products, residual: errorBound)
    }
    return IterativeScores(scores: NodeScores(values: values), convergence: convergence)
  }
}

/// A symmetric tridiagonal matrix (the Lanczos `T`): its Gershgorin bounds and the Sturm count
/// that bisection for its eigenvalues runs on.
struct SymmetricTridiagonal {
  /// Diagonal (k entries) and off-diagonal (k − 1 entries).
  let a: [Double]
  let b: [Double]
  /// The Gershgorin interval `[low, high]` holding every eigenvalue, and `max |a_i| + radius_i`.
  let low: Double
  let high: Double
  let scale: Double
  /// The smallest pivot magnitude the Sturm count lets through (LAPACK's `pivmin`).
  let pivotMin: Double

  init(diagonal a: [Double], offDiagonal b: [Double]) {
    self.a = a
    self.b = b
    let k = a.count
    var low = Double.infinity
    var high = -Double.infinity
    var scale = 0.0
    for i in 0 ..< k {
      let radius = (i > 0 ? abs(b[i - 1]) : 0) + (i < k - 1 ? abs(b[i]) : 0)
      low = Swift.min(low, a[i] - radius)
      high = Swift.max(high, a[i] + radius)
      scale = Swift.max(scale, abs(a[i]) + radius)
    }
    self.low = low
    self.high = high
    self.scale = scale
    self.pivotMin = Double.leastNormalMagnitude * Swift.max(1, scale * scale)
  }

  /// The number of eigenvalues below `t` (Sturm sequence by LDLᵀ elimination).
  func countBelow(_ t: Double) -> Int {
    var count = 0
    var d = 1.0
    for i in 0 ..< a.count {
      d = a[i] - t - (i > 0 ? b[i - 1] * b[i - 1] / d : 0)
      if abs(d) < pivotMin { d = -pivotMin }
      if d < 0 { count += 1 }
    }
    return count
  }

  /// Bisects `[low, high]` down to the `rank`-th largest eigenvalue (1 = the largest), keeping
  /// the invariant: fewer than k − rank + 1 eigenvalues below `low`, at least that many below
  /// `high`; stops at machine precision (at most 200 halvings).
  func bisect(rank: Int, low: Double, high: Double) -> (low: Double, high: Double) {
    let target = a.count - rank + 1
    var (low, high) = (low, high)
    for _ in 0 ..< 200 {
      let middle = 0.5 * (low + high)
      if middle <= low || middle >= high || high - low <= 2 * Double.ulpOfOne * Swift.max(abs(low), abs(high)) { break }
      if countBelow(middle) >= target { high = middle } else { low = middle }
    }
    return (low, high)
  }
}

/// The `rank`-th largest eigenvalue (1 = the largest) of the symmetric tridiagonal matrix with
/// `diagonal` and `offDiagonal`, by bisection on the Sturm count inside the Gershgorin interval.
/// - Complexity: O(*k*) per bisection step (about 60).
func ritzValue(rank: Int, diagonal a: [Double], offDiagonal b: [Double]) -> Double {
  precondition(rank >= 1 && rank <= a.count)
  let t = SymmetricTridiagonal(diagonal: a, offDiagonal: b)
  let (low, high) = t.bisect(rank: rank, low: t.low - 1, high: t.high + 1)
  return 0.5 * (low + high)
}

/// The largest eigenvalue of the symmetric tridiagonal matrix with `diagonal` and
/// `offDiagonal` (one shorter), and its unit eigenvector: bisection on the Sturm count inside
/// the Gershgorin bound, then inverse iteration just above the eigenvalue, where
/// `T − θ' I` is negative definite and elimination without pivoting is stable.
/// - Complexity: O(*k*) per bisection step (about 60) and per inverse iteration (3).
func topEigenpair(diagonal a: [Double], offDiagonal b: [Double]) -> (value: Double, vector: [Double]) {
  let k = a.count
  if k == 1 { return (a[0], [1]) }
  let t = SymmetricTridiagonal(diagonal: a, offDiagonal: b)
  let pivotMin = t.pivotMin
  // The largest eigenvalue is at least the largest diagonal entry.
  let (low, high) = t.bisect(rank: 1, low: a.max() ?? t.low, high: t.high)
  let shift = high + 1e-12 * Swift.max(t.scale, Double.leastNormalMagnitude)
  var y = [Double](repeating: 1, count: k)
  var upper = [Double](repeating: 0, count: k)
  for _ in 0 ..< 3 {
    // Solve (T − shift I) y' = y by elimination (Thomas), then normalise.
    var pivot = a[0] - shift
    upper[0] = k > 1 ? b[0] / pivot : 0
    y[0] /= pivot
    for i in 1 ..< k {
      pivot = a[i] - shift - b[i - 1] * upper[i - 1]
      if pivot == 0 { pivot = -pivotMin }
      if i < k - 1 { upper[i] = b[i] / pivot }
      y[i] = (y[i] - b[i - 1] * y[i - 1]) / pivot
    }
    var i = k - 2
    while i >= 0 {
      y[i] -= upper[i] * y[i + 1]
      i -= 1
    }
    var norm = 0.0
    for v in y { norm += v * v }
    norm = norm.squareRoot()
    for i in 0 ..< k { y[i] /= norm }
  }
  return (0.5 * (low + high), y)
}
