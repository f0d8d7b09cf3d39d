import GraphCore

/// The Gauss–Seidel kernel behind ``PageRank`` (see its documentation for the method and the
/// error bound; this file holds the loops).
///
/// **Node order.** The sweeps run on a private copy of the graph renumbered in breadth-first
/// order (components one after another, each from its smallest node, neighbours in ascending
/// order; dangling nodes last). Neighbours then have nearby numbers, so the scores a sweep
/// gathers are mostly in cache, and every component is a contiguous range. The renumbering is
/// done once per call (O(*n* + *m*), about two sweeps' time) and undone on the way out.
///
/// State (new numbering): `y[i] = x[i] / s_i` for a node with strength `s_i > 0` (the share it
/// sends along each unit of edge weight, so a sweep reads one number per arc and multiplies
/// nothing in the unweighted case), and `y[i] = x[i]` for a dangling node.
///
/// One sweep visits `i = 0, 1, …, n − 1` and replaces, in place,
///
///     x_i ← (1 − α)/n + α D/n + α Σ_{j ∈ N(i)} w_ij y_j
///
/// where `D` is the dangling mass of the iterate the sweep started from, and `y_j` is already the
/// new value for `j < i` and still the old one for `j > i`. It returns `Σ_i c_i |x'_i − x_i|`,
/// which bounds the residual: `‖T(x') − x'‖₁ ≤ α Σ_i c_i |x'_i − x_i|`, with `c_i s_i` the
/// strength towards the neighbours that read i's *old* value (those `j < i`), and `c_i = 1` for a
/// dangling node.
///
/// Byte model of a sweep (unweighted): 4 B (`Int32` target) + 8 B (the gathered `y_j`) per arc,
/// plus per node 8 B of offsets, 8 B of strength, 8 B of lower strength, 8 B of `y` read and 8 B
/// written.
struct PageRankSweeps {
  let nodeCount: Int
  let damping: Double
  let weighted: Bool
  /// `order[i]`: the original node numbered i.
  let order: [Int32]
  /// The renumbered graph: arcs of node i are `offsets[i] ..< offsets[i + 1]`.
  let offsets: [Int]
  let targets: [Int32]
  /// Arc weights (empty when not `weighted`).
  let weights: [Double]
  /// `s_i` (degree or strength), 0 for a dangling node.
  let strength: [Double]
  /// `Σ_{j ∈ N(i), j < i} w_ij`; 1 for a dangling node (its change enters the dangling mass).
  let lowerStrength: [Double]
  /// Node ranges of the connected components with edges, in order; dangling nodes follow.
  let componentRanges: [Range<Int>]
  /// Per component C: `Σ_{i ∈ C} s_i`.
  let componentStrength: [Double]
  /// Per component C: its exact PageRank mass `Σ_{i ∈ C} x*_i = |C| g/(1 − α)`, where
  /// `g = (1 − α)/(n − α k)` is the value of each of the `k` dangling (isolated) nodes.
  let componentMass: [Double]
  /// `y` as described above.
  var y: [Double]
  /// The dangling mass `Σ_{s_i = 0} x_i` of the current iterate.
  var danglingMass: Double
  /// Per component: the correction pending for the next sweep, which starts from
  /// `y_i − shift[C]` (moving x by a multiple of s, the slowest mode, to the exact mass).
  var shift: [Double]

