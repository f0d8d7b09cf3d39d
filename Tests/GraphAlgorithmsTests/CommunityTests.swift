import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

private func fixture(named name: String) -> Graph {
  switch name {
  case "karateClub": Fixtures.karateClub
  case "karateClubUnweighted": Fixtures.karateClubUnweighted
  case "lesMiserables": Fixtures.lesMiserables
  case "krackhardtKite": Fixtures.krackhardtKite
  case "disconnectedWeighted": Fixtures.disconnectedWeighted
  default: fatalError("unknown fixture \(name)")
  }
}

@Suite("Modularity")
struct ModularityTests {
  /// Each case carries the networkx call that produced `expected` (see ReferenceValues.swift).
  @Test(arguments: Reference.modularityCases)
  func matchesNetworkx(_ reference: Reference.ModularityCase) throws {
    let graph = fixture(named: reference.fixture)
    let q = try Modularity(resolution: reference.resolution).value(of: Partition(labels: reference.labels), in: graph)
    expectApproximatelyEqual(q, reference.expected, tolerance: 1e-9, Comment(rawValue: reference.call))
  }

  @Test func documentedExample() throws {
    // networkx: community.modularity(Graph([(0,1),(2,3)]), [{0,1},{2,3}]) == 0.5
    let g = Graph(nodeCount: 4, unweightedEdges: [(0, 1), (2, 3)])
    #expect(try Modularity().value(of: Partition(labels: [0, 0, 1, 1]), in: g) == 0.5)
    // Singletons: Q = −Σ k² / 4m² = −4/16.
    #expect(try Modularity().value(of: .singletons(4), in: g) == -0.25)
    // One community holding everything: Q = 1 − 1 = 0.
    #expect(try Modularity().value(of: Partition(labels: [0, 0, 0, 0]), in: g) == 0)
  }

  @Test func noEdgesIsZero() throws {
    #expect(try Modularity().value(of: .singletons(3), in: .empty(3)) == 0)
  }
}

@Suite("Connected components")
struct ConnectedComponentsTests {
  @Test func disconnectedFixture() throws {
    let partition = try ConnectedComponents().partition(of: Fixtures.disconnectedWeighted)
    #expect(partition.membership == [0, 0, 0, 0, 1, 1, 1, 1, 2])
    #expect(partition.communities == [[0, 1, 2, 3], [4, 5, 6, 7], [8]])
    #expect(Fixtures.disconnectedWeighted.connectedComponents() == partition)
  }

  @Test func documentedExampleAndEdgeCases() throws {
    let g = Graph(nodeCount: 5, unweightedEdges: [(0, 1), (2, 3)])
    #expect(try ConnectedComponents().partition(of: g).membership == [0, 0, 1, 1, 2])
    #expect(try ConnectedComponents().partition(of: .empty(0)).membership == [])
    #expect(try ConnectedComponents().partition(of: Fixtures.karateClub).communityCount == 1)
    // Components are numbered by smallest member even when the large one starts late.
    let late = Graph(nodeCount: 4, unweightedEdges: [(1, 3), (2, 3)])
    #expect(late.connectedComponents().membership == [0, 1, 1, 1])
  }

  /// Against an independent BFS: same component iff reachable.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func matchesReachability(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 40, edgeProbability: 0.04, using: &rng)
    let partition = graph.connectedComponents()
    for s in 0 ..< graph.nodeCount {
      let distances = hopDistances(graph, from: s)
      for t in 0 ..< graph.nodeCount {
        #expect((distances[t] >= 0) == (partition.membership[s] == partition.membership[t]))
      }
    }
    #expect(Partition(labels: partition.membership) == partition)  // canonical
  }

  /// The union–find numbering equals that of the breadth-first search it replaced (roots taken
  /// in ascending order), on random graphs whose edges arrive in random order.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func numberingMatchesBreadthFirstSearch(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let n = 300
    var builder = GraphBuilder(nodeCount: n)
    for _ in 0 ..< 200 + Int(seed) * 10 {
      let u = Int(rng.next() % UInt64(n))
      let v = Int(rng.next() % UInt64(n))
      if u != v { builder.addEdge(u, v, weight: 1) }
    }
    let graph = builder.build()
    var label = [Int32](repeating: -1, count: n)
    var next: Int32 = 0
    for root in 0 ..< n where label[root] < 0 {
      label[root] = next
      var queue = [root]
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for a in graph.adjacencyOffsets[v] ..< graph.adjacencyOffsets[v + 1] {
          let w = Int(graph.adjacencyTargets[a])
          if label[w] < 0 {
            label[w] = next
            queue.append(w)
          }
        }
      }
      next += 1
    }
    let partition = graph.connectedComponents()
    #expect(partition.membership == label)
    #expect(partition.communityCount == Int(next))
  }
}

