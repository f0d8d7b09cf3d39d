import GraphCore

/// Betweenness estimated from uniformly sampled shortest paths, with a guarantee, stopping as
/// soon as the sample suffices (KADABRA, Borassi & Natale 2016), when
/// ``BetweennessCentrality/estimate`` is set.
///
/// Each sample draws an ordered pair (*u*, *v*), *u* ≠ *v*, uniformly, and one shortest *u*–*v*
/// path uniformly among all of them; every inner node of the path is counted. After τ samples,
/// `b̃(w)` = count/τ estimates `b(w) = Σ_{u≠v} σ_uv(w)/σ_uv / (n(n−1))`.
///
/// **How many samples.** At most the Riondato–Kornaropoulos size for δ/2,
///
///     ω = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉,  c = 0.5,
///
/// where VD bounds the number of nodes on any shortest path (their Theorem 2, via the
/// VC-dimension of shortest paths; at ω every node is within ε with probability ≥ 1 − δ/2). The
/// run stops earlier, at the first round (of max(1,024, ω/64) samples) where every node's
/// KADABRA interval `[b̃ − f, b̃ + g]` (``kadabraStops(counts:samples:omega:epsilon:logInverseDelta:)``,
/// their Theorem 9: valid at any stopping time up to ω) is within ±ε; the δ/2 of those
/// intervals is split over the nodes from a pilot sample of max(1,000, ω/16) paths drawn from
/// a separate stream and then dropped (``kadabraDeltas(pilot:pilotSize:epsilon:delta:)``), so
/// nodes with a large betweenness, whose intervals are widest, get most of it. Together: every
/// node has `|b̃(w) − b(w)| ≤ ε` at once with probability at least 1 − δ. On small-world graphs
/// most nodes' betweenness is tiny and the run stops at a fraction of ω (see
/// bench/million/README.md). networkx's pair normalisation is `b(w) · n/(n − 2)`, so the sample
/// is drawn for `ε·(n − 2)/n` and the returned `.pairs` values are within ±ε (`.none`:
/// ±ε·(n−1)(n−2)/2). ``Estimate/samples`` is τ, the paths the estimate uses (the pilot's are not
/// counted).
///
/// VD is bounded per connected component by `2·ecc + 1` (``ComponentDiameterBounds``). Each
/// path is found by a balanced bidirectional breadth-first search that counts shortest paths
/// from both ends (the side whose frontier has fewer arcs grows a level; it stops at the first
/// level where the two meet), as in KADABRA: on small-world graphs a sample touches a small part
/// of the graph. Sample *i* draws from its own ``SplitMix64`` stream (``sampleSeed(_:_:)`` of
/// ``seed`` and *i*), counts are integers and rounds have fixed sizes, so every thread count
/// gives identical results. Hop distances only: `weighted` estimates are refused.
///
/// - Complexity: O(τ · cost of a bidirectional search + (τ/round) · *n*) time, τ ≤ ω, at most
///   O(ω(*n* + *m*)); O(*n*) space per worker.
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

  /// The Riondato–Kornaropoulos number of shortest-path samples for `target` on a graph of
  /// `nodeCount` nodes whose shortest paths have at most `vertexDiameter` nodes (the formula
  /// above with δ = 1 − confidence, ε scaled to networkx's normalisation); 0 when
  /// `vertexDiameter` ≤ 2 (no path has an inner node). The estimate uses it for δ/2 as its cap ω.
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
    let delta = 1 - target.confidence
    // ω: the Riondato–Kornaropoulos size for δ/2, the most this run draws.
    let omega = Self.sampleSize(for: EstimateTarget(error: target.error, confidence: 1 - delta / 2), nodeCount: n, vertexDiameter: vertexDiameter)
    let scale: Double = normalization == .pairs ? 1 : Double(n - 1) * Double(n - 2) / 2
    guard omega > 0 else {
      // No shortest path has an inner node: every betweenness is exactly 0.
      return EstimatedScores(
        scores: NodeScores(values: [Double](repeating: 0, count: n)),
        estimate: Estimate(method: .exact, samples: 0, errorBound: 0, confidence: 1, target: target))
    }
    // ε in the unit of the samples (fractions of pairs, not networkx's n/(n − 2) normalisation).
    let epsilon = target.error * Double(n - 2) / Double(n)
    let sampler = PathSampleCounter(graph: graph, threads: resolvedThreads(threads))
    // Pilot: its own stream, only to split δ/2 over the nodes; its counts are then dropped.
    let pilotSize = Swift.min(omega, Swift.max(1000, omega / 16))
    let pilot = try sampler.count(0 ..< pilotSize, seed: seed ^ 0x5A5A_A5A5_C3C3_3C3C, progress: nil)
    let logInverseDelta = Self.kadabraDeltas(pilot: pilot, pilotSize: pilotSize, epsilon: epsilon, delta: delta / 2)
    // Main sample: rounds of `round` paths, stopping at the first round where every node's KADABRA
    // interval is within ε, or at ω.
    let round = Swift.max(1024, omega / 64)
    var counts = [Int](repeating: 0, count: n)
    var tau = 0
    while tau < omega {
      let next = Swift.min(omega, tau + round)
      let base = tau
      let reporter = progress.map { report in ProgressReporter { done, _ in report(base + done, omega) } }
      let hits = try sampler.count(tau ..< next, seed: seed, progress: reporter)
      for v in 0 ..< n { counts[v] += hits[v] }
      tau = next
      if tau < omega && Self.kadabraStops(counts: counts, samples: tau, omega: omega, epsilon: epsilon, logInverseDelta: logInverseDelta) {
        if let progress, !progress(omega, omega) { throw .cancelled }
        break
      }
    }
    let factor = Double(n) / (Double(n - 2) * Double(tau)) * scale
    let values = counts.map { Double($0) * factor }
    return EstimatedScores(
      scores: NodeScores(values: values),
      estimate: Estimate(
        method: .shortestPathSamples, samples: tau, errorBound: target.error * scale, confidence: target.confidence, target: target))
  }

  /// KADABRA's split of `delta` over the nodes (Borassi & Natale 2016, §4.2): each node *v* gets
  /// `δ_L(v) = δ_U(v) = e^{−C ε² / b̂(v)} · (1 − β) + β δ/(2n)` (β = 0.001), with `b̂(v)` the
  /// pilot's estimate (at least 1/pilot size) and `C` found by bisection so that
  /// `Σ_v (δ_L(v) + δ_U(v)) ≤ δ`. Nodes with a large betweenness get a large share, so their
  /// intervals shrink fast; returns `ln(1/δ_L(v))` per node.
  static func kadabraDeltas(pilot: [Int], pilotSize: Int, epsilon: Double, delta: Double) -> [Double] {
    let n = pilot.count
    let balance = 0.001
    let floorShare = balance * delta / (2 * Double(n))
    // ε²/b̂ per distinct pilot count, with how many nodes have it (counts are small integers).
    var multiplicity: [Int: Int] = [:]
    for c in pilot { multiplicity[Swift.max(c, 1), default: 0] += 1 }
    let groups = multiplicity.keys.sorted().map { (x: epsilon * epsilon * Double(pilotSize) / Double($0), nodes: Double(multiplicity[$0]!)) }
    func total(_ c: Double) -> Double {
      var sum = 0.0
      for g in groups { sum += 2 * g.nodes * naturalExp(-c * g.x) }
      return sum
    }
    var low = 0.0
    var high = 1.0
    while total(high) > delta * (1 - balance) { high *= 2 }
    for _ in 0 ..< 100 {
      let middle = 0.5 * (low + high)
      if total(middle) > delta * (1 - balance) { low = middle } else { high = middle }
    }
    return pilot.map { c in
      let x = epsilon * epsilon * Double(pilotSize) / Double(Swift.max(c, 1))
      return -naturalLog(naturalExp(-high * x) * (1 - balance) + floorShare)
    }
  }

  /// Whether every node's KADABRA interval after `samples` of at most `omega` paths is within
  /// `epsilon` (their Theorem 9): `f(b̃, δ_L, ω, τ) ≤ ε` below and `g(b̃, δ_U, ω, τ) ≤ ε` above, with
  /// `f = (L/τ)(−(ω/τ − 1/3) + √((ω/τ − 1/3)² + 2 b̃ ω / L))`, `g = (L/τ)((ω/τ + 1/3) + √((ω/τ + 1/3)² + 2 b̃ ω / L))`,
  /// `L = ln(1/δ)`, b̃ = count/τ.
  static func kadabraStops(counts: [Int], samples tau: Int, omega: Int, epsilon: Double, logInverseDelta: [Double]) -> Bool {
    let t = Double(tau)
    let w = Double(omega)
    let below = w / t - 1.0 / 3
    let above = w / t + 1.0 / 3
    for v in counts.indices {
      let b = Double(counts[v]) / t
      let l = logInverseDelta[v]
      let f = Swift.min(b, (l / t) * (-below + (below * below + 2 * b * w / l).squareRoot()))
      let g = Swift.min(1 - b, (l / t) * (above + (above * above + 2 * b * w / l).squareRoot()))
      if f > epsilon || g > epsilon { return false }
    }
    return true
  }
}

