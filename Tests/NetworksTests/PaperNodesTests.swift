import Bibliography
import GraphCore
import Testing

@testable import Networks

/// ``PaperNodes``: each paper's nodes, built with the network and renumbered by node filters,
/// equal to looking every name up among the network's labels (what the community tags, term
/// labels and growth strip each did before).
@Suite("Paper nodes of a network")
struct PaperNodesTests {
  /// The old route: each paper's names (authors, fellows or tags) looked up among `network`'s
  /// labels, names that are not nodes left out; tags counted once a paper.
  static func lookedUp(_ network: Network, _ corpus: Corpus) -> [[Int32]] {
    var index: [String: Int32] = [:]
    for (v, label) in network.labels.enumerated() where index[label] == nil { index[label] = Int32(v) }
    return corpus.papers.map { paper in
      switch network.kind {
      case .authors: return paper.authors.compactMap { index[$0] }
      case .fellows: return paper.fellows.compactMap { index[$0] }
      case .tags:
        var ids: [Int32] = []
        for t in paper.tags { if let v = index[t], !ids.contains(v) { ids.append(v) } }
        return ids
      case .terms: return []
      }
    }
  }

  static func table(_ nodes: PaperNodes) -> [[Int32]] {
    (0 ..< nodes.paperCount).map { Array(nodes.nodes(ofPaper: $0)) }
  }

  @Test(arguments: [Network.Kind.authors, .fellows, .tags])
  func equalsTheNameLookups(kind: Network.Kind) throws {
    let corpus = handMadeCorpus()
    let network = Network.build(kind, from: corpus)
    let nodes = try #require(network.paperNodes)
    #expect(nodes.paperCount == 8)
    #expect(Self.table(nodes) == Self.lookedUp(network, corpus))
  }

  /// The hand-made corpus drawn in NetworkTests.swift, read in its canonical order.
  @Test func handMadeAuthors() throws {
    let corpus = handMadeCorpus()
    let network = Network.authors(of: corpus)
    // Labels A B F1 C F2 D M F3 E = nodes 0…8; each paper's authors in list order.
    let byTitle = Dictionary(uniqueKeysWithValues: corpus.papers.indices.map { (corpus.papers[$0].title, $0) })
    let nodes = try #require(network.paperNodes)
    #expect(Array(nodes.nodes(ofPaper: byTitle["p1"]!)) == [0, 1, 2])
    #expect(Array(nodes.nodes(ofPaper: byTitle["p6"]!)) == [7, 6, 5])
    #expect(Array(nodes.nodes(ofPaper: byTitle["p7"]!)) == [8])
    #expect(nodes.nodes.count == 3 + 2 + 4 + 2 + 2 + 3 + 1 + 2)
  }

  /// A node filter drops E (one paper) and F3 (one paper): p7 (E alone) keeps its place with no
  /// nodes, p6 keeps M and D renumbered, and the table still equals the lookups.
  @Test func followsANodeFilter() throws {
    let corpus = handMadeCorpus()
    let built = Network.authors(of: corpus)
    let filtered = try NetworkFilter(minPapers: 2).apply(to: built).network
    #expect(filtered.labels == ["A", "B", "F1", "C", "F2", "D", "M"])
    let nodes = try #require(filtered.paperNodes)
    #expect(nodes.paperCount == 8)
    #expect(Self.table(nodes) == Self.lookedUp(filtered, corpus))
    let byTitle = Dictionary(uniqueKeysWithValues: corpus.papers.indices.map { (corpus.papers[$0].title, $0) })
    #expect(nodes.nodes(ofPaper: byTitle["p7"]!).isEmpty)
    #expect(Array(nodes.nodes(ofPaper: byTitle["p6"]!)) == [6, 5])
  }

  /// A name listed twice on a paper is two slots (as the lookups gave), and the largest-component
  /// filter renumbers like the others.
  @Test func repeatedNameAndLargestComponent() throws {
    let at = SourceLocation(file: "t", line: 1)
    let corpus = Corpus(entryCount: 3, papers: [
      Paper(title: "a", authors: ["Ann", "Bob", "Ann"], date: nil, source: at),
      Paper(title: "b", authors: ["Cy", "Dee"], date: nil, source: at),
      Paper(title: "c", authors: ["Bob", "Eve"], date: nil, source: at),
    ])
    let network = Network.authors(of: corpus)
    #expect(Self.table(try #require(network.paperNodes)) == [[0, 1, 0], [2, 3], [1, 4]])
    let largest = try NetworkFilter(largestComponent: true).apply(to: network).network
    #expect(largest.labels == ["Ann", "Bob", "Eve"])
    #expect(Self.table(try #require(largest.paperNodes)) == [[0, 1, 0], [], [1, 2]])
    #expect(Self.table(try #require(largest.paperNodes)) == Self.lookedUp(largest, corpus))
  }

  /// Networks not built from papers have none; the terms network neither.
  @Test func onlyProjectionsOfPapersHaveThem() {
    let graph = Graph(nodeCount: 2, edges: [(0, 1, 1)])
    let network = Network(kind: .authors, graph: graph, labels: ["a", "b"], paperCounts: [0, 0], isFellow: [false, false])
    #expect(network.paperNodes == nil)
    #expect(network.subnetwork(keepingNodes: [true, false]).paperNodes == nil)
  }
}
