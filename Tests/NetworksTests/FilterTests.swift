import Foundation
import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

@testable import Bibliography
@testable import Networks

/// A corpus of papers given as author lists (and optional years and tags), resolved as a reader would.
func corpus(_ papers: [(authors: [String], year: Int?, tags: [String])]) -> Corpus {
  let records = papers.enumerated().map { i, p in
    Record(
      title: "p\(i + 1)", authors: p.authors, date: p.year.map { PaperDate(year: $0) }, tags: p.tags,
      source: SourceLocation(file: "hand.txt", line: i + 1))
  }
  return IdentityResolver().resolve([ReadResult(records: records)])
}

func corpus(authors: [[String]]) -> Corpus { corpus(authors.map { ($0, nil, []) }) }

/// A random corpus: `papers` papers of 1–`maxAuthors` authors drawn from `people` names, years
/// 2020–2025 or none, tags from t0…t5.
func randomCorpus(seed: UInt64, papers: Int = 25, people: Int = 30, maxAuthors: Int = 8) -> Corpus {
  var rng = SplitMix64(seed: seed)
  var list: [(authors: [String], year: Int?, tags: [String])] = []
  for _ in 0 ..< papers {
    let n = 1 + Int(rng.next(below: UInt64(maxAuthors)))
    var authors: [String] = []
    while authors.count < n {
      let name = "a\(rng.next(below: UInt64(people)))"
      if !authors.contains(name) { authors.append(name) }
    }
    let y = Int(rng.next(below: 7))
    var tags: [String] = []
    for t in 0 ..< 6 where rng.next(below: 3) == 0 { tags.append("t\(t)") }
    list.append((authors, y == 6 ? nil : 2020 + y, tags))
  }
  return corpus(list)
}

extension Network {
  /// Everything that identifies a network, for equality checks.
  var signature: String {
    var s = "\(kind) \(labels) \(paperCounts) \(isFellow)\n"
    for e in 0 ..< graph.edgeCount {
      s += "\(labels[Int(graph.edgeSources[e])])-\(labels[Int(graph.edgeTargets[e])]) \(graph.edgeWeights[e]) \(edgeKinds[e]) \(edgeVia[e])\n"
    }
    return s
  }
}

