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
    // Only the name lists are read (a whole `Paper` copied per paper retains its ten fields).
    let fellows = network.kind == .fellows
    let groups = corpus.papers.indices.map { p -> [Int] in
      var touched: [Int] = []
      for name in (fellows ? corpus.papers[p].fellows : corpus.papers[p].authors) {
        if let v = index[name], !touched.contains(communityOfNode[v]) { touched.append(communityOfNode[v]) }
      }
      return touched
    }
    // The term columns, once (they were taken again for every one-paper community: O(terms) each).
    let occurrences = map.terms.map(\.occurrences)
    let keys = map.terms.map(\.key)
    let relevance = map.terms.map(\.relevance)
    let ranked = CharacteristicTerms.rank(
      groupCount: list.count, groupsOfText: groups, textTerms: map.textTerms, occurrences: occurrences, keys: keys)
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
          map.textTerms[onlyPaper[c]], relevance: relevance, occurrences: occurrences, keys: keys)
        list[c].terms = top.map { TagCount(tag: map.terms[$0].label, papers: 1) }
        list[c].termsFromOnePaper = !top.isEmpty
      } else {
        list[c].terms = ranked[c].map { TagCount(tag: map.terms[$0.term].label, papers: $0.papers) }
      }
    }
  }
}