@Suite("Louvain")
struct LouvainTests {
  /// networkx `community.louvain_communities(G, seed=0)` (weight="weight") reaches
  /// Q = 0.4438541256723075 on the weighted karate club (seeds 0…9 give 0.4266–0.4449);
  /// with weight=None it reaches 0.41978961209730437 on the unweighted one.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func karateReachesHighModularity(seed: UInt64) throws {
    let weighted = try Louvain(seed: seed).run(on: Fixtures.karateClub)
    #expect(weighted.modularity >= 0.41)
    #expect(weighted.partition.communityCount >= 3 && weighted.partition.communityCount <= 5)
    let unweighted = try Louvain(seed: seed).run(on: Fixtures.karateClubUnweighted)
    #expect(unweighted.modularity >= 0.40)
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func improvesOnSingletonsAndIsValid(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let graph = Fixtures.randomGraph(nodes: 60, edgeProbability: 0.08, weights: 0.5 ... 3, using: &rng)
    for resolution in [0.5, 1.0, 2.0] {
      let modularity = Modularity(resolution: resolution)
      let result = try Louvain(resolution: resolution, seed: seed).run(on: graph)
      let singleton = try modularity.value(of: .singletons(graph.nodeCount), in: graph)
      #expect(result.modularity >= singleton)
      #expect(result.partition.nodeCount == graph.nodeCount)
      #expect(Partition(labels: result.partition.membership) == result.partition)  // canonical
      // Refinement only improves on the last level; without it the last level is the result.
      #expect(result.modularity >= (try modularity.value(of: result.levels.last!, in: graph)) - 1e-12)
      let plain = try Louvain(resolution: resolution, seed: seed, refine: false).run(on: graph)
      #expect(plain.levels.last == plain.partition)
      #expect(plain.levels == result.levels)
      expectApproximatelyEqual(result.modularity, try modularity.value(of: result.partition, in: graph), tolerance: 1e-12)
      // Levels coarsen: each is a merge of the previous one, and modularity does not drop.
      var previousQ = singleton
      for (i, level) in result.levels.enumerated() {
        let q = try modularity.value(of: level, in: graph)
        #expect(q >= previousQ - 1e-12)
        previousQ = q
        if i > 0 {
          let finer = result.levels[i - 1]
          for v in 0 ..< graph.nodeCount {
            for w in 0 ..< graph.nodeCount where finer.membership[v] == finer.membership[w] {
              #expect(level.membership[v] == level.membership[w])
            }
          }
        }
      }
    }
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func sameSeedSameResult(seed: UInt64) throws {
    let first = try Louvain(seed: seed).run(on: Fixtures.lesMiserables)
    let second = try Louvain(seed: seed).run(on: Fixtures.lesMiserables)
    #expect(first == second)
    #expect(try Louvain(seed: seed).partition(of: Fixtures.lesMiserables) == first.partition)
  }

  @Test func differentSeedsExploreDifferentOrders() throws {
    let partitions = try (0 ..< 20 as Range<UInt64>).map { try Louvain(seed: $0).run(on: Fixtures.lesMiserables).levels[0] }
    #expect(Set(partitions).count > 1)
  }

  @Test func documentedExample() throws {
    // networkx: louvain_communities(G, seed=0) == [{0, 1, 2}, {3, 4, 5}]
    let g = Graph(nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    for seed in 0 ..< 10 as Range<UInt64> {
      #expect(try Louvain(seed: seed).partition(of: g).membership == [0, 0, 0, 1, 1, 1])
    }
  }

  @Test func disconnectedGraphKeepsComponentsApart() throws {
    let result = try Louvain().run(on: Fixtures.disconnectedWeighted)
    let components = Fixtures.disconnectedWeighted.connectedComponents()
    for v in 0 ..< 9 {
      for w in 0 ..< 9 where result.partition.membership[v] == result.partition.membership[w] {
        #expect(components.membership[v] == components.membership[w])
      }
    }
    // The isolated node stays alone.
    #expect(result.partition.sizes[Int(result.partition.membership[8])] == 1)
  }

  @Test func resolutionZeroMergesEachComponent() throws {
    // With γ = 0 the gain is k_{i,C}/m > 0 for any neighbour, so each component ends as one community.
    let result = try Louvain(resolution: 0).run(on: Fixtures.disconnectedWeighted)
    #expect(result.partition == Fixtures.disconnectedWeighted.connectedComponents())
  }

  @Test func edgelessAndEmptyGraphs() throws {
    let edgeless = try Louvain().run(on: .empty(3))
    #expect(edgeless == LouvainResult(partition: .singletons(3), levels: [.singletons(3)], modularity: 0))
    let empty = try Louvain().run(on: .empty(0))
    #expect(empty.partition.nodeCount == 0 && empty.levels.isEmpty && empty.modularity == 0)
  }
}
