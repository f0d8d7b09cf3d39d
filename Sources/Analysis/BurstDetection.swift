#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bursts in batched counts: Kleinberg's two-state automaton, the method CiteSpace uses for
/// "burst terms".
///
/// Batch *t* (a year) has *d*ₜ events (papers), *r*ₜ of them targets (papers with a tag). State 0
/// emits targets at the base rate *p*₀ = *R*/*D* (all targets over all events), state 1 at
/// *p*₁ = min(*s*·*p*₀, 0.99999) (the `burst_detection` package caps only above 1, so at exactly
/// 1 its costs are infinite). Being in state *i*
/// in batch *t* costs
///
///     σ(i, t) = −ln[ C(dₜ, rₜ) · pᵢ^rₜ · (1 − pᵢ)^(dₜ − rₜ) ]
///
/// and moving up from state 0 to 1 costs τ = γ·ln *n* for *n* batches (moving down is free). The
/// states are the sequence of least total cost, starting from state 0 (Viterbi); a **burst** is a
/// maximal run of batches in state 1, and its **weight** (CiteSpace's "strength") is
/// Σₜ [σ(0, t) − σ(1, t)] over the run: how much better the burst rate explains those batches.
/// The binomial term is the same in both states, so it is left out (it cancels in the weights
/// and does not change the states).
///
/// Defaults: *s* = 2, γ = 1 (``defaultRatio``, ``defaultTransitionCost``), as in Kleinberg's
/// examples and CiteSpace.
///
///     let bursts = try BurstDetection().bursts(targets: [0, 0, 5, 6, 0], totals: [10, 10, 10, 10, 10])
///     bursts.map { ($0.start, $0.end) }        // [(2, 3)]
///
/// The PyPI package `burst_detection` 0.1.3 (the reference of the tests) picks each state
/// greedily from the one before (`q[t] = argmin_j τ(q[t−1], j) + σ(j, t)`), not the least-cost
/// sequence; both agree when no burst needs looking ahead (a batch whose gain alone does not pay
/// for τ but starts a run that does; the tests show one such series).
///
/// - Complexity: O(*n*) time, O(*n*) bits of back pointers.
///
/// ## References
/// - J. Kleinberg. "Bursty and Hierarchical Structure in Streams." *Data Mining and Knowledge
///   Discovery* 7(4):373–397, 2003 (KDD 2002). doi:[10.1023/A:1024940629314](https://doi.org/10.1023/A:1024940629314)
/// - C. Chen. "CiteSpace II: Detecting and visualizing emerging trends and transient patterns in
///   scientific literature." *JASIST* 57(3):359–377, 2006. doi:[10.1002/asi.20317](https://doi.org/10.1002/asi.20317)
public struct BurstDetection: Hashable, Codable, Sendable {
  /// *s*, the burst rate over the base rate.
  public static let defaultRatio = 2.0
  /// γ, the cost of entering a burst in units of ln *n*.
  public static let defaultTransitionCost = 1.0
  /// The largest burst rate (the `burst_detection` package's cap).
  public static let maximumRate = 0.99999

  /// *s* > 1: the burst state's rate is *s* times the base rate.
  public var ratio: Double
  /// γ ≥ 0: entering a burst costs γ·ln *n*.
  public var transitionCost: Double

  public init(ratio: Double = BurstDetection.defaultRatio, transitionCost: Double = BurstDetection.defaultTransitionCost) {
    self.ratio = ratio
    self.transitionCost = transitionCost
  }

  /// A burst: batches `start ... end` (inclusive) in state 1.
  public struct Burst: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    /// Σ over the run of σ(0, t) − σ(1, t) (natural log units).
    public var weight: Double

