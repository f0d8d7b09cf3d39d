import Foundation

/// One entry as a reader found it, before identity resolution and duplicate merging.
public struct Record: Sendable, Equatable {
  public var title: String
  /// Author names as listed (whitespace-normalised), in order.
  public var authors: [String]
  /// Fellow names as listed (whitespace-normalised), in order.
  public var fellows: [String]
  public var date: PaperDate?
  public var tags: [String]
  public var abstract: String?
  /// The entry's first line (its title).
  public var source: SourceLocation
  /// The line holding the author list, when it differs from `source`.
  public var authorsLine: Int?
  /// The line holding the fellow list.
  public var fellowsLine: Int?
  /// The source's own identifier of the paper (a table's `paper_id` column), if any.
  public var id: String?
  /// Persistent identifiers of the authors, parallel to ``authors`` (`nil` where an author has
  /// none), or empty when the source carries no ids. Written as `scheme:value`, e.g.
  /// `orcid:0000-0002-1825-0097`, `openalex:A5023888391`, `dblp:123/4567`.
  public var authorIDs: [String?]
  /// How many times the paper has been cited, as the source says (`nil`: not given).
  public var citations: Int?
  /// Whether the source gave no title, so ``title`` is a placeholder (a per-paper page without a
  /// heading); ``CorpusLoader`` names such a record after an entry with the same abstract or
  /// authors read with it, or keeps the placeholder, and says which in an `untitled-entry` note.
  public var titleMissing: Bool

  public init(
    title: String, authors: [String], fellows: [String] = [], date: PaperDate? = nil, tags: [String] = [],
    abstract: String? = nil, source: SourceLocation, authorsLine: Int? = nil, fellowsLine: Int? = nil,
    id: String? = nil, authorIDs: [String?] = [], citations: Int? = nil, titleMissing: Bool = false
  ) {
    precondition(authorIDs.isEmpty || authorIDs.count == authors.count, "authorIDs must be parallel to authors")
    self.citations = citations
    self.titleMissing = titleMissing
    self.id = id
    self.authorIDs = authorIDs
    self.title = title
    self.authors = authors
    self.fellows = fellows
    self.date = date
    self.tags = tags
    self.abstract = abstract
    self.source = source
    self.authorsLine = authorsLine
    self.fellowsLine = fellowsLine
  }
}

/// What a reader returns: the records in file order and what it noticed on the way.
public struct ReadResult: Sendable {
  public var records: [Record]
  public var diagnostics: [Diagnostic]
  /// Other papers a page mentions without being about them (the "Recent research" footer of a
  /// per-paper page): not papers of the corpus; ``IdentityResolver`` uses them only to date a
  /// paper of the same title that has no date.
  public var references: [Record]
  /// How each file was read: its layout (for research listings, see ``ListingLayout``) or its
  /// format, and how many entries. ``CorpusLoader`` fills in the format name for readers that
  /// leave it empty.
  public var reads: [FileRead]

  public init(records: [Record], diagnostics: [Diagnostic] = [], references: [Record] = [], reads: [FileRead] = []) {
    self.records = records
    self.diagnostics = diagnostics
    self.references = references
    self.reads = reads
  }
}

/// How one input file was read: the layout or format recognised and the entries read from it.
public struct FileRead: Sendable, Equatable, Hashable, Codable {
  public var file: String
  /// A research listing layout's ``ListingLayout/description`` (`listing (newer, with
  /// Citations)`, `per-paper page (old style)`, …), or the ``InputFormat`` name (`json`, `bibtex`, …).
  public var layout: String
  public var entries: Int

  public init(file: String, layout: String, entries: Int) {
    self.file = file
    self.layout = layout
    self.entries = entries
  }
}

