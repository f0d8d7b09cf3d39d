import GraphCore

/// Reusable buffers for many single-source shortest-path searches on one graph.
///
/// Used by betweenness, closeness and harmonic centrality. One search is breadth-first (hop
/// distance) or Dijkstra with a binary heap (distance = 1 / weight, each path's length summed from
/// the source outward, exactly as networkx does, so ties between equal-length paths are decided by
/// the same floating-point values). Besides distances it counts shortest paths (σ) and records the
/// nodes in the order they were settled, which is a non-decreasing order of distance.
///
/// The graph's arrays are shared read-only (``CSRView``), so parallel workers each own one search
/// without copying the graph. The buffers are allocated once (O(*n* + *m*)) and owned by this
/// non-copyable value; a new search
/// resets only the nodes the previous one reached, so *k* searches cost O(*k*(*n* + *m*)) without
/// weights and O(*k* *m* log *m*) with them, with no allocation per search.
struct ShortestPathSearch: ~Copyable {
  let nodeCount: Int
  let isWeighted: Bool
  /// Whether σ is maintained (betweenness needs it; closeness and harmonic do not).
  let countsPaths: Bool
  /// The shared, read-only CSR arrays: `offsets[v] ..< offsets[v + 1]` are the arcs of `v`.
  let offsets: UnsafeBufferPointer<Int>
  let targets: UnsafeBufferPointer<Int32>
  /// Length of every arc: 1 without weights, `1 / weight` with them.
  let lengths: UnsafeBufferPointer<Double>
  /// Distance from the last source; `.infinity` when unreached. Hop counts are exact in `Double`.
  let distance: UnsafeMutableBufferPointer<Double>
  /// Number of shortest paths from the last source (σ), valid for reached nodes.
  let sigma: UnsafeMutableBufferPointer<Double>
  /// Reached nodes in the order they were settled; `order[0]` is the source.
  let order: UnsafeMutableBufferPointer<Int32>
  /// The number of valid entries of `order`.
  private(set) var reachedCount = 0
  private let settled: UnsafeMutableBufferPointer<Bool>
  private let heapKeys: UnsafeMutableBufferPointer<Double>
  private let heapNodes: UnsafeMutableBufferPointer<Int32>
  /// δ of the dependency accumulation.
  private let settledDelta: UnsafeMutableBufferPointer<Double>

  /// Per-search buffers over the shared arrays of `csr`, which must outlive the search.
  /// - Precondition: when `csr.isWeighted`, every length is positive and finite.
  init(csr: CSRView, countsPaths: Bool = true) {
    let n = csr.nodeCount
    let arcs = csr.targets.count
    nodeCount = n
    isWeighted = csr.isWeighted
    self.countsPaths = countsPaths
    offsets = csr.offsets
    targets = csr.targets
    lengths = csr.lengths
    distance = .allocate(capacity: n)
    distance.initialize(repeating: .infinity)
    sigma = .allocate(capacity: n)
    sigma.initialize(repeating: 0)
    order = .allocate(capacity: n)
    order.initialize(repeating: 0)
    settled = .allocate(capacity: n)
    settled.initialize(repeating: false)
    settledDelta = .allocate(capacity: countsPaths ? n : 0)
    settledDelta.initialize(repeating: 0)
    let heapCapacity = csr.isWeighted ? arcs + 1 : 0
    heapKeys = .allocate(capacity: heapCapacity)
    heapNodes = .allocate(capacity: heapCapacity)
  }

  deinit {
    distance.deallocate()
    sigma.deallocate()
    order.deallocate()
    settled.deallocate()
    heapKeys.deallocate()
    heapNodes.deallocate()
    settledDelta.deallocate()
  }

  /// After ``run(from:)`` with path counts: adds the dependency δ_s(v) of the last source on every
  /// other node to `centrality[v]` (Brandes' accumulation, in reverse settle order). The
  /// predecessors of w are the neighbours v with d(v) + ℓ(v, w) == d(w), recomputed rather than
  /// stored.
  func accumulateDependencies(into centrality: UnsafeMutableBufferPointer<Double>) {
    let delta = settledDelta
    for i in 0 ..< reachedCount { delta[Int(order[i])] = 0 }
    var i = reachedCount - 1
    while i > 0 {
      let w = Int(order[i])
      let dw = distance[w]
      let coefficient = (1 + delta[w]) / sigma[w]
      for a in offsets[w] ..< offsets[w + 1] {
        let v = Int(targets[a])
        if distance[v] + (isWeighted ? lengths[a] : 1) == dw { delta[v] += sigma[v] * coefficient }
      }
      centrality[w] += delta[w]
      i -= 1
    }
  }

  /// Computes distances, path counts and the settle order from `source`.
  mutating func run(from source: Int) {
    for i in 0 ..< reachedCount {
      let v = Int(order[i])
      distance[v] = .infinity
      settled[v] = false
    }
    if isWeighted { dijkstra(from: source) } else { breadthFirst(from: source) }
  }

