/// Where a record came from: a file and a 1-based line number.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool { (a.file, a.line) < (b.file, b.line) }
  public var description: String { "\(file):\(line)" }
}

/// A publication date with optional month and day (`2023`, `2023-09`, `2023-09-15`).
public struct PaperDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int?
  public var day: Int?

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// ISO 8601 text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var description: String {
    var s = pad(year, to: 4)
    if let month { s += "-" + pad(month, to: 2) }
    if let month, let day { _ = month; s += "-" + pad(day, to: 2) }
    return s
  }

  public static func < (a: PaperDate, b: PaperDate) -> Bool {
    (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
  }
}

func pad(_ value: Int, to width: Int) -> String {
  let digits = "\(value)"
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// One research paper: its title, ordered authors, the program fellows among them, date and tags.
///
/// Author and fellow names are normalised display names (see ``NameNormalizer``); `fellows` is a
/// subset of `authors` after identity resolution.
public struct Paper: Sendable, Equatable, Codable {
  public var title: String
  public var authors: [String]
  public var fellows: [String]
  public var date: PaperDate?
  public var tags: [String]
  public var abstract: String?
  /// The entry this paper was read from.
  public var source: SourceLocation
  /// Further entries of the same paper that were merged into this one.
  public var mergedSources: [SourceLocation]
  /// The source's own identifier (a table's `paper_id`), if any. Entries with different ids are
  /// different papers even when their titles agree.
  public var id: String?
  /// How many times the paper has been cited, as its source says (`nil`: not given). Entries of
  /// one paper merged together keep the largest count.
  public var citations: Int?

  public init(
    title: String, authors: [String], fellows: [String] = [], date: PaperDate? = nil, tags: [String] = [],
    abstract: String? = nil, source: SourceLocation, mergedSources: [SourceLocation] = [], id: String? = nil,
    citations: Int? = nil
  ) {
    self.id = id
    self.citations = citations
    self.title = title
    self.authors = authors
    self.fellows = fellows
    self.date = date
    self.tags = tags
    self.abstract = abstract
    self.source = source
    self.mergedSources = mergedSources
  }
}
