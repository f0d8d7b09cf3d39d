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
    graph.adjacencyOffsets.withUnsafeBufferPointer { sourceOffsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { sourceTargets in
        graph.adjacencyWeights.withUnsafeBufferPointer { sourceWeights in
          order.withUnsafeMutableBufferPointer { order in
            position.withUnsafeMutableBufferPointer { position in
              targets.withUnsafeMutableBufferPointer { targets in
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
                      let w = weighted ? sourceWeights[a] : 1
                      if weighted { weights[arc] = w }
                      s += w
                      if Int(j) < i { lower += w }
                      arc += 1
                    }
                    offsets[i + 1] = arc
                    strength[i] = s
                    lowerStrength[i] = lower
                    y[i] = 1 / Double(n) / s
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

  /// The scores in the original numbering: `x_v = y_i · s_i` (dangling: `y_i`) for `v = order[i]`.
  func scores() -> [Double] {
    var x = [Double](repeating: 0, count: nodeCount)
    for i in 0 ..< nodeCount {
      x[Int(order[i])] = strength[i] > 0 ? y[i] * strength[i] : y[i]
    }
    return x
  }
}

extension PageRankSweeps {
  /// Gives structurally equivalent nodes exactly equal scores.
  ///
  /// Twins — nodes with the same neighbours and weights, either not adjacent (`N(a) = N(b)`) or
  /// adjacent (`N(a) ∖ {b} = N(b) ∖ {a}`) — have equal PageRank, and ranking must see the tie
  /// (it then breaks it by node id). Sweeps visit twins at different times, so their iterates differ
  /// by up to the error bound. Each class of twins gets the mean of its members' scores (summed in
  /// ascending node order): since `|m − x*| · k ≤ Σ_i |x_i − x*|` for the mean m of k values and a
  /// common exact value x*, this never increases the L1 error, and keeps the sum.
  ///
  /// - Complexity: O(*m* + *n* log *n*) time (hash every neighbour list, sort the hashes),
  ///   O(*n*) space.
  static func averageTwins(_ x: inout [Double], graph: Graph, weighted: Bool) {
    let n = graph.nodeCount
    guard n > 1 else { return }
    // (hash, node) for the open (kind bit 0) and closed (kind bit 1) neighbourhood of every node
    // with an edge.
    // Packed as hash (31 bits) · kind (1 bit) · node (32 bits), so a plain integer sort groups
    // them; equal hashes are then checked exactly (a collision only costs a comparison).
    precondition(n <= 1 << 32)
    var keys: [UInt64] = []
    keys.reserveCapacity(2 * n)
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        graph.adjacencyWeights.withUnsafeBufferPointer { weights in
          for v in 0 ..< n {
            let start = offsets[v], end = offsets[v + 1]
            guard end > start else { continue }
            var open: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(end - start)
            var closed = open
            var selfMixed = false
            for a in start ..< end {
              let t = Int(targets[a])
              if !selfMixed && t > v {
                closed = (closed ^ UInt64(v)) &* 0x100_0000_01b3
                selfMixed = true
              }
              open = (open ^ UInt64(t)) &* 0x100_0000_01b3
              closed = (closed ^ UInt64(t)) &* 0x100_0000_01b3
              if weighted { open = (open ^ weights[a].bitPattern) &* 0x100_0000_01b3 }
            }
            if !selfMixed { closed = (closed ^ UInt64(v)) &* 0x100_0000_01b3 }
            keys.append((open & 0xFFFF_FFFE_0000_0000) | UInt64(v))
            keys.append((closed & 0xFFFF_FFFE_0000_0000) | 0x1_0000_0000 | UInt64(v))
          }
        }
      }
    }
    keys.sort()

    func neighboursMatch(_ a: Int, _ b: Int, closed: Bool) -> Bool {
      let offsets = graph.adjacencyOffsets, targets = graph.adjacencyTargets, weights = graph.adjacencyWeights
      guard offsets[a + 1] - offsets[a] == offsets[b + 1] - offsets[b] else { return false }
      var i = offsets[a], j = offsets[b]
      let iEnd = offsets[a + 1], jEnd = offsets[b + 1]
      var sawB = false, sawA = false
      while true {
        if closed {
          if i < iEnd && Int(targets[i]) == b {
            sawB = true
            i += 1
          }
          if j < jEnd && Int(targets[j]) == a {
            sawA = true
            j += 1
          }
        }
        if i == iEnd || j == jEnd { break }
        if targets[i] != targets[j] || (weighted && weights[i] != weights[j]) { return false }
        i += 1
        j += 1
      }
      return i == iEnd && j == jEnd && (closed ? sawA && sawB : true)
    }

    var runStart = 0
    var representatives: [Int] = []
    var members: [[Int]] = []
    while runStart < keys.count {
      var runEnd = runStart + 1
      while runEnd < keys.count && keys[runEnd] >> 32 == keys[runStart] >> 32 { runEnd += 1 }
      if runEnd - runStart > 1 {
        let closed = (keys[runStart] >> 32) & 1 == 1
        representatives.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        for k in runStart ..< runEnd {
          let v = Int(keys[k] & 0xFFFF_FFFF)
          // Nodes are in ascending order within a run; a hash collision opens a new class.
          if let c = representatives.firstIndex(where: { neighboursMatch($0, v, closed: closed) }) {
            members[c].append(v)
          } else if representatives.count < 8 {
            representatives.append(v)
            members.append([v])
          }
        }
        for class_ in members where class_.count > 1 {
          var sum = 0.0
          for v in class_ { sum += x[v] }
          let mean = sum / Double(class_.count)
          for v in class_ { x[v] = mean }
        }
      }
      runStart = runEnd
    }
  }
}
