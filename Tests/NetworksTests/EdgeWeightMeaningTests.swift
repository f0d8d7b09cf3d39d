import Testing
@testable import Networks

/// Every projection says what its edge weights measure, so that a legend never calls an
/// association strength "papers with both tags" or a fractional weight "shared papers".
@Suite("Edge weight meaning")
struct EdgeWeightMeaningTests {
  @Test func projectionsCarryTheirWeighting() {
    let corpus = handMadeCorpus()
    #expect(Network.authors(of: corpus).edgeWeight == .sharedPapers)
    #expect(Network.authors(of: corpus, counting: .fractional).edgeWeight == .fractionalPapers)
    #expect(Network.fellows(of: corpus).edgeWeight == .sharedPapers)
    for weighting in TagWeighting.allCases {
      #expect(Network.tags(of: corpus, weighting: weighting).edgeWeight == .cooccurrence(weighting))
    }
  }

  @Test func subnetworksKeepIt() {
    let n = Network.tags(of: handMadeCorpus(), weighting: .jaccard)
    #expect(n.subnetwork(keepingNodes: n.labels.map { $0 != "w" }).edgeWeight == .cooccurrence(.jaccard))
  }

  @Test func meanings() {
    #expect(Network.EdgeWeight.sharedPapers.meaning(for: .authors) == "shared papers")
    #expect(Network.EdgeWeight.fractionalPapers.meaning(for: .authors).hasPrefix("shared papers, fractionally counted"))
    #expect(Network.EdgeWeight.cooccurrence(.count).meaning(for: .tags) == "papers with both tags")
    #expect(Network.EdgeWeight.cooccurrence(.count).meaning(for: .terms) == "papers with both terms")
    #expect(Network.EdgeWeight.cooccurrence(.association).meaning(for: .tags) == "association strength of the two tags")
    #expect(Network.EdgeWeight.cooccurrence(.jaccard).meaning(for: .terms).hasPrefix("Jaccard index of the two terms"))
    #expect(Network.EdgeWeight.cooccurrence(.count).isCount && Network.EdgeWeight.sharedPapers.isCount)
    #expect(!Network.EdgeWeight.cooccurrence(.association).isCount && !Network.EdgeWeight.fractionalPapers.isCount)
  }
}
