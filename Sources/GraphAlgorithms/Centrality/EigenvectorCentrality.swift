import GraphCore

/// Eigenvector centrality: the principal eigenvector of the (weighted) adjacency matrix.
///
/// The score vector *x* solves `λ x = A x` for the largest eigenvalue λ of *A*
/// (`A_uv` = weight of {u, v}, or 1 when `weighted` is false): a node is central when its
/// neighbours are. The result has unit Euclidean norm and non-negative entries, matching
/// networkx `eigenvector_centrality_numpy(G, weight="weight")` on connected graphs.
///
/// It is computed by the thick-restart Lanczos method with full reorthogonalisation (Wu & Simon
/// 2000): the Krylov subspace of *A* and the uniform start vector, whose largest Ritz pair
/// converges in O(√(λ₁/gap)) matrix–vector products instead of the power iteration's O(λ₁/gap)
/// (18–40 products on the test and bench graphs). Each new basis vector is orthogonalised twice
/// against all the others (classical Gram–Schmidt), so the Ritz values do not repeat; the
/// projected matrix `H = QᵀAQ` is diagonalised by Jacobi rotations. The basis holds 12 to 64
/// vectors (as many as fit in 2²³ numbers, i.e. 64 MiB, but at least 12); when it is full, the
/// largest half of the Ritz vectors is kept and the iteration goes on from the residual
/// direction, so no product is wasted.
///
/// **Stopping rule: a bound on the error.** For the unit top Ritz vector *x*, θ = xᵀAx and the
/// residual `r = A x − θ x` (one more product), the angle φ between *x* and the principal
/// eigenvector *v* satisfies `sin φ ≤ ‖r‖₂ / δ`, δ = θ − λ₂ the distance from θ to the rest of the
/// spectrum (Davis–Kahan; Parlett, Theorem 11.7.1). For unit vectors
/// `‖x − v‖₂ = sin φ · √(2 / (1 + cos φ))`, and `‖·‖₁ ≤ √n ‖·‖₂`, so the reported
/// ``Convergence/errorBound`` is
///
///     √n · s · √(2 / (1 + √(1 − s²))),   s = ‖r‖₂ / δ
///
/// and the iteration stops when it is ≤ ``tolerance``. λ₂ is not known: δ uses `θ₂ + r₂`, the
/// second Ritz value plus its residual norm: an eigenvalue lies within r₂ of θ₂ (a residual
/// interval), and λ₂ ≥ θ₂ (Cauchy interlacing), so this is λ₂ unless the Krylov space has not
/// yet seen an eigenvalue between θ₂ + r₂ and λ₁. In general the statement is about the space
/// *E* of eigenvectors whose eigenvalues lie above θ₂ + r₂: ``Convergence/errorBound`` bounds
/// the L1 distance from the result to the nearest unit vector of *E* (Davis–Kahan for a
/// subspace), which is *v* itself whenever λ₂ is resolved. When the Krylov space of the start
/// vector is invariant (regular graphs, no edges), its Ritz values are exact. Entries below zero
/// (round-off; the exact vector is non-negative) are set to 0, which only brings *x* closer to
/// *v*. The √n factor makes the bound pessimistic: at the default tolerance 1e-9 the measured L1
/// error against ARPACK (scipy `eigsh(A, k=1, which="LA", tol=0)`) is below 1e-10 on ca-GrQc,
/// ca-CondMat and com-DBLP and on the small test graphs.
///
/// **Nearly tied eigenvalues.** When λ₁ − λ₂ is tiny, the principal eigenvector is barely
/// determined by the graph (ten renamed copies of one field joined by a few links, or two copies
/// of a graph joined by one edge: eigenvalues 1e-7 apart relative to λ₁): reaching the tolerance
/// would take a residual below what double precision can reach (`‖r‖₂ < 8 ε θ`, the
/// rounding of `A x` for non-negative *A* and *x*), or more
/// products than the cap allows at the rate the residual fell over the last 24 products. The
/// iteration then stops early instead of running to the cap, returns the top Ritz vector reached
/// (within ``Convergence/errorBound`` of *E*, the eigenvectors of the eigenvalues it could not
/// separate from λ₁: the bound uses the gap from θ to the first Ritz value θᵢ whose interval
/// `θᵢ + rᵢ` lies below θ's `θ − r`; which vector of *E* it is, is not determined by the graph
/// to the tolerance)
/// and sets ``Convergence/tieWidth`` to its residual norm, about how close those eigenvalues
/// are (on a near tie the Ritz vector can have small negative entries: they are set to 0 as
/// round-off is, and the bound is the one computed before; measured on the 1M-paper graph: L1
/// distance 0.067 to *E* against a bound of 0.77); the result is not converged (a warning in the
/// pipeline; `run(on:)` without
/// `allowingUnconverged` throws ``GraphError/notConverged(iterations:residual:)``).
///
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
///   O(*K* · *n*) additional space: 12 to 64 vectors, at most 64 MiB while 12 fit, else 12 · 8*n* bytes.
///
/// ## References
/// - C. Lanczos. "An iteration method for the solution of the eigenvalue problem of linear
///   differential and integral operators." *Journal of Research of the National Bureau of
///   Standards* 45(4):255–282, 1950. doi:[10.6028/jres.045.026](https://doi.org/10.6028/jres.045.026)
/// - B. N. Parlett. *The Symmetric Eigenvalue Problem.* SIAM, 1998 (residual bounds, ch. 4 and
///   11; Lanczos, ch. 13; Jacobi rotations, ch. 9).
///   doi:[10.1137/1.9781611971163](https://doi.org/10.1137/1.9781611971163)
/// - K. Wu, H. Simon. "Thick-restart Lanczos method for large symmetric eigenvalue problems."
///   *SIAM Journal on Matrix Analysis and Applications* 22(2):602–616, 2000.
///   doi:[10.1137/S0895479898334605](https://doi.org/10.1137/S0895479898334605)
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
  /// The cap on matrix–vector products; at least 1 (a run uses at least two: one Lanczos step
  /// and the residual for the stopping test).
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
    // Orthonormal basis q_0 … q_{m−1}, row j at j·n: 12 … 64 rows, at most 2²³ doubles (64 MiB)
    // beyond 12 rows; a restart keeps the `keep` largest Ritz vectors. (2²⁴ made the eigenvector
    // the peak of a com-DBLP run: 214 MB against 150 MB now, the same 24 products and result.)
    let m = Swift.min(n, Swift.max(12, Swift.min(64, (1 << 23) / n)))
    let keep = Swift.max(1, Swift.min(m - 1, m / 2))
    let basis = UnsafeMutableBufferPointer<Double>.allocate(capacity: m * n)
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
    // Fixed node chunks; reductions keep one partial per chunk (and basis vector), summed in chunk
    // order, so the result does not depend on the thread count. Threads are used on large graphs
    // only, where the fork-joins of each step pay off.
    let plan = ChunkPlan(count: n, size: 8192)
    let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.chunkCount * m)
    partial.initialize(repeating: 0)
    defer { partial.deallocate() }
    let workers = graph.adjacencyTargets.count >= 400_000 ? resolvedThreads(threads) : 1
    func sumPartials(_ i: Int = 0) -> Double {
      var total = 0.0
      for c in 0 ..< plan.chunkCount { total += partial[c * m + i] }
      return total
    }
    func row(_ j: Int) -> UnsafeMutableBufferPointer<Double> {
      UnsafeMutableBufferPointer(rebasing: basis[j * n ..< (j + 1) * n])
    }
    let rootN = Double(n).squareRoot()
    var errorBound = Double.infinity
    var products = 0
    var tie: Double? = nil
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          /// `out = A v`; returns `v · out`.
          func product(_ v: UnsafeMutableBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double {
            forEachChunk(of: plan, threads: workers) { c in
              var dot = 0.0
              for u in plan.range(c) {
                var s = 0.0
                if weighted {
                  for a in offsets[u] ..< offsets[u + 1] { s += weights[a] * v[Int(targets[a])] }
                } else {
                  for a in offsets[u] ..< offsets[u + 1] { s += v[Int(targets[a])] }
                }
                out[u] = s
                dot += s * v[u]
              }
              partial[c * m] = dot
            }
            products += 1
            return sumPartials()
          }
          /// Removes from `w` its components along q_0 … q_{count−1} (classical Gram–Schmidt,
          /// twice) and returns them.
          func orthogonalise(count: Int) -> [Double] {
            var h = [Double](repeating: 0, count: count)
            for _ in 0 ..< 2 {
              forEachChunk(of: plan, threads: workers) { c in
                let range = plan.range(c)
                for i in 0 ..< count {
                  let q = row(i)
                  var dot = 0.0
                  for v in range { dot += q[v] * w[v] }
                  partial[c * m + i] = dot
                }
              }
              let pass = (0 ..< count).map { sumPartials($0) }
              forEachChunk(of: plan, threads: workers) { c in
                let range = plan.range(c)
                for i in 0 ..< count {
                  let q = row(i)
                  let coefficient = pass[i]
                  for v in range { w[v] -= coefficient * q[v] }
                }
              }
              for i in 0 ..< count { h[i] += pass[i] }
            }
            return h
          }
          func norm(_ v: UnsafeMutableBufferPointer<Double>) -> Double {
            forEachChunk(of: plan, threads: workers) { c in
              var squares = 0.0
              for u in plan.range(c) { squares += v[u] * v[u] }
              partial[c * m] = squares
            }
            return sumPartials().squareRoot()
          }
          /// Rows 0 ..< count of the basis become `Q · Y[:, 0 ..< count]` (Y of `rows` rows).
          func rotate(rows: Int, _ y: [[Double]], count: Int) {
            forEachChunk(of: plan, threads: workers) { c in
              let range = plan.range(c)
              var mixed = [Double](repeating: 0, count: range.count * count)
              for i in 0 ..< count {
                for l in 0 ..< rows {
                  let coefficient = y[i][l]
                  if coefficient == 0 { continue }
                  let q = row(l)
                  var o = i * range.count
                  for v in range {
                    mixed[o] += coefficient * q[v]
                    o += 1
                  }
                }
              }
              for i in 0 ..< count {
                let q = row(i)
                var o = i * range.count
                for v in range {
                  q[v] = mixed[o]
                  o += 1
                }
              }
            }
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
          // disconnected graphs and ties this reproduces).
          let q0 = row(0)
          for v in 0 ..< n { q0[v] = 1 / rootN }
          // The projected matrix H = QᵀAQ (m × m, row-major), built a column per product.
          var h = [Double](repeating: 0, count: m * m)
          var size = 1  // basis vectors in use; q_{size−1} is multiplied next
          var history: [Double] = []  // top Ritz residual estimate after each Lanczos product
          while true {
            let k = size - 1
            _ = product(row(k), into: w)
            let column = orthogonalise(count: size)
            for i in 0 ... k {
              h[i * m + k] = column[i]
              h[k * m + i] = column[i]
            }
            let beta = norm(w)
            let ritz = symmetricEigen(h, size: size, stride: m)
            let theta = ritz.values
            // Residual of Ritz pair i: ‖A Q y_i − θ_i Q y_i‖₂ = β |y_i[k]| (A Q = Q H + w e_kᵀ).
            let r1 = beta * abs(ritz.vectors[0][k])
            history.append(r1)
            let invariant = beta <= 1e-14 * Swift.max(1, abs(theta[0]))
            // λ₂ ≤ θ₂ + r₂: an eigenvalue lies within r₂ of θ₂, and λ₂ ≥ θ₂ (interlacing).
            let gap = size > 1 ? theta[0] - (theta[1] + beta * abs(ritz.vectors[1][k])) : (invariant ? Double.infinity : 0)
            let lastProduct = products + 1 >= maxIterations
            var stalled = false
            if !invariant && size > 1 && history.count >= 48 {
              // The residual the tolerance needs with the largest gap the Ritz values allow
              // (λ₁ ≤ θ₁ + r₁, λ₂ ≥ θ₂), against what the last 24 products achieved.
              let needed = 0.5 * tolerance * (theta[0] + r1 - theta[1]) / rootN
              let floor = 8 * Double.ulpOfOne * abs(theta[0])
              let before = history[history.count - 25]
              let rate = before > 0 ? (r1 / before) : 1
              if needed < floor {
                stalled = true
              } else if r1 > needed {
                let steps = rate >= 1 ? Double.infinity : 24 * naturalLog(needed / r1) / naturalLog(rate)
                stalled = steps > Double(maxIterations - products)
              }
            }
            if invariant || lastProduct || stalled || bound(residual: r1, gap: gap) <= 0.5 * tolerance {
              // x = Q y_1, oriented to a positive sum, unit norm; then the stopping test with one
              // more product: θ = xᵀAx, r = A x − θ x.
              let y = ritz.vectors[0]
              forEachChunk(of: plan, threads: workers) { c in
                let range = plan.range(c)
                for v in range { x[v] = 0 }
                for i in 0 ... k {
                  let coefficient = y[i]
                  let q = row(i)
                  for v in range { x[v] += coefficient * q[v] }
                }
                var sum = 0.0
                for v in range { sum += x[v] }
                partial[c * m] = sum
              }
              let sign: Double = sumPartials() < 0 ? -1 : 1
              let xNorm = norm(x)
              forEachChunk(of: plan, threads: workers) { c in
                for v in plan.range(c) { x[v] *= sign / xNorm }
              }
              let value = product(x, into: z)
              forEachChunk(of: plan, threads: workers) { c in
                var squares = 0.0
                for v in plan.range(c) {
                  let r = z[v] - value * x[v]
                  squares += r * r
                }
                partial[c * m] = squares
              }
              let residual = sumPartials().squareRoot()
              errorBound = bound(residual: residual, gap: gap)
              if errorBound <= tolerance { return }
              if stalled {
                // The tied eigenvalues are those the Ritz values cannot separate from θ₁: the
                // bound is to the space of their eigenvectors, with the gap to the first Ritz
                // value whose residual interval lies below θ₁'s.
                tie = Swift.max(residual, r1)
                for i in 1 ..< size {
                  let upper = theta[i] + beta * abs(ritz.vectors[i][k])
                  if upper < theta[0] - r1 {
                    errorBound = Swift.min(errorBound, bound(residual: residual, gap: theta[0] - upper))
                    break
                  }
                }
                return
              }
              if invariant || products + 1 >= maxIterations { return }
            }
            if size == m {
              // Thick restart: keep the `keep` largest Ritz vectors (H becomes diagonal there) and
              // continue from the residual direction, so A Q = Q H + w e_kᵀ still holds.
              rotate(rows: size, ritz.vectors, count: keep)
              for i in 0 ..< m * m { h[i] = 0 }
              for i in 0 ..< keep { h[i * m + i] = theta[i] }
              size = keep
            }
            let next = row(size)
            forEachChunk(of: plan, threads: workers) { c in
              for v in plan.range(c) { next[v] = w[v] / beta }
            }
            size += 1
          }
        }
      }
    }
    // Round-off below zero (the exact vector is non-negative) becomes 0.
    var values = Array(x)
    for v in 0 ..< n where values[v] < 0 { values[v] = 0 }
    let convergence = Convergence(iterations: products, errorBound: errorBound, tolerance: tolerance, tieWidth: tie)
    if !convergence.isConverged && !allowingUnconverged {
      throw .notConverged(iterations: products, residual: errorBound)
    }
    return IterativeScores(scores: NodeScores(values: values), convergence: convergence)
  }
}

