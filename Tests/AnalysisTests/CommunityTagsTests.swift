import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
@testable import TermExtraction
import Testing

@testable import Analysis

/// Community tags and term labels read each paper's communities from the network's
/// ``PaperNodes`` (no name lookups) and count them in dense arrays: the result must equal the
/// earlier route, which looked every name up among the labels and counted in dictionaries (kept
/// below as the reference), on the bundled listing, with and without a node filter.
@Suite("Community tags and term labels from the paper nodes")
struct CommunityTagsTests {
  static let listing = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/mats-research.txt").path

  /// The earlier route (CorpusAnalysis.swift before the paper nodes): each paper's communities
  /// by name, its papers counted and its tags counted in a dictionary per community, ties by
  /// first appearance of the tag in the corpus.
  static func referenceTags(_ structure: CommunityStructure, _ network: Network, _ corpus: Corpus) -> (papers: [Int], tags: [[TagCount]]) {
    let communityOfNode = structure.communityOfNode
    let count = structure.list.count
    let index = Dictionary(network.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var paperCount = [Int](repeating: 0, count: count)
    if network.kind == .tags {
      for paper in corpus.papers {
        var touched: [Int] = []
        for t in paper.tags { if let v = index[t], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) } }
        for c in touched { paperCount[c] += 1 }
      }
      return (paperCount, structure.list.map { $0.members.map { TagCount(tag: network.labels[$0.index], papers: network.paperCounts[$0.index]) } })
    }
    var tagCounts = [[String: Int]](repeating: [:], count: count)
    var firstSeen: [String: Int] = [:]
    for paper in corpus.papers {
      for t in paper.tags where firstSeen[t] == nil { firstSeen[t] = firstSeen.count }
      var touched: [Int] = []
      for name in network.kind == .fellows ? paper.fellows : paper.authors {
        if let v = index[name], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) }
      }
      for c in touched {
        paperCount[c] += 1
        for t in paper.tags { tagCounts[c][t, default: 0] += 1 }
      }
    }
    let tags = tagCounts.map { counts in
      counts.map { TagCount(tag: $0.key, papers: $0.value) }
        .sorted { $0.papers != $1.papers ? $0.papers > $1.papers : firstSeen[$0.tag]! < firstSeen[$1.tag]! }
        .prefix(3).map { $0 }
    }
    return (paperCount, tags)
  }

  /// The earlier groups of the term labels: each paper's communities by name (`[[Int]]`).
  static func referenceGroups(_ structure: CommunityStructure, _ network: Network, _ corpus: Corpus) -> [[Int]] {
    let index = Dictionary(network.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return corpus.papers.map { paper in
      var touched: [Int] = []
      for name in network.kind == .fellows ? paper.fellows : paper.authors {
        if let v = index[name], !touched.contains(structure.communityOfNode[v]) { touched.append(structure.communityOfNode[v]) }
      }
      return touched
    }
  }

  /// The earlier ranking (CharacteristicTerms.swift before the dense counts): a dictionary of
  /// term counts per group.
  static func referenceRank(groupCount: Int, groupsOfText: [[Int]], textTerms: [[Int32]], occurrences: [Int], keys: [String]) -> [[CharacteristicTerms.Score]] {
    let total = textTerms.count
    var size = [Int](repeating: 0, count: groupCount)
    var counts = [[Int32: Int]](repeating: [:], count: groupCount)
    for (p, groups) in groupsOfText.enumerated() {
      for g in groups {
        size[g] += 1
        for t in textTerms[p] { counts[g][t, default: 0] += 1 }
      }
    }
    return (0 ..< groupCount).map { g in
      let n = size[g]
      guard n > 0, n < total else { return [] }
      var scores: [CharacteristicTerms.Score] = []
      for (t, a) in counts[g] where a >= CharacteristicTerms.minimumPapers {
        let occ = occurrences[Int(t)]
        guard Double(a) / Double(n) > Double(occ) / Double(total) else { continue }
        scores.append(.init(term: Int(t), papers: a, logLikelihood: CharacteristicTerms.logLikelihood(a: a, n: n, c: occ - a, total: total)))
      }
      scores.sort { x, y in
        if x.logLikelihood != y.logLikelihood { return x.logLikelihood > y.logLikelihood }
        if x.papers != y.papers { return x.papers > y.papers }
        return keys[x.term].utf8.lexicographicallyPrecedes(keys[y.term].utf8)
      }
      return Array(scores.prefix(3))
    }
  }

  @Test(arguments: [nil, 2] as [Int?])
  func equalTheNameLookups(minPapers: Int?) throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.graphs += [.terms]
    pipeline.labelsCommunitiesWithTerms = true
    pipeline.skipsTermsWithoutText = true
    pipeline.filter.minPapers = minPapers
    let result = try pipeline.run(on: .corpus(corpus))
    let termMap = try #require(result.termMap)
    var labelled = 0
    for analysis in result.networks where analysis.network.kind != .terms {
      let network = analysis.network
      let structure = try #require(analysis.communities)
      if minPapers != nil, network.kind == .authors {
        #expect(network.graph.nodeCount < Network.authors(of: result.corpus).graph.nodeCount, "the filter dropped authors")
      }
      let reference = Self.referenceTags(structure, network, result.corpus)
      #expect(structure.list.map(\.papers) == reference.papers, "\(network.kind)")
      #expect(structure.list.map(\.tags) == reference.tags, "\(network.kind)")
      #expect(structure.list.contains { !$0.tags.isEmpty }, "\(network.kind)")
      guard network.kind != .tags else { continue }
      // The groups of each paper, and the term ranking over them, as before.
      let papers = try #require(structure.paperCommunities(of: network, corpus: result.corpus))
      let groups = Self.referenceGroups(structure, network, result.corpus)
      #expect((0 ..< papers.paperCount).map { papers.nodes(ofPaper: $0).map(Int.init) } == groups)
      let occurrences = termMap.terms.map(\.occurrences)
      let keys = termMap.terms.map(\.key)
      let ranked = CharacteristicTerms.rank(
        groupCount: structure.list.count, groupStarts: papers.starts, groups: papers.nodes, textTerms: termMap.textTerms,
        occurrences: occurrences, keys: keys)
      let byLists = CharacteristicTerms.rank(
        groupCount: structure.list.count, groupsOfText: groups, textTerms: termMap.textTerms, occurrences: occurrences, keys: keys)
      #expect(ranked == byLists)
      let rankedBefore = Self.referenceRank(
        groupCount: structure.list.count, groupsOfText: groups, textTerms: termMap.textTerms, occurrences: occurrences, keys: keys)
      #expect(ranked == rankedBefore)
      labelled += structure.list.filter { !$0.terms.isEmpty }.count
    }
    #expect(labelled > 0, "some communities carry term labels")
  }

  /// The terms network's communities are labelled by their own terms; their papers are not
  /// counted (they were looked up among author names before: nothing matched).
  @Test func termsCommunitiesCountNoPapers() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.graphs = [.terms]
    let result = try pipeline.run(on: .corpus(corpus))
    let structure = try #require(result.networks.first?.communities)
    #expect(structure.list.allSatisfy { $0.papers == 0 && $0.tags.isEmpty && !$0.terms.isEmpty })
  }
}
