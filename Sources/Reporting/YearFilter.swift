public import Bibliography

/// Keeps the papers published in a range of years.
///
/// A paper without a date cannot be placed in a year, so any bound excludes it; the filter
/// counts those papers separately so the caller can say how many were dropped for that reason.
///
///     let (kept, result) = YearFilter(since: 2024, until: nil).apply(to: corpus)
///     result.undated      // papers dropped because they have no date
public struct YearFilter: Sendable, Equatable {
  /// First year kept (inclusive), or `nil` for no lower bound.
  public var since: Int?
  /// Last year kept (inclusive), or `nil` for no upper bound.
  public var until: Int?

  public init(since: Int? = nil, until: Int? = nil) {
    self.since = since
    self.until = until
  }

  /// Whether the filter keeps every paper (no bound set).
  public var isEmpty: Bool { since == nil && until == nil }

  /// How many papers a filter kept and dropped.
  public struct Result: Sendable, Equatable {
    public var kept: Int
    /// Dropped because their year is outside the range.
    public var outside: Int
    /// Dropped because they have no date.
    public var undated: Int
  }

  /// The corpus with only the papers in range (diagnostics kept; fellow matches of dropped
  /// papers dropped), and the counts. With no bound set, the corpus is returned unchanged.
  ///
  /// - Complexity: O(p) for p papers.
  public func apply(to corpus: Corpus) -> (Corpus, Result) {
    guard !isEmpty else { return (corpus, Result(kept: corpus.papers.count, outside: 0, undated: 0)) }
    var kept: [Paper] = []
    var outside = 0
    var undated = 0
    for paper in corpus.papers {
      guard let year = paper.date?.year else {
        undated += 1
        continue
      }
      if let since, year < since { outside += 1; continue }
      if let until, year > until { outside += 1; continue }
      kept.append(paper)
    }
    let titles = Set(kept.map(\.title))
    let filtered = Corpus(
      entryCount: corpus.entryCount, papers: kept, diagnostics: corpus.diagnostics,
      fellowMatches: corpus.fellowMatches.filter { titles.contains($0.paperTitle) })
    return (filtered, Result(kept: kept.count, outside: outside, undated: undated))
  }

  /// "2023–2025", "2023 onwards", "up to 2025" or "all years".
  public var description: String {
    switch (since, until) {
    case let (s?, u?): return s == u ? "\(s)" : "\(s)–\(u)"
    case let (s?, nil): return "\(s) onwards"
    case let (nil, u?): return "up to \(u)"
    case (nil, nil): return "all years"
    }
  }
}

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
  public func presence(of names: [String], in corpus: Corpus) -> [[Bool]] {
    var firstYear: [String: Int] = [:]
    for p in corpus.papers {
      guard let y = p.date?.year else { continue }
      for a in p.authors where firstYear[a].map({ y < $0 }) ?? true { firstYear[a] = y }
    }
    return years.map { row in names.map { n in firstYear[n].map { $0 <= row.year } ?? false } }
  }
}
