import GraphCore

/// Betweenness estimated from uniformly sampled shortest paths, with a guarantee
/// (Riondato & Kornaropoulos 2016), when ``BetweennessCentrality/estimate`` is set.
///
/// Each of *r* samples draws an ordered pair (*u*, *v*), *u* ≠ *v*, uniformly, and one shortest
/// *u*–*v* path uniformly among all of them; every inner node of the path gains 1/*r*. The sum
/// `b̃(w)` estimates `b(w) = Σ_{u≠v} σ_uv(w)/σ_uv / (n(n−1))`, and with
///
///     r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,
///
/// where VD bounds the number of nodes on any shortest path (the vertex diameter), every node has
/// `|b̃(w) − b(w)| ≤ ε` at once with probability at least 1 − δ (their Theorem 2, via the
/// VC-dimension of shortest paths; c = 0.5 is the constant of Löffler & Phillips that they use).
/// networkx's pair normalisation is `b(w) · n/(n − 2)`, so the sample is drawn for
/// `ε·(n − 2)/n` and the returned `.pairs` values are within ±ε (`.none`: ±ε·(n−1)(n−2)/2).
///
/// VD is bounded per connected component by `2·ecc + 1` (``ComponentDiameterBounds``). Each
/// path is found by a balanced bidirectional breadth-first search that counts shortest paths
/// from both ends (the side whose frontier has fewer arcs grows a level; it stops at the first
/// level where the two meet), as in KADABRA (Borassi & Natale 2016): on small-world graphs a
/// sample touches a small part of the graph. Sample *i* draws from its own ``SplitMix64`` stream
/// (``sampleSeed(_:_:)`` of ``seed`` and *i*) and counts are integers, so every thread count
/// gives identical results. Hop distances only: `weighted` estimates are refused.
///
/// - Complexity: O(*r* · cost of a bidirectional search) time, at most O(*r*(*n* + *m*));
///   O(*n* + *m*) space per worker.
///
/// ## References
/// - M. Riondato, E. M. Kornaropoulos. "Fast approximation of betweenness centrality through
///   sampling." *Data Mining and Knowledge Discovery* 30(2):438–475, 2016.
///   doi:[10.1007/s10618-015-0423-0](https://doi.org/10.1007/s10618-015-0423-0)
/// - M. Borassi, E. Natale. "KADABRA is an ADaptive Algorithm for Betweenness via Random
///   Approximation." *ESA 2016*, LIPIcs 57, 20:1–20:18.
///   doi:[10.4230/LIPIcs.ESA.2016.20](https://doi.org/10.4230/LIPIcs.ESA.2016.20)
extension BetweennessCentrality: EstimatingMeasure {
  /// The default accuracy of an estimate: ±0.01 in pair-normalised betweenness, 95 % confidence.
  public static let defaultEstimate = EstimateTarget(error: 0.01, confidence: 0.95)

  public var estimateTarget: EstimateTarget? { estimate }

  /// The number of shortest-path samples for `target` on a graph of `nodeCount` nodes whose
  /// shortest paths have at most `vertexDiameter` nodes (the formula above, with ε scaled to
  /// networkx's normalisation); 0 when `vertexDiameter` ≤ 2 (no path has an inner node).
  public static func sampleSize(for target: EstimateTarget, nodeCount n: Int, vertexDiameter: Int) -> Int {
    guard n > 2, vertexDiameter > 2 else { return 0 }
    let epsilon = target.error * Double(n - 2) / Double(n)
    let logVD = Double((vertexDiameter - 2).bitWidth - (vertexDiameter - 2).leadingZeroBitCount - 1)  // ⌊log₂⌋
    let r = (0.5 / (epsilon * epsilon)) * (logVD + 1 + naturalLog(1 / (1 - target.confidence)))
    return Int(r.rounded(.up))
  }

