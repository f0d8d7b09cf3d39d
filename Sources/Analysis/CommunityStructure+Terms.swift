import Bibliography
import Networks
import TermExtraction

extension CommunityStructure {
  /// Gives each community of an authors or fellows network the terms that characterise its
  /// papers (a paper belongs to every community one of its authors is in), by log-likelihood
  /// ratio (``CharacteristicTerms``), each term held by at least 2 of the community's papers; a
  /// community of one paper gets that paper's most specific terms instead, with
  /// ``Community/termsFromOnePaper`` set. `map` must be the terms of `corpus`, in corpus order.
  mutating func labelWithTerms(_ map: TermMap, network: Network, corpus: Corpus) {
    guard map.textTerms.count == corpus.papers.count, !map.terms.isEmpty else { return }
    let index = Dictionary(network.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let groups = corpus.papers.map { paper -> [Int] in
      var touched: [Int] = []
      for name in (network.kind == .fellows ? paper.fellows : paper.authors) {
        if let v = index[name], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) }
      }
      return touched
    }
    let ranked = CharacteristicTerms.rank(
      groupCount: list.count, groupsOfText: groups, textTerms: map.textTerms, occurrences: map.terms.map(\.occurrences),
      keys: map.terms.map(\.key))
    // A community of one paper: that paper's most specific terms, marked as such.
    var onlyPaper = [Int](repeating: -1, count: list.count)
    var paperCount = [Int](repeating: 0, count: list.count)
    for (p, touched) in groups.enumerated() {
      for c in touched {
        paperCount[c] += 1
        onlyPaper[c] = p
      }
    }
    for c in list.indices {
      if paperCount[c] == 1 {
        let top = CharacteristicTerms.ofOnePaper(
          map.textTerms[onlyPaper[c]], relevance: map.terms.map(\.relevance), occurrences: map.terms.map(\.occurrences),
          keys: map.terms.map(\.key))
        list[c].terms = top.map { TagCount(tag: map.terms[$0].label, papers: 1) }
        list[c].termsFromOnePaper = !top.isEmpty
      } else {
        list[c].terms = ranked[c].map { TagCount(tag: map.terms[$0.term].label, papers: $0.papers) }
      }
    }
  }
}
