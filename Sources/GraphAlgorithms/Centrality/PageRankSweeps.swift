import GraphCore

/// The sweep kernel behind ``PageRank`` (see its documentation for the method and the error
/// bound; this file holds the reduction and the loops).
///
/// **An exact reduction first.** Two kinds of node have a score that follows from others', and
/// the sweeps leave them out:
/// - *Twins* (nodes with the same neighbours and weights, adjacent or not; ``findTwins(offsets:targets:weights:origin:weighted:)``)
///   have equal PageRank. Each class of k twins becomes one **unit** with multiplicity k; a
///   neighbour gathers the class's k equal shares as one number, `z = k·y`, and the class's
///   edges among themselves (adjacent twins: a clique) become a term of the unit's own equation.
/// - A *leaf* (one neighbour p, itself of degree ≥ 2) has `x_l = β + α w_lp y_p` at the fixed point
///   (β = `(1 − α)/n + α D/n`, D the dangling mass): substituting it into p's equation leaves p
///   with `ℓ_p β + α² L_p y_p` from its ℓ_p leaves of total weight L_p, and no leaf is swept.
///
/// Unit u (strength `s` of each member, multiplicity `k`, weight `S` among its own members,
/// leaf weight `L` and count `ℓ`) then solves, with `y_u = x_u / s` for each member,
///
///     (s − α S − α² L) y_u = β (1 + α ℓ) + α Σ_{U ≠ u} w_uU z_U,      z_U = k_U y_U,
///
/// a system that becomes symmetric and strictly diagonally dominant when row u is scaled by k_u,
/// so Gauss–Seidel and SOR converge on it as on the full one. Everything is restored at the end:
/// members get `s y_u` (twins are therefore exactly equal), leaves `β′ + α w y_p` (β′ of the last
/// iterate, so a leaf's residual is zero). On com-DBLP the sweeps visit 208,782 units and
/// 1,444,228 arcs instead of 317,080 nodes and 2,099,732 arcs (−34 % and −31 %); on ca-CondMat
/// 16,402 and 138,398 instead of 23,133 and 186,878.
///
/// **Node order.** The units are renumbered in breadth-first order (components one after another,
/// each from its smallest non-leaf node, neighbours in list order; dangling nodes last), then each
/// window of 1,024 positions sorted by decreasing number of arcs and by parameters (see
/// ``build(_:)``), so the scores a sweep gathers are mostly in cache, consecutive units mostly
/// have the same arc count and parameters (constants computed once per run), and every component
/// is a contiguous range. Every pass is deterministic and runs on one thread, so the result does
/// not depend on the thread count. (Splitting the copy, hashing, parameter and arc passes in two
/// halves on a second thread was tried: 20 ms less wall time on com-DBLP, but 50 % more on
/// ca-CondMat, and CPU time that varied with the threads' hand-over, which made the benchmark's
/// per-sweep figure noisy; reverted.)
///
/// One sweep visits `i = 0, 1, …, u − 1` and replaces, in place,
///
///     g_i = (β (1 + α ℓ_i) + α Σ_U w_iU z_U) / D_i,   D_i = s_i − α S_i − α² L_i,
///     y_i ← y_i + ω (g_i − y_i)                                  (over-relaxed)
///
/// with `z_U` already new for `U < i` and still old for `U > i`. It returns
/// `Σ_i k_i (lower_i + (ω − 1)/(ω α) D_i) |y'_i − y_i|` plus the change of the dangling nodes,
/// which bounds the residual of the full vector restored from it (the derivation is in
/// ``PageRank``): `‖T(x′) − x′‖₁ ≤ α ·` that, where `lower_i` is a member's strength towards the
/// members of units before i (read at their new value).
///
/// Byte model of a sweep (unweighted): 4 B (`Int32` target) + 8 B (the gathered `z`) per arc,
/// plus per unit 4 B offset, 4 B lower strength, 4 B parameter index, 8 B of `z` read and 8 B
/// written (28 B).
final class PageRankSweeps {
  /// Nodes of the graph.
  let nodeCount: Int
  let damping: Double
  let weighted: Bool
  /// The over-relaxation factor ω (``PageRank/relaxation(damping:)``).
  let relaxation: Double
  /// Units (swept) followed by the dangling nodes; `slotCount − danglingStart` dangling.
  let slotCount: Int
  let danglingStart: Int
  /// Per original node: its unit (or dangling slot); −1 for a leaf.
  let slot: [Int32]
  /// Per unit: a representative member (the smallest original node of its twin class).
  let representative: [Int32]
  /// The units' arcs: unit i's are `offsets[i] ..< offsets[i + 1]`, one per neighbouring unit.
  let offsets: UnsafeMutableBufferPointer<Int32>
  let targets: UnsafeMutableBufferPointer<Int32>
  /// Weighted only (else empty): the weight of each arc (every member pair of the two units has it).
  let weights: UnsafeMutableBufferPointer<Double>
  /// Unweighted: a member's number of neighbours in units before it; empty when weighted.
  let lowerDegree: UnsafeMutableBufferPointer<Int32>
  /// Weighted: a member's strength towards units before it; empty when unweighted.
  let lowerStrength: UnsafeMutableBufferPointer<Double>
  /// Per unit: the index of its parameters in ``kinds`` (shared by every
  /// unit with the same strength, multiplicity, own weight, leaf weight and leaf count).
  let kind: UnsafeMutableBufferPointer<Int32>
  /// The parameter sets (indexed by ``kind``).
  let kinds: [Kind]
  /// Per parameter set, ``constantsPerKind`` numbers for the sweep (see ``sweep()``), computed once.
  let kindConstants: UnsafeMutableBufferPointer<Double>
  static let constantsPerKind = 6
  /// Unit ranges of the connected components with edges, in order; dangling slots follow.
  let componentRanges: [Range<Int>]
  /// Per component: `Σ_u (k_u s_u + α L_u)`, the mass a unit shift `y ← y − 1` removes.
  let componentStrength: [Double]
  /// Per component C: its exact PageRank mass `Σ_{v ∈ C} x*_v = |C| g/(1 − α)` (leaves and twins
  /// counted), where `g = (1 − α)/(n − α k)` is the value of each of the `k` dangling nodes.
  let componentMass: [Double]
  /// Per component: its leaves (each contributes β to the mass besides its α w y_p).
  let componentLeaves: [Double]
  /// Per component: whether all its nodes have the same strength (then each scores exactly
  /// `componentMass / |C|`). Never true with leaves.
  let regularComponents: [Bool]
  /// `z = k y` per unit, `x` per dangling slot.
  let y: UnsafeMutableBufferPointer<Double>
  /// The dangling mass `Σ_{s_i = 0} x_i` of the current iterate.
  var danglingMass: Double
  /// Per component: the correction pending for the next sweep, which starts from
  /// `y_i − shift[C]` (moving x by a multiple of s, the slowest mode, to the exact mass).
  var shift: [Double]

