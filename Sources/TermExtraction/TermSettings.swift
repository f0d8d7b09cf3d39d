/// How terms are extracted from titles and abstracts (``TermExtractor``); defaults declared here.
public struct TermSettings: Sendable, Equatable, Hashable, Codable {
  /// Share of the candidate terms kept, the most relevant first (VOSviewer's default, 60 %).
  public static let defaultRelevanceShare = 0.6
  /// A shorter term is dropped when a longer candidate containing it occurs in at least this
  /// share of its papers (`language` inside `language model`).
  public static let nestedShare = 0.75

  /// Minimum number of papers a term must occur in; `nil`: ``defaultMinOccurrences(papers:)``.
  public var minOccurrences: Int?
  /// Share of the candidates (those above the minimum) kept by relevance, in (0, 1].
  public var relevanceShare: Double
  /// Merges and drops from the alias file.
  public var thesaurus: TermThesaurus

  public init(minOccurrences: Int? = nil, relevanceShare: Double = Self.defaultRelevanceShare, thesaurus: TermThesaurus = TermThesaurus()) {
    self.minOccurrences = minOccurrences
    self.relevanceShare = relevanceShare
    self.thesaurus = thesaurus
  }

  /// The default minimum number of occurrences for a corpus of `papers` papers with text:
  /// max(2, round(√papers / 4)), so 2 up to 55 papers, 4 for 236, 10 for 1,600, 77 for 95,000.
  /// VOSviewer's fixed default of 10 suits a few thousand abstracts; a fixed value keeps every
  /// typo-level term of a 100k-paper corpus, or almost nothing of a 50-paper one.
  public static func defaultMinOccurrences(papers: Int) -> Int {
    max(2, Int((Double(max(0, papers)).squareRoot() / 4).rounded()))
  }

  /// The minimum for `papers` papers with text.
  public func minimum(papers: Int) -> Int { minOccurrences ?? Self.defaultMinOccurrences(papers: papers) }
}
