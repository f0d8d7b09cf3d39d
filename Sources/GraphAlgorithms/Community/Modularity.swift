import GraphCore

/// Newman–Girvan modularity of a partition, with a resolution parameter.
///
/// `Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]`, where *m* is the total edge weight, `L_c` the weight of
/// the edges inside community *c* and `K_c` the total strength of its nodes. γ = 1 is classic
/// modularity; γ < 1 favours larger communities, γ > 1 smaller ones. This is networkx
/// `community.modularity(G, communities, weight="weight", resolution=γ)`; an unweighted graph has
/// unit weights. A graph without edges has Q = 0 by convention (networkx divides by zero).
///
///     let g = Graph(nodeCount: 4, unweightedEdges: [(0, 1), (2, 3)])
///     try Modularity().value(of: Partition(labels: [0, 0, 1, 1]), in: g)   // 0.5
///
/// - Complexity: O(*n* + *m*) time, O(*n*) additional space.
///
/// ## References
/// - M. E. J. Newman. "Modularity and community structure in networks." *PNAS* 103(23):8577–8582,
///   2006. doi:[10.1073/pnas.0601602103](https://doi.org/10.1073/pnas.0601602103)
/// - J. Reichardt, S. Bornholdt. "Statistical mechanics of community detection." *Physical Review E*
///   74:016110, 2006. doi:[10.1103/PhysRevE.74.016110](https://doi.org/10.1103/PhysRevE.74.016110)
public struct Modularity: Hashable, Codable, Sendable {
  /// The resolution γ ≥ 0.
  public var resolution: Double

  public init(resolution: Double = 1.0) { self.resolution = resolution }

  /// The modularity of `partition` in `graph`.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for a negative or non-finite
  ///   resolution; ``GraphError/partitionSizeMismatch(partitionCount:nodeCount:)`` when the
  ///   partition does not cover exactly the graph's nodes; ``GraphError/invalidWeight(edge:weight:)``
  ///   when a weight is not positive and finite.
  public func value(of partition: Partition, in graph: Graph) throws(GraphError) -> Double {
    try requireParameter(resolution >= 0 && resolution.isFinite, "resolution", resolution, "must be finite and ≥ 0")
    guard partition.nodeCount == graph.nodeCount else {
      throw .partitionSizeMismatch(partitionCount: partition.nodeCount, nodeCount: graph.nodeCount)
    }
    try graph.requirePositiveWeights()
    let m = graph.totalWeight
    guard m > 0 else { return 0 }
    var inside = [Double](repeating: 0, count: partition.communityCount)
    var strength = [Double](repeating: 0, count: partition.communityCount)
    let membership = partition.membership
    for e in 0 ..< graph.edgeCount {
      let cu = Int(membership[Int(graph.edgeSources[e])])
      let cv = Int(membership[Int(graph.edgeTargets[e])])
      let w = graph.edgeWeights[e]
      strength[cu] += w
      strength[cv] += w
      if cu == cv { inside[cu] += w }
    }
    return modularity(inside: inside, strength: strength, totalWeight: m, resolution: resolution)
  }
}

/// `Σ_c [inside_c / m − γ (strength_c / 2m)²]`, summed in community order.
@inline(__always)
func modularity(inside: [Double], strength: [Double], totalWeight m: Double, resolution: Double) -> Double {
  var q = 0.0
  let norm = 1 / (4 * m * m)
  for c in 0 ..< inside.count {
    q += inside[c] / m - resolution * strength[c] * strength[c] * norm
  }
  return q
}