  init(graph: Graph, damping: Double, weighted: Bool, relaxation: Double) {
    self.nodeCount = graph.nodeCount
    self.damping = damping
    self.weighted = weighted
    self.relaxation = relaxation
    let b = Self.build(Input(graph: graph, weighted: weighted, damping: damping))
    slotCount = b.slotCount
    danglingStart = b.danglingStart
    slot = b.slot
    representative = b.representative
    offsets = b.offsets
    targets = b.targets
    weights = b.weights
    lowerDegree = b.lowerDegree
    lowerStrength = b.lowerStrength
    kind = b.kind
    kinds = b.kinds
    // Per kind: k ω/D (1 + α ℓ) (times β per sweep), k ω α/D, e = s − S − L, k, (ω − 1)/(ω α) D,
    // (k s + α L)/k, with D = s − α S − α² L.
    let stride = Self.constantsPerKind
    kindConstants = .allocate(capacity: b.kinds.count * stride)
    let relaxationTerm = (relaxation - 1) / (relaxation * damping)
    for (p, kind) in b.kinds.enumerated() {
      let s = kind.strength, own = kind.ownWeight, leafW = kind.leafWeight
      let leaves = kind.leafCount, k = kind.multiplicity
      let diagonal = s - damping * own - damping * damping * leafW
      let kOmegaOverD = k * relaxation / diagonal
      kindConstants[p * stride] = kOmegaOverD * (1 + damping * leaves)
      kindConstants[p * stride + 1] = kOmegaOverD * damping
      kindConstants[p * stride + 2] = s - own - leafW
      kindConstants[p * stride + 3] = k
      kindConstants[p * stride + 4] = relaxationTerm * diagonal
      kindConstants[p * stride + 5] = (k * s + damping * leafW) / k
    }
    componentRanges = b.componentRanges
    componentStrength = b.componentStrength
    componentMass = b.componentMass
    componentLeaves = b.componentLeaves
    regularComponents = b.regularComponents
    y = b.y
    let danglingCount = b.slotCount - b.danglingStart
    danglingMass = Double(danglingCount) / Double(graph.nodeCount)
    shift = [Double](repeating: 0, count: b.componentRanges.count)
  }

