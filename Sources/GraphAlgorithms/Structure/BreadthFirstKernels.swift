// Hop-distance kernels for the O(nm) measures. Each worker of a parallel run owns one kernel
// (its buffers are allocated once) and reads the graph through a shared ``CSRView``.

/// Brandes' single-source step without weights: a breadth-first search counting shortest paths
/// (σ, as `Double`), then dependency accumulation in reverse BFS order.
///
/// The accumulation is in "pull" form: a node's dependency is gathered from its successors (the
/// neighbours one level further away), `δ(w) = σ(w) · Σ_{x succ w} (1 + δ(x)) / σ(x)`, storing
/// `(1 + δ(x)) / σ(x)` per node, so every node is written once and no δ buffer needs clearing.
/// Distances are `Int32`, −1 for unreached; only reached nodes are reset after a search.
struct BrandesBreadthFirst: ~Copyable {
  let nodeCount: Int
  private let level: UnsafeMutableBufferPointer<Int32>
  private let sigma: UnsafeMutableBufferPointer<Double>
  /// `(1 + δ(x)) / σ(x)` for nodes already accumulated.
  private let coefficient: UnsafeMutableBufferPointer<Double>
  private let order: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int) {
    nodeCount = n
    level = .allocate(capacity: n)
    level.initialize(repeating: -1)
    sigma = .allocate(capacity: n)
    sigma.initialize(repeating: 0)
    coefficient = .allocate(capacity: n)
    coefficient.initialize(repeating: 0)
    order = .allocate(capacity: n)
    order.initialize(repeating: 0)
  }

  deinit {
    level.deallocate()
    sigma.deallocate()
    coefficient.deallocate()
    order.deallocate()
  }

  /// Adds the dependency δ_s(v) of source `s` on every node v ≠ s to `centrality[v]`.
  func accumulate(from s: Int, csr: CSRView, into centrality: UnsafeMutableBufferPointer<Double>) {
    let offsets = csr.offsets
    let targets = csr.targets
    let level = self.level
    let sigma = self.sigma
    let order = self.order
    let coefficient = self.coefficient
    level[s] = 0
    sigma[s] = 1
    order[0] = Int32(s)
    var count = 1
    var head = 0
    while head < count {
      let v = Int(order[head])
      head += 1
      let next = level[v] &+ 1
      let sigmaV = sigma[v]
      for a in offsets[v] ..< offsets[v &+ 1] {
        let w = Int(targets[a])
        let lw = level[w]
        if lw < 0 {
          level[w] = next
          sigma[w] = sigmaV
          order[count] = Int32(truncatingIfNeeded: w)
          count &+= 1
        } else if lw == next {
          sigma[w] += sigmaV
        }
      }
    }
    var i = count &- 1
    while i > 0 {
      let w = Int(order[i])
      let successor = level[w] &+ 1
      var sum = 0.0
      for a in offsets[w] ..< offsets[w &+ 1] {
        let x = Int(targets[a])
        if level[x] == successor { sum += coefficient[x] }
      }
      let sigmaW = sigma[w]
      let delta = sigmaW * sum
      centrality[w] += delta
      coefficient[w] = (1 + delta) / sigmaW
      i &-= 1
    }
    for j in 0 ..< count { level[Int(order[j])] = -1 }
  }
}

/// Up to 64 breadth-first searches at once, one bit per source (bit-parallel BFS).
///
/// `seen[v]` has bit *b* set once source *b* has reached *v*; each level, a node gathers the
/// frontier words of its neighbours: `new[v] = (∪_{u ∈ N(v)} frontier[u]) ∧ ¬seen[v]`. One sweep
/// over the arcs advances all 64 searches by one level, so a batch costs O(*D*(*n* + *m*)) word
/// operations for eccentricity *D*, instead of 64 separate searches of O(*n* + *m*) each with
/// random access. Per level and source it counts the newly reached nodes, which is all that
/// closeness and harmonic centrality need.
struct BitParallelBreadthFirst: ~Copyable {
  let nodeCount: Int
  private let seen: UnsafeMutableBufferPointer<UInt64>
  private var frontier: UnsafeMutableBufferPointer<UInt64>
  private var next: UnsafeMutableBufferPointer<UInt64>
  /// Nodes that may still be reached (not yet seen by every source of the batch).
  private let pending: UnsafeMutableBufferPointer<Int32>
  /// Newly reached nodes per source bit in the current level.
  private let counts: UnsafeMutableBufferPointer<Int>

  init(nodeCount n: Int) {
    nodeCount = n
    seen = .allocate(capacity: n)
    seen.initialize(repeating: 0)
    frontier = .allocate(capacity: n)
    frontier.initialize(repeating: 0)
    next = .allocate(capacity: n)
    next.initialize(repeating: 0)
    pending = .allocate(capacity: n)
    pending.initialize(repeating: 0)
    counts = .allocate(capacity: 64)
    counts.initialize(repeating: 0)
  }

  deinit {
    seen.deallocate()
    frontier.deallocate()
    next.deallocate()
    pending.deallocate()
    counts.deallocate()
  }

  /// Searches from the consecutive sources `sources` (at most 64) and calls
  /// `visit(source index in batch, distance, number of nodes at that distance)` once per source and
  /// level with at least one node, in increasing distance.
  mutating func run(
    sources: Range<Int>, csr: CSRView, level visit: (_ bit: Int, _ distance: Int, _ count: Int) -> Void
  ) {
    precondition(sources.count <= 64 && !sources.isEmpty)
    let n = nodeCount
    let offsets = csr.offsets
    let targets = csr.targets
    let seen = self.seen
    let pending = self.pending
    let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) &- 1
    let counts = self.counts
    for v in 0 ..< n {
      seen[v] = 0
      frontier[v] = 0
      next[v] = 0
      pending[v] = Int32(truncatingIfNeeded: v)
    }
    var pendingCount = n
    for (b, s) in sources.enumerated() {
      seen[s] |= 1 << UInt64(b)
      frontier[s] |= 1 << UInt64(b)
    }
    var distance = 0
    while true {
      distance += 1
      let frontier = self.frontier
      let next = self.next
      var any: UInt64 = 0
      var kept = 0
      // Sweep only the nodes some source has yet to reach; drop the ones all sources have seen.
      for i in 0 ..< pendingCount {
        let v = Int(pending[i])
        let s = seen[v]
        var gathered: UInt64 = 0
        for a in offsets[v] ..< offsets[v &+ 1] { gathered |= frontier[Int(targets[a])] }
        let fresh = gathered & ~s
        next[v] = fresh
        if fresh != 0 {
          any |= fresh
          let now = s | fresh
          seen[v] = now
          var bits = fresh
          while bits != 0 {
            let b = bits.trailingZeroBitCount
            counts[b] &+= 1
            bits &= bits &- 1
          }
          if now == full { continue }
        }
        pending[kept] = Int32(truncatingIfNeeded: v)
        kept &+= 1
      }
      if any == 0 { break }
      for b in 0 ..< sources.count where counts[b] > 0 {
        visit(b, distance, counts[b])
        counts[b] = 0
      }
      // Nodes dropped from `pending` are no longer written, so their words in the two swapped
      // buffers go stale. That is harmless: a stale word of u holds only sources that reached u
      // at least two levels ago, so they reached every neighbour v of u already and `¬seen[v]`
      // masks them out.
      pendingCount = kept
      swap(&self.frontier, &self.next)
    }
  }
}