/// The eigenvalues (largest first) and unit eigenvectors of the symmetric `size × size` leading
/// block of the row-major matrix `h` (row stride `stride`), by the cyclic Jacobi method: rotations
/// until every off-diagonal entry is negligible against the diagonal (at most 64 sweeps).
/// `vectors[i]` is the eigenvector of `values[i]` (sign arbitrary; equal values keep the order of
/// the diagonal).
/// - Complexity: O(*k*³) per sweep for *k* = `size`.
func symmetricEigen(_ h: [Double], size k: Int, stride: Int) -> (values: [Double], vectors: [[Double]]) {
  var a = [Double](repeating: 0, count: k * k)
  for i in 0 ..< k {
    for j in 0 ..< k { a[i * k + j] = h[i * stride + j] }
  }
  var v = [Double](repeating: 0, count: k * k)  // columns: eigenvectors
  for i in 0 ..< k { v[i * k + i] = 1 }
  for _ in 0 ..< 64 {
    var off = 0.0
    var diagonal = 0.0
    for i in 0 ..< k {
      diagonal += a[i * k + i] * a[i * k + i]
      for j in i + 1 ..< k { off += a[i * k + j] * a[i * k + j] }
    }
    if off <= Double.ulpOfOne * Double.ulpOfOne * diagonal || off == 0 { break }
    for p in 0 ..< k {
      for q in p + 1 ..< k {
        let apq = a[p * k + q]
        if apq == 0 { continue }
        let app = a[p * k + p]
        let aqq = a[q * k + q]
        let tau = (aqq - app) / (2 * apq)
        let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
        let c = 1 / (1 + t * t).squareRoot()
        let s = t * c
        for r in 0 ..< k {
          let arp = a[r * k + p]
          let arq = a[r * k + q]
          a[r * k + p] = c * arp - s * arq
          a[r * k + q] = s * arp + c * arq
        }
        for r in 0 ..< k {
          let apr = a[p * k + r]
          let aqr = a[q * k + r]
          a[p * k + r] = c * apr - s * aqr
          a[q * k + r] = s * apr + c * aqr
        }
        for r in 0 ..< k {
          let vrp = v[r * k + p]
          let vrq = v[r * k + q]
          v[r * k + p] = c * vrp - s * vrq
          v[r * k + q] = s * vrp + c * vrq
        }
      }
    }
  }
  let order = (0 ..< k).sorted { a[$0 * k + $0] > a[$1 * k + $1] || (a[$0 * k + $0] == a[$1 * k + $1] && $0 < $1) }
  return (order.map { a[$0 * k + $0] }, order.map { j in (0 ..< k).map { v[$0 * k + j] } })
}