/// Counts, for a range of sample indices, how often each node is an inner node of the sampled
/// shortest paths: sample *i* draws the pair and the path from its own ``SplitMix64`` stream
/// (``sampleSeed(_:_:)`` of the seed and *i*), and counts are integers, so the result does not
/// depend on the thread count. Each worker keeps one ``BidirectionalPathSampler`` (buffers
/// allocated once for the whole run) and appends the inner nodes it finds to a contiguous
/// `Int32` list, merged into the totals after each chunk.
final class PathSampleCounter {
  let graph: Graph
  let threads: Int
  private let samplers: [BidirectionalPathSampler]

  init(graph: Graph, threads: Int) {
    self.graph = graph
    self.threads = Swift.max(1, threads)
    samplers = (0 ..< Swift.max(1, threads)).map { _ in BidirectionalPathSampler(nodeCount: graph.nodeCount) }
  }

  func count(_ indices: Range<Int>, seed: UInt64, progress: ProgressReporter?) throws(GraphError) -> [Int] {
    let n = graph.nodeCount
    let plan = ChunkPlan(count: indices.count, size: 256)
    let scheduler = ChunkScheduler(plan: plan, total: indices.count, progress: progress)
    let total = PosixMutex<[Int]>([Int](repeating: 0, count: n))
    let samplers = self.samplers
    withCSRView(of: graph, weighted: false) { csr in
      scheduler.run(threads: threads) { worker in
        let search = samplers[worker]
        var inner: [Int32] = []
        inner.reserveCapacity(4096)
        while let c = scheduler.claim() {
          inner.removeAll(keepingCapacity: true)
          for i in plan.range(c) {
            var rng = SplitMix64(seed: sampleSeed(seed, indices.lowerBound + i))
            let u = Int(rng.next(below: UInt64(n)))
            var v = Int(rng.next(below: UInt64(n - 1)))
            if v >= u { v += 1 }
            search.sample(from: u, to: v, csr: csr, rng: &rng) { inner.append(Int32(truncatingIfNeeded: $0)) }
          }
          if scheduler.isCancelled { break }
          // Integer counts: the order in which workers add them does not matter.
          total.withLock { t in for w in inner { t[Int(w)] += 1 } }
          scheduler.finished(plan.range(c).count)
        }
      }
    }
    try scheduler.checkCancelled()
    return total.withLock { $0 }
  }
}

/// One uniformly random shortest path between two nodes, by a balanced bidirectional
/// breadth-first search that counts shortest paths (σ) from both ends. Buffers are allocated
/// once per worker; a sample resets only the nodes it reached.
final class BidirectionalPathSampler: @unchecked Sendable {
  // @unchecked: one worker uses an instance at a time (``PathSampleCounter``).
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
