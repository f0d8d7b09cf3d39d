/// Collects undirected edges in any order and builds a ``Graph``.
///
/// Parallel edges are merged (weights summed) and self-loops dropped; both are counted so that
/// callers can report them.
///
/// - Complexity: `build()` is O(n + m) for the counting sort by lower endpoint plus
///   O(m log d) to order each row by the higher endpoint.
public struct GraphBuilder: Sendable {
  public let nodeCount: Int
  private var sources: ContiguousArray<Int32> = []
  private var targets: ContiguousArray<Int32> = []
  private var weights: ContiguousArray<Double> = []
  /// Self-loops seen and dropped.
  public private(set) var droppedSelfLoops = 0

  public init(nodeCount: Int) {
    precondition(nodeCount >= 0 && nodeCount <= Int(Int32.max), "nodeCount out of range")
    self.nodeCount = nodeCount
  }

  public mutating func reserveCapacity(_ edges: Int) {
    sources.reserveCapacity(edges)
    targets.reserveCapacity(edges)
    weights.reserveCapacity(edges)
  }

  /// Adds the undirected edge {u, v}. A self-loop is counted and ignored.
  /// - Precondition: `u` and `v` are in `0 ..< nodeCount`.
  public mutating func addEdge(_ u: Int, _ v: Int, weight: Double = 1) {
    precondition(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount, "edge endpoint out of range")
    if u == v {
      droppedSelfLoops += 1
      return
    }
    sources.append(Int32(min(u, v)))
    targets.append(Int32(max(u, v)))
    weights.append(weight)
  }

  public mutating func addEdge(_ u: NodeID, _ v: NodeID, weight: Double = 1) {
    addEdge(u.index, v.index, weight: weight)
  }

  /// The number of edge records added (before merging parallel edges).
  public var recordCount: Int { sources.count }

  /// Builds the graph. Parallel edges are merged into one whose weight is the sum.
  public func build() -> Graph {
    let n = nodeCount
    let records = sources.count
    // Counting sort of the records by lower endpoint.
    var start = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for s in sources { start[Int(s) + 1] += 1 }
    for i in 0 ..< n { start[i + 1] += start[i] }
    var order = ContiguousArray<Int32>(repeating: 0, count: records)
    var fill = start
    for r in 0 ..< records {
      let s = Int(sources[r])
      order[fill[s]] = Int32(r)
      fill[s] += 1
    }
    // Within each lower endpoint, sort by higher endpoint (stable by record order) and merge.
    var eSources = ContiguousArray<Int32>()
    var eTargets = ContiguousArray<Int32>()
    var eWeights = ContiguousArray<Double>()
    eSources.reserveCapacity(records)
    eTargets.reserveCapacity(records)
    eWeights.reserveCapacity(records)
    var row: [Int32] = []
    for u in 0 ..< n {
      let lo = start[u]
      let hi = start[u + 1]
      if lo == hi { continue }
      row.removeAll(keepingCapacity: true)
      for i in lo ..< hi { row.append(order[i]) }
      row.sort { a, b in
        let ta = targets[Int(a)]
        let tb = targets[Int(b)]
        return ta != tb ? ta < tb : a < b
      }
      var i = 0
      while i < row.count {
        let t = targets[Int(row[i])]
        var w = 0.0
        while i < row.count && targets[Int(row[i])] == t {
          w += weights[Int(row[i])]
          i += 1
        }
        eSources.append(Int32(u))
        eTargets.append(t)
        eWeights.append(w)
      }
    }
    let m = eSources.count
    // CSR: degrees, then arcs. Edges are sorted by (source, target), so filling arcs in edge
    // order leaves every row sorted: for node v, arcs from edges (u, v) with u < v come first
    // (ascending u), then arcs from edges (v, w) with w > v (ascending w).
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for e in 0 ..< m {
      offsets[Int(eSources[e]) + 1] += 1
      offsets[Int(eTargets[e]) + 1] += 1
    }
    for i in 0 ..< n { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var aTargets = ContiguousArray<Int32>(repeating: 0, count: 2 * m)
    var aWeights = ContiguousArray<Double>(repeating: 0, count: 2 * m)
    var aEdges = ContiguousArray<Int32>(repeating: 0, count: 2 * m)
    // Pass 1: arcs v -> u with u < v, i.e. entries where v is the edge target, in edge order
    // (ascending u for a fixed v because edges are sorted by source).
    for e in 0 ..< m {
      let v = Int(eTargets[e])
      aTargets[cursor[v]] = eSources[e]
      aWeights[cursor[v]] = eWeights[e]
      aEdges[cursor[v]] = Int32(e)
      cursor[v] += 1
    }
    // Pass 2: arcs u -> w with w > u, ascending w.
    for e in 0 ..< m {
      let u = Int(eSources[e])
      aTargets[cursor[u]] = eTargets[e]
      aWeights[cursor[u]] = eWeights[e]
      aEdges[cursor[u]] = Int32(e)
      cursor[u] += 1
    }
    return Graph(
      nodeCount: n, offsets: offsets, targets: aTargets, weights: aWeights, arcEdges: aEdges,
      sources: eSources, edgeTargets: eTargets, edgeWeights: eWeights)
  }
}