@Suite("Network filters on the bundled listing")
struct SeedFilterTests {
  static let seed = Result { try CorpusLoader().load([seedPath]) }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var filter: NetworkFilter
    var expected: FilterReference.Expected
    var testDescription: String { name }
  }

  /// Each case against networkx (Tests/NetworksTests/filter_reference.py); keep-top ranks by degree
  /// there, as here.
  static let cases: [Case] = [
    Case(name: "none", filter: NetworkFilter(), expected: FilterReference.none),
    Case(name: "max-authors 10", filter: NetworkFilter(maxAuthors: 10), expected: FilterReference.maxAuthors10),
    Case(name: "max-authors 5", filter: NetworkFilter(maxAuthors: 5), expected: FilterReference.maxAuthors5),
    Case(name: "min-weight 2", filter: NetworkFilter(minWeight: 2), expected: FilterReference.minWeight2),
    Case(name: "min-papers 2", filter: NetworkFilter(minPapers: 2), expected: FilterReference.minPapers2),
    Case(name: "largest component", filter: NetworkFilter(largestComponent: true), expected: FilterReference.largest),
    Case(name: "keep-top 10 by degree", filter: NetworkFilter(keepTop: 10, rankBy: .degree), expected: FilterReference.keepTop10),
    Case(
      name: "all", filter: NetworkFilter(maxAuthors: 10, minWeight: 2, minPapers: 2, largestComponent: true, keepTop: 5, rankBy: .degree),
      expected: FilterReference.all),
  ]

  @Test(arguments: cases)
  func matchesNetworkx(_ c: Case) throws {
    let papers = try c.filter.papers(of: try Self.seed.get())
    #expect(papers.papersKept == c.expected.papers)
    let result = try c.filter.apply(to: .authors(of: papers.corpus))
    let g = result.network.graph
    g._checkInvariants()
    #expect(g.nodeCount == c.expected.nodes)
    #expect(g.edgeCount == c.expected.edges)
    #expect(g.connectedComponents().communityCount == c.expected.components)
    #expect(g.totalWeight == c.expected.totalWeight)
    #expect(result.steps.map { [$0.nodesRemoved, $0.edgesRemoved] } == c.expected.removed)
  }

  /// The listing's one paper above 10 authors is reported with its title, size and line.
  @Test func hyperAuthoredPapersAreReported() throws {
    let result = try NetworkFilter(maxAuthors: 10).papers(of: try Self.seed.get())
    #expect(result.papersBefore == 13 && result.papersKept == 12)
    #expect(
      result.hyperAuthored == [
        HyperAuthoredPaper(
          title: "Towards Understanding Sycophancy in Language Models", authors: 19,
          source: SourceLocation(file: seedPath, line: 25))
      ])
    let notes = result.corpus.diagnostics.filter { $0.kind == .hyperAuthored }
    #expect(notes.count == 1)
    #expect(notes.first?.line == 25)
    #expect(notes.first?.message == "left out 'Towards Understanding Sycophancy in Language Models': 19 authors, more than the limit of 10")
    // Largest first: networkx script's author counts above 5.
    let five = try NetworkFilter(maxAuthors: 5).papers(of: try Self.seed.get())
    #expect(five.hyperAuthored.map(\.authors) == FilterReference.authorCounts.filter { $0 > 5 })
  }

  /// Keep-top by PageRank: Meg Tong and Tomasz Korbak tie on PageRank (README); the tie goes to the
  /// smaller node id, so `--keep-top 1` keeps whichever the listing names first.
  @Test func keepTopPageRankTieGoesToTheFirstNode() throws {
    let network = Network.authors(of: try Self.seed.get())
    let kept = try NetworkFilter(keepTop: 1).apply(to: network).network
    let meg = try #require(network.node(named: "Meg Tong"))
    let tomasz = try #require(network.node(named: "Tomasz Korbak"))
    #expect(kept.labels == [network.labels[min(meg.index, tomasz.index)]])
  }

  @Test func yearAndAuthorFiltersReportSeparately() throws {
    let result = try NetworkFilter(years: YearFilter(since: 2024), maxAuthors: 5).papers(of: try Self.seed.get())
    // The listing's dates: 3 papers from 2024 on, 10 earlier, every paper dated (Finding Neurons
    // in a Haystack, May 2, 2023, lost its date until long titles after a date were read as titles).
    // The author limit applies to the 3 kept by year only.
    #expect(result.years == YearFilter.Result(kept: 3, outside: 10, undated: 0))
    let yearOnly = try NetworkFilter(years: YearFilter(since: 2024)).papers(of: try Self.seed.get()).corpus
    #expect(result.hyperAuthored.count == yearOnly.papers.filter { $0.authors.count > 5 }.count)
    #expect(result.papersKept == 3 - result.hyperAuthored.count)
  }
}

@Suite("Network filters: hand-made corpora")
struct HandFilterTests {
  /// handMadeCorpus(): A–B 2, B–F1 2, F1–F2 2, every other edge 1 (see NetworkTests).
  @Test func minWeightKeepsNodesAndDropsLightEdges() throws {
    let n = Network.authors(of: handMadeCorpus())
    let r = try NetworkFilter(minWeight: 2).apply(to: n)
    #expect(r.network.labels == n.labels)
    #expect(r.network.graph.edgeCount == 3)
    #expect(r.network.weight("A", "B") == 2 && r.network.weight("B", "F1") == 2 && r.network.weight("F1", "F2") == 2)
    #expect(r.steps == [FilterStep(kind: .minWeight, nodesBefore: 9, edgesBefore: 13, nodesAfter: 9, edgesAfter: 3)])
  }

  /// Paper counts: A 2, B 3, F1 3, C 2, F2 3, D 2, M 2, F3 1, E 1.
  @Test func minPapersDropsNodesWithTheirEdges() throws {
    let n = Network.authors(of: handMadeCorpus())
    let r = try NetworkFilter(minPapers: 3).apply(to: n)
    #expect(r.network.labels == ["B", "F1", "F2"])
    #expect(r.network.paperCounts == [3, 3, 3])
    // B–F1 (p1, p3), B–F2 (p3), F1–F2 (p3, p8)
    #expect(r.network.graph.edgeCount == 3)
    #expect(r.network.weight("B", "F2") == 1)
  }

