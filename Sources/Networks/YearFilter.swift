public import Bibliography

/// Keeps the papers published in a range of years.
///
/// A paper without a date cannot be placed in a year, so any bound excludes it; the filter
/// counts those papers separately so the caller can say how many were dropped for that reason.
///
///     let selection = YearFilter(since: 2024, until: nil).apply(to: corpus)   // .corpus, .counts
///     result.undated      // papers dropped because they have no date
public struct YearFilter: Sendable, Hashable, Codable {
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

    public init(kept: Int, outside: Int, undated: Int) {
      self.kept = kept
      self.outside = outside
      self.undated = undated
    }
  }

  /// The corpus with only the papers in range (diagnostics kept; fellow matches of dropped
  /// papers dropped), and the counts. With no bound set, the corpus is returned unchanged.
  ///
  /// - Complexity: O(p) for p papers.
  public func apply(to corpus: Corpus) -> Selection {
    guard !isEmpty else { return Selection(corpus: corpus, counts: Result(kept: corpus.papers.count, outside: 0, undated: 0)) }
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
    var filtered = corpus  // keeps identity merges and tag variants
    filtered.papers = kept
    filtered.fellowMatches = corpus.fellowMatches.filter { titles.contains($0.paperTitle) }
    return Selection(corpus: filtered, counts: Result(kept: kept.count, outside: outside, undated: undated))
  }

  /// What ``apply(to:)`` gives: the papers kept and the counts.
  public struct Selection: Sendable {
    /// The corpus with only the papers kept (identity merges and tag variants unchanged).
    public var corpus: Corpus
    /// How many papers were kept, fell outside the years, or had no date.
    public var counts: Result
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
