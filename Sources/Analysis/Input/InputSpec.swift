public import Bibliography

/// What to read and how: the inputs of every command, as one `Codable` value.
///
/// It holds what the command line's input options say (`<input>…`, `--input-format`,
/// `--aliases`, `--columns`, `--list-separator`, `--no-tag-folding`); ``InputLoader`` reads it.
///
///     let spec = InputSpec(paths: ["papers.tsv", "refs.bib"], aliasPath: "aliases.tsv")
///     let loaded = try InputLoader(spec).load()     // .corpus(…) or .network(…)
public struct InputSpec: Codable, Sendable, Hashable {
  /// The separator inside table cells that hold lists (authors, fellows, tags) unless one is given.
  public static let defaultListSeparator = ";"

  /// Input paths as given; `-` is standard input. They are read in byte order of their paths,
  /// whatever order they are given in.
  public var paths: [String]
  /// Read every input as this format instead of detecting it per file.
  public var format: InputFormat?
  /// An alias (thesaurus) file for names and tags; refused with edge lists.
  public var aliasPath: String?
  /// Table columns for paper fields, as the user writes them: `title=Title,authors=Author Names`
  /// (see ``TableColumns/init(mapping:)``); `nil` reads the `papers.tsv` schema.
  public var columns: String?
  /// The separator inside table cells that hold lists: exactly one character.
  public var listSeparator: String
  /// Whether tags are folded by plural and acronym (``IdentityResolver/foldsTags``).
  public var foldsTags: Bool
  /// Which rules decide who is who (``IdentityMode``: `full`, the default, or `key`).
  public var identity: IdentityMode
  /// Threads for reading and identity resolution (``CorpusLoader/threads``; 0: every active
  /// processor). The corpus does not depend on it, so it is not part of the encoded value.
  public var threads: Int = 0

  public init(
    paths: [String] = [], format: InputFormat? = nil, aliasPath: String? = nil, columns: String? = nil,
    listSeparator: String = InputSpec.defaultListSeparator, foldsTags: Bool = true,
    identity: IdentityMode = .full
  ) {
    self.paths = paths
    self.format = format
    self.aliasPath = aliasPath
    self.columns = columns
    self.listSeparator = listSeparator
    self.foldsTags = foldsTags
    self.identity = identity
  }

  private enum CodingKeys: String, CodingKey {
    case paths, format, aliasPath, columns, listSeparator, foldsTags, identity
  }

  /// Specs written before `identity` existed read as `full`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      paths: try c.decode([String].self, forKey: .paths), format: try c.decodeIfPresent(InputFormat.self, forKey: .format),
      aliasPath: try c.decodeIfPresent(String.self, forKey: .aliasPath), columns: try c.decodeIfPresent(String.self, forKey: .columns),
      listSeparator: try c.decode(String.self, forKey: .listSeparator), foldsTags: try c.decode(Bool.self, forKey: .foldsTags),
      identity: try c.decodeIfPresent(IdentityMode.self, forKey: .identity) ?? .full)
  }

  /// `identity` is written only when it is not `full`, so specs read as before are written as before.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(paths, forKey: .paths)
    try c.encodeIfPresent(format, forKey: .format)
    try c.encodeIfPresent(aliasPath, forKey: .aliasPath)
    try c.encodeIfPresent(columns, forKey: .columns)
    try c.encode(listSeparator, forKey: .listSeparator)
    try c.encode(foldsTags, forKey: .foldsTags)
    if identity != .full { try c.encode(identity, forKey: .identity) }
  }

  /// The paths in the order they are read: byte order (`-` included), so the same files give
  /// the same bytes whatever order they were named in.
  public var orderedPaths: [String] { paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

  /// The table reader ``columns`` and ``listSeparator`` ask for.
  /// - Throws: ``InputError`` for a list separator that is not one character or a column mapping
  ///   that cannot be read.
  public func tableReader() throws(InputError) -> DelimitedTableReader {
    guard listSeparator.count == 1, let separator = listSeparator.first else {
      throw InputError(.invalidListSeparator(listSeparator))
    }
    var tableColumns = TableColumns()
    if let columns {
      do { tableColumns = try TableColumns(mapping: columns) } catch { throw InputError(.invalidColumns(error.description)) }
    }
    return DelimitedTableReader(columns: tableColumns, listSeparator: separator)
  }

  /// The paper loader for these settings (the format stays with each ``DetectedInput``).
  /// - Throws: what ``tableReader()`` throws.
  public func corpusLoader() throws(InputError) -> CorpusLoader {
    var loader = CorpusLoader(format: format, aliasPath: aliasPath, table: try tableReader(), foldsTags: foldsTags)
    loader.identity = identity
    loader.threads = threads
    return loader
  }
}
