/// The terms of a set of texts (one text per paper: its title and abstract), as
/// ``TermExtractor`` finds them: what a term map is drawn from.
public struct TermMap: Sendable, Equatable {
  /// One term.
  public struct Term: Sendable, Equatable, Hashable {
    /// The normalised term (lower case, singular: `large language model`), or a thesaurus
    /// merge's canonical name.
    public var key: String
    /// The most frequent surface form (`large language models`, `LLMs`), or the canonical name
    /// of a thesaurus merge.
    public var label: String
    /// Texts (papers) the term occurs in (binary counting: once per paper).
    public var occurrences: Int
    /// Relevance: the Kullback–Leibler divergence of its co-occurrences from all terms'
    /// (``TermExtractor``), in nats.
    public var relevance: Double
  }

  /// What extraction did, for notes and the report.
  public struct Summary: Sendable, Equatable {
    /// Texts given (papers).
    public var texts = 0
    /// Texts with at least one word (a title or an abstract).
    public var textsWithWords = 0
    /// Of them, texts with an abstract (as the caller says).
    public var abstracts = 0
    /// Distinct candidate terms (1–3 words) before the minimum.
    public var candidates = 0
    /// The minimum number of occurrences used.
    public var minOccurrences = 0
    /// Candidates occurring at least ``minOccurrences`` times.
    public var aboveMinimum = 0
    /// Relevant terms replaced by a longer candidate that holds them in most of their papers.
    public var nested = 0
    /// Words found to be used as verbs (cut like stop words).
    public var verbs = 0
    /// Words with a letter of a non-Latin script (never made into terms).
    public var nonLatinWords = 0
    /// Texts with such words.
    public var textsWithNonLatin = 0
    /// Thesaurus rules that can never match (with why), as `file:line: reason`.
    public var unusableRules: [String] = []
    /// Terms a thesaurus `term-drop` removed (that occurred at least once).
    public var dropped = 0
    /// Terms a `term-merge` folded into another (that occurred at least once).
    public var merged = 0
    public init() {}
  }

  /// The kept terms, most occurrences first (ties by key, byte order).
  public var terms: [Term]
  /// For each text, the indices into ``terms`` of the terms it holds, ascending.
  public var textTerms: [[Int32]]
  /// Papers holding both terms of each pair `(i, j)`, `i < j`, in (i, j) order; in each paper, a
  /// term inside another candidate term of that paper (`language model` in `large language
  /// model`) is left out.
  public var cooccurrences: [(i: Int32, j: Int32, count: Int32)]
  public var summary: Summary

  public static func == (a: TermMap, b: TermMap) -> Bool {
    a.terms == b.terms && a.textTerms == b.textTerms && a.summary == b.summary
      && a.cooccurrences.elementsEqual(b.cooccurrences) { $0.i == $1.i && $0.j == $1.j && $0.count == $1.count }
  }

  /// A sentence on what extraction found and did, e.g. "412 terms from 236 papers' titles and
  /// abstracts (…)".
  public var description: String {
    let s = summary
    var text = "\(terms.count) terms from \(s.textsWithWords) papers' titles\(s.abstracts > 0 ? " and \(s.abstracts) abstracts" : ""): of \(s.candidates) candidate terms, \(s.aboveMinimum) occur in at least \(s.minOccurrences) papers; the most relevant are kept"
    if s.nested > 0 { text += " (\(s.nested) nearly always inside a longer term are replaced by it)" }
    return text
  }
}