    public init(start: Int, end: Int, weight: Double) {
      self.start = start
      self.end = end
      self.weight = weight
    }
  }

  /// The least-cost states and the base and burst rates.
  public struct States: Sendable, Equatable {
    /// `true` where the batch is in the burst state.
    public var bursting: [Bool]
    public var baseRate: Double
    public var burstRate: Double
  }

  /// - Throws: ``BurstDetectionError`` for a ratio of 1 or less or not finite, a negative or
  ///   non-finite transition cost, series of different lengths, or a batch with a negative count
  ///   or more targets than events.
  public func validate(targets: [Int], totals: [Int]) throws(BurstDetectionError) {
    guard ratio > 1, ratio.isFinite else { throw .invalidRatio(ratio) }
    guard transitionCost >= 0, transitionCost.isFinite else { throw .invalidTransitionCost(transitionCost) }
    guard targets.count == totals.count else { throw .lengthMismatch(targets: targets.count, totals: totals.count) }
    for t in targets.indices where targets[t] < 0 || totals[t] < targets[t] {
      throw .invalidBatch(index: t, targets: targets[t], totals: totals[t])
    }
  }

  /// The least-cost state sequence of `targets` (*r*ₜ) among `totals` (*d*ₜ) events per batch.
  /// A series without targets, or with every event a target, has no burst.
  public func states(targets: [Int], totals: [Int]) throws(BurstDetectionError) -> States {
    try validate(targets: targets, totals: totals)
    let n = targets.count
    let r = targets.reduce(0, +)
    let d = totals.reduce(0, +)
    guard r > 0, r < d else {
      let p = d == 0 ? 0 : Double(r) / Double(d)
      return States(bursting: [Bool](repeating: false, count: n), baseRate: p, burstRate: p)
    }
    let p0 = Double(r) / Double(d)
    let p1 = min(ratio * p0, Self.maximumRate)
    guard p1 > p0 else { return States(bursting: [Bool](repeating: false, count: n), baseRate: p0, burstRate: p1) }
    let tau = transitionCost * log(Double(n))
    let (l0, m0, l1, m1) = (log(p0), log(1 - p0), log(p1), log(1 - p1))
    // from1[t]: the best way into state 0 / 1 at t comes from state 1 at t − 1.
    var from1For0 = [Bool](repeating: false, count: n)
    var from1For1 = [Bool](repeating: false, count: n)
    var c0 = 0.0
    var c1 = tau
    for t in 0 ..< n {
      let (f0, f1) = Self.fit(targets[t], totals[t], l0, m0, l1, m1)
      if t == 0 {
        c0 = f0
        c1 = tau + f1
        continue
      }
      // Ties go to state 0 (no burst without evidence).
      let next0 = c1 < c0 ? c1 : c0
      from1For0[t] = c1 < c0
      let next1 = c1 < c0 + tau ? c1 : c0 + tau
      from1For1[t] = c1 < c0 + tau
      c0 = next0 + f0
      c1 = next1 + f1
    }
    var bursting = [Bool](repeating: false, count: n)
    if n > 0 {
      var state = c1 < c0
      for t in stride(from: n - 1, through: 0, by: -1) {
        bursting[t] = state
        state = state ? from1For1[t] : from1For0[t]
      }
    }
    return States(bursting: bursting, baseRate: p0, burstRate: p1)
  }

  /// The bursts of `targets` among `totals`, in time order, each with its weight.
  public func bursts(targets: [Int], totals: [Int]) throws(BurstDetectionError) -> [Burst] {
    let s = try states(targets: targets, totals: totals)
    guard s.burstRate > s.baseRate else { return [] }
    let (l0, m0, l1, m1) = (log(s.baseRate), log(1 - s.baseRate), log(s.burstRate), log(1 - s.burstRate))
    var out: [Burst] = []
    var t = 0
    while t < s.bursting.count {
      guard s.bursting[t] else {
        t += 1
        continue
      }
      var weight = 0.0
      let start = t
      while t < s.bursting.count && s.bursting[t] {
        let (f0, f1) = Self.fit(targets[t], totals[t], l0, m0, l1, m1)
        weight += f0 - f1
        t += 1
      }
      out.append(Burst(start: start, end: t - 1, weight: weight))
    }
    return out
  }

  /// σ(0, t) and σ(1, t) without the binomial term; a zero count contributes nothing (so
  /// 0 · ln 0 never occurs).
  @inline(__always)
  static func fit(_ r: Int, _ d: Int, _ l0: Double, _ m0: Double, _ l1: Double, _ m1: Double) -> (Double, Double) {
    let hits = Double(r)
    let misses = Double(d - r)
    let f0 = -((r > 0 ? hits * l0 : 0) + (d > r ? misses * m0 : 0))
    let f1 = -((r > 0 ? hits * l1 : 0) + (d > r ? misses * m1 : 0))
    return (f0, f1)
  }
}

/// Parameters or counts ``BurstDetection`` cannot use.
public enum BurstDetectionError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidRatio(Double)
  case invalidTransitionCost(Double)
  case lengthMismatch(targets: Int, totals: Int)
  case invalidBatch(index: Int, targets: Int, totals: Int)

  public var description: String {
    switch self {
    case .invalidRatio(let s): "the burst ratio must be a number above 1 (got \(s))"
    case .invalidTransitionCost(let g): "the burst transition cost (gamma) must be a number of at least 0 (got \(g))"
    case .lengthMismatch(let r, let d): "burst detection needs one total per batch (\(r) target counts, \(d) totals)"
    case .invalidBatch(let t, let r, let d): "batch \(t) has \(r) targets among \(d) events"
    }
  }
}