  private mutating func breadthFirst(from source: Int) {
    // A local copy of the buffer (same memory): `sigma[w] += …` on the stored property of this
    // non-copyable value crashes the Swift 6.3.1 compiler under -sanitize=thread ("Invalid
    // bitcast" in its access instrumentation); through a local it compiles, with the same result.
    let sigma = self.sigma
    distance[source] = 0
    sigma[source] = 1
    order[0] = Int32(source)
    var count = 1
    var head = 0
    while head < count {
      let v = Int(order[head])
      head += 1
      let next = distance[v] + 1
      if !countsPaths {
        for a in offsets[v] ..< offsets[v + 1] {
          let w = Int(targets[a])
          if distance[w] == .infinity {
            distance[w] = next
            order[count] = Int32(w)
            count += 1
          }
        }
        continue
      }
      let sigmaV = sigma[v]
      for a in offsets[v] ..< offsets[v + 1] {
        let w = Int(targets[a])
        let dw = distance[w]
        if dw == .infinity {
          distance[w] = next
          sigma[w] = sigmaV
          order[count] = Int32(w)
          count += 1
        } else if dw == next {
          sigma[w] += sigmaV
        }
      }
    }
    reachedCount = count
  }

  private mutating func dijkstra(from source: Int) {
    let sigma = self.sigma  // see breadthFirst(from:)
    distance[source] = 0
    sigma[source] = 1
    var heapCount = 0
    push(0, source, &heapCount)
    var count = 0
    while heapCount > 0 {
      let (d, v) = popMin(&heapCount)
      if settled[v] { continue }
      settled[v] = true
      order[count] = Int32(v)
      count += 1
      let sigmaV = sigma[v]
      for a in offsets[v] ..< offsets[v + 1] {
        let w = Int(targets[a])
        if settled[w] { continue }
        let candidate = d + lengths[a]
        let dw = distance[w]
        if candidate < dw {
          distance[w] = candidate
          sigma[w] = sigmaV
          push(candidate, w, &heapCount)
        } else if candidate == dw {
          sigma[w] += sigmaV
        }
      }
    }
    reachedCount = count
  }

  // Binary min-heap on (heapKeys, heapNodes) with lazy deletion: a node is pushed once per
  // improvement of its distance (at most once per arc), and stale entries are skipped when popped.

  @inline(__always)
  private func push(_ key: Double, _ node: Int, _ count: inout Int) {
    var i = count
    count += 1
    while i > 0 {
      let parent = (i - 1) >> 1
      let pk = heapKeys[parent]
      if pk <= key { break }
      heapKeys[i] = pk
      heapNodes[i] = heapNodes[parent]
      i = parent
    }
    heapKeys[i] = key
    heapNodes[i] = Int32(node)
  }

  @inline(__always)
  private func popMin(_ count: inout Int) -> (Double, Int) {
    let top = (heapKeys[0], Int(heapNodes[0]))
    count -= 1
    let n = count
    if n == 0 { return top }
    let key = heapKeys[n]
    let node = heapNodes[n]
    var i = 0
    while true {
      var child = 2 * i + 1
      if child >= n { break }
      if child + 1 < n && heapKeys[child + 1] < heapKeys[child] { child += 1 }
      if heapKeys[child] >= key { break }
      heapKeys[i] = heapKeys[child]
      heapNodes[i] = heapNodes[child]
      i = child
    }
    heapKeys[i] = key
    heapNodes[i] = node
    return top
  }
}

/// Read-only views of a graph's CSR arrays plus the arc lengths a search uses, shared by every
/// worker of a parallel run. Valid only inside ``withCSRView(of:weighted:_:)``.
struct CSRView: @unchecked Sendable {
  // @unchecked: the buffers are only read while the owning closure runs.
  let nodeCount: Int
  let isWeighted: Bool
  let offsets: UnsafeBufferPointer<Int>
  let targets: UnsafeBufferPointer<Int32>
  /// `1 / weight` per arc with weights; empty without them (every length is 1, and nothing reads
  /// it: a million-node graph's 12 million arcs of 1.0 were 98 MB during every sampled search).
  let lengths: UnsafeBufferPointer<Double>
}

/// Calls `body` with the CSR arrays of `graph` (no copy) and, when `weighted`, arc lengths
/// 1/weight (without weights every length is 1 and none are stored).
func withCSRView<R>(of graph: Graph, weighted: Bool, _ body: (CSRView) -> R) -> R {
  let arcs = graph.adjacencyTargets.count
  let lengths = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? arcs : 0)
  defer { lengths.deallocate() }
  if weighted {
    graph.adjacencyWeights.withUnsafeBufferPointer { w in
      for a in 0 ..< arcs { lengths[a] = 1.0 / w[a] }
    }
  }
  return graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
    graph.adjacencyTargets.withUnsafeBufferPointer { targets in
      body(
        CSRView(
          nodeCount: graph.nodeCount, isWeighted: weighted, offsets: offsets, targets: targets,
          lengths: UnsafeBufferPointer(lengths)))
    }
  }
}
