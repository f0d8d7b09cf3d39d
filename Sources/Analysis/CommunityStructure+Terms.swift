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
    setTermLabels(termLabels(map, papers: paperCommunities(of: network, corpus: corpus)))
  }

  /// The term labels of ``labelWithTerms(_:network:corpus:)`` for each community, from `papers`
  /// (``paperCommunities(of:corpus:)`` of the corpus `map` was extracted from); `nil` when there
  /// is nothing to label (no terms, or no papers counted).
  func termLabels(_ map: TermMap, papers: PaperNodes?) -> [(terms: [TagCount], fromOnePaper: Bool)]? {
    guard let papers, map.textTerms.count == papers.paperCount, !map.terms.isEmpty else { return nil }
    // The term columns, once (they were taken again for every one-paper community: O(terms) each).
    let occurrences = map.terms.map(\.occurrences)
    let keys = map.terms.map(\.key)
    let relevance = map.terms.map(\.relevance)
    let ranked = CharacteristicTerms.rank(
      groupCount: list.count, groupStarts: papers.starts, groups: papers.nodes, textTerms: map.textTerms,
      occurrences: occurrences, keys: keys)
    // A community of one paper: that paper's most specific terms, marked as such.
    var onlyPaper = [Int](repeating: -1, count: list.count)
    var paperCount = [Int](repeating: 0, count: list.count)
    for p in 0 ..< papers.paperCount {
      for c in papers.nodes(ofPaper: p) {
        paperCount[Int(c)] += 1
        onlyPaper[Int(c)] = p
      }
    }
    return list.indices.map { c in
      if paperCount[c] == 1 {
        let top = CharacteristicTerms.ofOnePaper(
          map.textTerms[onlyPaper[c]], relevance: relevance, occurrences: occurrences, keys: keys)
        return (top.map { TagCount(tag: map.terms[$0].label, papers: 1) }, !top.isEmpty)
      }
      return (ranked[c].map { TagCount(tag: map.terms[$0.term].label, papers: $0.papers) }, false)
    }
  }

  /// Sets each community's terms to `labels` (``termLabels(_:papers:)``); `nil` leaves them.
  mutating func setTermLabels(_ labels: [(terms: [TagCount], fromOnePaper: Bool)]?) {
    guard let labels else { return }
    for c in list.indices {
      list[c].terms = labels[c].terms
      list[c].termsFromOnePaper = labels[c].fromOnePaper
    }
  }
}
