import GraphCore
import TestSupport
import Testing

@testable import GraphAlgorithms

/// The bit-parallel breadth-first search behind the sampled closeness and harmonic estimates:
/// whichever direction each level takes (push for small frontiers, pull for large ones) and
/// whether it is given the components, every node is visited once per distance with exactly the
/// sources at that distance, as separate plain searches find them.
@Suite("Structure: bit-parallel breadth-first search")
struct BitParallelSearchTests {
  /// Hop distances from `s` by a plain breadth-first search (−1: unreached).
  static func distances(_ graph: Graph, from s: Int) -> [Int] {
    var dist = [Int](repeating: -1, count: graph.nodeCount)
    dist[s] = 0
    var queue = [s]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in graph.neighbors(of: NodeID(v)) where dist[w.index] < 0 {
        dist[w.index] = dist[v] + 1
        queue.append(w.index)
      }
    }
    return dist
  }

  struct Visit: Hashable, Comparable {
    var node: Int
    var distance: Int
    var bits: UInt64
    static func < (a: Visit, b: Visit) -> Bool { (a.node, a.distance, a.bits) < (b.node, b.distance, b.bits) }
  }

  /// The visits separate searches imply: node v at distance d ≥ 1 with the bits of the sources
  /// at that distance.
  static func expected(_ graph: Graph, sources: [Int]) -> [Visit] {
    let dist = sources.map { distances(graph, from: $0) }
    var visits: [Visit] = []
    for v in 0 ..< graph.nodeCount {
      var byDistance: [Int: UInt64] = [:]
      for (b, d) in dist.enumerated() where d[v] > 0 { byDistance[d[v], default: 0] |= 1 << UInt64(b) }
      for (d, bits) in byDistance { visits.append(Visit(node: v, distance: d, bits: bits)) }
    }
    return visits.sorted()
  }

  static func visits(_ graph: Graph, sources: [Int], components: [Int32]?) -> [Visit] {
    var found: [Visit] = []
    var lastDistance = 0
    var increasing = true
    withCSRView(of: graph, weighted: false) { csr in
      var kernel = BitParallelBreadthFirst(nodeCount: graph.nodeCount, components: components)
      // Twice with the same kernel: its buffers must come back clean.
      for round in 0 ..< 2 {
        kernel.run(sourceList: sources, csr: csr) { v, d, bits in
          if d < lastDistance { increasing = false }
          lastDistance = d
          if round == 1 { found.append(Visit(node: v, distance: d, bits: bits)) }
        }
        lastDistance = 0
      }
    }
    #expect(increasing, "visits come in increasing distance")
    return found.sorted()
  }

  /// Sparse random graphs (a large component with long paths, many small ones, isolated
  /// nodes) with 64, 7 and 1 sources, repeats allowed: the first levels and the tail are pushed,
  /// the middle pulled.
  @Test(arguments: [(0, 64), (1, 64), (2, 7), (3, 1), (4, 64)] as [(UInt64, Int)])
  func sameVisitsAsSeparateSearches(seed: UInt64, sourceCount: Int) {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 1500, edgeProbability: 1.6 / 1500, using: &rng)
    let bounds = ComponentDiameterBounds(graph: graph)
    let components = bounds.component
    var sources = (0 ..< sourceCount).map { _ in Int(rng.next(below: 1500)) }
    // One source: a node of the largest component (a drawn one may sit in a tiny one).
    let largest = bounds.size.indices.max { bounds.size[$0] < bounds.size[$1] }!
    if sourceCount == 1 { sources = [components.firstIndex(of: Int32(largest))!] }
    let want = Self.expected(graph, sources: sources)
    #expect(want.count > 500)
    #expect(Set(components).count > 50, "several components")
    #expect(Self.visits(graph, sources: sources, components: components) == want)
    #expect(Self.visits(graph, sources: sources, components: nil) == want)
  }

  /// A path, searched from one end: every level is a frontier of one node (all pushed).
  @Test func pathFromOneEnd() {
    let graph = Graph.path(300)
    let sources = [0, 0, 299]
    let want = Self.expected(graph, sources: sources)
    #expect(want.count == 2 * 299)
    #expect(Self.visits(graph, sources: sources, components: ComponentDiameterBounds(graph: graph).component) == want)
  }
}
