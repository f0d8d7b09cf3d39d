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
/// - Parameters (properties): ``normalization``, ``weighted``.
/// - Complexity: O(*nm*) time without weights, O(*nm* log *m*) with them (binary heap);
///   O(*n* + *m*) additional space. *n* nodes, *m* edges.
///
/// ## References
/// - U. Brandes. "A Faster Algorithm for Betweenness Centrality."
///   *Journal of Mathematical Sociology* 25(2):163–177, 2001.
///   doi:[10.1080/0022250X.2001.9990249](https://doi.org/10.1080/0022250X.2001.9990249)
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

  public init(normalization: Normalization = .pairs, weighted: Bool = false) {
    self.normalization = normalization
    self.weighted = weighted
  }

  /// - Returns: the betweenness of every node, scaled by ``normalization``.
  /// - Throws: ``GraphError/invalidWeight(edge:weight:)`` when ``weighted`` and some weight is zero,
  ///   negative, NaN or infinite.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    if weighted { try graph.requirePositiveWeights() }
    let n = graph.nodeCount
    guard n > 0 else { return NodeScores(values: []) }
    var search = ShortestPathSearch(graph: graph, weighted: weighted)
    let delta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    delta.initialize(repeating: 0)
    defer { delta.deallocate() }
    var values = [Double](repeating: 0, count: n)
    values.withUnsafeMutableBufferPointer { centrality in
      for s in 0 ..< n {
        search.run(from: s)
        let order = search.order
        let distance = search.distance
        let sigma = search.sigma
        let offsets = search.offsets
        let targets = search.targets
        let lengths = search.lengths
        for i in 0 ..< search.reachedCount { delta[Int(order[i])] = 0 }
        // Dependency accumulation in reverse settle order. The predecessors of w are the
        // neighbours v with d(v) + ℓ(v, w) == d(w); they are recomputed here instead of stored.
        var i = search.reachedCount - 1
        while i > 0 {
          let w = Int(order[i])
          let dw = distance[w]
          let coefficient = (1 + delta[w]) / sigma[w]
          for a in offsets[w] ..< offsets[w + 1] {
            let v = Int(targets[a])
            if distance[v] + lengths[a] == dw { delta[v] += sigma[v] * coefficient }
          }
          centrality[w] += delta[w]
          i -= 1
        }
      }
      // Each unordered pair was counted from both ends.
      let scale: Double
      switch normalization {
      case .none: scale = 0.5
      case .pairs: scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 0
      }
      for v in 0 ..< n { centrality[v] *= scale }
    }
    return NodeScores(values: values)
  }
}
