import GraphCore

/// The sweep kernel behind ``PageRank`` (see its documentation for the method and the error
/// bound; this file holds the loops).
///
/// **Node order.** The sweeps run on a private copy of the graph renumbered in breadth-first
/// order (components one after another, each from its smallest node, neighbours in ascending
/// order; dangling nodes last), then each window of 1,024 positions sorted by decreasing degree
/// (see ``renumber(_:weighted:order:offsets:targets:lowerDegree:weights:strength:lowerStrength:y:)``).
/// Neighbours then have nearby numbers, so the scores a sweep gathers are mostly in cache,
/// consecutive nodes mostly have the same degree, and every component is a contiguous range.
/// The renumbering is done once per call (O(*n* log 1024 + *m*)) and undone on the way out; the
/// twin search (see ``findTwins()``) runs beside the sweeps on a second thread when there is one
/// (``withTwinSearch(threads:_:)``). Both are deterministic, so the result does not depend on the
/// thread count.
///
/// State (new numbering): `y[i] = x[i] / s_i` for a node with strength `s_i > 0` (the share it
/// sends along each unit of edge weight, so a sweep reads one number per arc and multiplies
/// nothing in the unweighted case), and `y[i] = x[i]` for a dangling node. One sweep visits
/// `i = 0, 1, …, n − 1` and replaces, in place,
///
///     g_i = (1 − α)/n + α D/n + α Σ_{j ∈ N(i)} w_ij y_j        (Gauss–Seidel value)
///     x_i ← x_i + ω (g_i − x_i)                                  (over-relaxed)
///
/// where `D` is the dangling mass of the iterate the sweep started from, and `y_j` is already the
/// new value for `j < i` and still the old one for `j > i`. It returns
/// `Σ_i (c_i + (ω − 1)/(ω α)) |x'_i − x_i|`, which bounds the residual:
/// `‖T(x') − x'‖₁ ≤ α Σ_i (c_i + (ω − 1)/(ω α)) |x'_i − x_i|`, with `c_i s_i` the strength towards
/// the neighbours that read i's *old* value (those `j < i`), and `c_i = 1` for a dangling node.
///
/// Byte model of a sweep (unweighted): 4 B (`Int32` target) + 8 B (the gathered `y_j`) per arc,
/// plus per node 4 B offset, 4 B lower degree, 8 B of `y` read and 8 B written (24 B).
final class PageRankSweeps {
  let nodeCount: Int
  let damping: Double
  let weighted: Bool
  /// The over-relaxation factor ω (``PageRank/relaxation(damping:)``).
  let relaxation: Double
  /// `order[i]`: the original node numbered i.
  let order: UnsafeMutableBufferPointer<Int32>
  /// The renumbered graph: arcs of node i are `offsets[i] ..< offsets[i + 1]`.
  let offsets: UnsafeMutableBufferPointer<Int32>
  let targets: UnsafeMutableBufferPointer<Int32>
  /// Unweighted: the number of neighbours `j < i` (`c_i s_i`); empty when weighted.
  let lowerDegree: UnsafeMutableBufferPointer<Int32>
  /// Weighted only (else empty): arc weights; `s_i` (0 for a dangling node);
  /// `Σ_{j ∈ N(i), j < i} w_ij`.
  let weights: UnsafeMutableBufferPointer<Double>
  let strength: UnsafeMutableBufferPointer<Double>
  let lowerStrength: UnsafeMutableBufferPointer<Double>
  /// Representative of each node's twin class (new numbering; −1: no twin), written by
  /// ``findTwins()``.
  let representative: UnsafeMutableBufferPointer<Int32>
  /// Node ranges of the connected components with edges, in order; dangling nodes follow.
  let componentRanges: [Range<Int>]
  /// Per component C: `Σ_{i ∈ C} s_i`.
  let componentStrength: [Double]
  /// Per component C: its exact PageRank mass `Σ_{i ∈ C} x*_i = |C| g/(1 − α)`, where
  /// `g = (1 − α)/(n − α k)` is the value of each of the `k` dangling (isolated) nodes.
  let componentMass: [Double]
  let danglingStart: Int
  /// Per component: whether all its nodes have the same strength (then each scores exactly
  /// `componentMass / |C|`).
  let regularComponents: [Bool]
  /// `y` as described above.
  let y: UnsafeMutableBufferPointer<Double>
  /// The dangling mass `Σ_{s_i = 0} x_i` of the current iterate.
  var danglingMass: Double
  /// Per component: the correction pending for the next sweep, which starts from
  /// `y_i − shift[C]` (moving x by a multiple of s, the slowest mode, to the exact mass).
  var shift: [Double]

