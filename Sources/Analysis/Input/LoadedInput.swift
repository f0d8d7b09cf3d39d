public import Bibliography
import Networks

/// What the inputs held: paper records, or a network read from edge lists.
public enum LoadedInput: Sendable {
  case corpus(Corpus)
  case network(EdgeListReader.Result)

  /// The papers (none for an edge list).
  public var corpus: Corpus {
    switch self {
    case .corpus(let corpus): return corpus
    case .network: return Corpus(entryCount: 0, papers: [])
    }
  }

  /// Whether the input has paper records (an edge list has none).
  public var hasPapers: Bool {
    if case .corpus = self { return true }
    return false
  }

  public var diagnostics: [Diagnostic] {
    switch self {
    case .corpus(let corpus): return corpus.diagnostics
    case .network(let result): return result.diagnostics
    }
  }
}