  @Test func largestComponentTieGoesToTheSmallestNode() throws {
    let tie = Network.authors(of: corpus(authors: [["A", "B"], ["C", "D"], ["E"]]))
    #expect(try NetworkFilter(largestComponent: true).apply(to: tie).network.labels == ["A", "B"])
    let later = Network.authors(of: corpus(authors: [["A", "B"], ["C", "D", "E"]]))
    let r = try NetworkFilter(largestComponent: true).apply(to: later)
    #expect(r.network.labels == ["C", "D", "E"])
    #expect(r.steps.first?.componentsBefore == 2)
    let empty = Network.authors(of: corpus(authors: []))
    #expect(try NetworkFilter(largestComponent: true).apply(to: empty).network.graph.nodeCount == 0)
  }

  /// Star around H plus a pair: degrees H 3, A 1, B 1, C 1, X 1, Y 1; keep-top 3 by degree keeps H
  /// and the two smallest-id ties (A, B).
  @Test func keepTopBreaksTiesBySmallestNode() throws {
    let n = Network.authors(of: corpus(authors: [["A", "H"], ["H", "B"], ["C", "H"], ["X", "Y"]]))
    let r = try NetworkFilter(keepTop: 3, rankBy: .degree).apply(to: n)
    #expect(r.network.labels == ["A", "H", "B"])
    #expect(r.network.graph.edgeCount == 2)
    #expect(r.steps == [FilterStep(kind: .keepTop, nodesBefore: 6, edgesBefore: 4, nodesAfter: 3, edgesAfter: 2)])
  }

  /// The order is fixed: min-weight before min-papers before largest component before keep-top.
  /// On handMadeCorpus, min-weight 2 leaves {A, B, F1, F2} joined and five isolated nodes; the
  /// largest component is then those four, where keep-top 2 by degree keeps B and F1 (degree 2).
  @Test func stepsRunInTheDocumentedOrder() throws {
    let n = Network.authors(of: handMadeCorpus())
    let r = try NetworkFilter(minWeight: 2, minPapers: 2, largestComponent: true, keepTop: 2, rankBy: .degree).apply(to: n)
    #expect(r.steps.map(\.kind) == [.minWeight, .minPapers, .largestComponent, .keepTop])
    #expect(r.network.labels == ["B", "F1"])
    // min-papers 2 drops F3 and E (1 paper each; no edges left after min-weight)
    #expect(r.steps.map { [$0.nodesRemoved, $0.edgesRemoved] } == [[0, 10], [2, 0], [3, 0], [2, 2]])
  }

  /// Fractional counting (1/(n−1) = 0.1 for 11 authors) over ten papers sums to
  /// 0.9999999999999999, not 1: min-weight 1 still keeps the edge (relative tolerance 1e-9).
  @Test func minWeightToleratesRoundingOfFractionalSums() throws {
    let authors = (0 ..< 11).map { "a\($0)" }
    let n = Network.authors(of: corpus(authors: Array(repeating: authors, count: 10).enumerated().map { _, a in a }), counting: .fractional)
    #expect(n.graph.edgeWeights.allSatisfy { $0 < 1 && abs($0 - 1) < 1e-12 })
    #expect(try NetworkFilter(minWeight: 1).apply(to: n).network.graph.edgeCount == 55)
    #expect(try NetworkFilter(minWeight: 1.000001).apply(to: n).network.graph.edgeCount == 0)
  }

  /// Fellow graph: edge kinds and shared collaborators follow their edges through the filter.
  /// Fellows F1 (3 papers), F2 (3), F3 (1); F2–F3 is a shared-collaborator edge via M.
  @Test func fellowEdgeAttributesFollowTheirEdges() throws {
    let n = Network.fellows(of: handMadeCorpus())
    let sharedEdge = try #require((0 ..< n.graph.edgeCount).first { n.edgeKinds[$0] == .sharedCollaborator })
    #expect(n.edgeVia[sharedEdge] == ["M"])
    let r = try NetworkFilter(minWeight: 1, minPapers: 1).apply(to: n).network
    #expect(r.signature == n.signature)
    let top = try NetworkFilter(minPapers: 3).apply(to: n).network
    #expect(top.labels == ["F1", "F2"])
    #expect(top.edgeKinds == [.coauthorship] && top.edgeVia == [[]])
    let dropF1 = n.subnetwork(keepingNodes: n.labels.map { $0 != "F1" })
    #expect(dropF1.labels == ["F2", "F3"])
    #expect(dropF1.edgeKinds == [.sharedCollaborator] && dropF1.edgeVia == [["M"]])
  }

