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
  /// How each input file was read (layout or format, entries), in order of file path.
  public var reads: [FileRead]
  /// Folded tags: the displayed name → the other spellings shown as it (most frequent first),
  /// only for tags that have some (``TagFolding``). Read it by key; never iterate it for output.
  public var tagVariants: [String: [String]]
  /// Author display name → the persistent id (`orcid:…`, `openalex:A…`, `dblp:…`) the person was
  /// read with (the first seen), for people that have one. Read it by key; never iterate it for
  /// output.
  public var personIDs: [String: String] = [:]
  /// The alias file's `term-merge` and `term-drop` rules, in file order, for term extraction.
  public var termRules: [AliasFile.Entry] = []

  public init(
    entryCount: Int, papers: [Paper], diagnostics: [Diagnostic] = [], fellowMatches: [FellowMatch] = [],
    identityMerges: [IdentityMerge] = [], reads: [FileRead] = [], tagVariants: [String: [String]] = [:]
  ) {
    self.reads = reads
    self.entryCount = entryCount
    self.papers = papers
    self.diagnostics = diagnostics
    self.fellowMatches = fellowMatches
    self.identityMerges = identityMerges
    self.tagVariants = tagVariants
  }

  /// `tag`, with its folded variants when it has some: `Large Language Models (also: LLM,
  /// Large language model)`; past `limit` variants, `and N more`.
  public func tagWithVariants(_ tag: String, limit: Int = .max) -> String {
    guard let variants = tagVariants[tag], !variants.isEmpty else { return tag }
    let more = variants.count > limit ? ", and \(variants.count - limit) more" : ""
    return "\(tag) (also: \(variants.prefix(limit).joined(separator: ", "))\(more))"
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

extension Corpus {
  /// Entries read per layout or format, in order of first appearance in ``reads``.
  public var entriesByLayout: [(layout: String, entries: Int)] {
    var out: [(layout: String, entries: Int)] = []
    for read in reads {
      if let i = out.firstIndex(where: { $0.layout == read.layout }) {
        out[i].entries += read.entries
      } else {
        out.append((read.layout, read.entries))
      }
    }
    return out
  }

  /// How many entries have at least one data-quality note (other than `skipped-text`) on their
  /// lines: a note belongs to the entry whose first line is the nearest at or before it in the
  /// same file. Entries are the papers' sources and merged sources.
  ///
  /// Files are numbered once (consecutive papers and notes almost always share one, compared
  /// before any lookup), and a note marks its entry's index in that file's sorted starts, so no
  /// file name is hashed per paper and per note (at a million papers and 1.4 million notes that
  /// was seconds). - Complexity: O(*p* log *p* + *d* log *p*) for *p* entries and *d* notes.
  public var entriesWithNotes: Int {
    var fileNumbers: [String: Int] = [:]
    var starts: [[Int]] = []
    var lastFile = ""
    var lastNumber = -1
    func number(_ file: String, adding: Bool) -> Int? {
      if lastNumber >= 0 && file == lastFile { return lastNumber }
      let found: Int
      if let known = fileNumbers[file] {
        found = known
      } else {
        guard adding else { return nil }
        found = starts.count
        fileNumbers[file] = found
        starts.append([])
      }
      (lastFile, lastNumber) = (file, found)
      return found
    }
    for p in papers.indices {
      let source = papers[p].source
      starts[number(source.file, adding: true)!].append(source.line)
      for merged in papers[p].mergedSources { starts[number(merged.file, adding: true)!].append(merged.line) }
    }
    for f in starts.indices { starts[f].sort() }
    var noted = starts.map { [Bool](repeating: false, count: $0.count) }
    var count = 0
    for d in diagnostics where d.kind != .skippedText {
      guard let file = d.file, let line = d.line, let f = number(file, adding: false) else { continue }
      // The last entry start at or before `line` (equal starts: always the last of them, so
      // one index per distinct start, as a set of locations counts them).
      let lines = starts[f]
      var low = 0
      var high = lines.count
      while low < high {
        let mid = (low + high) / 2
        if lines[mid] <= line { low = mid + 1 } else { high = mid }
      }
      if low > 0 && !noted[f][low - 1] {
        noted[f][low - 1] = true
        count += 1
      }
    }
    return count
  }

  /// One line saying what was read:
  /// `read 35 entries from 2 files: listing (newer, with Citations) 34, per-paper page (new style) 1; 3 entries with notes`.
  public var readSummary: String {
    let files = Set(reads.map(\.file)).count
    let layouts = entriesByLayout.map { "\($0.layout) \($0.entries)" }.joined(separator: ", ")
    let noted = entriesWithNotes
    return "read \(Self.count(entryCount, "entry", "entries")) from \(Self.count(files, "file", "files"))"
      + (layouts.isEmpty ? "" : ": " + layouts) + "; \(Self.count(noted, "entry", "entries")) with notes"
  }

  static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

extension Corpus {
  /// The citation counts of each name's papers summed, parallel to `names` (e.g. a network's
  /// `labels`): over the papers listing the name in `list` (authors by default; `\.fellows`,
  /// `\.tags`); papers without a count add 0. For a `citations` node attribute or sizing.
  /// - Complexity: O(total entries of `list` over the papers + names).
  public func citationTotals(for names: [String], in list: KeyPath<Paper, [String]> = \.authors) -> [Int] {
    var totals: [String: Int] = [:]
    for paper in papers {
      guard let count = paper.citations else { continue }
      for name in Set(paper[keyPath: list]) { totals[name, default: 0] += count }
    }
    return names.map { totals[$0] ?? 0 }
  }
}
