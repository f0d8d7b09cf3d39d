/// Collects undirected edges in any order and builds a ``Graph``.
///
/// Parallel edges are merged (weights summed) and self-loops dropped; both are counted so that
/// callers can report them.
///
/// `build()` orders the edge records by (lower endpoint, higher endpoint) with two stable counting
/// sorts (a two-digit LSD radix sort: first by the higher endpoint, then by the lower), so no row
/// is ever comparison-sorted; equal pairs end up adjacent, in the order they were added, and are
/// merged by summing their weights in that order (so sums are reproducible bit for bit).
///
/// - Complexity: `addEdge` amortised O(1); `build()` O(*n* + *m*) time for *m* records on *n*
///   nodes. Space: 16 bytes per record while collecting; `build()` adds 8 bytes per record
///   (two `Int32` orderings) and 16 bytes per node (counters), then the ``Graph`` itself.
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
    // Pass 1: stable counting sort of the records by higher endpoint.
    var byTarget = ContiguousArray<Int32>(repeating: 0, count: records)
    do {
      var fill = ContiguousArray<Int>(repeating: 0, count: n + 1)
      for t in targets { fill[Int(t) + 1] += 1 }
      for i in 0 ..< n { fill[i + 1] += fill[i] }
      for r in 0 ..< records {
        let t = Int(targets[r])
        byTarget[fill[t]] = Int32(r)
        fill[t] += 1
      }
    }
    // Pass 2: stable counting sort of that order by lower endpoint: records are now ordered by
    // (source, target), and equal pairs keep their insertion order.
    var order = ContiguousArray<Int32>(repeating: 0, count: records)
    do {
      var fill = ContiguousArray<Int>(repeating: 0, count: n + 1)
      for s in sources { fill[Int(s) + 1] += 1 }
      for i in 0 ..< n { fill[i + 1] += fill[i] }
      for r in byTarget {
        let s = Int(sources[Int(r)])
        order[fill[s]] = r
        fill[s] += 1
      }
    }
    byTarget = []
    // Merge runs of equal (source, target).
    var eSources = ContiguousArray<Int32>()
    var eTargets = ContiguousArray<Int32>()
    var eWeights = ContiguousArray<Double>()
    var distinct = 0
    do {
      var previous: (Int32, Int32) = (-1, -1)
      for r in order {
        let pair = (sources[Int(r)], targets[Int(r)])
        if pair != previous { distinct += 1; previous = pair }
      }
    }
    eSources.reserveCapacity(distinct)
    eTargets.reserveCapacity(distinct)
    eWeights.reserveCapacity(distinct)
    var i = 0
    while i < records {
      let r = Int(order[i])
      let s = sources[r]
      let t = targets[r]
      var w = weights[r]
      i += 1
      while i < records, sources[Int(order[i])] == s, targets[Int(order[i])] == t {
        w += weights[Int(order[i])]
        i += 1
      }
      eSources.append(s)
      eTargets.append(t)
      eWeights.append(w)
    }
    order = []
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
