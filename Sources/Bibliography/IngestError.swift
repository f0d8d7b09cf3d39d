/// A reading failure: the file, the line (and column) where it happened, the reason, and the
/// offending text. Printed as `file:line: reason`.
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable, CustomStringConvertible {
    case fileNotFound
    case unreadable(String)
    case emptyFile
    case binaryFile
    case invalidEncoding
    case truncatedEntry(String)
    case missingField(String)
    case invalidDate(String)
    case invalidJSON(String)
    case invalidAliasRule(String)
    case unknownFormat(String)
    case noPapers
    /// Corrupt or truncated gzip data, or a `.gz` name on a file that is not gzip.
    case invalidGzip(String)
    /// An edge-list line that is not `source target [weight]`.
    case invalidEdge(String)
    /// A weight that is not a positive finite number.
    case invalidWeight(String)
    /// A table header without a column the mapping needs: the column, then the header's columns.
    case missingColumn(String, available: [String])
    /// A table cell that cannot be read: the column name, then why.
    case invalidField(column: String, String)
    /// Text that breaks the format's grammar (BibTeX, RIS): what was expected or what is wrong.
    case invalidSyntax(String)
    /// XML that is not well-formed, or an entity the reader does not know: what was wrong.
    case invalidXML(String)
    /// OpenAlex JSON (Lines) that is not valid JSON or not shaped like OpenAlex works: what was wrong.
    case invalidOpenAlex(String)
    /// An input in a format that holds no paper records (an edge list) given where papers are
    /// read: what it is and what to do.
    case notPaperRecords(String)

    public var description: String {
      switch self {
      case .fileNotFound: return "no such file"
      case .unreadable(let why): return "cannot read file: \(why)"
      case .emptyFile: return "the file is empty"
      case .binaryFile: return "the file looks binary (it contains NUL bytes), not text"
      case .invalidEncoding: return "the file is not valid UTF-8 text"
      case .truncatedEntry(let why): return "truncated entry: \(why)"
      case .missingField(let field): return "missing field \(field)"
      case .invalidDate(let text): return "cannot read date '\(text)' (expected e.g. 'Sep 15, 2023', 'March 10, 2026' or '2023-09-15')"
      case .invalidJSON(let why): return "invalid corpus JSON: \(why)"
      case .invalidAliasRule(let why): return "invalid alias rule: \(why)"
      case .unknownFormat(let why): return "unknown input format: \(why)"
      case .noPapers: return "no papers found"
      case .invalidGzip(let why): return "corrupt gzip data: \(why)"
      case .invalidEdge(let why): return "invalid edge line: \(why)"
      case .invalidWeight(let text): return "invalid weight '\(text)': a weight must be a positive finite number"
      case .missingColumn(let column, let available):
        return "missing column '\(column)' (the header has: \(available.joined(separator: ", ")))"
      case .invalidField(let column, let why): return "column '\(column)': \(why)"
      case .invalidSyntax(let why): return why
      case .invalidXML(let why): return "invalid XML: \(why)"
      case .invalidOpenAlex(let why): return "invalid OpenAlex JSON: \(why)"
      case .notPaperRecords(let why): return "not paper records: \(why)"
      }
    }
  }

  public var file: String
  public var line: Int?
  public var column: Int?
  public var reason: Reason
  /// The offending text, when there is one (trimmed to 200 characters).
  public var text: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, reason: Reason, text: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
    self.text = text.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
  }

  public var description: String {
    var location = file
    if let line { location += ":\(line)" }
    if let line, let column { _ = line; location += ":\(column)" }
    var s = "\(location): \(reason)"
    if let text, !text.isEmpty { s += " (near '\(text)')" }
    return s
  }
}