  @Test func maxAuthorsDropsFellowMatchesOfDroppedPapers() throws {
    let c = handMadeCorpus()
    let r = try NetworkFilter(maxAuthors: 3).papers(of: c)
    #expect(r.corpus.papers.map(\.title) == ["p1", "p2", "p4", "p5", "p6", "p7", "p8"])
    #expect(r.hyperAuthored.map(\.title) == ["p3"])
    #expect(!r.corpus.fellowMatches.contains { $0.paperTitle == "p3" })
    #expect(r.corpus.diagnostics.filter { $0.kind == .hyperAuthored }.map(\.line) == [3])
  }

  @Test func invalidParametersAreRejected() {
    #expect(throws: NetworkFilterError.invalidMaxAuthors(0)) { try NetworkFilter(maxAuthors: 0).validate() }
    #expect(throws: NetworkFilterError.invalidMinPapers(0)) { try NetworkFilter(minPapers: 0).validate() }
    #expect(throws: NetworkFilterError.invalidMinWeight(-1)) { try NetworkFilter(minWeight: -1).validate() }
    #expect(throws: NetworkFilterError.invalidKeepTop(0)) { try NetworkFilter(keepTop: 0).validate() }
    #expect(throws: NetworkFilterError.invalidYearRange(since: 2025, until: 2024)) {
      try NetworkFilter(years: YearFilter(since: 2025, until: 2024)).papers(of: handMadeCorpus())
    }
    #expect(throws: NetworkFilterError.invalidMinWeight(.infinity)) {
      try NetworkFilter(minWeight: .infinity).apply(to: .authors(of: handMadeCorpus()))
    }
    #expect(NetworkFilterError.invalidMaxAuthors(0).description == "the author limit must be at least 1 (got 0)")
  }
}

@Suite("Tag graph weighting")
struct TagWeightingTests {
  /// Six papers: t1 {a,b}, t2 {a,b}, t3 {a,c}, t4 {a}, t5 {b,c}, t6 {c}.
  /// Occurrences s_a = 4, s_b = 3, s_c = 3; co-occurrences c_ab = 2, c_ac = 1, c_bc = 1.
  static let tagged = corpus([
    (["x"], nil, ["a", "b"]), (["x"], nil, ["a", "b"]), (["x"], nil, ["a", "c"]), (["x"], nil, ["a"]),
    (["x"], nil, ["b", "c"]), (["x"], nil, ["c"]),
  ])

  @Test func countAssociationAndJaccardByHand() throws {
    let count = Network.tags(of: Self.tagged)
    #expect(count.labels == ["a", "b", "c"] && count.paperCounts == [4, 3, 3])
    #expect(count.weight("a", "b") == 2 && count.weight("a", "c") == 1 && count.weight("b", "c") == 1)

    // Python: c/(s_i*s_j): 2/(4*3), 1/(4*3), 1/(3*3)
    let association = Network.tags(of: Self.tagged, weighting: .association)
    #expect(association.weight("a", "b") == 2.0 / 12)  // 0.16666666666666666
    #expect(association.weight("a", "c") == 1.0 / 12)  // 0.08333333333333333
    #expect(association.weight("b", "c") == 1.0 / 9)  // 0.1111111111111111

    // Python: c/(s_i+s_j-c): 2/(4+3-2), 1/(4+3-1), 1/(3+3-1)
    let jaccard = Network.tags(of: Self.tagged, weighting: .jaccard)
    #expect(jaccard.weight("a", "b") == 0.4)
    #expect(jaccard.weight("a", "c") == 1.0 / 6)  // 0.16666666666666666
    #expect(jaccard.weight("b", "c") == 0.2)
    // Same nodes, edges and paper counts whatever the weighting.
    #expect(jaccard.labels == count.labels && jaccard.paperCounts == count.paperCounts)
    #expect(jaccard.graph.edgeSources == count.graph.edgeSources && jaccard.graph.edgeTargets == count.graph.edgeTargets)
  }