extension Record {
  /// The order ``CorpusLoader`` puts records in before resolving identities, so that the same
  /// records give the same corpus (and the same node numbers, pictures and reports) whatever
  /// order they were read in: by date (undated last), then title, authors, fellows, tags, id,
  /// author ids and abstract, compared as UTF-8 bytes, then citation count (none first); records
  /// equal in all of these by where
  /// they were read (file path, then line), which only decides between exact duplicates.
  public static func canonicallyPrecedes(_ a: Record, _ b: Record) -> Bool {
    switch (a.date, b.date) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, .none): return true
    case (.none, .some): return false
    default: break
    }
    if let order = compare(a.title, b.title) { return order }
    if let order = compare(a.authors, b.authors) { return order }
    if let order = compare(a.fellows, b.fellows) { return order }
    if let order = compare(a.tags, b.tags) { return order }
    if let order = compare(a.id ?? "", b.id ?? "") { return order }
    if let order = compare(a.authorIDs.map { $0 ?? "" }, b.authorIDs.map { $0 ?? "" }) { return order }
    if let order = compare(a.abstract ?? "", b.abstract ?? "") { return order }
    if a.citations != b.citations { return (a.citations ?? -1) < (b.citations ?? -1) }
    if let order = compare(a.source.file, b.source.file) { return order }
    return (a.source.line, a.authorsLine ?? 0, a.fellowsLine ?? 0) < (b.source.line, b.authorsLine ?? 0, b.fellowsLine ?? 0)
  }

  /// Sorts `records` by ``canonicallyPrecedes(_:_:)``, as `records.sort(by:)` does (the same
  /// order, equal records keeping theirs), but sorts their indices and then moves each record
  /// once into place: a sort of the records themselves copies them (a dozen references each)
  /// at every merge pass, which for 175k records took a third of a second.
  ///
  /// - Complexity: O(*n* log *n*) comparisons, O(*n*) swaps, O(*n*) extra space.
  public static func sortCanonically(_ records: inout [Record]) {
    guard records.count > 1 else { return }
    arrange(&records, in: canonicalOrder(records))
  }

  /// The indices of `records` in ``canonicallyPrecedes(_:_:)`` order (what
  /// ``sortCanonically(_:)`` sorts them by), leaving `records` alone: other threads may read them
  /// at the same time.
  static func canonicalOrder(_ records: [Record]) -> [Int] {
    let n = records.count
    var order = Array(0 ..< n)
    // Most pairs are told apart by date or title: those two are read from arrays of their own
    // (no access to a whole record per comparison); the rest of the order only for ties.
    let dates = records.map(\.date)
    let titles = records.map(\.title)
    records.withUnsafeBufferPointer { buffer in
      dates.withUnsafeBufferPointer { dates in
        titles.withUnsafeBufferPointer { titles in
          order.sort { a, b in
            switch (dates[a], dates[b]) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, .none): return true
            case (.none, .some): return false
            default: break
            }
            if let order = compare(titles[a], titles[b]) { return order }
            return canonicallyPrecedes(buffer[a], buffer[b])
          }
        }
      }
    }
    return order
  }

  /// Moves each record once into place: position k takes the record at `order[k]`.
  static func arrange(_ records: inout [Record], in order: [Int]) {
    let n = records.count
    // Each cycle of the permutation is followed once.
    var placed = [Bool](repeating: false, count: n)
    for start in 0 ..< n where !placed[start] {
      var k = start
      while true {
        placed[k] = true
        let next = order[k]
        if next == start { break }
        records.swapAt(k, next)
        k = next
      }
    }
  }

  /// `a < b` as UTF-8 bytes, or `nil` when they are equal. (Swift's `<` on strings compares
  /// canonically equivalent spellings as equal, which would leave their order to the input.)
  ///
  /// One pass of `memcmp` over both strings' UTF-8 bytes where they are stored contiguously (all
  /// native strings), the generic byte-by-byte comparison otherwise: the same answer. (Sorting
  /// 175k records makes millions of these comparisons.)
  private static func compare(_ a: String, _ b: String) -> Bool? {
    // -1, 0, 1; nil (at either level) when a string is not contiguous.
    let fast: Int?? = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y -> Int in
        let common = Swift.min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        if order != 0 { return order < 0 ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
      }
    }
    if let outer = fast, let order = outer { return order == 0 ? nil : order < 0 }
    return a.utf8.elementsEqual(b.utf8) ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  private static func compare(_ a: [String], _ b: [String]) -> Bool? {
    for (x, y) in zip(a, b) { if let order = compare(x, y) { return order } }
    return a.count == b.count ? nil : a.count < b.count
  }
}
