import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

/// `GraphBuilder.build()` (two counting sorts, no comparison sort) against a dictionary-based
/// reference on random unsorted input with repeated pairs, both directions and self-loops.
@Suite("GraphBuilder on random unsorted input")
struct GraphBuilderPropertyTests {
  @Test(arguments: 0 ..< 40 as Range<UInt64>)
  func matchesReference(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 1 + Int(rng.next(below: 40))
    let records = Int(rng.next(below: 400))
    var builder = GraphBuilder(nodeCount: n)
    var reference: [Int: Double] = [:]  // key u * n + v, u < v
    var selfLoops = 0
    for _ in 0 ..< records {
      let u = Int(rng.next(below: UInt64(n)))
      let v = Int(rng.next(below: UInt64(n)))
      // Small integer weights: sums are exact whatever the order of addition.
      let w = Double(1 + rng.next(below: 4))
      builder.addEdge(u, v, weight: w)
      if u == v { selfLoops += 1 } else { reference[min(u, v) * n + max(u, v), default: 0] += w }
    }
    let g = builder.build()
    g._checkInvariants()
    #expect(builder.droppedSelfLoops == selfLoops)
    #expect(builder.recordCount == records - selfLoops)
    let keys = reference.keys.sorted()
    #expect(g.edgeCount == keys.count)
    #expect(Array(g.edgeSources) == keys.map { Int32($0 / n) })
    #expect(Array(g.edgeTargets) == keys.map { Int32($0 % n) })
    #expect(Array(g.edgeWeights) == keys.map { reference[$0]! })
    var strength = [Double](repeating: 0, count: n)
    for (k, w) in reference { strength[k / n] += w; strength[k % n] += w }
    #expect((0 ..< n).map { g.strength(of: NodeID($0)) } == strength)
  }

  /// Parallel weights are summed in insertion order (so sums are reproducible bit for bit).
  @Test func parallelWeightsAreSummedInInsertionOrder() {
    var builder = GraphBuilder(nodeCount: 3)
    for w in [0.1, 0.2, 0.3] { builder.addEdge(2, 1, weight: w) }
    let g = builder.build()
    #expect(g.edgeWeights == [(0.1 + 0.2) + 0.3])
  }
}