  init(graph: Graph, damping: Double, weighted: Bool, relaxation: Double) {
    let n = graph.nodeCount
    let m = graph.adjacencyTargets.count
    precondition(m <= Int(Int32.max), "PageRank: more than 2^31 − 1 arcs")
    self.nodeCount = n
    self.damping = damping
    self.weighted = weighted
    self.relaxation = relaxation
    let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    let offsets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n + 1)
    let targets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: m)
    let lowerDegree = UnsafeMutableBufferPointer<Int32>.allocate(capacity: weighted ? 0 : n)
    let weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? m : 0)
    let strength = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? n : 0)
    let lowerStrength = UnsafeMutableBufferPointer<Double>.allocate(capacity: weighted ? n : 0)
    let representative = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    representative.initialize(repeating: -1)
    let y = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    self.order = order
    self.offsets = offsets
    self.targets = targets
    self.lowerDegree = lowerDegree
    self.weights = weights
    self.strength = strength
    self.lowerStrength = lowerStrength
    self.representative = representative
    self.y = y

    let ranges = Self.renumber(
      graph, weighted: weighted, order: order, offsets: offsets, targets: targets, lowerDegree: lowerDegree,
      weights: weights, strength: strength, lowerStrength: lowerStrength, y: y)
    let danglingStart = ranges.last?.upperBound ?? 0
    self.danglingStart = danglingStart
    var componentStrength: [Double] = []
    var regular: [Bool] = []
    for range in ranges {
      var total = 0.0
      var isRegular = true
      if weighted {
        let first = strength[range.lowerBound]
        for i in range {
          total += strength[i]
          if strength[i] != first { isRegular = false }
        }
      } else {
        total = Double(offsets[range.upperBound] - offsets[range.lowerBound])
        let first = offsets[range.lowerBound + 1] - offsets[range.lowerBound]
        for i in range where offsets[i + 1] - offsets[i] != first {
          isRegular = false
          break
        }
      }
      componentStrength.append(total)
      regular.append(isRegular)
    }
    self.regularComponents = regular
    let danglingCount = n - danglingStart
    let g = (1 - damping) / (Double(n) - damping * Double(danglingCount))
    self.componentRanges = ranges
    self.componentStrength = componentStrength
    self.componentMass = ranges.map { Double($0.count) * g / (1 - damping) }
    self.danglingMass = Double(danglingCount) / Double(n)
    self.shift = [Double](repeating: 0, count: ranges.count)
  }

  deinit {
    for p in [order, offsets, targets, lowerDegree, representative] { p.deallocate() }
    for p in [weights, strength, lowerStrength, y] { p.deallocate() }
  }

  /// Positions per window of the degree sort in ``renumber(_:weighted:order:offsets:targets:lowerDegree:weights:strength:lowerStrength:y:)``.
  static let degreeWindow = 1024

  /// The sweep order, in three passes. (1) Breadth-first, components one after another (each
  /// from its smallest node, neighbours in ascending order), dangling (isolated) nodes last.
  /// (2) Within each component, every window of ``degreeWindow`` consecutive positions (from the
  /// component's start) is reordered by decreasing degree, ties by breadth-first position.
  /// (3) One pass over the arcs writes the renumbered arcs (each list in the original order), the
  /// lower degree or strength and the start value of every node. Returns the components' ranges.
  ///
  /// Why (2): the inner loop of a sweep runs once per arc of a node, and in breadth-first order
  /// consecutive nodes have unrelated degrees, so the loop's exit is mispredicted about once a
  /// node; sorted windows make runs of equal degrees while keeping the breadth-first locality
  /// (a window is a stretch of a few BFS levels' worth of nearby nodes). Measured, same run, CPU
  /// time per sweep: com-DBLP 4.3 → 2.1 ms, ca-CondMat 0.32 → 0.15 ms; windows of 512–16,384
  /// were alike, a whole-component sort was slower (2.6 ms: locality lost), windows of 8 gained
  /// little (3.7 ms). Sweeps to 1e-9: 24 → 24 and 23 → 22 (bench/pagerank/README.md).
  ///
  /// - Complexity: O(*n* log ``degreeWindow`` + *m*) time, O(*n* + ``degreeWindow``) extra space.
  private static func renumber(
    _ graph: Graph, weighted: Bool, order: UnsafeMutableBufferPointer<Int32>, offsets: UnsafeMutableBufferPointer<Int32>,
    targets: UnsafeMutableBufferPointer<Int32>, lowerDegree: UnsafeMutableBufferPointer<Int32>,
    weights: UnsafeMutableBufferPointer<Double>, strength: UnsafeMutableBufferPointer<Double>,
    lowerStrength: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>
  ) -> [Range<Int>] {
    let n = graph.nodeCount
    let uniform = 1 / Double(n)
    var ranges: [Range<Int>] = []
    let position = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    defer { position.deallocate() }
    position.initialize(repeating: -1)
    offsets[0] = 0
    var tail = 0
    graph.adjacencyOffsets.withUnsafeBufferPointer { sourceOffsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { sourceTargets in
        graph.adjacencyWeights.withUnsafeBufferPointer { sourceWeights in
          // (1) Breadth-first order.
          for root in 0 ..< n where position[root] < 0 && sourceOffsets[root + 1] > sourceOffsets[root] {
            let start = tail
            position[root] = Int32(tail)
            order[tail] = Int32(root)
            tail += 1
            var i = start
            while i < tail {
              let v = Int(order[i])
              for a in sourceOffsets[v] ..< sourceOffsets[v + 1] {
                let u = Int(sourceTargets[a])
                if position[u] < 0 {
                  position[u] = Int32(tail)
                  order[tail] = Int32(u)
                  tail += 1
                }
              }
              i += 1
            }
            ranges.append(start ..< tail)
          }
          let danglingStart = tail
          for v in 0 ..< n where position[v] < 0 {
            position[v] = Int32(tail)
            order[tail] = Int32(v)
            tail += 1
          }
          // (2) Windows by decreasing degree; key = (UInt32.max − degree, position), all distinct.
          var keys: [UInt64] = []
          keys.reserveCapacity(Swift.min(Self.degreeWindow, n))
          var nodes = [Int32](repeating: 0, count: Swift.min(Self.degreeWindow, n))
          for range in ranges {
            var w = range.lowerBound
            while w < range.upperBound {
              let e = Swift.min(w + Self.degreeWindow, range.upperBound)
              keys.removeAll(keepingCapacity: true)
              for k in w ..< e {
                let v = Int(order[k])
                let degree = UInt64(sourceOffsets[v + 1] - sourceOffsets[v])
                keys.append((UInt64(UInt32.max) - degree) << 32 | UInt64(k))
                nodes[k - w] = order[k]
              }
              keys.sort()
              for (r, key) in keys.enumerated() {
                let v = nodes[Int(key & 0xFFFF_FFFF) - w]
                order[w + r] = v
                position[Int(v)] = Int32(w + r)
              }
              w = e
            }
          }
          // (3) Renumbered arcs, lower degree or strength, start values.
          var arc = 0
          for i in 0 ..< danglingStart {
            let v = Int(order[i])
            let first = sourceOffsets[v], last = sourceOffsets[v + 1]
            if weighted {
              var s = 0.0, lower = 0.0
              for a in first ..< last {
                let j = position[Int(sourceTargets[a])]
                targets[arc] = j
                let w = sourceWeights[a]
                weights[arc] = w
                s += w
                if Int(j) < i { lower += w }
                arc += 1
              }
              strength[i] = s
              lowerStrength[i] = lower
              y[i] = uniform / s
            } else {
              var lower: Int32 = 0
              for a in first ..< last {
                let j = position[Int(sourceTargets[a])]
                targets[arc] = j
                if Int(j) < i { lower += 1 }
                arc += 1
              }
              lowerDegree[i] = lower
              y[i] = uniform / Double(last - first)
            }
            offsets[i + 1] = Int32(arc)
          }
          for i in danglingStart ..< n {
            if weighted {
              strength[i] = 0
              lowerStrength[i] = 1
            } else {
              lowerDegree[i] = 1
            }
            y[i] = uniform
            offsets[i + 1] = Int32(arc)
          }
        }
      }
    }
    return ranges
  }

  /// One over-relaxed Gauss–Seidel sweep over every node. Returns
  /// `Σ_i (c_i + (ω − 1)/(ω α)) |x'_i − x_i|` (see above).
  ///
  /// What bounds it (com-DBLP, one thread, AMD EPYC; time of each sweep inside the process, 10th
  /// percentile of 1,000 sweeps, variants alternated in the same minutes): the gathers of `y_j`
  /// from L2 and L3 — 2.0–2.2 ms per sweep, 1.27 ms when every gather is made to hit L1 (targets
  /// masked to 1,024 nodes, timing only). Not the Gauss–Seidel chain through just-updated
  /// neighbours: a Jacobi variant reading a copy of `y` took the same time. Not the node order
  /// alone: a Louvain order, degree groups first or reverse Cuthill–McKee were within 8 % of the
  /// breadth-first one (bench/pagerank/README.md). What did help is fewer instructions per node:
  /// `1 / s` off the dependency chain (4.2 → 2.9 ms, d7999ef), then ω folded into per-sweep
  /// constants, `1 / s` once per run of equal degree (the degree windows make runs), and four
  /// partial sums (2.34 → 2.07 ms; 1.41 → 1.27 ms with L1 gathers).
  func sweep() -> Double {
    let n = nodeCount
    let d = damping
    let omega = relaxation
    // The residual's share from over-relaxation, per unit of change: (ω − 1)/(ω α).
    let relaxationTerm = (omega - 1) / (omega * d)
    let base = (1 - d) / Double(n) + d * danglingMass / Double(n)
    // y'_i = (1 − ω) y_i + ω g_i / s_i with g_i = base + α (Σ_j w_ij y_j − c (s_i − lower_i)),
    // computed as (1 − ω) y_i + (ω base − ω α c (s_i − lower_i)) / s_i + (ω α / s_i) Σ_j w_ij y_j.
    let keep = 1 - omega, omegaBase = omega * base, omegaDamping = omega * d
    let o = offsets.baseAddress!, t = targets.baseAddress!, yy = y.baseAddress!
    var change = 0.0
    for (component, range) in componentRanges.enumerated() {
      let c = shift[component]
      let omegaDampingShift = omegaDamping * c
      var mass = 0.0
      var start = Int(o[range.lowerBound])
      if weighted {
        let w = weights.baseAddress!, st = strength.baseAddress!, lw = lowerStrength.baseAddress!
        for i in range {
          let end = Int(o[i + 1])
          var sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0
          var a = start
          while a + 4 <= end {
            sum0 += w[a] * yy[Int(t[a])]
            sum1 += w[a + 1] * yy[Int(t[a + 1])]
            sum2 += w[a + 2] * yy[Int(t[a + 2])]
            sum3 += w[a + 3] * yy[Int(t[a + 3])]
            a += 4
          }
          while a < end {
            sum0 += w[a] * yy[Int(t[a])]
            a += 1
          }
          let s = st[i], lower = lw[i]
          let inverse = 1 / s
          // Neighbours j > i still hold y_j, to be read as y_j − c.
          let old = yy[i] - c
          let next = keep * old + inverse * (omegaBase - omegaDampingShift * (s - lower))
            + omegaDamping * inverse * ((sum0 + sum1) + (sum2 + sum3))
          change += abs(next - old) * (lower + relaxationTerm * s)
          yy[i] = next
          mass += next * s
          start = end
        }
      } else {
        let lw = lowerDegree.baseAddress!
        // Windows sorted by degree make runs of equal degree: 1/s once per run, not per node.
        var degree = -1
        var s = 0.0, inverse = 0.0, omegaDampingInverse = 0.0, changeShare = 0.0
        for i in range {
          let end = Int(o[i + 1])
          var sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0
          var a = start
          while a + 4 <= end {
            sum0 += yy[Int(t[a])]
            sum1 += yy[Int(t[a + 1])]
            sum2 += yy[Int(t[a + 2])]
            sum3 += yy[Int(t[a + 3])]
            a += 4
          }
          while a < end {
            sum0 += yy[Int(t[a])]
            a += 1
          }
          if end - start != degree {
            degree = end - start
            s = Double(degree)
            inverse = 1 / s
            omegaDampingInverse = omegaDamping * inverse
            changeShare = relaxationTerm * s
          }
          let lower = Double(lw[i])
          let old = yy[i] - c
          let next = keep * old + inverse * (omegaBase - omegaDampingShift * (s - lower))
            + omegaDampingInverse * ((sum0 + sum1) + (sum2 + sum3))
          change += abs(next - old) * (lower + changeShare)
          yy[i] = next
          mass += next * s
          start = end
        }
      }
      shift[component] = (mass - componentMass[component]) / componentStrength[component]
    }
    // Dangling: x'_i = base exactly (no relaxation: T gives every dangling node the same value);
    // the change moves the dangling mass (c_i = 1).
    var newDangling = 0.0
    for i in danglingStart ..< n {
      change += abs(base - yy[i])
      yy[i] = base
      newDangling += base
    }
    danglingMass = newDangling
    return change
  }
}