  deinit {
    offsets.deallocate()
    targets.deallocate()
    lowerDegree.deallocate()
    kind.deallocate()
    kindConstants.deallocate()
    weights.deallocate()
    lowerStrength.deallocate()
    y.deallocate()
  }

  /// Positions per window of the sort in ``build(_:)``.
  static let degreeWindow = 1024

  struct Input {
    let graph: Graph
    let weighted: Bool
    let damping: Double
  }

  /// A parameter set: strength s, multiplicity k, weight among own members S, leaf weight L,
  /// leaf count ℓ.
  struct Kind {
    let strength: Double, multiplicity: Double, ownWeight: Double, leafWeight: Double, leafCount: Double
  }

  struct Built {
    let slotCount: Int, danglingStart: Int
    let slot: [Int32], representative: [Int32]
    let offsets: UnsafeMutableBufferPointer<Int32>, targets: UnsafeMutableBufferPointer<Int32>
    let weights: UnsafeMutableBufferPointer<Double>
    let lowerDegree: UnsafeMutableBufferPointer<Int32>, lowerStrength: UnsafeMutableBufferPointer<Double>
    let kind: UnsafeMutableBufferPointer<Int32>
    let kinds: [Kind]
    let componentRanges: [Range<Int>], componentStrength: [Double], componentMass: [Double]
    let componentLeaves: [Double], regularComponents: [Bool]
    let y: UnsafeMutableBufferPointer<Double>
  }