  /// The estimate and its bound.
  /// - Throws: ``GraphError/invalidParameter(name:value:reason:)`` when ``estimate`` is `nil` or
  ///   invalid, with ``weighted``, with ``samples`` (the two kinds of sampling exclude each
  ///   other), or for `threads < 0`; ``GraphError/cancelled`` when `progress` cancels.
  public func estimated(for graph: Graph, progress: ProgressReporter? = nil) throws(GraphError) -> EstimatedScores {
    guard let target = estimate else {
      throw .invalidParameter(name: "estimate", value: .nan, reason: "is not set")
    }
    try target.validate()
    try requireThreads(threads)
    try requireParameter(!weighted, "weighted", 1, "sampled betweenness measures hops only")
    try requireParameter(samples == nil, "samples", Double(samples ?? 0), "cannot be combined with an estimate target")
    let n = graph.nodeCount
    let bounds = ComponentDiameterBounds(graph: graph)
    let vertexDiameter = (bounds.diameter.max() ?? 0) + 1
    let r = Self.sampleSize(for: target, nodeCount: n, vertexDiameter: vertexDiameter)
    let scale: Double = normalization == .pairs ? 1 : Double(n - 1) * Double(n - 2) / 2
    guard r > 0 else {
      // No shortest path has an inner node: every betweenness is exactly 0.
      return EstimatedScores(
        scores: NodeScores(values: [Double](repeating: 0, count: n)),
        estimate: Estimate(method: .exact, samples: 0, errorBound: 0, confidence: 1, target: target))
    }
    var counts = [Int](repeating: 0, count: n)
    let plan = ChunkPlan(count: r, size: 256)
    let scheduler = ChunkScheduler(plan: plan, total: r, progress: progress)
    let total = PosixMutex<[Int]>([Int](repeating: 0, count: n))
    let seed = self.seed
    withCSRView(of: graph, weighted: false) { csr in
      scheduler.run(threads: resolvedThreads(threads)) { _ in
        let search = BidirectionalPathSampler(nodeCount: n)
        let mine = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        mine.initialize(repeating: 0)
        defer { mine.deallocate() }
        while let c = scheduler.claim() {
          for i in plan.range(c) {
            var rng = SplitMix64(seed: sampleSeed(seed, i))
            let u = Int(rng.next(below: UInt64(n)))
            var v = Int(rng.next(below: UInt64(n - 1)))
            if v >= u { v += 1 }
            search.sample(from: u, to: v, csr: csr, rng: &rng) { mine[$0] += 1 }
          }
          if scheduler.isCancelled { break }
          scheduler.finished(plan.range(c).count)
        }
        // Integer counts: the order in which workers add them does not matter.
        total.withLock { t in for w in 0 ..< n where mine[w] != 0 { t[w] += mine[w] } }
      }
    }
    try scheduler.checkCancelled()
    counts = total.withLock { $0 }
    let factor = Double(n) / (Double(n - 2) * Double(r)) * scale
    let values = counts.map { Double($0) * factor }
    return EstimatedScores(
      scores: NodeScores(values: values),
      estimate: Estimate(
        method: .shortestPathSamples, samples: r, errorBound: target.error * scale, confidence: target.confidence, target: target))
  }
}

