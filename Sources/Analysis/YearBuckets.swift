public import Bibliography

/// Dated papers grouped by year: the one way ``Timeline`` and ``TagBursts`` bucket a corpus by
/// year. A counting sort over the years from the first to the last dated paper that `include`
/// accepts (years between without such papers are empty buckets); within a year, papers keep
/// their input order. Undated papers are in no bucket.
///
///     let b = YearBuckets(papers)              // papers dated 2024, 2022, undated, 2024
///     b.years                                  // 2022...2024
///     Array(b.papers(in: 2))                   // [0, 3]: indices into `papers`
///
/// - Complexity: O(*p* + *y*) time, O(*p* + *y*) space for *p* papers and *y* years.
public struct YearBuckets: Sendable, Equatable {
  /// The first year (meaningless when ``isEmpty``).
  public let first: Int
  /// `order[start[k] ..< start[k + 1]]` are the papers of year `first + k`.
  let start: [Int]
  /// Indices into the papers, year by year.
  let order: [Int32]

  /// Buckets the dated papers that `include` accepts.
  public init(_ papers: [Paper], where include: (Paper) -> Bool = { _ in true }) {
    var first = Int.max
    var last = Int.min
    var dated = 0
    for p in papers {
      guard let y = p.date?.year, include(p) else { continue }
      first = min(first, y)
      last = max(last, y)
      dated += 1
    }
    guard dated > 0 else {
      self.first = 0
      start = [0]
      order = []
      return
    }
    let span = last - first + 1
    var start = [Int](repeating: 0, count: span + 1)
    for p in papers {
      guard let y = p.date?.year, include(p) else { continue }
      start[y - first + 1] += 1
    }
    for k in 0 ..< span { start[k + 1] += start[k] }
    var order = [Int32](repeating: 0, count: dated)
    var fill = start
    for (i, p) in papers.enumerated() {
      guard let y = p.date?.year, include(p) else { continue }
      order[fill[y - first]] = Int32(i)
      fill[y - first] += 1
    }
    self.first = first
    self.start = start
    self.order = order
  }

  /// No dated paper was accepted.
  public var isEmpty: Bool { order.isEmpty }
  /// Number of years, first to last (0 when empty).
  public var span: Int { start.count - 1 }
  /// The years, first to last (empty when no paper is bucketed).
  public var years: ClosedRange<Int>? { isEmpty ? nil : first ... first + span - 1 }
  /// Papers bucketed (dated and accepted).
  public var count: Int { order.count }
  /// The papers of year `first + k`, as indices into the papers, in input order.
  public func papers(in k: Int) -> ArraySlice<Int32> { order[start[k] ..< start[k + 1]] }
  /// Papers in year `first + k`.
  public func count(in k: Int) -> Int { start[k + 1] - start[k] }
}
