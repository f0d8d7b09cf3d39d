/// A user's thesaurus of terms: merge several terms into one, or drop terms. Read from the
/// alias file (`term-merge CANONICAL VARIANT…`, `term-drop TERM…`; see `AliasFile`), so one file
/// holds the names, tags and terms of a corpus.
///
///     term-merge   large language model   LLM   language model
///     term-drop    benchmark   baseline
///
/// Terms are compared after extraction's own normalisation (lower case, plurals folded:
/// `LLMs`, `LLM` and `llm` are one term). A variant must be a possible term (one to three words,
/// none a stop word); the canonical name is shown as written and may be anything
/// (`theory of mind`). A rule that can never match is reported.
public struct TermThesaurus: Sendable, Equatable, Hashable, Codable {
  public struct Merge: Sendable, Equatable, Hashable, Codable {
    public var canonical: String
    public var variants: [String]
    /// Where the rule was read (`file:line`), for notes.
    public var source: String
    public init(canonical: String, variants: [String], source: String = "") {
      self.canonical = canonical
      self.variants = variants
      self.source = source
    }
  }
  public struct Drop: Sendable, Equatable, Hashable, Codable {
    public var terms: [String]
    public var source: String
    public init(terms: [String], source: String = "") {
      self.terms = terms
      self.source = source
    }
  }
  public var merges: [Merge]
  public var drops: [Drop]

  public init(merges: [Merge] = [], drops: [Drop] = []) {
    self.merges = merges
    self.drops = drops
  }

  public var isEmpty: Bool { merges.isEmpty && drops.isEmpty }
}
