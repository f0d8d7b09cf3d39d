@testable import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

// The reduction and sweep order of PageRank (issue 14 part 3): twins merged into units, leaves
// eliminated, units in breadth-first order, then each window of `PageRankSweeps.degreeWindow`
// positions by decreasing arc count. The named graphs of PageRankSweepTests are smaller than one
// window; these graphs span several.

/// PageRank by the power iteration until the L1 change < 1e-14 (error < 0.85/0.15 · 1e-14), a
/// reference that shares nothing with the sweeps but the definition.
private func powerIteration(_ graph: Graph, weighted: Bool) -> [Double] {
  let n = graph.nodeCount, d = 0.85
  var strength = [Double](repeating: 0, count: n)
  for v in 0 ..< n {
    for a in Int(graph.adjacencyOffsets[v]) ..< Int(graph.adjacencyOffsets[v + 1]) {
      strength[v] += weighted ? graph.adjacencyWeights[a] : 1
    }
  }
  var x = [Double](repeating: 1 / Double(n), count: n)
  for _ in 0 ..< 10_000 {
    var dangling = 0.0
    for v in 0 ..< n where strength[v] == 0 { dangling += x[v] }
    var next = [Double](repeating: (1 - d) / Double(n) + d * dangling / Double(n), count: n)
    for u in 0 ..< n where strength[u] > 0 {
      for a in Int(graph.adjacencyOffsets[u]) ..< Int(graph.adjacencyOffsets[u + 1]) {
        let w = weighted ? graph.adjacencyWeights[a] : 1
        next[Int(graph.adjacencyTargets[a])] += d * x[u] * w / strength[u]
      }
    }
    var change = 0.0
    for v in 0 ..< n { change += abs(next[v] - x[v]) }
    x = next
    if change < 1e-14 { break }
  }
  return x
}

@Suite("PageRank: sweep order")
struct PageRankOrderTests {
  /// G(3000, 0.002): a giant component of about 2,800 nodes (three windows), small components
  /// and isolated nodes.
  static func graph(weighted: Bool) -> Graph {
    var rng = SplitMix64(seed: 14)
    return Fixtures.randomGraph(nodes: 3000, edgeProbability: 0.002, weights: weighted ? 0.5 ... 3 : nil, using: &rng)
  }

  @Test(arguments: [false, true]) func unitsAndWindows(weighted: Bool) {
    let graph = Self.graph(weighted: weighted)
    Self.checkReduction(graph, weighted: weighted)
    let kernel = PageRankSweeps(graph: graph, damping: 0.85, weighted: weighted, relaxation: PageRank.relaxation(damping: 0.85))
    let largest = kernel.componentRanges.map(\.count).max() ?? 0
    #expect(largest > 2 * PageRankSweeps.degreeWindow, "the giant component spans several windows (\(largest))")
    var windows = 0
    for range in kernel.componentRanges {
      for w in stride(from: range.lowerBound, to: range.upperBound, by: PageRankSweeps.degreeWindow) {
        windows += 1
        let end = min(w + PageRankSweeps.degreeWindow, range.upperBound)
        // Within each window from a component's start, arc counts do not increase.
        for i in w ..< end - 1 {
          #expect(kernel.offsets[i + 1] - kernel.offsets[i] >= kernel.offsets[i + 2] - kernel.offsets[i + 1])
        }
      }
    }
    #expect(windows > kernel.componentRanges.count)
  }

