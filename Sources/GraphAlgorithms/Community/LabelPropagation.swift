import GraphCore

/// Label propagation: every node repeatedly adopts the label carrying the most edge weight among
/// its neighbours, until no label changes.
///
/// Every node starts with its own label. This implementation is **asynchronous** (Raghavan,
/// Albert & Kumara 2007): nodes are updated one at a time, in one fixed order drawn once from
/// ``seed`` with ``SplitMix64``, each update seeing the labels already changed in the same sweep.
/// A node changes its label only when another label has *strictly* more weight than its current
/// one; among several best labels it takes the smallest. Each change then strictly raises the
/// total weight of edges whose ends share a label, so the process always converges (no
/// oscillation, unlike synchronous updates on bipartite parts); it stops after the first sweep
/// with no change. Isolated nodes keep their own label. Labels only spread along edges, so a
/// community never spans two connected components.
///
/// (The semi-synchronous variant of Cordasco & Gargano 2010 also converges, but needs a proper
/// colouring of the graph first; the asynchronous rule above is simpler and deterministic.)
///
/// Weighted: the weight of label *l* at *v* is `Σ w(v, u)` over neighbours *u* labelled *l*.
///
///     let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
///     try LabelPropagation().partition(of: g).membership   // [0, 0, 0, 1, 1, 1]
///
/// - Complexity: O(*m*) time per sweep; few sweeps in practice. O(*n*) additional space.
///
/// ## References
/// - U. N. Raghavan, R. Albert, S. Kumara. "Near linear time algorithm to detect community
///   structures in large-scale networks." *Physical Review E* 76:036106, 2007.
///   doi:[10.1103/PhysRevE.76.036106](https://doi.org/10.1103/PhysRevE.76.036106)
/// - G. Cordasco, L. Gargano. "Community detection via semi-synchronous label propagation
///   algorithms." *IEEE BASNA 2010*, 1–8. doi:[10.1109/BASNA.2010.5730298](https://doi.org/10.1109/BASNA.2010.5730298)
public struct LabelPropagation: CommunityDetector, Hashable, Codable {
  /// The seed of the node order.
  public var seed: UInt64
  /// The largest number of sweeps over the nodes, at least 1.
  public var maxIterations: Int

  public init(seed: UInt64 = 0, maxIterations: Int = 100) {
    self.seed = seed
    self.maxIterations = maxIterations
  }

  /// The converged labels, `run(on:).partition`.
  public func partition(of graph: Graph) throws(GraphError) -> Partition {
    try run(on: graph).partition
  }

  /// Runs label propagation to convergence.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` for `maxIterations < 1`;
  ///   ``GraphError/invalidWeight(edge:weight:)`` when a weight is not positive and finite;
  ///   ``GraphError/notConverged(iterations:residual:)`` (residual = labels changed in the last
  ///   sweep) when `maxIterations` sweeps still change labels.
  public func run(on graph: Graph) throws(GraphError) -> LabelPropagationResult {
    try requireIterations(maxIterations)
    try graph.requirePositiveWeights()
    let n = graph.nodeCount
    var label = ContiguousArray<Int32>(0 ..< Int32(n))
    var order = ContiguousArray<Int32>(0 ..< Int32(n))
    var rng = SplitMix64(seed: seed)
    rng.shuffle(&order)
    var weightOf = ContiguousArray<Double>(repeating: 0, count: n)
    var touched = ContiguousArray<Int32>()
    let offsets = graph.adjacencyOffsets
    let targets = graph.adjacencyTargets
    let weights = graph.adjacencyWeights
    var sweeps = 0
    var changes = 0
    repeat {
      sweeps += 1
      changes = 0
      for v32 in order {
        let v = Int(v32)
        for a in offsets[v] ..< offsets[v + 1] {
          let l = Int(label[Int(targets[a])])
          if weightOf[l] == 0 { touched.append(Int32(l)) }
          weightOf[l] += weights[a]
        }
        let own = label[v]
        var best = own
        var bestWeight = weightOf[Int(own)]
        for l in touched {
          let w = weightOf[Int(l)]
          if w > bestWeight || (w == bestWeight && l < best && bestWeight > weightOf[Int(own)]) {
            best = l
            bestWeight = w
          }
        }
        for l in touched { weightOf[Int(l)] = 0 }
        touched.removeAll(keepingCapacity: true)
        if best != own {
          label[v] = best
          changes += 1
        }
      }
    } while changes > 0 && sweeps < maxIterations
    if changes > 0 { throw .notConverged(iterations: sweeps, residual: Double(changes)) }
    return LabelPropagationResult(partition: Partition(labels: label), iterations: sweeps)
  }
}

/// The outcome of ``LabelPropagation/run(on:)``.
public struct LabelPropagationResult: Sendable, Equatable {
  /// The communities (nodes sharing a final label), canonical.
  public var partition: Partition
  /// The number of sweeps, the last of which changed nothing.
  public var iterations: Int

  public init(partition: Partition, iterations: Int) {
    self.partition = partition
    self.iterations = iterations
  }
}
