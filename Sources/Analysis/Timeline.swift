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

  /// - Complexity: O(p log p + Σ nᵢ²) for p papers with nᵢ authors: names are interned once, so
  ///   each co-author pair is one 64-bit set entry (no string per pair).
  public init(corpus: Corpus) {
    let papers = corpus.papers
    var dated: [(paper: Int32, date: PaperDate)] = []
    dated.reserveCapacity(papers.count)
    for (i, p) in papers.enumerated() { if let d = p.date { dated.append((Int32(i), d)) } }
    dated.sort { $0.date != $1.date ? $0.date < $1.date : $0.paper < $1.paper }
    undated = papers.count - dated.count
    guard let first = dated.first?.date.year, let last = dated.last?.date.year else {
      years = []
      return
    }
    var rows = (first ... last).map { Year(year: $0, papers: 0, newResearchers: 0, newCollaborations: 0, researchersSoFar: 0) }
    var index: [String: Int32] = [:]
    var pairs = Set<Int64>()
    var ids: [Int32] = []
    for (i, date) in dated {
      let k = date.year - first
      rows[k].papers += 1
      ids.removeAll(keepingCapacity: true)
      for a in papers[Int(i)].authors {
        if let known = index[a] {
          ids.append(known)
        } else {
          let id = Int32(index.count)
          index[a] = id
          ids.append(id)
          rows[k].newResearchers += 1
        }
      }
      for x in ids.indices {
        for y in ids.indices where y > x && ids[x] != ids[y] {
          let key = Int64(min(ids[x], ids[y])) << 32 | Int64(max(ids[x], ids[y]))
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
