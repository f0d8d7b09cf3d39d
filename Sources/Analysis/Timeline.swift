public import Bibliography
public import Networks

/// Papers, new researchers and new collaborations per year: how the network grew.
public struct Timeline: Sendable, Equatable {
  public struct Year: Sendable, Equatable {
    public var year: Int
    /// Papers dated this year.
    public var papers: Int
    /// People whose first dated paper is from this year.
    public var newResearchers: Int
    /// Co-author pairs who first wrote together this year.
    public var newCollaborations: Int
    /// Researchers seen up to and including this year.
    public var researchersSoFar: Int
  }

  /// One entry per year from the first to the last dated paper (years without papers included).
  public var years: [Year]
  /// Papers without a date (not in any year).
  public var undated: Int

  /// - Complexity: O(p log p + Σ nᵢ²) for p papers with nᵢ authors.
  public init(corpus: Corpus) {
    let dated = corpus.papers.enumerated().compactMap { i, p in p.date.map { (i, $0) } }
      .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    undated = corpus.papers.count - dated.count
    guard let first = dated.first?.1.year, let last = dated.last?.1.year else {
      years = []
      return
    }
    var rows = (first ... last).map { Year(year: $0, papers: 0, newResearchers: 0, newCollaborations: 0, researchersSoFar: 0) }
    var seen = Set<String>()
    var pairs = Set<String>()
    for (i, date) in dated {
      let k = date.year - first
      let authors = corpus.papers[i].authors
      rows[k].papers += 1
      for a in authors where seen.insert(a).inserted { rows[k].newResearchers += 1 }
      for x in authors.indices {
        for y in authors.indices where y > x {
          let key = authors[x] < authors[y] ? authors[x] + "\u{0}" + authors[y] : authors[y] + "\u{0}" + authors[x]
          if pairs.insert(key).inserted { rows[k].newCollaborations += 1 }
        }
      }
    }
    var total = 0
    for k in rows.indices {
      total += rows[k].newResearchers
      rows[k].researchersSoFar = total
    }
    years = rows
  }

  /// For each year of ``years``, which of `names` have a dated paper in that year or before.
  public func presence(of names: [String], in corpus: Corpus, kind: Network.Kind = .authors) -> [[Bool]] {
    var firstYear: [String: Int] = [:]
    for p in corpus.papers {
      guard let y = p.date?.year else { continue }
      for a in kind == .tags ? p.tags : p.authors where firstYear[a].map({ y < $0 }) ?? true { firstYear[a] = y }
    }
    return years.map { row in names.map { n in firstYear[n].map { $0 <= row.year } ?? false } }
  }
}
