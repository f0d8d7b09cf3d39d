public import Bibliography

/// Topics that burst: ``BurstDetection`` on every tag's papers per year.
///
/// Batch *t* is a year from the first to the last year of a dated paper with a tag (years
/// between without such papers count as empty batches); *d*ₜ is the number of dated papers **with
/// at least one tag** that year, *r*ₜ those with the tag. Papers without tags are left out of
/// *d*ₜ: they cannot show a topic, and a corpus whose older records have no keywords (paperlists)
/// would otherwise make every tag look new. A tag's burst is a run of years in which its share of
/// the tagged papers is better explained by *s* times its overall share; ``Entry/strength`` is
/// the burst's weight.
///
/// - Complexity: O(*s* + *t*·*y*) time and O(*t*·*y*) 32-bit counters for *s* tag slots of dated
///   papers, *t* tags and *y* years.
public struct TagBursts: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var tag: String
    public var startYear: Int
    /// Inclusive.
    public var endYear: Int
    /// Σ over the burst years of σ(0, t) − σ(1, t) (see ``BurstDetection``).
    public var strength: Double
    /// Papers with the tag in the burst years.
    public var papers: Int
  }

  public var detection: BurstDetection
  /// The batches: consecutive years (empty when no dated paper has a tag).
  public var years: [Int]
  /// *d*ₜ: dated papers with at least one tag, per year of ``years``.
  public var taggedPapers: [Int]
  /// Tags on some dated paper (the series examined).
  public var tagCount: Int
  /// Every burst of every tag: strongest first (ties: earlier start, then tag).
  public var bursts: [Entry]

  /// Papers with the tag per year of ``years`` (`r`), for `tag`, or `nil` if it is on no dated paper.
  public func series(of tag: String, in corpus: Corpus) -> [Int]? {
    guard let first = years.first else { return nil }
    var counts = [Int](repeating: 0, count: years.count)
    var seen = false
    for p in corpus.papers {
      guard let y = p.date?.year, y >= first, y - first < years.count, p.tags.contains(tag) else { continue }
      counts[y - first] += 1
      seen = true
    }
    return seen ? counts : nil
  }

  /// - Throws: ``BurstDetectionError`` for invalid `detection` parameters.
  public init(corpus: Corpus, detection: BurstDetection = BurstDetection()) throws(BurstDetectionError) {
    self.detection = detection
    try detection.validate(targets: [], totals: [])
    let papers = corpus.papers
    let buckets = YearBuckets(papers, where: { !$0.tags.isEmpty })
    guard !buckets.isEmpty else {
      years = []
      taggedPapers = []
      tagCount = 0
      bursts = []
      return
    }
    let first = buckets.first
    let span = buckets.span
    years = Array(first ..< first + span)
    var totals = [Int](repeating: 0, count: span)
    var index: [String: Int32] = [:]
    var names: [String] = []
    // counts[tag * span + year]; lastPaper: a tag repeated on one paper counts once.
    var counts: [Int32] = []
    var lastPaper: [Int32] = []
    for k in 0 ..< span {
      totals[k] = buckets.count(in: k)
      for i in buckets.papers(in: k) {
        for tag in papers[Int(i)].tags {
          let id: Int32
          if let known = index[tag] {
            id = known
          } else {
            id = Int32(names.count)
            index[tag] = id
            names.append(tag)
            counts += [Int32](repeating: 0, count: span)
            lastPaper.append(-1)
          }
          guard lastPaper[Int(id)] != i else { continue }
          lastPaper[Int(id)] = i
          counts[Int(id) * span + k] += 1
        }
      }
    }
    taggedPapers = totals
    tagCount = names.count
    var entries: [Entry] = []
    var series = [Int](repeating: 0, count: span)
    for (id, name) in names.enumerated() {
      for k in 0 ..< span { series[k] = Int(counts[id * span + k]) }
      for b in try detection.bursts(targets: series, totals: totals) {
        entries.append(Entry(
          tag: name, startYear: first + b.start, endYear: first + b.end, strength: b.weight,
          papers: series[b.start ... b.end].reduce(0, +)))
      }
    }
    entries.sort {
      if $0.strength != $1.strength { return $0.strength > $1.strength }
      if $0.startYear != $1.startYear { return $0.startYear < $1.startYear }
      return $0.tag < $1.tag
    }
    bursts = entries
  }
}
