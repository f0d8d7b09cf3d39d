import Foundation
import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

@testable import Bibliography
@testable import Networks

/// The bundled listing, found from this file so the tests run from any directory.
let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Examples/mats-research.txt").path
let seedAliasPath = URL(fileURLWithPath: seedPath).deletingLastPathComponent().appendingPathComponent("mats-aliases.tsv").path

/// A hand-made corpus of eight papers (drawn below) with fellows F1, F2, F3.
///
///     p1: A, B, F1        p5: F2, M        (M = mentor of F2 and F3)
///     p2: A, B            p6: F3, M, D
///     p3: B, C, F1, F2    p7: E            (single author)
///     p4: C, D            p8: F1, F2
func handMadeCorpus() -> Corpus {
  let at = { (line: Int) in SourceLocation(file: "hand.txt", line: line) }
  let records = [
    Record(title: "p1", authors: ["A", "B", "F1"], fellows: ["F1"], tags: ["x", "y"], source: at(1)),
    Record(title: "p2", authors: ["A", "B"], tags: ["x"], source: at(2)),
    Record(title: "p3", authors: ["B", "C", "F1", "F2"], fellows: ["F1", "F2"], tags: ["y", "z"], source: at(3)),
    Record(title: "p4", authors: ["C", "D"], tags: ["z"], source: at(4)),
    Record(title: "p5", authors: ["F2", "M"], fellows: ["F2"], tags: ["x", "y", "z"], source: at(5)),
    Record(title: "p6", authors: ["F3", "M", "D"], fellows: ["F3"], source: at(6)),
    Record(title: "p7", authors: ["E"], tags: ["w"], source: at(7)),
    Record(title: "p8", authors: ["F1", "F2"], fellows: ["F1", "F2"], source: at(8)),
  ]
  return IdentityResolver().resolve([ReadResult(records: records)])
}

extension Network {
  func weight(_ a: String, _ b: String) -> Double? {
    guard let u = node(named: a), let v = node(named: b) else { return nil }
    return graph.weight(between: u, and: v)
  }
}

@Suite("Author network")
struct AuthorNetworkTests {
  @Test func handMadeFullCounting() throws {
    let n = Network.authors(of: handMadeCorpus())
    n.graph._checkInvariants()
    #expect(n.labels == ["A", "B", "F1", "C", "F2", "D", "M", "F3", "E"])
    #expect(n.paperCounts == [2, 3, 3, 2, 3, 2, 2, 1, 1])
    #expect(n.isFellow == [false, false, true, false, true, false, false, true, false])
    #expect(n.weight("A", "B") == 2)
    #expect(n.weight("F1", "F2") == 2)  // p3 and p8
    #expect(n.weight("B", "F2") == 1)
    #expect(n.weight("A", "C") == nil)
    // Edges: p1 3, p2 0 new, p3 6 (B-F1 already) -> 5, p4 1, p5 1, p6 3, p8 0 new.
    #expect(n.graph.edgeCount == 3 + 5 + 1 + 1 + 3)
    #expect(n.graph.degree(of: n.node(named: "E")!) == 0)
  }

  /// Fractional counting (Newman 2001): every author of a paper with n ≥ 2 authors spreads 1 over
  /// the n − 1 co-authors, so strength = number of multi-author papers.
  @Test func fractionalStrengthIsMultiAuthorPapers() throws {
    let corpus = handMadeCorpus()
    let n = Network.authors(of: corpus, counting: .fractional)
    for v in n.graph.nodes {
      let multi = corpus.papers.filter { $0.authors.count > 1 && $0.authors.contains(n.labels[v.index]) }.count
      #expect(abs(n.graph.strength(of: v) - Double(multi)) < 1e-12, "\(n.labels[v.index])")
    }
    #expect(abs(n.weight("F1", "F2")! - (1.0 / 3 + 1)) < 1e-12)  // p3 (4 authors) + p8 (2 authors)
  }

  @Test func seedMatchesNetworkx() throws {
    let corpus = try CorpusLoader().load([seedPath])
    let n = Network.authors(of: corpus)
    n.graph._checkInvariants()
    #expect(n.graph.nodeCount == SeedReference.nodes)
    #expect(n.graph.edgeCount == SeedReference.edges)
    #expect(n.graph.totalWeight == SeedReference.totalWeight)
    #expect(n.graph.connectedComponents().communityCount == SeedReference.components)
    func check(_ measure: any CentralityMeasure, _ reference: [String: Double], tolerance: Double) throws {
      let scores = try measure.scores(for: n.graph)
      #expect(Set(reference.keys) == Set(n.labels))
      for (v, name) in n.labels.enumerated() {
        #expect(abs(scores.values[v] - reference[name]!) <= tolerance, "\(name): \(scores.values[v]) vs \(reference[name]!)")
      }
    }
    try check(BetweennessCentrality(), SeedReference.betweenness, tolerance: 1e-9)
    try check(BetweennessCentrality(weighted: true), SeedReference.weightedBetweenness, tolerance: 1e-9)
    try check(ClosenessCentrality(), SeedReference.closeness, tolerance: 1e-9)
    try check(HarmonicCentrality(), SeedReference.harmonic, tolerance: 1e-9)
    try check(StrengthCentrality(), SeedReference.strength, tolerance: 1e-9)
    try check(PageRank(), SeedReference.pagerank, tolerance: 1e-10)  // converged reference (issue 14)
    let louvain = try Louvain(seed: 0).run(on: n.graph)
    #expect(louvain.modularity >= SeedReference.bestLouvainModularity - 1e-9)
  }