  /// The reduction and the sweep order, in five passes. (1) Breadth-first order of the whole
  /// graph, components one after another (each from its smallest node, neighbours in list
  /// order), dangling (isolated) nodes last, and a renumbered copy of the arcs (each list in the
  /// original order), on which the rest runs with nearby numbers. (2) Twin classes
  /// (``findTwins(offsets:targets:weights:origin:weighted:)``) and leaves; each class of twins, and each
  /// other non-leaf node with edges, is a unit, in the order of its first member. (3) Per unit:
  /// strength, weight to its own members, leaf weight and count, and its number of arcs (distinct
  /// neighbouring units). (4) Within each component, every window of ``degreeWindow`` units
  /// reordered by decreasing arc count, then parameter set, then position. (5) The units' arcs in
  /// that order (one per neighbouring unit, in list order), lower strengths and start values.
  ///
  /// Why the windows: the inner loop of a sweep runs once per arc of a unit, and in breadth-first
  /// order consecutive units have unrelated degrees, so the loop's exit is mispredicted about once
  /// a unit; sorted windows make runs of equal arc counts and parameters while keeping the
  /// breadth-first locality. Measured before the reduction, CPU time per sweep: com-DBLP 4.3 →
  /// 2.1 ms, ca-CondMat 0.32 → 0.15 ms (bench/pagerank/README.md, "Session 6").
  ///
  /// - Complexity: O(*n* log ``degreeWindow`` + *m*) expected time, O(*n* + *m*) space.
  private static func build(_ input: Input) -> Built {
    let graph = input.graph, weighted = input.weighted, alpha = input.damping
    let n = graph.nodeCount
    // Working arrays as buffers: no captured `var` (and so no dynamic exclusivity checks) in the loops.
    var allocated: [UnsafeMutableRawPointer] = []
    defer { for p in allocated { p.deallocate() } }
    func buffer<T>(_ value: T, count: Int = n) -> UnsafeMutableBufferPointer<T> {
      let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
      b.initialize(repeating: value)
      allocated.append(UnsafeMutableRawPointer(b.baseAddress!))
      return b
    }
    // (1) Breadth-first order and the renumbered copy (fo, ft; weights are read from the graph:
    // arc a of copy node i is the graph's arc `origin[i] + a`, lists being in the same order).
    let position = buffer(Int32(-1)), order = buffer(Int32(0))
    let fo = buffer(0, count: n + 1), ft = buffer(Int32(0), count: graph.adjacencyTargets.count + 1)
    let origin = buffer(0, count: weighted ? n : 1)
    let gw = graph.adjacencyWeights
    var fullRanges: [Range<Int>] = []
    graph.adjacencyOffsets.withUnsafeBufferPointer { o in
      graph.adjacencyTargets.withUnsafeBufferPointer { t in
        var tail = 0
        for root in 0 ..< n where position[root] < 0 && o[root + 1] > o[root] {
          let start = tail
          position[root] = Int32(tail)
          order[tail] = Int32(root)
          tail += 1
          var i = start
          while i < tail {
            let v = Int(order[i])
            for a in o[v] ..< o[v + 1] where position[Int(t[a])] < 0 {
              position[Int(t[a])] = Int32(tail)
              order[tail] = t[a]
              tail += 1
            }
            i += 1
          }
          fullRanges.append(start ..< tail)
        }
        for v in 0 ..< n where position[v] < 0 {
          position[v] = Int32(tail)
          order[tail] = Int32(v)
          tail += 1
        }
        var arc = 0
        fo[0] = 0
        for i in 0 ..< n {
          let v = Int(order[i])
          for a in o[v] ..< o[v + 1] {
            ft[arc] = position[Int(t[a])]
            arc += 1
          }
          fo[i + 1] = arc
          if weighted { origin[i] = o[v] - fo[i] }
        }
      }
    }
    let fullDanglingStart = fullRanges.last?.upperBound ?? 0
    // (2) Twins, leaves, units. unit[i]: the first member of i's unit; −1 leaf, −2 dangling.
    let twin = findTwins(offsets: fo, targets: ft, weights: gw, origin: origin, weighted: weighted)
    allocated.append(UnsafeMutableRawPointer(twin.baseAddress!))
    let unit = buffer(Int32(-2)), multiplicity = buffer(Int32(0))
    for i in 0 ..< fullDanglingStart {
      let first = Int(ft[fo[i]])
      if fo[i + 1] - fo[i] == 1 && fo[first + 1] - fo[first] >= 2 {
        unit[i] = -1
      } else {
        unit[i] = twin[i] >= 0 ? twin[i] : Int32(i)
        multiplicity[Int(unit[i])] += 1
      }
    }
    // (3) Parameters per unit (at its first member r); arcs = distinct neighbouring units.
    let arcCount = buffer(Int32(0)), seen = buffer(Int32(-1))
    let strength = buffer(0.0), ownWeight = buffer(0.0), leafWeight = buffer(0.0), leafCount = buffer(0.0)
    for r in 0 ..< fullDanglingStart where unit[r] == Int32(r) {
      var s = 0.0, own = 0.0, leaf = 0.0, leaves = 0.0, arcs: Int32 = 0
      for a in fo[r] ..< fo[r + 1] {
        let weight = weighted ? gw[origin[r] + a] : 1
        s += weight
        let u = unit[Int(ft[a])]
        if u < 0 {
          leaf += weight
          leaves += 1
        } else if u == Int32(r) {
          own += weight
        } else if seen[Int(u)] != Int32(r) {
          seen[Int(u)] = Int32(r)
          arcs += 1
        }
      }
      strength[r] = s
      ownWeight[r] = own
      leafWeight[r] = leaf
      leafCount[r] = leaves
      arcCount[r] = arcs
    }
    // Parameter sets, shared by units with equal (s, k, S, L, ℓ), numbered in order of first
    // appearance (so a graph with every weight 1 gets the same sets, order and bits weighted or
    // not); plain units (one member, no leaves) of an unweighted graph by strength through an
    // array, the others through a dictionary.
    var kinds: [Kind] = []
    let kindOf = buffer(Int32(-1))
    struct Key: Hashable { let s: UInt64, k: Int32, own: UInt64, leafWeight: UInt64, leaves: UInt64 }
    var index: [Key: Int32] = [:]
    var plain: [Int32] = []
    for r in 0 ..< fullDanglingStart where unit[r] == Int32(r) {
      let isPlain = !weighted && multiplicity[r] == 1 && leafCount[r] == 0
      let s = fo[r + 1] - fo[r]
      if isPlain {
        if s >= plain.count { plain.append(contentsOf: repeatElement(-1, count: s + 1 - plain.count)) }
        if plain[s] >= 0 {
          kindOf[r] = plain[s]
          continue
        }
      }
      let key = Key(
        s: strength[r].bitPattern, k: multiplicity[r], own: ownWeight[r].bitPattern,
        leafWeight: leafWeight[r].bitPattern, leaves: leafCount[r].bitPattern)
      if let k = index[key] {
        kindOf[r] = k
        continue
      }
      let k = Int32(kinds.count)
      index[key] = k
      if isPlain { plain[s] = k }
      kindOf[r] = k
      kinds.append(Kind(
        strength: strength[r], multiplicity: Double(multiplicity[r]), ownWeight: ownWeight[r],
        leafWeight: leafWeight[r], leafCount: leafCount[r]))
    }
    // Units in order of their first member (unitOrder: first members by unit position);
    // components and their leaves, sizes and regularity from the full ranges.
    let unitOrder = buffer(Int32(0)), unitPosition = buffer(Int32(-1))
    var unitCount = 0
    var ranges: [Range<Int>] = [], componentLeaves: [Double] = [], regular: [Bool] = []
    for range in fullRanges {
      let start = unitCount
      var leaves = 0.0
      var isRegular = true
      // The first node may be a leaf (then the component is not regular anyway).
      let head = Int(unit[range.lowerBound])
      let firstStrength = head >= 0 ? strength[head] : -1
      for i in range {
        if unit[i] < 0 {
          leaves += 1
          isRegular = false
        } else if unit[i] == Int32(i) {
          if strength[i] != firstStrength { isRegular = false }
          unitOrder[unitCount] = Int32(i)
          unitCount += 1
        }
      }
      ranges.append(start ..< unitCount)
      componentLeaves.append(leaves)
      regular.append(isRegular)
    }
    // (4) Windows by decreasing arc count, then parameter set: key (UInt32.max − arcs, kind, offset).
    var keys: [(UInt32, Int32, Int32)] = []
    keys.reserveCapacity(Swift.min(Self.degreeWindow, unitCount))
    var window = [Int32](repeating: 0, count: Swift.min(Self.degreeWindow, unitCount))
    for range in ranges {
      var start = range.lowerBound
      while start < range.upperBound {
        let end = Swift.min(start + Self.degreeWindow, range.upperBound)
        keys.removeAll(keepingCapacity: true)
        for p in start ..< end {
          let r = Int(unitOrder[p])
          keys.append((UInt32.max - UInt32(arcCount[r]), kindOf[r], Int32(p - start)))
          window[p - start] = unitOrder[p]
        }
        keys.sort { $0 < $1 }
        for k in 0 ..< keys.count { unitOrder[start + k] = window[Int(keys[k].2)] }
        start = end
      }
    }
    for p in 0 ..< unitCount { unitPosition[Int(unitOrder[p])] = Int32(p) }
    // Per node of the copy: its unit's position (−1 for a leaf or a dangling node).
    let slotOfCopy = buffer(Int32(-1))
    for i in 0 ..< fullDanglingStart where unit[i] >= 0 { slotOfCopy[i] = unitPosition[Int(unit[i])] }
    // (5) Arcs, lower strengths, parameter indices, start values.
    var m = 0
    for p in 0 ..< unitCount { m += Int(arcCount[Int(unitOrder[p])]) }
    precondition(m <= Int(Int32.max), "PageRank: more than 2^31 − 1 arcs")
    let danglingCount = n - fullDanglingStart
    let slotCount = unitCount + danglingCount
    let offsets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: unitCount + 1)
    let targets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: m)
    let weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? m : 0)
    let lowerDegree = UnsafeMutableBufferPointer<Int32>.allocate(capacity: weighted ? 0 : unitCount)
    let lowerStrength = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? unitCount : 0)
    let kind = UnsafeMutableBufferPointer<Int32>.allocate(capacity: unitCount)
    let y = UnsafeMutableBufferPointer<Double>.allocate(capacity: slotCount)
    let uniform = 1 / Double(n)
    seen.update(repeating: -1)
    var arc = 0
    offsets[0] = 0
    for i in 0 ..< unitCount {
      let r = Int(unitOrder[i])
      var lower = 0.0
      for a in fo[r] ..< fo[r + 1] {
        let j = slotOfCopy[Int(ft[a])]
        guard j >= 0 && j != Int32(i) else { continue }
        let weight = weighted ? gw[origin[r] + a] : 1
        if Int(j) < i { lower += weight }
        if seen[Int(j)] != Int32(i) {
          seen[Int(j)] = Int32(i)
          targets[arc] = j
          if weighted { weights[arc] = weight }
          arc += 1
        }
      }
      offsets[i + 1] = Int32(arc)
      if weighted { lowerStrength[i] = lower } else { lowerDegree[i] = Int32(lower) }
      kind[i] = kindOf[r]
      // x = 1/n per member: y = 1/(n s), z = k y.
      y[i] = uniform / strength[r] * Double(multiplicity[r])
    }
    for i in unitCount ..< slotCount { y[i] = uniform }
    // Per original node: its slot (−1 for a leaf).
    var slot = [Int32](repeating: -1, count: n)
    var representative = [Int32](repeating: 0, count: unitCount)
    for i in 0 ..< n {
      let v = Int(order[i])
      if i >= fullDanglingStart {
        slot[v] = Int32(unitCount + i - fullDanglingStart)
      } else if unit[i] >= 0 {
        let p = Int(unitPosition[Int(unit[i])])
        slot[v] = Int32(p)
        if unit[i] == Int32(i) { representative[p] = Int32(v) }
      }
    }
    let g = (1 - alpha) / (Double(n) - alpha * Double(danglingCount))
    return Built(
      slotCount: slotCount, danglingStart: unitCount, slot: slot, representative: representative,
      offsets: offsets, targets: targets, weights: weights, lowerDegree: lowerDegree, lowerStrength: lowerStrength,
      kind: kind, kinds: kinds, componentRanges: ranges,
      componentStrength: ranges.map { range in
        var total = 0.0
        for i in range {
          let p = kinds[Int(kind[i])]
          total += p.multiplicity * p.strength + alpha * p.leafWeight
        }
        return total
      },
      componentMass: fullRanges.map { Double($0.count) * g / (1 - alpha) },
      componentLeaves: componentLeaves, regularComponents: regular, y: y)
  }

  /// One over-relaxed Gauss–Seidel sweep over every unit. Returns
  /// `Σ_i k_i (lower_i + (ω − 1)/(ω α) D_i) |y'_i − y_i|` plus the dangling nodes' change (see above).
  ///
  /// What bounds it (com-DBLP, one thread, AMD EPYC; before the reduction): the gathers of scores
  /// from L2 and L3, and the instructions per node — 2.0–2.2 ms per sweep, 1.27 ms when every
  /// gather is made to hit L1 (bench/pagerank/README.md, "Session 10"). Hence the reduction, which
  /// removes a third of the nodes and arcs, and the constants computed once per run of units with
  /// the same parameters.
  func sweep() -> Double {
    let d = damping
    let base = (1 - d) / Double(nodeCount) + d * danglingMass / Double(nodeCount)
    let yy = y.baseAddress!
    var change = 0.0
    for (component, range) in componentRanges.enumerated() {
      let c = shift[component]
      var mass = componentLeaves[component] * base
      // One loop for both cases; the arc access is a generic parameter, specialised away.
      if weighted {
        let arcs = WeightedArcs(weights: weights.baseAddress!, lowerStrength: lowerStrength.baseAddress!)
        sweep(range, arcs, shift: c, base: base, change: &change, mass: &mass)
      } else {
        sweep(range, UnweightedArcs(lowerDegree: lowerDegree.baseAddress!), shift: c, base: base, change: &change, mass: &mass)
      }
      shift[component] = (mass - componentMass[component]) / componentStrength[component]
    }
    // Dangling: x'_i = base exactly (no relaxation: T gives every dangling node the same value);
    // the change moves the dangling mass (c_i = 1).
    var newDangling = 0.0
    for i in danglingStart ..< slotCount {
      change += abs(base - yy[i])
      yy[i] = base
      newDangling += base
    }
    danglingMass = newDangling
    return change
  }
}