  /// networkx cross-check of the Jaccard weights (papers as a bipartite graph, tags' paper sets):
  ///     B = nx.Graph([("t1","a"),("t1","b"),("t2","a"),("t2","b"),("t3","a"),("t3","c"),("t4","a"),
  ///                   ("t5","b"),("t5","c"),("t6","c")])
  ///     [(u, v, p) for u, v, p in nx.jaccard_coefficient(B, [("a","b"),("a","c"),("b","c")])]
  ///     # [('a', 'b', 0.4), ('a', 'c', 0.16666666666666666), ('b', 'c', 0.2)]
  @Test func jaccardMatchesNetworkxOnTheBipartiteGraph() {
    let jaccard = Network.tags(of: Self.tagged, weighting: .jaccard)
    #expect(jaccard.graph.edgeWeights == [0.4, 0.16666666666666666, 0.2])
  }

  /// min-papers on the tags graph keeps tags carried by at least N papers; min-weight compares
  /// against the weighting chosen.
  @Test func filtersOnTheTagsGraph() throws {
    let jaccard = Network.tags(of: Self.tagged, weighting: .jaccard)
    #expect(try NetworkFilter(minPapers: 4).apply(to: jaccard).network.labels == ["a"])
    let strong = try NetworkFilter(minWeight: 0.2).apply(to: jaccard).network
    #expect(strong.graph.edgeCount == 2)  // a–b 0.4, b–c 0.2; a–c 1/6 dropped
  }

  /// On the bundled listing every association/Jaccard weight is the formula applied to the count
  /// graph's weight and the tags' paper counts.
  @Test func seedWeightsFollowTheFormulas() throws {
    let c = try CorpusLoader().load([seedPath])
    let count = Network.tags(of: c)
    for weighting in [TagWeighting.association, .jaccard] {
      let w = Network.tags(of: c, weighting: weighting)
      #expect(w.graph.edgeCount == count.graph.edgeCount)
      for e in 0 ..< count.graph.edgeCount {
        let (u, v) = (Int(count.graph.edgeSources[e]), Int(count.graph.edgeTargets[e]))
        let cij = count.graph.edgeWeights[e]
        let (si, sj) = (Double(count.paperCounts[u]), Double(count.paperCounts[v]))
        let expected = weighting == .association ? cij / (si * sj) : cij / (si + sj - cij)
        #expect(abs(w.graph.edgeWeights[e] - expected) < 1e-15)
        #expect(w.graph.edgeWeights[e] > 0 && w.graph.edgeWeights[e] <= 1)
      }
    }
  }
}

@Suite("Network filters: metamorphic properties")
struct FilterPropertyTests {
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func minWeightZeroAndLooseLimitsAreIdentity(seed: UInt64) throws {
    let c = randomCorpus(seed: seed)
    for counting in Counting.allCases {
      let n = Network.authors(of: c, counting: counting)
      #expect(try NetworkFilter(minWeight: 0).apply(to: n).network.signature == n.signature)
      #expect(try NetworkFilter(minPapers: 1).apply(to: n).network.signature == n.signature)
      #expect(try NetworkFilter(keepTop: n.graph.nodeCount).apply(to: n).network.signature == n.signature)
    }
    let largest = c.papers.map(\.authors.count).max() ?? 0
    let same = try NetworkFilter(maxAuthors: max(largest, 1)).papers(of: c)
    #expect(same.corpus.papers == c.papers && same.hyperAuthored.isEmpty)
    #expect(Network.authors(of: same.corpus).signature == Network.authors(of: c).signature)
  }

