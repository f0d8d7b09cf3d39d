/// Something worth telling the user about the data that did not stop the reading: a merged
/// duplicate, a fellow matched by a rule, a name that looks like two people, a skipped line.
public struct Diagnostic: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
    /// Two entries of the same paper merged into one.
    case duplicateMerged = "duplicate-merged"
    /// A fellow matched to an author by a rule other than exact equality.
    case fellowMatched = "fellow-matched"
    /// A fellow who matches no author of the paper.
    case fellowUnmatched = "fellow-unmatched"
    /// An author string that looks like two names joined by a missing comma.
    case suspectedJoinedNames = "suspected-joined-names"
    /// An alias-file rule was applied.
    case aliasApplied = "alias-applied"
    /// An alias-file rule that matched nothing.
    case aliasUnused = "alias-unused"
    /// Text that is not a paper (page preamble, section headers, FAQ) was skipped.
    case skippedText = "skipped-text"
    /// A paper with no authors.
    case noAuthors = "no-authors"
    /// Two spellings of one name (differing in case, accents or periods) unified across papers.
    case nameVariant = "name-variant"
    /// One name written by several people told apart by their ids (ORCID, OpenAlex, DBLP).
    case homonym
    /// A repeated author within one paper was removed.
    case duplicateAuthor = "duplicate-author"
    /// An edge-list line joining a node to itself, dropped.
    case selfLoop = "self-loop"
    /// Edge-list lines naming the same pair more than once, merged into one edge (weights summed).
    case parallelEdges = "parallel-edges"
    /// A paper left out because it has more authors than the `--max-authors` limit.
    case hyperAuthored = "hyper-authored"
    /// A line that looks like a field label (`Venue:` alone on a line) but is not one the reader
    /// knows; it and its value were skipped.
    case unknownLabel = "unknown-label"
    /// An entry whose title is a number or a label word (`Citations`, `Abstract`, `Authors`…):
    /// the page is probably in a layout the reader misreads.
    case suspiciousTitle = "suspicious-title"
    /// A listing entry with more than 50 authors (several entries run together?).
    case longAuthorList = "long-author-list"
    /// A listing whose entries mostly lack authors: probably a layout the reader misreads.
    case suspiciousLayout = "suspicious-layout"
    /// A per-paper page without a title, named after another entry or given a placeholder.
    case untitledEntry = "untitled-entry"
    /// Tags that differ only in case or accents, by an English plural or as an acronym and its
    /// long form, shown as one tag (``TagFolding``).
    case tagFolded = "tag-folded"
    /// A tag that could be folded into more than one other tag (an acronym of two long forms, a
    /// plural of two singulars), left as it is.
    case tagAmbiguous = "tag-ambiguous"
    /// Anything else a reader wants to report.
    case note

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  public var kind: Kind
  public var message: String
  public var file: String?
  public var line: Int?

  public init(kind: Kind, message: String, file: String? = nil, line: Int? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
  }

  public init(kind: Kind, message: String, at location: SourceLocation) {
    self.init(kind: kind, message: message, file: location.file, line: location.line)
  }

  public var description: String {
    var prefix = ""
    if let file { prefix = line.map { "\(file):\($0): " } ?? "\(file): " }
    return "\(prefix)\(kind.rawValue): \(message)"
  }
}

extension Sequence where Element == Diagnostic {
  /// The notes to list when at most `limit` of each kind are shown (the first ones, in order, so
  /// one frequent kind does not hide the others), and how many of each kind there are in all.
  public func limited(perKind limit: Int) -> (shown: [Diagnostic], counts: [Diagnostic.Kind: Int]) {
    var shown: [Diagnostic] = []
    var counts: [Diagnostic.Kind: Int] = [:]
    for d in self {
      counts[d.kind, default: 0] += 1
      if counts[d.kind]! <= limit { shown.append(d) }
    }
    return (shown, counts)
  }
}
