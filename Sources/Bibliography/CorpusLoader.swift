/// The input formats Coauthor reads.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
  /// A research listing page saved as text (the MATS research page and its variations).
  case listing
  /// The Coauthor corpus JSON schema (see ``JSONCorpusReader``).
  case json

  /// The format a file's name or content suggests.
  public static func detect(path: String, text: String) -> InputFormat {
    let lower = path.lowercased()
    if lower.hasSuffix(".json") { return .json }
    // JSON starts with `{"` / `{}` or `[{` / `[[` / `[]`; a listing may start with `[Preprint] Title`.
    let start = text.drop { $0.isWhitespace }
    guard let first = start.first else { return .listing }
    let next = start.dropFirst().first { !$0.isWhitespace }
    switch (first, next) {
    case ("{", "\""), ("{", "}"), ("[", "{"), ("[", "["), ("[", "]"): return .json
    default: return .listing
    }
  }
}

/// Reads input files, applies an alias file and resolves identities: the one entry point the
/// command line and the examples use.
public struct CorpusLoader: Sendable {
  /// Forces a format for every input; `nil` detects it per file.
  public var format: InputFormat?
  /// An alias (thesaurus) file to apply, if any.
  public var aliasPath: String?

  public init(format: InputFormat? = nil, aliasPath: String? = nil) {
    self.format = format
    self.aliasPath = aliasPath
  }

  /// Reads every file (in the order given) into one corpus.
  /// - Throws: ``IngestError`` for the first file that cannot be read.
  public func load(_ paths: [String]) throws(IngestError) -> Corpus {
    var aliases = AliasFile()
    if let aliasPath { aliases = try AliasFile(TextFile(path: aliasPath)) }
    var results: [ReadResult] = []
    for path in paths {
      let file = try TextFile(path: path)
      switch format ?? InputFormat.detect(path: path, text: file.text) {
      case .listing: results.append(try ListingReader().read(file))
      case .json: results.append(try JSONCorpusReader().read(file))
      }
    }
    return IdentityResolver(aliases: aliases).resolve(results)
  }
}