  /// The reduction's invariants on `graph`: leaves (degree 1, neighbour of degree ≥ 2) have no
  /// slot; dangling nodes are last; the members of each unit are twins of each other (same
  /// neighbours outside the unit, all adjacent to each other or none), as many as its
  /// multiplicity; a node with a twin is never alone in its unit; and a unit's arcs are exactly
  /// the distinct units among its members' neighbours, in components that are contiguous ranges.
  static func checkReduction(_ graph: Graph, weighted: Bool) {
    let n = graph.nodeCount
    let kernel = PageRankSweeps(graph: graph, damping: 0.85, weighted: weighted, relaxation: PageRank.relaxation(damping: 0.85))
    func neighbours(_ v: Int) -> [Int: Double] {
      var result: [Int: Double] = [:]
      for a in Int(graph.adjacencyOffsets[v]) ..< Int(graph.adjacencyOffsets[v + 1]) {
        result[Int(graph.adjacencyTargets[a])] = weighted ? graph.adjacencyWeights[a] : 1
      }
      return result
    }
    var members = [[Int]](repeating: [], count: kernel.danglingStart)
    for v in 0 ..< n {
      let degree = graph.degree(of: NodeID(v))
      let slot = Int(kernel.slot[v])
      if degree == 0 {
        #expect(slot >= kernel.danglingStart)
      } else if degree == 1 && graph.degree(of: graph.neighbors(of: NodeID(v)).first!) >= 2 {
        #expect(slot == -1, "leaf \(v)")
      } else {
        #expect(slot >= 0 && slot < kernel.danglingStart, "node \(v)")
        if slot >= 0 && slot < kernel.danglingStart { members[slot].append(v) }
      }
    }
    #expect(kernel.componentRanges.first?.lowerBound ?? 0 == 0)
    for (a, b) in zip(kernel.componentRanges, kernel.componentRanges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    #expect(kernel.componentRanges.last?.upperBound ?? 0 == kernel.danglingStart)
    for i in 0 ..< kernel.danglingStart {
      let group = Set(members[i])
      #expect(Double(group.count) == kernel.kinds[Int(kernel.kind[i])].multiplicity, "unit \(i)")
      let first = members[i][0]
      let outside = neighbours(first).filter { !group.contains($0.key) }
      let adjacent = group.count > 1 && neighbours(first)[members[i][1]] != nil
      for v in members[i] {
        #expect(neighbours(v).filter { !group.contains($0.key) } == outside, "unit \(i): \(v) is not a twin of \(first)")
        #expect(neighbours(v).filter { group.contains($0.key) }.count == (adjacent ? group.count - 1 : 0))
      }
      // Arcs: the distinct units of the non-leaf neighbours outside the unit.
      let expected = Set(outside.keys.compactMap { kernel.slot[$0] >= 0 ? Int(kernel.slot[$0]) : nil })
      let arcs = (Int(kernel.offsets[i]) ..< Int(kernel.offsets[i + 1])).map { Int(kernel.targets[$0]) }
      #expect(Set(arcs) == expected && arcs.count == expected.count, "unit \(i)")
    }
    // Maximal: no two units (not leaves) are twins of each other.
    var signature: [String: Int] = [:]
    for i in 0 ..< kernel.danglingStart {
      let v = members[i][0]
      let open = neighbours(v).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
      #expect(signature.updateValue(i, forKey: open) == nil, "units \(signature[open] ?? -1) and \(i) are open twins")
    }
  }

  /// A co-authorship-like graph full of twins and leaves: 400 "papers" of 2–7 authors drawn from
  /// 900 (every pair of co-authors linked, weight 1/(authors − 1) summed over shared papers when
  /// weighted), 150 single-author leaves hanging off random authors, and isolated authors.
  static func paperGraph(weighted: Bool, seed: UInt64 = 11) -> Graph {
    var rng = SplitMix64(seed: seed)
    let authors = 900
    var builder = GraphBuilder(nodeCount: authors + 150)
    for _ in 0 ..< 400 {
      let size = 2 + Int(rng.next(below: 6))
      var team = Set<Int>()
      // Authors drawn with a preference for small numbers, so teams overlap.
      while team.count < size { team.insert(Int(rng.next(below: UInt64(1 + rng.next(below: UInt64(authors)))))) }
      let list = team.sorted()
      for x in 0 ..< list.count {
        for z in x + 1 ..< list.count { builder.addEdge(list[x], list[z], weight: weighted ? 1 / Double(size - 1) : 1) }
      }
    }
    for leaf in 0 ..< 150 { builder.addEdge(authors + leaf, Int(rng.next(below: 300)), weight: weighted ? 0.5 + Double(leaf % 3) : 1) }
    return builder.build()
  }

  /// The reduction on a graph where it matters: units are far fewer than nodes, the invariants
  /// hold, error ≤ bound ≤ tolerance against the power iteration (converged and capped), and
  /// twins tie bit for bit.
  @Test(arguments: [false, true]) func twinsAndLeaves(weighted: Bool) throws {
    let graph = Self.paperGraph(weighted: weighted)
    Self.checkReduction(graph, weighted: weighted)
    let kernel = PageRankSweeps(graph: graph, damping: 0.85, weighted: weighted, relaxation: PageRank.relaxation(damping: 0.85))
    let leaves = kernel.slot.filter { $0 < 0 }.count
    #expect(leaves >= 100, "\(leaves) leaves")
    let dangling = kernel.slotCount - kernel.danglingStart
    let units = kernel.danglingStart
    print("paper graph (weighted: \(weighted)): \(graph.nodeCount) nodes, \(dangling) isolated, \(leaves) leaves, \(units) units")
    #expect(units <= graph.nodeCount - dangling - leaves - 20, "twins merged")
    let reference = powerIteration(graph, weighted: weighted)
    for tolerance in [1e-3, 1e-6, 1e-9, 1e-12] {
      let result = try PageRank(weighted: weighted, tolerance: tolerance).run(on: graph)
      var error = 0.0
      for v in 0 ..< graph.nodeCount { error += abs(result.scores.values[v] - reference[v]) }
      #expect(result.convergence.errorBound <= tolerance)
      #expect(error <= result.convergence.errorBound + 1e-13, "tolerance \(tolerance): error \(error) > bound \(result.convergence.errorBound)")
      // Members of a unit, and leaves of the same node with the same weight, tie exactly.
      let x = result.scores.values
      for v in 0 ..< graph.nodeCount where kernel.slot[v] >= 0 && Int(kernel.slot[v]) < kernel.danglingStart {
        #expect(x[v] == x[Int(kernel.representative[Int(kernel.slot[v])])])
      }
    }
    for cap in 1 ... 5 {
      let result = try PageRank(weighted: weighted, maxIterations: cap).run(on: graph, allowingUnconverged: true)
      var error = 0.0
      for v in 0 ..< graph.nodeCount { error += abs(result.scores.values[v] - reference[v]) }
      #expect(error <= result.convergence.errorBound + 1e-13, "cap \(cap): error \(error) > bound \(result.convergence.errorBound)")
    }
  }

  /// Error ≤ bound ≤ tolerance on graphs spanning several windows, against the power iteration.
  @Test(arguments: [false, true]) func boundHoldsAcrossWindows(weighted: Bool) throws {
    let graph = Self.graph(weighted: weighted)
    let reference = powerIteration(graph, weighted: weighted)
    for tolerance in [1e-6, 1e-9, 1e-12] {
      let result = try PageRank(weighted: weighted, tolerance: tolerance).run(on: graph)
      var error = 0.0
      for v in 0 ..< graph.nodeCount { error += abs(result.scores.values[v] - reference[v]) }
      #expect(result.convergence.errorBound <= tolerance)
      #expect(error <= result.convergence.errorBound + 1e-13, "tolerance \(tolerance): error \(error) > bound \(result.convergence.errorBound)")
    }
  }
}
