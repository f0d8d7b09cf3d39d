// Hop-distance kernels for the O(nm) measures. Each worker of a parallel run owns one kernel
// (its buffers are allocated once) and reads the graph through a shared ``CSRView``.

/// Brandes' single-source step without weights: a breadth-first search counting shortest paths
/// (σ, as `Double`), then dependency accumulation in reverse BFS order.
///
/// The accumulation is in "pull" form: a node's dependency is gathered from its successors (the
/// neighbours one level further away), `δ(w) = σ(w) · Σ_{x succ w} (1 + δ(x)) / σ(x)`. Once a
/// node is accumulated its σ is no longer needed and is overwritten by `(1 + δ) / σ`, so each node
/// is one 16-byte record (level, σ-or-coefficient) and every random access in either phase
/// touches one cache line. Levels are `Int32`, −1 for unreached; only reached nodes are reset
/// after a search, and no δ buffer needs clearing.
struct BrandesBreadthFirst: ~Copyable {
  struct NodeState {
    var level: Int32
    /// σ during the search; `(1 + δ) / σ` once the node is accumulated.
    var value: Double
  }

  let nodeCount: Int
  private let state: UnsafeMutableBufferPointer<NodeState>
  private let order: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int) {
    nodeCount = n
    state = .allocate(capacity: n)
    state.initialize(repeating: NodeState(level: -1, value: 0))
    order = .allocate(capacity: n)
    order.initialize(repeating: 0)
  }

  deinit {
    state.deallocate()
    order.deallocate()
  }

  /// Adds the dependency δ_s(v) of source `s` on every node v ≠ s to `centrality[v]`.
  func accumulate(from s: Int, csr: CSRView, into centrality: UnsafeMutableBufferPointer<Double>) {
    let offsets = csr.offsets
    let targets = csr.targets
    let state = self.state
    let order = self.order
    state[s] = NodeState(level: 0, value: 1)
    order[0] = Int32(s)
    var count = 1
    var head = 0
    while head < count {
      let v = Int(order[head])
      head &+= 1
      let current = state[v]
      let next = current.level &+ 1
      let sigmaV = current.value
      for a in offsets[v] ..< offsets[v &+ 1] {
        let w = Int(targets[a])
        let lw = state[w].level
        if lw < 0 {
          state[w] = NodeState(level: next, value: sigmaV)
          order[count] = Int32(truncatingIfNeeded: w)
          count &+= 1
        } else if lw == next {
          state[w].value += sigmaV
        }
      }
    }
    var i = count &- 1
    while i > 0 {
      let w = Int(order[i])
      let successor = state[w].level &+ 1
      var sum = 0.0
      for a in offsets[w] ..< offsets[w &+ 1] {
        let x = state[Int(targets[a])]
        sum += x.level == successor ? x.value : 0  // branch-free: successors are unpredictable
      }
      let sigmaW = state[w].value
      let delta = sigmaW * sum
      centrality[w] += delta
      state[w].value = (1 + delta) / sigmaW
      i &-= 1
    }
    for j in 0 ..< count { state[Int(order[j])].level = -1 }
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
    let counts = self.counts
    search(sources: sources, csr: csr) { _, _, fresh in
      var bits = fresh
      while bits != 0 {
        let b = bits.trailingZeroBitCount
        counts[b] &+= 1
        bits &= bits &- 1
      }
    } levelDone: { distance in
      for b in 0 ..< sources.count where counts[b] > 0 {
        visit(b, distance, counts[b])
        counts[b] = 0
      }
    }
  }

  /// Searches from up to 64 arbitrary `sources` (repeats allowed: each is its own bit) and calls
  /// `visit(node, distance, bits)` each time a node is first reached by some sources, with the
  /// mask of those sources' bits (bit *b* = `sources[b]`), in increasing distance. The sources
  /// themselves (distance 0) are not visited. Used by the sampled closeness and harmonic
  /// estimates, which accumulate per node rather than per source.
  mutating func run(
    sourceList sources: some Collection<Int>, csr: CSRView, node visit: (_ node: Int, _ distance: Int, _ bits: UInt64) -> Void
  ) {
    search(sources: sources, csr: csr, fresh: visit) { _ in }
  }

  /// The search both `run`s share: calls `fresh(node, distance, bits)` when a node is first
  /// reached by the sources of `bits`, and `levelDone(distance)` after each level that reached
  /// some node.
  @inline(__always)
  private mutating func search(
    sources: some Collection<Int>, csr: CSRView, fresh visitFresh: (_ node: Int, _ distance: Int, _ bits: UInt64) -> Void,
    levelDone: (_ distance: Int) -> Void
  ) {
    precondition(sources.count <= 64 && !sources.isEmpty)
    let n = nodeCount
    let offsets = csr.offsets
    let targets = csr.targets
    let seen = self.seen
    let pending = self.pending
    let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) &- 1
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
          visitFresh(v, distance, fresh)
          if now == full { continue }
        }
        pending[kept] = Int32(truncatingIfNeeded: v)
        kept &+= 1
      }
      if any == 0 { break }
      levelDone(distance)
      // Nodes dropped from `pending` are no longer written, so their words in the two swapped
      // buffers go stale. That is harmless: a stale word of u holds only sources that reached u
      // at least two levels ago, so they reached every neighbour v of u already and `¬seen[v]`
      // masks them out.
      pendingCount = kept
      swap(&self.frontier, &self.next)
    }
  }
}