extension PageRankSweeps {
  /// The scores of the last sweep in the original numbering, twins made exactly equal, and the
  /// exact scores on components whose nodes all have the same strength.
  ///
  /// Twins — nodes with the same neighbours and weights, either not adjacent (`N(a) = N(b)`) or
  /// adjacent (`N(a) ∖ {b} = N(b) ∖ {a}`) — have equal PageRank, and ranking must see the tie
  /// (it then breaks it by node id). Sweeps visit twins at different times, so their iterates
  /// differ by up to the error bound. Each class of twins gets the mean of its members' scores
  /// (summed in node order): since `k |m − x*| ≤ Σ_i |x_i − x*|` for the mean m of k values
  /// and a common exact value x*, this never increases the L1 error, and keeps the sum.
  func scoresWithTwinsEqualised() -> [Double] {
    let n = nodeCount
    var x = [Double](repeating: 0, count: n)
    for i in 0 ..< n {
      let s: Double
      if i >= danglingStart {
        s = 1
      } else if weighted {
        s = strength[i]
      } else {
        s = Double(offsets[i + 1] - offsets[i])
      }
      x[i] = y[i] * s
    }
    // Means in the sweep order.
    var sum = [Double](repeating: 0, count: n)
    var count = [Int32](repeating: 0, count: n)
    for i in 0 ..< n where representative[i] >= 0 {
      sum[Int(representative[i])] += x[i]
      count[Int(representative[i])] += 1
    }
    for i in 0 ..< n where representative[i] >= 0 {
      let r = Int(representative[i])
      x[i] = sum[r] / Double(count[r])
    }
    // A component whose nodes all have the same strength s: x_v = m for all v in C solves
    // x_v = g + α Σ_u w_uv x_u / s, so each node gets its exact share of the component's mass
    // (no error at all, and components of any such kind, e.g. every pair of co-authors of one
    // paper and every triangle, tie exactly). Set after the twin means, which it overrides.
    for (component, range) in componentRanges.enumerated() where regularComponents[component] {
      let exact = componentMass[component] / Double(range.count)
      for i in range { x[i] = exact }
    }
    var result = [Double](repeating: 0, count: n)
    for i in 0 ..< n { result[Int(order[i])] = x[i] }
    return result
  }

