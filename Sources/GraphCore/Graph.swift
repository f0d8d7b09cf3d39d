/// An undirected, weighted, simple graph stored in compressed sparse row (CSR) form.
///
/// Nodes are the dense range `0 ..< nodeCount`. Each undirected edge {u, v} (u < v) has an
/// ``EdgeID`` and a weight, and appears twice in the adjacency arrays (once from each end).
/// Neighbours of every node are sorted by ascending ``NodeID``, so iteration order never depends
/// on insertion order. There are no self-loops and no parallel edges: ``GraphBuilder`` merges
/// parallel edges (summing weights) and drops self-loops, counting them.
///
/// Memory: 4 + 8 + 4 bytes per arc (target, weight, edge id), two arcs per edge, plus
/// 4 + 4 + 8 bytes per edge for the edge list: **48 bytes per edge**, plus 8 bytes per node
/// (offsets). Measured on SNAP com-DBLP (317,080 nodes, 1,049,866 edges): the arrays hold
/// 52.9 MB (50.4 bytes per edge with the offsets). Building it from an edge list costs more at the
/// peak: `coauthor stats dblp.csv.gz` (release, `/usr/bin/time -v`) peaks at 138 MB resident,
/// 118 MB above the process's 20 MB baseline, i.e. **112 bytes per edge** for the decompressed
/// text (13.9 MB), the labels, ``GraphBuilder``'s records (16 bytes each, plus 8 while sorting)
/// and the graph together.
///
///     let g = Graph.path(3)          // 0 — 1 — 2
///     g.neighbors(of: 1)             // [n0, n2]
///
/// - Complexity: construction O(n + m) (``GraphBuilder`` orders edges with counting sorts).
public struct Graph: Sendable, Equatable {
  /// The number of nodes, *n*.
  public let nodeCount: Int
  /// `adjacencyOffsets[v] ..< adjacencyOffsets[v + 1]` indexes the arcs leaving `v`. Length *n* + 1.
  public let adjacencyOffsets: ContiguousArray<Int>
  /// The target node of every arc. Length 2*m*.
  public let adjacencyTargets: ContiguousArray<Int32>
  /// The weight of every arc (equal to the weight of its edge). Length 2*m*.
  public let adjacencyWeights: ContiguousArray<Double>
  /// The undirected edge each arc belongs to. Length 2*m*.
  public let adjacencyEdges: ContiguousArray<Int32>
  /// Lower endpoint of each edge. Length *m*.
  public let edgeSources: ContiguousArray<Int32>
  /// Higher endpoint of each edge. Length *m*.
  public let edgeTargets: ContiguousArray<Int32>
  /// Weight of each edge. Length *m*.
  public let edgeWeights: ContiguousArray<Double>

  /// The number of undirected edges, *m*.
  @inlinable public var edgeCount: Int { edgeSources.count }

