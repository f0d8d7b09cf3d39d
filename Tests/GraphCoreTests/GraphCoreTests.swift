import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

@Suite("GraphBuilder and Graph")
struct GraphTests {
  @Test func builderMergesParallelEdgesAndDropsSelfLoops() {
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(0, 1, weight: 2)
    builder.addEdge(1, 0, weight: 0.5)  // parallel, reversed
    builder.addEdge(2, 2, weight: 9)  // self-loop
    builder.addEdge(NodeID(3), NodeID(1), weight: 1)
    builder.addEdge(1, 3)  // parallel, default weight 1
    builder.addEdge(3, 3)  // self-loop
    #expect(builder.recordCount == 4)
    #expect(builder.droppedSelfLoops == 2)
    let g = builder.build()
    g._checkInvariants()
    #expect(g.nodeCount == 4 && g.edgeCount == 2)
    #expect(Array(g.edgeSources) == [0, 1] && Array(g.edgeTargets) == [1, 3])
    #expect(Array(g.edgeWeights) == [2.5, 2])
    #expect(g.totalWeight == 4.5)
    #expect(g.degree(of: 1) == 2 && g.strength(of: 1) == 4.5)
    #expect(g.degree(of: 2) == 0)
  }

  @Test func rowsAreSortedWhateverTheInsertionOrder() {
    let g = Graph(nodeCount: 5, edges: [(4, 2, 1), (2, 0, 1), (3, 2, 1), (1, 2, 1), (0, 4, 1)])
    g._checkInvariants()
    #expect(Array(g.neighbors(of: 2)) == [0, 1, 3, 4])
    #expect(Array(g.neighbors(of: 0)) == [2, 4])
    #expect(Array(g.neighbors(of: 4)) == [0, 2])
    #expect(Array(g.adjacencyOffsets) == [0, 2, 3, 7, 8, 10])
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func invariantsHoldOnRandomGraphs(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let g = Fixtures.randomGraph(nodes: 50, edgeProbability: 0.1, weights: 0.1 ... 10, using: &rng)
    g._checkInvariants()
    // Degrees sum to twice the edge count; every edge is found from both ends with its weight.
    #expect((0 ..< g.nodeCount).map { g.degree(of: NodeID($0)) }.reduce(0, +) == 2 * g.edgeCount)
    for e in 0 ..< g.edgeCount {
      let (u, v) = g.endpoints(of: EdgeID(e))
      #expect(g.weight(between: u, and: v) == g.edgeWeights[e])
      #expect(g.weight(between: v, and: u) == g.edgeWeights[e])
    }
    // A builder fed random duplicates and self-loops still yields a valid graph.
    var builder = GraphBuilder(nodeCount: 20)
    for _ in 0 ..< 200 {
      builder.addEdge(Int(rng.next(below: 20)), Int(rng.next(below: 20)), weight: 1)
    }
    let noisy = builder.build()
    noisy._checkInvariants()
    #expect(noisy.totalWeight + Double(builder.droppedSelfLoops) == 200)
    let permutation = Fixtures.randomPermutation(g.nodeCount, using: &rng)
    g.relabeled(by: permutation)._checkInvariants()
    g.inducedSubgraph((0 ..< 25).map(NodeID.init))._checkInvariants()
    g.withUniformWeight(1)._checkInvariants()
  }

  @Test func weightBetween() {
    let g = Fixtures.karateClub
    #expect(g.weight(between: 0, and: 1) == 4)  // networkx: G[0][1]["weight"] == 4
    #expect(g.weight(between: 1, and: 0) == 4)
    #expect(g.weight(between: 24, and: 25) == 2)  // G[24][25]["weight"] == 2
    #expect(g.weight(between: 25, and: 31) == 7)  // G[25][31]["weight"] == 7
    #expect(g.weight(between: 0, and: 9) == nil)
    #expect(g.weight(between: 0, and: 0) == nil)
    #expect(g.weight(between: 11, and: 33) == nil)  // node 11 has the single neighbour 0
  }

  @Test func inducedSubgraph() {
    // Karate nodes 33, 0, 1, 2 (renamed 0…3): edges 0-1 (4), 0-2 (5), 1-2 (6); 33 touches none.
    let sub = Fixtures.karateClub.inducedSubgraph([33, 0, 1, 2])
    sub._checkInvariants()
    #expect(sub.nodeCount == 4 && sub.edgeCount == 3)
    #expect(Array(sub.edgeSources) == [1, 1, 2] && Array(sub.edgeTargets) == [2, 3, 3])
    #expect(Array(sub.edgeWeights) == [4, 5, 6])
    #expect(sub.degree(of: 0) == 0)
  }

  @Test func relabeled() {
    // 0 — 1 — 2 with weights 2, 3, renamed by 0→2, 1→0, 2→1: edges {2,0} w 2 and {0,1} w 3.
    let g = Graph(nodeCount: 3, edges: [(0, 1, 2), (1, 2, 3)])
    let r = g.relabeled(by: [2, 0, 1])
    r._checkInvariants()
    #expect(r.weight(between: 2, and: 0) == 2)
    #expect(r.weight(between: 0, and: 1) == 3)
    #expect(r.weight(between: 1, and: 2) == nil)
    #expect(r.relabeled(by: [1, 2, 0]) == g)  // the inverse permutation restores the graph
  }

  @Test func generatorsAndUniformWeight() {
    #expect(Graph.path(4).edgeCount == 3 && Graph.cycle(4).edgeCount == 4)
    #expect(Graph.complete(5).edgeCount == 10 && Graph.star(leaves: 4).degree(of: 0) == 4)
    #expect(Graph.empty(3).edgeCount == 0 && Graph.path(1).edgeCount == 0)
    #expect(Fixtures.karateClub.isWeighted && !Fixtures.karateClubUnweighted.isWeighted)
    #expect(Fixtures.karateClub.withUniformWeight(1) == Fixtures.karateClubUnweighted)
    #expect(Fixtures.karateClub.edgeCount == 78 && Fixtures.lesMiserables.edgeCount == 254)
    #expect(Fixtures.lesMiserables.nodeCount == Fixtures.lesMiserablesNames.count)
    #expect(Fixtures.lesMiserablesNames == Fixtures.lesMiserablesNames.sorted())
  }

  @Test func requirePositiveWeights() throws {
    #expect {
      try Graph(edges: [(0, 1, 1), (1, 2, .nan)]).requirePositiveWeights()
    } throws: { error in
      guard case .invalidWeight(let edge, let weight) = error as? GraphError else { return false }
      return edge == 1 && weight.isNaN
    }
    try Fixtures.karateClub.requirePositiveWeights()
  }
}

@Suite("Partition and NodeScores")
struct PartitionAndScoresTests {
  @Test func partitionIsCanonical() {
    let p = Partition(labels: [5, 5, 2, 7, 2])
    #expect(p.membership == [0, 0, 1, 2, 1])
    #expect(p.communityCount == 3)
    #expect(p == Partition(labels: [1, 1, 0, 9, 0]))
    #expect(p != Partition(labels: [0, 0, 1, 1, 1]))
    #expect(p.communities == [[0, 1], [2, 4], [3]])
    #expect(p.sizes == [2, 2, 1])
    #expect(p[NodeID(4)] == 1)
    #expect(Partition.singletons(3).membership == [0, 1, 2])
    #expect(Partition(labels: [Int]()).communityCount == 0)
  }

  @Test func rankingBreaksTiesByAscendingID() {
    let scores = NodeScores(values: [0.5, 2, .nan, 2, 0.5, 3])
    #expect(scores.ranking() == [5, 1, 3, 0, 4, 2])
    #expect(scores[NodeID(1)] == 2 && scores.count == 6)
    #expect(NodeScores(values: [1, 1, 1]).ranking() == [0, 1, 2])
  }
}
