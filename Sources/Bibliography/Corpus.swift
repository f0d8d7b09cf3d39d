/// How a listed fellow was matched to an author of the same paper.
public struct FellowMatch: Sendable, Equatable, Codable {
  public enum Rule: String, Sendable, Codable {
    /// Same name after normalisation.
    case exact
    /// Same name after folding case and accents.
    case folded
    /// `Name (Alias)`: the name or the alias in parentheses matched.
    case parenthetical
    /// One name is the other with extra given, middle or family names (`Iván Arcuschin Moreno` ↔ `Iván Arcuschin`).
    case longerForm = "longer-form"
    /// Same names once middle initials are dropped (`Rubi J. Hudson` ↔ `Rubi Hudson`).
    case initials
    /// The alias file said so.
    case alias
    /// A nickname and its full given name in the bundled nickname table, the rest of the name the
    /// same (`Kate Smith` ↔ `Katherine Smith`).
    case nickname
    /// The same names with the family name written first (`Wang Xiaoming` ↔ `Xiaoming Wang`).
    case reordered = "family-name-first"
    /// Family names of six letters or more one letter apart, given names compatible
    /// (`Anna Kowalczyk` ↔ `Anna Kowalcyk`).
    case surnameTypo = "surname-typo"
    /// Last resort: the one author of the paper no fellow matched, sharing the family name
    /// (`Li Wei-Ting` ↔ `David Li`: an anglicised given name?).
    case anglicised
  }

  /// The fellow as listed.
  public var listed: String
  /// The author it was matched to.
  public var author: String
  public var rule: Rule
  /// A sentence explaining the match.
  public var reason: String
  public var paperTitle: String
  public var source: SourceLocation
}

/// Papers read from one or more inputs, with identity resolved, duplicates merged and
/// everything noteworthy recorded as diagnostics.
public struct Corpus: Sendable {
  /// Entries read before merging duplicates.
  public var entryCount: Int
  /// Papers after merging duplicates, in order of first appearance.
  public var papers: [Paper]
  public var diagnostics: [Diagnostic]
  /// Every fellow match, exact or not, in record order (canonical when read by ``CorpusLoader``).
  public var fellowMatches: [FellowMatch]
  /// Author strings shown under another spelling of the same person across papers (inverted
  /// names, shared ids, initials with a shared co-author), each once, in record order. Spellings
  /// that differ only in case, accents or periods are not listed (they are diagnostics).
  public var identityMerges: [IdentityMerge]

  public init(
    entryCount: Int, papers: [Paper], diagnostics: [Diagnostic] = [], fellowMatches: [FellowMatch] = [],
    identityMerges: [IdentityMerge] = []
  ) {
    self.entryCount = entryCount
    self.papers = papers
    self.diagnostics = diagnostics
    self.fellowMatches = fellowMatches
    self.identityMerges = identityMerges
  }

  /// Distinct author names in order of first appearance.
  /// - Complexity: O(total author slots), computed on each access.
  public var authors: [String] { Self.distinct(papers.lazy.map(\.authors)) }
  /// Distinct fellow names in order of first appearance.
  public var fellows: [String] { Self.distinct(papers.lazy.map(\.fellows)) }
  /// Distinct tags in order of first appearance.
  public var tags: [String] { Self.distinct(papers.lazy.map(\.tags)) }

  static func distinct(_ lists: some Sequence<[String]>) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for list in lists {
      for name in list where seen.insert(name).inserted { out.append(name) }
    }
    return out
  }
}