extension PageRankSweeps {
  /// The sweep over one component's units (``sweep()``), adding to `change` and `mass`.
  @inline(__always)
  private func sweep<Arcs: SweepArcs>(
    _ range: Range<Int>, _ arcs: Arcs, shift c: Double, base: Double, change: inout Double, mass: inout Double
  ) {
    let keep = 1 - relaxation
    let o = offsets.baseAddress!, t = targets.baseAddress!, yy = y.baseAddress!, kd = kind.baseAddress!
    let table = kindConstants.baseAddress!
    var start = Int(o[range.lowerBound])
    // Constants of the current run of units with the same parameters, in z = k y:
    // z' = keep·(z − c k) + constant + gather·(Σ − c (e − lower)), e = s − S − L (a member's
    // strength towards other units), and k |y' − y| = |z' − z|.
    var current: Int32 = -1
    var constant = 0.0, gather = 0.0, external = 0.0, shiftK = 0.0, relaxationShare = 0.0, massFactor = 0.0
    var changeSum = change, massSum = mass
    for i in range {
      let end = Int(o[i + 1])
      var sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0
      var a = start
      while a + 4 <= end {
        sum0 += arcs.term(a, yy[Int(t[a])])
        sum1 += arcs.term(a + 1, yy[Int(t[a + 1])])
        sum2 += arcs.term(a + 2, yy[Int(t[a + 2])])
        sum3 += arcs.term(a + 3, yy[Int(t[a + 3])])
        a += 4
      }
      while a < end {
        sum0 += arcs.term(a, yy[Int(t[a])])
        a += 1
      }
      if kd[i] != current {
        current = kd[i]
        let q = table + Int(current) &* Self.constantsPerKind
        constant = q[0] * base
        gather = q[1]
        external = q[2]
        shiftK = c * q[3]
        relaxationShare = q[4]
        massFactor = q[5]
      }
      let lower = arcs.lower(i)
      // Units j > i still hold z_j, to be read as z_j − c k_j.
      let old = yy[i] - shiftK
      let next = keep * old + constant + gather * (((sum0 + sum1) + (sum2 + sum3)) - c * (external - lower))
      changeSum += abs(next - old) * (lower + relaxationShare)
      yy[i] = next
      massSum += next * massFactor
      start = end
    }
    change = changeSum
    mass = massSum
  }
}