  /// min-weight looks only at weights and min-papers only at paper counts, so they commute.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func minWeightAndMinPapersCommute(seed: UInt64) throws {
    let c = randomCorpus(seed: seed)
    for n in [Network.authors(of: c), Network.authors(of: c, counting: .fractional), Network.tags(of: c, weighting: .jaccard)] {
      for (w, p) in [(2.0, 2), (1.0, 3), (0.3, 2)] {
        let weightFirst = try NetworkFilter(minPapers: p).apply(to: try NetworkFilter(minWeight: w).apply(to: n).network)
        let papersFirst = try NetworkFilter(minWeight: w).apply(to: try NetworkFilter(minPapers: p).apply(to: n).network)
        let together = try NetworkFilter(minWeight: w, minPapers: p).apply(to: n)
        #expect(weightFirst.network.signature == papersFirst.network.signature)
        #expect(together.network.signature == papersFirst.network.signature)
      }
    }
  }

  /// The two paper filters commute too: years then author limit = author limit then years.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func yearAndAuthorLimitCommute(seed: UInt64) throws {
    let c = randomCorpus(seed: seed)
    let years = YearFilter(since: 2021, until: 2024)
    let a = try NetworkFilter(maxAuthors: 4).papers(of: try NetworkFilter(years: years).papers(of: c).corpus).corpus
    let b = try NetworkFilter(years: years).papers(of: try NetworkFilter(maxAuthors: 4).papers(of: c).corpus).corpus
    #expect(a.papers == b.papers)
    #expect(try NetworkFilter(years: years, maxAuthors: 4).papers(of: c).corpus.papers == a.papers)
  }

  /// Largest component and keep-top are idempotent; keep-top keeps min(N, n) nodes; the largest
  /// component is connected.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func idempotentSteps(seed: UInt64) throws {
    let n = Network.authors(of: randomCorpus(seed: seed, maxAuthors: 3))
    let once = try NetworkFilter(largestComponent: true).apply(to: n).network
    #expect(once.graph.connectedComponents().communityCount == (n.graph.nodeCount == 0 ? 0 : 1))
    #expect(try NetworkFilter(largestComponent: true).apply(to: once).network.signature == once.signature)
    #expect(once.graph.nodeCount == (n.graph.connectedComponents().sizes.max() ?? 0))
    for k in [1, 5, 100] {
      let top = try NetworkFilter(keepTop: k, rankBy: .degree).apply(to: n).network
      #expect(top.graph.nodeCount == min(k, n.graph.nodeCount))
      top.graph._checkInvariants()
    }
  }

  /// The author limit removes papers in place when it is handed the only copy of the corpus
  /// (the pipeline's case): the kept papers are those with at most the limit of authors, in
  /// their order, the notes are the corpus's followed by one per paper left out in corpus order,
  /// and a caller's own copy is left as it was.
  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func authorLimitInPlaceKeepsOrderAndNotes(seed: UInt64) throws {
    var c = randomCorpus(seed: seed)
    c.diagnostics = [Diagnostic(kind: .note, message: "read note", file: "r.txt", line: 1)]
    let kept = c.papers.filter { $0.authors.count <= 4 }
    let left = c.papers.filter { $0.authors.count > 4 }
    let handedOver = try NetworkFilter(maxAuthors: 4).papers(of: randomCorpusWithNote(seed: seed))
    let shared = try NetworkFilter(maxAuthors: 4).papers(of: c)
    for r in [handedOver, shared] {
      #expect(r.corpus.papers == kept)
      #expect(r.papersBefore == kept.count + left.count)
      #expect(r.corpus.diagnostics.map(\.message) == ["read note"] + left.map { "left out '\($0.title)': \($0.authors.count) authors, more than the limit of 4" })
      #expect(r.hyperAuthored.count == left.count)
    }
    #expect(c.papers.count == kept.count + left.count)
    #expect(c.diagnostics.count == 1)
  }

  private func randomCorpusWithNote(seed: UInt64) -> Corpus {
    var c = randomCorpus(seed: seed)
    c.diagnostics = [Diagnostic(kind: .note, message: "read note", file: "r.txt", line: 1)]
    return c
  }

  /// Same input, same output: the filter is deterministic.
  @Test func deterministic() throws {
    let c = randomCorpus(seed: 7)
    let filter = NetworkFilter(maxAuthors: 6, minWeight: 1, minPapers: 2, largestComponent: true, keepTop: 8)
    let one = try filter.apply(to: .authors(of: try filter.papers(of: c).corpus))
    let two = try filter.apply(to: .authors(of: try filter.papers(of: c).corpus))
    #expect(one.network.signature == two.network.signature && one.steps == two.steps)
  }
}
