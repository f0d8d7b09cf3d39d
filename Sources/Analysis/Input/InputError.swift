/// Inputs that can each be read but not together, or settings that cannot be used: the loader's
/// refusals (a file that cannot be read is an `IngestError` instead). Printed as one line; the
/// command line shows it as `Error: …`.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable {
    /// ``InputError/file`` is an edge list, and other inputs hold paper records.
    case edgeListWithPaperRecords
    /// An alias file was given with edge lists, whose nodes are not people's names.
    case aliasesWithEdgeLists
    /// Paper records were asked for (``InputLoader/loadCorpus()``) and the inputs are edge lists.
    case needsPaperRecords
    /// No input path was given.
    case noInputs
    /// `-` (standard input) was given more than once; it can be read only once.
    case standardInputTwice
    /// A list separator that is not exactly one character.
    case invalidListSeparator(String)
    /// A table column mapping that cannot be read: why.
    case invalidColumns(String)
  }

  /// The input the refusal is about, when it is about one (`<stdin>` for standard input).
  public var file: String?
  public var reason: Reason

  public init(_ reason: Reason, file: String? = nil) {
    self.reason = reason
    self.file = file
  }

  public var description: String {
    switch reason {
    case .edgeListWithPaperRecords:
      return
        "\(file ?? "an input") is an edge list (a network) and cannot be combined with paper records; give edge lists on their own"
    case .aliasesWithEdgeLists: return "'--aliases' applies to paper records; edge lists name nodes, not people"
    case .needsPaperRecords:
      return "this command needs paper records (listing, JSON, table, BibTeX, RIS, dblp XML or OpenAlex), not an edge list"
    case .noInputs: return "no input files given"
    case .standardInputTwice: return "'-' (standard input) is given more than once; it can be read only once"
    case .invalidListSeparator(let separator):
      return "the list separator must be exactly one character (got '\(separator)')"
    case .invalidColumns(let why): return "cannot read the table columns: \(why)"
    }
  }
}
