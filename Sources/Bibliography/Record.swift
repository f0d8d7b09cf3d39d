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

  public init(
    title: String, authors: [String], fellows: [String] = [], date: PaperDate? = nil, tags: [String] = [],
    abstract: String? = nil, source: SourceLocation, authorsLine: Int? = nil, fellowsLine: Int? = nil,
    id: String? = nil, authorIDs: [String?] = []
  ) {
    precondition(authorIDs.isEmpty || authorIDs.count == authors.count, "authorIDs must be parallel to authors")
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

  public init(records: [Record], diagnostics: [Diagnostic] = []) {
    self.records = records
    self.diagnostics = diagnostics
  }
}