  /// Builds a graph from a list of undirected edges `(u, v, weight)`.
  ///
  /// Parallel edges are merged with their weights summed; self-loops are dropped.
  /// Use ``GraphBuilder`` to learn how many of each were seen.
  /// - Precondition: every endpoint is in `0 ..< nodeCount`.
  public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
    var builder = GraphBuilder(nodeCount: nodeCount)
    for (u, v, w) in edges { builder.addEdge(u, v, weight: w) }
    self = builder.build()
  }

  /// Builds a graph whose node count is one more than the largest endpoint.
  public init(edges: [(Int, Int, Double)]) {
    let n = edges.reduce(0) { max($0, $1.0 + 1, $1.1 + 1) }
    self.init(nodeCount: n, edges: edges)
  }

  /// Builds an unweighted graph (all weights 1) from `(u, v)` pairs.
  public init(nodeCount: Int, unweightedEdges: [(Int, Int)]) {
    self.init(nodeCount: nodeCount, edges: unweightedEdges.map { ($0.0, $0.1, 1.0) })
  }

  @usableFromInline
  internal init(
    nodeCount: Int, offsets: ContiguousArray<Int>, targets: ContiguousArray<Int32>,
    weights: ContiguousArray<Double>, arcEdges: ContiguousArray<Int32>,
    sources: ContiguousArray<Int32>, edgeTargets: ContiguousArray<Int32>,
    edgeWeights: ContiguousArray<Double>
  ) {
    self.nodeCount = nodeCount
    self.adjacencyOffsets = offsets
    self.adjacencyTargets = targets
    self.adjacencyWeights = weights
    self.adjacencyEdges = arcEdges
    self.edgeSources = sources
    self.edgeTargets = edgeTargets
    self.edgeWeights = edgeWeights
  }

  /// All node IDs in ascending order.
  @inlinable public var nodes: LazyMapSequence<Range<Int>, NodeID> { (0 ..< nodeCount).lazy.map(NodeID.init) }

  /// The neighbours of `node`, in ascending order.
  /// - Complexity: O(1) to obtain; O(degree) to iterate.
  @inlinable
  public func neighbors(of node: NodeID) -> LazyMapSequence<ArraySlice<Int32>, NodeID> {
    precondition(node.index >= 0 && node.index < nodeCount, "node \(node.rawValue) out of range")
    let range = adjacencyOffsets[node.index] ..< adjacencyOffsets[node.index + 1]
    return adjacencyTargets[range].lazy.map(NodeID.init(rawValue:))
  }

  /// The number of distinct neighbours of `node`.
  @inlinable public func degree(of node: NodeID) -> Int {
    adjacencyOffsets[node.index + 1] - adjacencyOffsets[node.index]
  }

  /// The sum of the weights of the edges at `node`.
  @inlinable public func strength(of node: NodeID) -> Double {
    var s = 0.0
    for a in adjacencyOffsets[node.index] ..< adjacencyOffsets[node.index + 1] { s += adjacencyWeights[a] }
    return s
  }

  /// The sum of all edge weights.
  public var totalWeight: Double { edgeWeights.reduce(0, +) }

  /// Whether any edge weight differs from 1.
  public var isWeighted: Bool { edgeWeights.contains { $0 != 1 } }

  /// The endpoints of an edge, lower first.
  @inlinable public func endpoints(of edge: EdgeID) -> (NodeID, NodeID) {
    (NodeID(rawValue: edgeSources[edge.index]), NodeID(rawValue: edgeTargets[edge.index]))
  }

  /// The weight of the edge between `u` and `v`, or `nil` when they are not adjacent.
  /// - Complexity: O(log degree(u)).
  public func weight(between u: NodeID, and v: NodeID) -> Double? {
    var lo = adjacencyOffsets[u.index]
    var hi = adjacencyOffsets[u.index + 1]
    while lo < hi {
      let mid = (lo + hi) / 2
      let t = adjacencyTargets[mid]
      if t == v.rawValue { return adjacencyWeights[mid] }
      if t < v.rawValue { lo = mid + 1 } else { hi = mid }
    }
    return nil
  }

  /// Throws ``GraphError/invalidWeight(edge:weight:)`` for the first edge whose weight is not
  /// positive and finite.
  public func requirePositiveWeights() throws(GraphError) {
    for e in 0 ..< edgeCount {
      let w = edgeWeights[e]
      if !(w > 0 && w.isFinite) { throw .invalidWeight(edge: EdgeID(e), weight: w) }
    }
  }

  /// The same graph with every weight replaced by `weight`.
  public func withUniformWeight(_ weight: Double) -> Graph {
    Graph(
      nodeCount: nodeCount, offsets: adjacencyOffsets, targets: adjacencyTargets,
      weights: ContiguousArray(repeating: weight, count: adjacencyTargets.count), arcEdges: adjacencyEdges,
      sources: edgeSources, edgeTargets: edgeTargets,
      edgeWeights: ContiguousArray(repeating: weight, count: edgeCount))
  }

  /// The graph with node `v` renamed to `permutation[v]`.
  /// - Precondition: `permutation` is a permutation of `0 ..< nodeCount`.
  public func relabeled(by permutation: [Int]) -> Graph {
    precondition(permutation.count == nodeCount, "permutation length must equal nodeCount")
    var builder = GraphBuilder(nodeCount: nodeCount)
    for e in 0 ..< edgeCount {
      builder.addEdge(permutation[Int(edgeSources[e])], permutation[Int(edgeTargets[e])], weight: edgeWeights[e])
    }
    return builder.build()
  }

  /// The subgraph induced by `nodes`, with node `nodes[i]` renamed to `i`.
  public func inducedSubgraph(_ nodes: [NodeID]) -> Graph {
    var newIndex = [Int32](repeating: -1, count: nodeCount)
    for (i, v) in nodes.enumerated() { newIndex[v.index] = Int32(i) }
    var builder = GraphBuilder(nodeCount: nodes.count)
    for e in 0 ..< edgeCount {
      let a = newIndex[Int(edgeSources[e])]
      let b = newIndex[Int(edgeTargets[e])]
      if a >= 0 && b >= 0 { builder.addEdge(Int(a), Int(b), weight: edgeWeights[e]) }
    }
    return builder.build()
  }

  public static func == (lhs: Graph, rhs: Graph) -> Bool {
    lhs.nodeCount == rhs.nodeCount && lhs.edgeSources == rhs.edgeSources && lhs.edgeTargets == rhs.edgeTargets
      && lhs.edgeWeights == rhs.edgeWeights
  }
}
