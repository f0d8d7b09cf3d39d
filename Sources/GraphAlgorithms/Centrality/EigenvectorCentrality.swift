import GraphCore

/// Eigenvector centrality: the principal eigenvector of the (weighted) adjacency matrix.
///
/// The score vector *x* solves `λ x = A x` for the largest eigenvalue λ of *A*
/// (`A_uv` = weight of {u, v}, or 1 when `weighted` is false): a node is central when its
/// neighbours are. The result has unit Euclidean norm and non-negative entries, matching
/// networkx `eigenvector_centrality_numpy(G, weight="weight")` on connected graphs.
///
/// It is computed by power iteration on *A* + *I* from the uniform vector, renormalising to unit L2
/// norm each step (networkx `eigenvector_centrality`); the shift by *I* makes the iteration converge
/// on bipartite graphs too. It stops when `Σ_v |x_v − x'_v| < n · tolerance`.
///
/// Disconnected graphs: networkx 3.6's numpy variant refuses them (`AmbiguousSolution`). Here the
/// result is the limit of the power iteration, as with networkx `eigenvector_centrality`: the
/// principal eigenvector of the component with the largest spectral radius, and (numerically) zero
/// on the other components; components that tie share the norm. A graph without edges gives the
/// uniform vector 1/√n.
///
///     try EigenvectorCentrality().scores(for: .path(3)).values   // [0.5, 0.7071…, 0.5]
///
/// - Complexity: O(*k*(*n* + *m*)) time for *k* iterations (*k* grows as
///   log(tolerance) / log(|λ₂ + 1| / (λ₁ + 1))); O(*n*) additional space.
///
/// ## References
/// - P. Bonacich. "Power and Centrality: A Family of Measures." *American Journal of Sociology*
///   92(5):1170–1182, 1987. doi:[10.1086/228631](https://doi.org/10.1086/228631)
/// - P. Bonacich. "Factoring and weighting approaches to status scores and clique identification."
///   *Journal of Mathematical Sociology* 2(1):113–120, 1972.
///   doi:[10.1080/0022250X.1972.9989806](https://doi.org/10.1080/0022250X.1972.9989806)
public struct EigenvectorCentrality: CentralityMeasure, Hashable, Codable {
  /// Use edge weights as matrix entries (networkx `weight="weight"`); otherwise every edge is 1.
  public var weighted: Bool
  /// The iteration budget; at least 1.
  public var maxIterations: Int
  /// Per-node L1 change below which the iteration stops; positive.
  public var tolerance: Double
  /// Worker threads on large graphs (≥ 200,000 edges); 0 (the default) uses every online
  /// processor. The result does not depend on it.
  public var threads: Int = 0

  public init(weighted: Bool = true, maxIterations: Int = 1000, tolerance: Double = 1e-12) {
    self.weighted = weighted
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// - Returns: the non-negative principal eigenvector with unit L2 norm.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `maxIterations < 1` or a
  ///   non-positive `tolerance`; ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and a
  ///   weight is not positive and finite; ``GraphError/notConverged(iterations:residual:)`` when
  ///   the budget runs out.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    try requireIterations(maxIterations)
    try requireTolerance(tolerance)
    try requireThreads(threads)
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    let x0 = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let x1 = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    x0.initialize(repeating: 1 / Double(n))
    x1.initialize(repeating: 0)
    defer {
      x0.deallocate()
      x1.deallocate()
    }
    // Fixed node chunks; reductions keep one partial per chunk, summed in chunk order, so the
    // result does not depend on the thread count. Threads are used on large graphs only, where the
    // two fork-joins per iteration pay off.
    let plan = ChunkPlan(count: n, size: 8192)
    let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.chunkCount)
    partial.initialize(repeating: 0)
    defer { partial.deallocate() }
    let workers = graph.adjacencyTargets.count >= 400_000 ? resolvedThreads(threads) : 1
    var residual = Double.infinity
    var resultIsX0 = true
    let converged = graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          var x = x0
          var next = x1
          for _ in 0 ..< maxIterations {
            // next = (A + I) x, and the squares of each chunk.
            forEachChunk(of: plan, threads: workers) { c in
              var squares = 0.0
              for v in plan.range(c) {
                var s = x[v]
                if weighted {
                  for a in offsets[v] ..< offsets[v + 1] { s += weights[a] * x[Int(targets[a])] }
                } else {
                  for a in offsets[v] ..< offsets[v + 1] { s += x[Int(targets[a])] }
                }
                next[v] = s
                squares += s * s
              }
              partial[c] = squares
            }
            var squares = 0.0
            for c in 0 ..< plan.chunkCount { squares += partial[c] }
            let norm = squares > 0 ? squares.squareRoot() : 1
            forEachChunk(of: plan, threads: workers) { c in
              var change = 0.0
              for v in plan.range(c) {
                next[v] /= norm
                change += abs(next[v] - x[v])
              }
              partial[c] = change
            }
            var change = 0.0
            for c in 0 ..< plan.chunkCount { change += partial[c] }
            swap(&x, &next)
            resultIsX0.toggle()
            residual = change
            if change < Double(n) * tolerance { return true }
          }
          return false
        }
      }
    }
    guard converged else { throw .notConverged(iterations: maxIterations, residual: residual) }
    return NodeScores(values: Array(resultIsX0 ? x0 : x1))
  }
}
