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
/// `seen[v]` has bit *b* set once source *b* has reached *v*; each level advances all 64
/// searches at once, in one of two directions (as in Beamer, Asanović & Patterson's
/// direction-optimizing BFS), whichever touches fewer arcs:
/// - **pull** (bottom-up): every node still to be reached gathers the frontier words of its
///   neighbours, `new[v] = (∪_{u ∈ N(v)} frontier[u]) ∧ ¬seen[v]`: one sweep over their arcs;
/// - **push** (top-down), when the frontier's arcs are fewer than a third of the arcs still to
///   sweep (the first levels and the long tail): each frontier node ORs its word into its
///   neighbours' and only those neighbours are looked at.
///
/// Both give the same new bits per node and level, so the visits are the same (within a level
/// their node order may differ, which the callers do not depend on: they sum per node or per
/// source). Given the connected components (``init(nodeCount:components:)``), a node is swept
/// only when its component holds a source of the batch and is dropped once every source of its
/// component has reached it (without them, once all 64 have, which a node in another source's
/// component never is). A batch costs O(*D*(*n* + *m*)) word operations at most for
/// eccentricity *D*, instead of 64 separate searches of O(*n* + *m*) each with random access.
/// Per level and source it counts the newly reached nodes, which is all that closeness and
/// harmonic centrality need.
struct BitParallelBreadthFirst: ~Copyable {
  let nodeCount: Int
  private let seen: UnsafeMutableBufferPointer<UInt64>
  private var frontier: UnsafeMutableBufferPointer<UInt64>
  private var next: UnsafeMutableBufferPointer<UInt64>
  /// Push levels: the words ORed into each touched node (zero between levels).
  private let gathered: UnsafeMutableBufferPointer<UInt64>
  /// Nodes that may still be reached (not yet seen by every source of their component).
  private let pending: UnsafeMutableBufferPointer<Int32>
  /// The nodes reached in the last level (the frontier), and the list being filled.
  private var active: UnsafeMutableBufferPointer<Int32>
  private var nextActive: UnsafeMutableBufferPointer<Int32>
  /// Push levels: the nodes whose `gathered` word is non-zero.
  private let touched: UnsafeMutableBufferPointer<Int32>
  /// Newly reached nodes per source bit in the current level.
  private let counts: UnsafeMutableBufferPointer<Int>
  /// Component of each node, when given, and per component the bits of the batch's sources in it.
  private let components: [Int32]?
  private let reach: UnsafeMutableBufferPointer<UInt64>

  /// Buffers for searches on graphs of `n` nodes; `components` (component index per node, in
  /// `0 ..< n`, e.g. ``ComponentDiameterBounds/component``) lets a batch skip the components
  /// without a source and stop sweeping a node once its component's sources have all reached it.
  init(nodeCount n: Int, components: [Int32]? = nil) {
    precondition(components == nil || components!.count == n)
    nodeCount = n
    seen = .allocate(capacity: n)
    seen.initialize(repeating: 0)
    frontier = .allocate(capacity: n)
    frontier.initialize(repeating: 0)
    next = .allocate(capacity: n)
    next.initialize(repeating: 0)
    gathered = .allocate(capacity: n)
    gathered.initialize(repeating: 0)
    pending = .allocate(capacity: n)
    pending.initialize(repeating: 0)
    active = .allocate(capacity: n)
    active.initialize(repeating: 0)
    nextActive = .allocate(capacity: n)
    nextActive.initialize(repeating: 0)
    touched = .allocate(capacity: n)
    touched.initialize(repeating: 0)
    counts = .allocate(capacity: 64)
    counts.initialize(repeating: 0)
    self.components = components
    reach = .allocate(capacity: components == nil ? 0 : n)
    reach.initialize(repeating: 0)
  }

  deinit {
    seen.deallocate()
    frontier.deallocate()
    next.deallocate()
    gathered.deallocate()
    pending.deallocate()
    active.deallocate()
    nextActive.deallocate()
    touched.deallocate()
    counts.deallocate()
    reach.deallocate()
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
    if let components {
      components.withUnsafeBufferPointer { component in
        search(sources: sources, csr: csr, component: component, fresh: visitFresh, levelDone: levelDone)
      }
    } else {
      search(sources: sources, csr: csr, component: nil, fresh: visitFresh, levelDone: levelDone)
    }
  }

  /// Push when the frontier's arcs times this are fewer than the arcs a pull sweep reads (a
  /// pushed arc is a read-modify-write, a pulled one a read).
  private static let pushFactor = 3

