@testable import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

// The sweep order of PageRank (issue 14 part 3): breadth-first, then each window of
// `PageRankSweeps.degreeWindow` positions by decreasing degree. The named graphs of
// PageRankSweepTests are smaller than one window; these graphs span several.

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

  @Test(arguments: [false, true]) func windowsByDecreasingDegree(weighted: Bool) {
    let graph = Self.graph(weighted: weighted)
    let n = graph.nodeCount
    let kernel = PageRankSweeps(graph: graph, damping: 0.85, weighted: weighted, relaxation: PageRank.relaxation(damping: 0.85))
    // A permutation; components contiguous, in order, dangling (isolated) nodes last.
    #expect(Set(kernel.order.map { Int($0) }) == Set(0 ..< n))
    #expect(kernel.componentRanges.first?.lowerBound == 0)
    for (a, b) in zip(kernel.componentRanges, kernel.componentRanges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    #expect(kernel.componentRanges.last?.upperBound == kernel.danglingStart)
    let largest = kernel.componentRanges.map(\.count).max() ?? 0
    #expect(largest > 2 * PageRankSweeps.degreeWindow, "the giant component spans several windows (\(largest))")
    for i in kernel.danglingStart ..< n { #expect(graph.degree(of: NodeID(Int(kernel.order[i]))) == 0) }
    // Within each window from a component's start, degrees do not increase; the renumbered arcs
    // are the original ones.
    var windows = 0
    for range in kernel.componentRanges {
      for w in stride(from: range.lowerBound, to: range.upperBound, by: PageRankSweeps.degreeWindow) {
        windows += 1
        let end = min(w + PageRankSweeps.degreeWindow, range.upperBound)
        for i in w ..< end - 1 {
          #expect(kernel.offsets[i + 1] - kernel.offsets[i] >= kernel.offsets[i + 2] - kernel.offsets[i + 1])
        }
      }
      for i in range {
        let v = Int(kernel.order[i])
        let original = Array(graph.neighbors(of: NodeID(v)).map { Int($0.rawValue) })
        let renumbered = (Int(kernel.offsets[i]) ..< Int(kernel.offsets[i + 1])).map { Int(kernel.order[Int(kernel.targets[$0])]) }
        #expect(renumbered == original, "node \(v)")
      }
    }
    #expect(windows > kernel.componentRanges.count)
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