extension PageRankSweeps {
  /// The scores of the last sweep in the original numbering: each member of a unit `s y`, each leaf
  /// `β′ + α w y_p` with β′ from the last iterate's dangling mass (so its residual is zero), each
  /// dangling node its value; and the exact scores on components whose nodes all have the same
  /// strength. Twins are equal by construction (one unit).
  func scores(graph: Graph) -> [Double] {
    let n = nodeCount
    let d = damping
    let base = (1 - d) / Double(n) + d * danglingMass / Double(n)
    let o = graph.adjacencyOffsets, t = graph.adjacencyTargets, w = graph.adjacencyWeights
    // y per unit (z / k) and the exact value of regular components.
    var unitY = [Double](repeating: 0, count: danglingStart)
    for i in 0 ..< danglingStart { unitY[i] = y[i] / kinds[Int(kind[i])].multiplicity }
    var exact = [Double](repeating: -1, count: danglingStart)
    for (component, range) in componentRanges.enumerated() where regularComponents[component] {
      // A component whose nodes all have the same strength s: x_v = m for all v in C solves
      // x_v = g + α Σ_u w_uv x_u / s, so each node gets its exact share of the component's mass.
      let size = range.reduce(0.0) { $0 + kinds[Int(kind[$1])].multiplicity }
      for i in range { exact[i] = componentMass[component] / size }
    }
    var x = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      let i = Int(slot[v])
      if i >= danglingStart {
        x[v] = y[i]
      } else if i >= 0 {
        x[v] = exact[i] >= 0 ? exact[i] : kinds[Int(kind[i])].strength * unitY[i]
      } else {
        let a = Int(o[v])
        let weight = weighted ? w[a] : 1
        x[v] = base + d * weight * unitY[Int(slot[Int(t[a])])]
      }
    }
    return x
  }

  /// The twin classes of `graph`: per node, the smallest member of its class, or −1 for a node
  /// without twin. Twins are nodes with the same neighbours and weights, either not adjacent
  /// (`N(a) = N(b)`) or adjacent (`N(a) ∖ {b} = N(b) ∖ {a}`).
  ///
  /// Adjacent twins are an edge whose ends have equal degree and equal closed-neighbourhood hash;
  /// non-adjacent twins share their first neighbour f (each list follows the input graph's ascending order, so twins list
  /// their common neighbours in the same order) and are grouped there by open-neighbourhood hash.
  /// Every candidate is checked exactly, so a hash collision costs a comparison, never a wrong
  /// merge. The two kinds never mix: a node with an adjacent twin has no non-adjacent one. Nodes
  /// of degree 1 are only matched as adjacent twins (a pair): non-adjacent ones are leaves of one
  /// node, which the reduction eliminates anyway.
  ///
  /// - Complexity: O(*m* + *n*) expected time, O(*n*) space.
  static func findTwins(
    offsets o: UnsafeMutableBufferPointer<Int>, targets t: UnsafeMutableBufferPointer<Int32>,
    weights w: ContiguousArray<Double>, origin: UnsafeMutableBufferPointer<Int>, weighted: Bool
  ) -> UnsafeMutableBufferPointer<Int32> {
    let n = o.count - 1
    let representative = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    representative.initialize(repeating: -1)
    @inline(__always) func mix(_ value: UInt64) -> UInt64 {
      var z = value &+ 0x9E37_79B9_7F4A_7C15
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    // Order-independent hashes of N(i) (with weights) and N[i] (targets only).
    let openHash = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
    let closedHash = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
    // Each node's first neighbour, −1 for a node of degree ≤ 1 (which has no non-adjacent twin
    // that matters: two leaves of one node are eliminated anyway, a pair is adjacent twins).
    let firstNeighbour = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    defer {
      openHash.deallocate()
      closedHash.deallocate()
      firstNeighbour.deallocate()
    }
    for i in 0 ..< n {
      var open: UInt64 = 0, plain: UInt64 = 0
      for a in o[i] ..< o[i + 1] {
        let m = mix(UInt64(UInt32(bitPattern: t[a])))
        plain = plain &+ m
        open = open &+ (weighted ? mix(m ^ w[origin[i] + a].bitPattern) : m)
      }
      openHash[i] = open
      closedHash[i] = plain &+ mix(UInt64(i))
      firstNeighbour[i] = o[i + 1] - o[i] >= 2 ? t[o[i]] : -1
    }
    /// Whether a and b are twins: equal (sorted) lists, weight for weight, skipping b in
    /// a's and a in b's when `adjacent`.
    func twins(_ a: Int, _ b: Int, adjacent: Bool) -> Bool {
      var i = o[a], j = o[b]
      let iEnd = o[a + 1], jEnd = o[b + 1]
      guard iEnd - i == jEnd - j else { return false }
      var sawA = false, sawB = false
      while true {
        if adjacent {
          if i < iEnd && Int(t[i]) == b { sawB = true; i += 1 }
          if j < jEnd && Int(t[j]) == a { sawA = true; j += 1 }
        }
        if i == iEnd || j == jEnd { break }
        if t[i] != t[j] || (weighted && w[origin[a] + i] != w[origin[b] + j]) { return false }
        i += 1
        j += 1
      }
      return i == iEnd && j == jEnd && (!adjacent || (sawA && sawB))
    }
    // Adjacent twins: the smallest member of a class is adjacent to all the others.
    for a in 0 ..< n where representative[a] < 0 {
      let degree = o[a + 1] - o[a]
      for arc in o[a] ..< o[a + 1] {
        let b = Int(t[arc])
        if b > a && representative[b] < 0 && o[b + 1] - o[b] == degree && closedHash[b] == closedHash[a]
          && twins(a, b, adjacent: true)
        {
          representative[a] = Int32(a)
          representative[b] = Int32(a)
        }
      }
    }
    // Non-adjacent twins, grouped at their common first neighbour.
    var candidates: [(hash: UInt64, node: Int32)] = []
    for f in 0 ..< n {
      candidates.removeAll(keepingCapacity: true)
      for arc in o[f] ..< o[f + 1] {
        let u = Int(t[arc])
        if firstNeighbour[u] == Int32(f) && representative[u] < 0 { candidates.append((openHash[u], Int32(u))) }
      }
      guard candidates.count > 1 else { continue }
      candidates.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.node < $1.node }
      var start = 0
      while start < candidates.count {
        var end = start + 1
        while end < candidates.count && candidates[end].hash == candidates[start].hash { end += 1 }
        for k in start ..< end where representative[Int(candidates[k].node)] < 0 {
          let a = Int(candidates[k].node)
          for l in k + 1 ..< end where representative[Int(candidates[l].node)] < 0 {
            let b = Int(candidates[l].node)
            if twins(a, b, adjacent: false) {
              representative[a] = Int32(a)
              representative[b] = Int32(a)
            }
          }
        }
        start = end
      }
    }
    return representative
  }
}

/// How a sweep reads an arc's term and a unit's lower strength: ``PageRankSweeps/sweep()`` has one
/// loop, specialised for each.
protocol SweepArcs {
  /// The term of arc `a` whose target holds `z`.
  func term(_ a: Int, _ z: Double) -> Double
  /// Unit i's strength towards the units before it.
  func lower(_ i: Int) -> Double
}

struct UnweightedArcs: SweepArcs {
  let lowerDegree: UnsafeMutablePointer<Int32>
  @inline(__always) func term(_ a: Int, _ z: Double) -> Double { z }
  @inline(__always) func lower(_ i: Int) -> Double { Double(lowerDegree[i]) }
}

struct WeightedArcs: SweepArcs {
  let weights: UnsafeMutablePointer<Double>
  let lowerStrength: UnsafeMutablePointer<Double>
  @inline(__always) func term(_ a: Int, _ z: Double) -> Double { weights[a] * z }
  @inline(__always) func lower(_ i: Int) -> Double { lowerStrength[i] }
}