/// One uniformly random shortest path between two nodes, by a balanced bidirectional
/// breadth-first search that counts shortest paths (σ) from both ends. Buffers are allocated
/// once per worker; a sample resets only the nodes it reached.
struct BidirectionalPathSampler: ~Copyable {
  let nodeCount: Int
  /// Distance from each end (−1: not reached) and path counts from each end.
  private let distance: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>)
  private let sigma: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>)
  /// Reached nodes of each side in BFS order.
  private let reached: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>)
  private let meeting: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int) {
    nodeCount = n
    func ints() -> UnsafeMutableBufferPointer<Int32> {
      let b = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
      b.initialize(repeating: -1)
      return b
    }
    func doubles() -> UnsafeMutableBufferPointer<Double> {
      let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
      b.initialize(repeating: 0)
      return b
    }
    distance = (ints(), ints())
    sigma = (doubles(), doubles())
    reached = (ints(), ints())
    meeting = ints()
  }

  deinit {
    distance.0.deallocate()
    distance.1.deallocate()
    sigma.0.deallocate()
    sigma.1.deallocate()
    reached.0.deallocate()
    reached.1.deallocate()
    meeting.deallocate()
  }

  /// Draws one shortest `u`–`v` path uniformly (nothing when `v` is unreachable) and calls
  /// `inner` with each node strictly between `u` and `v` on it.
  func sample(from u: Int, to v: Int, csr: CSRView, rng: inout SplitMix64, inner: (Int) -> Void) {
    let offsets = csr.offsets
    let targets = csr.targets
    let dist = [distance.0, distance.1]
    let sig = [sigma.0, sigma.1]
    let list = [reached.0, reached.1]
    var count = [1, 1]
    var frontStart = [0, 0]
    var level: [Int32] = [0, 0]
    var frontArcs = [offsets[u + 1] - offsets[u], offsets[v + 1] - offsets[v]]
    dist[0][u] = 0
    sig[0][u] = 1
    list[0][0] = Int32(u)
    dist[1][v] = 0
    sig[1][v] = 1
    list[1][0] = Int32(v)
    var meetings = 0
    while meetings == 0 {
      // Grow the side whose frontier has fewer arcs; stop when either side has nothing left.
      let side = frontArcs[0] <= frontArcs[1] ? 0 : 1
      if frontStart[0] == count[0] || frontStart[1] == count[1] { break }
      let other = 1 - side
      let d = dist[side]
      let s = sig[side]
      let l = list[side]
      let next = level[side] + 1
      let start = count[side]
      var arcs = 0
      var end = start
      for i in frontStart[side] ..< start {
        let x = Int(l[i])
        let sx = s[x]
        for a in offsets[x] ..< offsets[x + 1] {
          let y = Int(targets[a])
          let dy = d[y]
          if dy < 0 {
            d[y] = next
            s[y] = sx
            l[end] = Int32(truncatingIfNeeded: y)
            end += 1
            arcs += offsets[y + 1] - offsets[y]
          } else if dy == next {
            s[y] += sx
          }
        }
      }
      count[side] = end
      frontStart[side] = start
      level[side] = next
      frontArcs[side] = arcs
      for i in start ..< count[side] {
        let y = Int(l[i])
        if dist[other][y] >= 0 {
          meeting[meetings] = Int32(truncatingIfNeeded: y)
          meetings += 1
        }
      }
    }
    if meetings > 0 {
      // The middle node, with probability σ_u(y)·σ_v(y)/σ_uv.
      var totalPaths = 0.0
      for i in 0 ..< meetings {
        let y = Int(meeting[i])
        totalPaths += sig[0][y] * sig[1][y]
      }
      var pick = rng.nextUnitInterval() * totalPaths
      var y = Int(meeting[meetings - 1])
      for i in 0 ..< meetings {
        let m = Int(meeting[i])
        pick -= sig[0][m] * sig[1][m]
        if pick < 0 { y = m; break }
      }
      if y != u && y != v { inner(y) }
      // Walk back to each end, choosing each predecessor with probability σ(p)/σ(x).
      for side in 0 ..< 2 {
        let d = dist[side]
        let s = sig[side]
        var x = y
        while d[x] > 0 {
          let want = d[x] - 1
          var pick = rng.nextUnitInterval() * s[x]
          var chosen = -1
          for a in offsets[x] ..< offsets[x + 1] {
            let p = Int(targets[a])
            guard d[p] == want else { continue }
            chosen = p
            pick -= s[p]
            if pick < 0 { break }
          }
          x = chosen
          if x != u && x != v { inner(x) }
        }
      }
    }
    for side in 0 ..< 2 {
      for i in 0 ..< count[side] {
        let x = Int(list[side][i])
        dist[side][x] = -1
        sig[side][x] = 0
      }
    }
  }
}