  @inline(__always)
  private mutating func search(
    sources: some Collection<Int>, csr: CSRView, component: UnsafeBufferPointer<Int32>?,
    fresh visitFresh: (_ node: Int, _ distance: Int, _ bits: UInt64) -> Void, levelDone: (_ distance: Int) -> Void
  ) {
    let n = nodeCount
    let offsets = csr.offsets
    let targets = csr.targets
    let seen = self.seen
    let pending = self.pending
    let gathered = self.gathered
    let touched = self.touched
    let reach = self.reach
    let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) &- 1
    if let component {
      for (b, s) in sources.enumerated() { reach[Int(component[s])] |= 1 << UInt64(b) }
    }
    /// The bits of the sources that can reach `v`.
    @inline(__always) func wanted(_ v: Int) -> UInt64 {
      if let component { return reach[Int(component[v])] }
      return full
    }
    var pendingCount = 0
    var pendingArcs = 0
    for v in 0 ..< n {
      seen[v] = 0
      frontier[v] = 0
      next[v] = 0
      if component == nil || wanted(v) != 0 {
        pending[pendingCount] = Int32(truncatingIfNeeded: v)
        pendingCount &+= 1
        pendingArcs &+= offsets[v &+ 1] &- offsets[v]
      }
    }
    var activeCount = 0
    var activeArcs = 0
    for (b, s) in sources.enumerated() {
      seen[s] |= 1 << UInt64(b)
      frontier[s] |= 1 << UInt64(b)
      active[activeCount] = Int32(truncatingIfNeeded: s)
      activeCount &+= 1
      activeArcs &+= offsets[s &+ 1] &- offsets[s]
    }
    var distance = 0
    while true {
      distance += 1
      let frontier = self.frontier
      let next = self.next
      let nextActive = self.nextActive
      var any: UInt64 = 0
      var reached = 0
      var reachedArcs = 0
      if activeArcs &* Self.pushFactor < pendingArcs {
        // Push: OR each frontier word into its neighbours, then look at the touched ones only.
        let active = self.active
        var touchedCount = 0
        for i in 0 ..< activeCount {
          let u = Int(active[i])
          let word = frontier[u]
          for a in offsets[u] ..< offsets[u &+ 1] {
            let w = Int(targets[a])
            let g = gathered[w]
            if g == 0 {
              touched[touchedCount] = Int32(truncatingIfNeeded: w)
              touchedCount &+= 1
            }
            gathered[w] = g | word
          }
        }
        for i in 0 ..< touchedCount {
          let w = Int(touched[i])
          let s = seen[w]
          let fresh = gathered[w] & ~s
          gathered[w] = 0
          next[w] = fresh
          if fresh != 0 {
            any |= fresh
            seen[w] = s | fresh
            visitFresh(w, distance, fresh)
            nextActive[reached] = Int32(truncatingIfNeeded: w)
            reached &+= 1
            reachedArcs &+= offsets[w &+ 1] &- offsets[w]
          }
        }
        // `pending` is left as it is: nodes completed here are dropped by the next pull.
      } else {
        // Pull: sweep only the nodes some source of their component has yet to reach; drop the rest.
        var kept = 0
        var keptArcs = 0
        for i in 0 ..< pendingCount {
          let v = Int(pending[i])
          let s = seen[v]
          let want = wanted(v)
          if s == want { continue }
          let first = offsets[v]
          let last = offsets[v &+ 1]
          var gatheredWord: UInt64 = 0
          for a in first ..< last { gatheredWord |= frontier[Int(targets[a])] }
          let fresh = gatheredWord & ~s
          next[v] = fresh
          if fresh != 0 {
            any |= fresh
            let now = s | fresh
            seen[v] = now
            visitFresh(v, distance, fresh)
            nextActive[reached] = Int32(truncatingIfNeeded: v)
            reached &+= 1
            reachedArcs &+= last &- first
            if now == want { continue }
          }
          pending[kept] = Int32(truncatingIfNeeded: v)
          kept &+= 1
          keptArcs &+= last &- first
        }
        pendingCount = kept
        pendingArcs = keptArcs
      }
      if any == 0 { break }
      levelDone(distance)
      // Nodes not written this level (dropped from `pending`, or not touched by a push) keep
      // stale words in the two swapped buffers. That is harmless: a stale word of u holds only
      // sources that reached u at least two levels ago, so they reached every neighbour v of u
      // already and `¬seen[v]` masks them out (and a push reads only the words of the last
      // level's frontier, which were all written in it).
      swap(&self.frontier, &self.next)
      swap(&self.active, &self.nextActive)
      activeCount = reached
      activeArcs = reachedArcs
    }
    if let component {
      for s in sources { reach[Int(component[s])] = 0 }
    }
  }
}