  /// Runs `body` (the sweeps) and ``findTwins()`` (which they do not read) side by side on two
  /// threads when `threads` ≥ 2, one after the other otherwise; either way the same values.
  func withTwinSearch(threads: Int, _ body: () -> Void) {
    forEachChunk(of: ChunkPlan(count: 2, size: 1), threads: Swift.min(threads, 2)) { task in
      if task == 0 { body() } else { findTwins() }
    }
  }

  /// Marks the twin classes (``representative``: the smallest member of each class, −1 for a
  /// node without twin), on the renumbered copy, whose neighbours are nearby.
  ///
  /// Adjacent twins are an edge whose ends have equal degree and equal closed-neighbourhood hash;
  /// non-adjacent twins share their first neighbour f (lists follow the original, ascending
  /// numbering, so twins list their common neighbours in the same order) and are grouped there by
  /// open-neighbourhood hash. Every candidate is checked exactly, so a hash collision costs a
  /// comparison, never a wrong merge.
  ///
  /// - Complexity: O(*m* + *n*) expected time, O(*n*) space.
  func findTwins() {
    let n = nodeCount
    let weighted = self.weighted
    let representative = self.representative
    // Offsets as Int (the ranges below index the arc arrays).
    let o = offsets.map { Int($0) }
    let t = targets, w = weights
    @inline(__always) func mix(_ value: UInt64) -> UInt64 {
      var z = value &+ 0x9E37_79B9_7F4A_7C15
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    // Order-independent hashes of N(i) (with weights) and N[i] (targets only).
    var openHash = [UInt64](repeating: 0, count: n)
    var closedHash = [UInt64](repeating: 0, count: n)
    for i in 0 ..< n {
      var open: UInt64 = 0, plain: UInt64 = 0
      for a in o[i] ..< o[i + 1] {
        let m = mix(UInt64(UInt32(bitPattern: t[a])))
        plain = plain &+ m
        open = open &+ (weighted ? mix(m ^ w[a].bitPattern) : m)
      }
      openHash[i] = open
      closedHash[i] = plain &+ mix(UInt64(i))
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
        if t[i] != t[j] || (weighted && w[i] != w[j]) { return false }
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
        if representative[u] < 0 && Int(t[o[u]]) == f { candidates.append((openHash[u], Int32(u))) }
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
  }
}