  @Test func aliasSplitAddsOnePerson() throws {
    let corpus = try CorpusLoader(aliasPath: seedAliasPath).load([seedPath])
    let n = Network.authors(of: corpus)
    #expect(n.graph.nodeCount == SeedReference.nodes + 1)
    // 'Alan Chan Nicholas Carlini' (1 node, 5 co-authors) becomes two nodes linked to each other
    // and to the same 4 co-authors: 6 authors on the paper, 15 pairs instead of 10.
    #expect(n.graph.edgeCount == SeedReference.edges + 5)
    #expect(n.weight("Alan Chan", "Nicholas Carlini") == 1)
  }
}

@Suite("Fellow network")
struct FellowNetworkTests {
  @Test func directAndSharedCollaboratorEdges() throws {
    let n = Network.fellows(of: handMadeCorpus())
    #expect(n.labels == ["F1", "F2", "F3"])
    #expect(n.paperCounts == [3, 3, 1])
    #expect(n.graph.edgeCount == 2)
    let (u, v) = n.graph.endpoints(of: 0)
    #expect(n.labels[u.index] == "F1" && n.labels[v.index] == "F2")
    #expect(n.edgeKinds == [.coauthorship, .sharedCollaborator])
    #expect(n.graph.edgeWeights[0] == 2)
    // F2 and F3 never wrote together but share M (p5, p6); F1 and F3 share nobody.
    #expect(n.edgeVia[1] == ["M"])
    #expect(n.weight("F2", "F3") == 1)
    #expect(n.weight("F1", "F3") == nil)
    let direct = Network.fellows(of: handMadeCorpus(), sharedCollaborators: false)
    #expect(direct.graph.edgeCount == 1)
    #expect(direct.edgeKinds == [.coauthorship])
  }

  @Test func seedFellowGraph() throws {
    let corpus = try CorpusLoader().load([seedPath])
    let n = Network.fellows(of: corpus)
    #expect(n.graph.nodeCount == 19)
    #expect(n.weight("Lukas Berglund", "Meg Tong") == 2)  // Reversal Curse, Taken out of context
    #expect(n.weight("Lisa Thiergart", "Ulisse Mini") == 1)
    // Meg Tong and Daniel Tan never wrote together; both wrote with Owain Evans.
    let u = try #require(n.node(named: "Meg Tong"))
    let v = try #require(n.node(named: "Daniel Tan"))
    let arcs = n.graph.adjacencyOffsets[u.index] ..< n.graph.adjacencyOffsets[u.index + 1]
    let arc = try #require(arcs.first { n.graph.adjacencyTargets[$0] == v.rawValue })
    let e = Int(n.graph.adjacencyEdges[arc])
    #expect(n.edgeKinds[e] == .sharedCollaborator)
    #expect(n.edgeVia[e] == ["Owain Evans"])
  }
}

@Suite("Tag network")
struct TagNetworkTests {
  @Test func handMadeCooccurrence() throws {
    let n = Network.tags(of: handMadeCorpus())
    #expect(n.labels == ["x", "y", "z", "w"])
    #expect(n.paperCounts == [3, 3, 3, 1])
    #expect(n.weight("x", "y") == 2)  // p1, p5
    #expect(n.weight("y", "z") == 2)  // p3, p5
    #expect(n.weight("x", "z") == 1)  // p5
    #expect(n.weight("w", "x") == nil)
  }

  @Test func seedTags() throws {
    let n = Network.tags(of: try CorpusLoader().load([seedPath]))
    #expect(n.graph.nodeCount == 9)
    #expect(n.graph.edgeCount == 11)
    #expect(n.paperCounts[n.node(named: "Interpretability")!.index] == 5)
    #expect(n.weight("Dangerous Capability Evals", "Scalable Oversight") == 2)  // Reversal Curse, MACHIAVELLI
    #expect(n.weight("Interpretability", "Red-Teaming") == 1)  // SolidGoldMagikarp
  }
}