  init(graph: Graph, damping: Double, weighted: Bool) {
    let n = graph.nodeCount
    self.nodeCount = n
    self.damping = damping
    self.weighted = weighted
    // Breadth-first order, components one after another; dangling (isolated) nodes last. When a
    // node is dequeued every neighbour has its new number, so its renumbered arcs are written then
    // (one pass over the arcs).
    var order = [Int32](repeating: 0, count: n)
    var position = [Int32](repeating: -1, count: n)
    var ranges: [Range<Int>] = []
    var offsets = [Int](repeating: 0, count: n + 1)
    var targets = [Int32](repeating: 0, count: graph.adjacencyTargets.count)
    var weights = [Double](repeating: 0, count: weighted ? graph.adjacencyTargets.count : 0)
    var strength = [Double](repeating: 0, count: n)
    var lowerStrength = [Double](repeating: 1, count: n)
    var y = [Double](repeating: 1 / Double(n), count: n)
    var tail = 0
    let so = graph.adjacencyOffsets, st = graph.adjacencyTargets, sw = graph.adjacencyWeights
    so.withUnsafeBufferPointer { sourceOffsets in
    st.withUnsafeBufferPointer { sourceTargets in
    sw.withUnsafeBufferPointer { sourceWeights in
    order.withUnsafeMutableBufferPointer { order in
    position.withUnsafeMutableBufferPointer { position in
    targets.withUnsafeMutableBufferPointer { targets in
    weights.withUnsafeMutableBufferPointer { weights in
    offsets.withUnsafeMutableBufferPointer { offsets in
    strength.withUnsafeMutableBufferPointer { strength in
    lowerStrength.withUnsafeMutableBufferPointer { lowerStrength in
    y.withUnsafeMutableBufferPointer { y in
      let uniform = 1 / Double(n)
      var arc = 0
      for root in 0 ..< n where position[root] < 0 && sourceOffsets[root + 1] > sourceOffsets[root] {
        let start = tail
        position[root] = Int32(tail)
        order[tail] = Int32(root)
        tail += 1
        var i = start
        while i < tail {
          let v = Int(order[i])
          var s = 0.0, lower = 0.0
          for a in sourceOffsets[v] ..< sourceOffsets[v + 1] {
            let u = Int(sourceTargets[a])
            var j = position[u]
            if j < 0 {
              j = Int32(tail)
              position[u] = j
              order[tail] = Int32(u)
              tail += 1
            }
            targets[arc] = j
            if weighted {
              let w = sourceWeights[a]
              weights[arc] = w
              s += w
              if Int(j) < i { lower += w }
            } else if Int(j) < i {
              lower += 1
            }
            arc += 1
          }
          if !weighted { s = Double(sourceOffsets[v + 1] - sourceOffsets[v]) }
          offsets[i + 1] = arc
          strength[i] = s
          lowerStrength[i] = lower
          y[i] = uniform / s
          i += 1
        }
        ranges.append(start ..< tail)
      }
      for v in 0 ..< n where position[v] < 0 {
        position[v] = Int32(tail)
        order[tail] = Int32(v)
        tail += 1
        offsets[tail] = arc
      }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    let danglingStart = ranges.last?.upperBound ?? 0
    var componentStrength: [Double] = []
    for range in ranges {
      var total = 0.0
      for i in range { total += strength[i] }
      componentStrength.append(total)
    }
    let danglingCount = n - danglingStart
    let g = (1 - damping) / (Double(n) - damping * Double(danglingCount))
    self.order = order
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
    self.strength = strength
    self.lowerStrength = lowerStrength
    self.componentRanges = ranges
    self.componentStrength = componentStrength
    self.componentMass = ranges.map { Double($0.count) * g / (1 - damping) }
    self.y = y
    self.danglingMass = Double(danglingCount) / Double(n)
    self.shift = [Double](repeating: 0, count: ranges.count)
  }

  /// One Gauss–Seidel sweep over every node. Returns `Σ_i c_i |x'_i − x_i|` (see above).
  mutating func sweep() -> Double {
    let n = nodeCount
    let d = damping
    let base = (1 - d) / Double(n) + d * danglingMass / Double(n)
    var change = 0.0
    var newDangling = 0.0
    let danglingStart = componentRanges.last?.upperBound ?? 0
    let weighted = self.weighted
    let ranges = componentRanges
    var newShift = shift
    offsets.withUnsafeBufferPointer { offsets in
      targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
          strength.withUnsafeBufferPointer { strength in
            lowerStrength.withUnsafeBufferPointer { lowerStrength in
              y.withUnsafeMutableBufferPointer { y in
                let o = offsets.baseAddress!, t = targets.baseAddress!, yy = y.baseAddress!
                let st = strength.baseAddress!, lw = lowerStrength.baseAddress!
                for (component, range) in ranges.enumerated() {
                  let c = shift[component]
                  var mass = 0.0
                  for i in range {
                    let start = o[i], end = o[i + 1]
                    var sum0 = 0.0, sum1 = 0.0
                    var a = start
                    if weighted {
                      let w = weights.baseAddress!
                      while a + 1 < end {
                        sum0 += w[a] * yy[Int(t[a])]
                        sum1 += w[a + 1] * yy[Int(t[a + 1])]
                        a += 2
                      }
                      if a < end { sum0 += w[a] * yy[Int(t[a])] }
                    } else {
                      while a + 1 < end {
                        sum0 += yy[Int(t[a])]
                        sum1 += yy[Int(t[a + 1])]
                        a += 2
                      }
                      if a < end { sum0 += yy[Int(t[a])] }
                    }
                    let s = st[i], lower = lw[i]
                    // Neighbours j > i still hold y_j, to be read as y_j − c.
                    let value = base + d * (sum0 + sum1 - c * (s - lower))
                    let next = value / s
                    change += abs(next - (yy[i] - c)) * lower
                    yy[i] = next
                    mass += value
                  }
                  newShift[component] = (mass - componentMass[component]) / componentStrength[component]
                }
                // Dangling: x'_i = base; the change moves the dangling mass (c_i = 1).
                for i in danglingStart ..< n {
                  change += abs(base - yy[i])
                  yy[i] = base
                  newDangling += base
                }
              }
            }
          }
        }
      }
    }
    danglingMass = newDangling
    shift = newShift
    return change
  }
}

extension PageRankSweeps {
  /// The scores in the original numbering, twins made exactly equal.
  ///
  /// Twins — nodes with the same neighbours and weights, either not adjacent (`N(a) = N(b)`) or
  /// adjacent (`N(a) ∖ {b} = N(b) ∖ {a}`) — have equal PageRank, and ranking must see the tie
  /// (it then breaks it by node id). Sweeps visit twins at different times, so their iterates
  /// differ by up to the error bound. Each class of twins gets the mean of its members' scores
  /// (summed in the sweep order): since `k |m − x*| ≤ Σ_i |x_i − x*|` for the mean m of k values
  /// and a common exact value x*, this never increases the L1 error, and keeps the sum.
  ///
  /// Found on the renumbered copy (neighbours are nearby): adjacent twins are an edge whose ends
  /// have equal degree and equal closed-neighbourhood hash; non-adjacent twins share their first
  /// neighbour f and are grouped there by open-neighbourhood hash. Every candidate is checked
  /// exactly, so a hash collision costs a comparison, never a wrong merge.
  ///
  /// - Complexity: O(*m* + *n*) expected time, O(*n*) space.
  func scoresWithTwinsEqualised() -> [Double] {
    let n = nodeCount
    var x = [Double](repeating: 0, count: n)
    for i in 0 ..< n { x[i] = strength[i] > 0 ? y[i] * strength[i] : y[i] }
    var representative = [Int32](repeating: -1, count: n)
    let weighted = self.weighted
    offsets.withUnsafeBufferPointer { o in
      targets.withUnsafeBufferPointer { t in
        weights.withUnsafeBufferPointer { w in
          representative.withUnsafeMutableBufferPointer { representative in
            @inline(__always) func mix(_ value: UInt64) -> UInt64 {
              var z = value &+ 0x9E37_79B9_7F4A_7C15
              z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
              z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
              return z ^ (z >> 31)
            }
            // Order-independent hashes of N(i) (with weights) and N[i] (targets only).
            var openHash = [UInt64](repeating: 0, count: n)
            var closedHash = [UInt64](repeating: 0, count: n)
            // The first neighbour of each node (−1: none), read where the arcs are not.
            var firstNeighbour = [Int32](repeating: -1, count: n)
            for i in 0 ..< n {
              if o[i + 1] > o[i] { firstNeighbour[i] = t[o[i]] }
              var open: UInt64 = 0, plain: UInt64 = 0
              for a in o[i] ..< o[i + 1] {
                let m = mix(UInt64(UInt32(bitPattern: t[a])))
                plain = plain &+ m
                open = open &+ (weighted ? mix(m ^ w[a].bitPattern) : m)
              }
              openHash[i] = open
              closedHash[i] = plain &+ mix(UInt64(i))
            }
            /// Whether a and b are twins: equal lists (a weight-for-weight), skipping b in a's
            /// and a in b's when `adjacent`. Lists of twins list the common neighbours in the
            /// same order (both follow the original numbering).
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
                if representative[u] < 0 && Int(firstNeighbour[u]) == f { candidates.append((openHash[u], Int32(u))) }
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
      }
    }
    // Means in the sweep order, then back to the original numbering.
    var sum = [Double](repeating: 0, count: n)
    var count = [Int32](repeating: 0, count: n)
    for i in 0 ..< n where representative[i] >= 0 {
      sum[Int(representative[i])] += x[i]
      count[Int(representative[i])] += 1
    }
    var result = [Double](repeating: 0, count: n)
    for i in 0 ..< n {
      let r = Int(representative[i])
      result[Int(order[i])] = r >= 0 ? sum[r] / Double(count[r]) : x[i]
    }
    return result
  }
}
