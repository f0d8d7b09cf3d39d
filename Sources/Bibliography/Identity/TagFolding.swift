/// Tags that name one topic in different spellings, folded into one tag.
///
/// Two tags are one when their keys (``NameNormalizer/key(_:)``: case, accents and periods
/// ignored) are equal, or when one is linked to the other by a chain of these rules:
///
/// 0. **Hyphens**: keys equal once hyphens are read as spaces (`Multi-criteria analysis` =
///    `Multi criteria analysis`, `ELECTRE-TRI` = `ELECTRE TRI`); the plural rule compares the
///    same way.
/// 1. **English plural of the last word** (the head noun of a noun phrase): the plural tag
///    folds into a singular tag *that appears in the corpus*. The candidate singulars of a last
///    word *w* of at least four letters ending in `s` are, in this order: `-ies` → `-y`
///    (`policies` → `policy`), `-es` → `-is` (`analyses` → `analysis`, `hypotheses` →
///    `hypothesis`), `-ices` → `-ix`/`-ex` (`matrices` → `matrix`, `indices` → `index`), `-es` →
///    `-` (`processes` → `process`), `-s` → `-` (`models` → `model`). Only a candidate that is
///    itself a tag counts, so a wrong candidate (`movies` → `movy`) folds nothing; when two
///    candidates are tags (`bases`: `base` and `basis`) the plural is left alone and a
///    ``Diagnostic/Kind/tagAmbiguous`` note says so. Words that end in `s` but are not plurals
///    are never stripped: any word ending in `ss`, `us`, `is` or `ics` (`loss`, `corpus`,
///    `analysis`, `physics`, `ethics`), words of three letters or fewer (`gas`, `bus`), and the
///    list ``invariantWords`` (`bias`, `chaos`, `news`, `series`, `species`, `means`, `lens`, …).
///    An acronym written with a lowercase plural `s` (`LLMs`, `LMs`, `GPUs`) folds into its
///    singular (`LLM`) whatever its length.
/// 2. **Acronym**: a one-word tag written in capitals (at least two, and at most one lowercase
///    letter: `LLM`, `RLHF`, `CoT`, not `AutoML`; a final lowercase plural `s` is ignored) folds
///    into a tag of as many words whose initials spell it (`Large Language Models`, `Chain of
///    Thought` ↔ `CoT`; or, for the capitals alone, skipping `of`, `and`, `for`…; words split at
///    spaces and hyphens),
///    after the plural rule. All of an acronym's letters are tried first, its capitals alone only
///    when they find no long form (`QoS` is `Quality of Service`, not `Quality Services`). Only
///    when both tags appear, and only when the acronym stands for
///    exactly one topic of the corpus: if `RL` could be `Reinforcement Learning` or `Robot
///    Learning`, both present, it is not folded and a ``Diagnostic/Kind/tagAmbiguous`` note lists
///    the candidates (add `tag-merge` to the alias file to decide).
///
/// The displayed name of a folded tag is its most frequent spelling (papers carrying it), ties
/// broken by byte order; a spelling an alias rule produced (the target of `tag-merge` or
/// `tag-rename`) wins over more frequent ones. The other spellings are its *variants*
/// (``Corpus/tagVariants``), and each folded tag gets one ``Diagnostic/Kind/tagFolded`` note
/// naming its spellings, their paper counts and the rules that joined them.
///
/// `tag-keep A B…` in the alias file keeps the tags named apart: no rule folds two of them into
/// one tag (tags with one key are always one); `tag-keep A` alone keeps A from folding with any
/// tag of another key.
///
///     let at = SourceLocation(file: "f", line: 1)
///     var papers = [Paper(title: "P1", authors: ["A"], tags: ["LLM"], source: at),
///                   Paper(title: "P2", authors: ["B"], tags: ["Large Language Models"], source: at),
///                   Paper(title: "P3", authors: ["C"], tags: ["Large language model", "Large Language Models"], source: at)]
///     let folded = TagFolding().fold(&papers)
///     papers.map(\.tags)   // [["Large Language Models"], ["Large Language Models"], ["Large Language Models"]]
///     folded.variants      // ["Large Language Models": ["LLM", "Large language model"]]
///
/// - Complexity: O(*s* · *w*) for *s* distinct spellings of at most *w* words, plus O(*t*) to
///   rewrite *t* tag slots; keep-apart checks are O(*g*²) per proposed fold for groups of *g*
///   keys (small in practice).
public struct TagFolding: Sendable {
  /// A `tag-keep` rule: tags (by key) no rule may fold into one tag.
  public struct KeepRule: Sendable, Equatable {
    public var keys: [String]
    /// The alias-file entry (index) it came from, and where it was written.
    public var entry: Int
    public var source: SourceLocation

    public init(keys: [String], entry: Int, source: SourceLocation) {
      self.keys = keys
      self.entry = entry
      self.source = source
    }
  }

  /// Groups of tag keys kept apart (`tag-keep`).
  public var keepApart: [KeepRule]
  /// Spellings produced by alias rules (`tag-merge` canonical names, `tag-rename` targets),
  /// preferred as display names.
  public var preferred: Set<String>

  public init(keepApart: [KeepRule] = [], preferred: Set<String> = []) {
    self.keepApart = keepApart
    self.preferred = preferred
  }

  /// The tag rules of an alias file: `tag-keep` groups and the preferred spellings.
  public init(aliases: AliasFile) {
    var keep: [KeepRule] = []
    var preferred = Set<String>()
    for (i, entry) in aliases.entries.enumerated() where entry.scope == .tag {
      switch entry.rule {
      case .keepApart(let tags): keep.append(KeepRule(keys: tags.map(NameNormalizer.key), entry: i, source: entry.source))
      case .merge(let canonical, _): preferred.insert(NameNormalizer.normalize(canonical))
      case .rename(_, let to): preferred.insert(NameNormalizer.normalize(to))
      case .split, .keep, .drop: break
      }
    }
    self.init(keepApart: keep, preferred: preferred)
  }

  /// Words ending in `s` that are not plurals (besides the endings `ss`, `us`, `is`, `ics` and
  /// words of three letters or fewer).
  public static let invariantWords: Set<String> = [
    "bias", "chaos", "news", "series", "species", "means", "lens", "alias", "atlas", "canvas", "cosmos", "ethos",
    "pathos", "kudos", "diabetes", "herpes", "measles", "rabies", "scabies", "headquarters", "whereabouts",
    "crossroads", "innings", "logos", "pros", "thanks", "arms", "goods", "odds", "savings", "sales", "works",
  ]

  /// Why two spellings are one tag.
  public enum Reason: String, Sendable, Comparable {
    case caseOrAccents = "case or accents"
    case hyphens
    case plural
    case acronym

    public static func < (a: Reason, b: Reason) -> Bool { a.order < b.order }
    var order: Int {
      switch self {
      case .caseOrAccents: 0
      case .hyphens: 1
      case .plural: 2
      case .acronym: 3
      }
    }
  }

  /// What ``fold(_:)`` did.
  public struct Result: Sendable {
    /// Display name → the other spellings folded into it (most frequent first, then byte
    /// order); only tags with variants.
    public var variants: [String: [String]] = [:]
    /// One ``Diagnostic/Kind/tagFolded`` per folded tag and one ``Diagnostic/Kind/tagAmbiguous``
    /// per tag left alone for ambiguity, in order of first appearance; plus an
    /// ``Diagnostic/Kind/aliasApplied`` note for each `tag-keep` that stopped a fold.
    public var diagnostics: [Diagnostic] = []
    /// Alias-file entries (`tag-keep`) that stopped at least one fold.
    public var usedEntries: Set<Int> = []
  }

  /// Folds the tags of `papers` in place (each paper's tags stay distinct, in order) and
  /// returns the variants and notes.
  public func fold(_ papers: inout [Paper]) -> Result {
    fold(&papers, paperKeys: papers.map(Self.paperKey))
  }

  /// What identifies a paper among duplicate entries: its source id, else its normalised title
  /// (the key ``IdentityResolver`` merges duplicates by).
  static func paperKey(_ paper: Paper) -> String {
    paper.id.map { "\u{0}id:" + $0 } ?? NameNormalizer.titleKey(paper.title)
  }

  /// ``fold(_:)`` with each paper's ``paperKey(_:)`` given (computed once for folding and for
  /// merging duplicates).
  func fold(_ papers: inout [Paper], paperKeys: [String]) -> Result {
    var result = Result()
    // Spellings and keys in order of first appearance.
    var keyIndex: [String: Int] = [:]
    var keys: [String] = []
    var spellings: [[String]] = []  // per key
    var paperCount: [String: Int] = [:]  // per spelling
    var firstAt: [String: SourceLocation] = [:]  // per spelling
    // Duplicate entries of one paper (merged later, by id or title) count once; only papers
    // whose key repeats pay for the check.
    var entries = [String: Int](minimumCapacity: paperKeys.count)  // no rehashing a million keys as it grows
    for key in paperKeys { entries[key, default: 0] += 1 }
    var counted = Set<String>()
    // By index, not `enumerated()`: that copies every paper (all its strings retained and released).
    for p in papers.indices {
      let repeated = entries[paperKeys[p]]! > 1
      for tag in papers[p].tags {
        if !repeated || counted.insert(paperKeys[p] + "\u{0}" + tag).inserted { paperCount[tag, default: 0] += 1 }
        if firstAt[tag] == nil { firstAt[tag] = papers[p].source }
        let key = NameNormalizer.key(tag)
        if let k = keyIndex[key] {
          if !spellings[k].contains(tag) { spellings[k].append(tag) }
        } else {
          keyIndex[key] = keys.count
          keys.append(key)
          spellings.append([tag])
        }
      }
    }
    guard !keys.isEmpty else { return result }

    var parent = Array(keys.indices)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    var members: [[Int]] = keys.indices.map { [$0] }  // per root
    var reasons: [Set<Reason>] = spellings.map { $0.count > 1 ? [.caseOrAccents] : [] }  // per root
    var keepOf: [Int: [Int]] = [:]  // key → keep rules naming it
    for (r, rule) in keepApart.enumerated() {
      for key in Set(rule.keys) { if let k = keyIndex[key] { keepOf[k, default: []].append(r) } }
    }
    func label(_ k: Int) -> String { "'\(spellings[k][0])'" }

    /// Joins the groups of `a` and `b` unless a `tag-keep` rule keeps them apart.
    func union(_ a: Int, _ b: Int, _ reason: Reason) {
      let ra = find(a)
      let rb = find(b)
      guard ra != rb else { return }
      for x in members[ra] {
        for r in keepOf[x] ?? [] {
          let rule = keepApart[r]
          let stops =
            Set(rule.keys).count == 1 || members[rb].contains { y in (keepOf[y] ?? []).contains(r) }
          if stops {
            result.usedEntries.insert(rule.entry)
            result.diagnostics.append(
              Diagnostic(
                kind: .aliasApplied,
                message: "tag-keep (rule at line \(rule.source.line)) kept \(label(a)) apart from \(label(b)) (\(reason.rawValue))",
                at: firstAt[spellings[a][0]]!))
            return
          }
        }
      }
      for y in members[rb] {
        for r in keepOf[y] ?? [] where Set(keepApart[r].keys).count == 1 {
          result.usedEntries.insert(keepApart[r].entry)
          result.diagnostics.append(
            Diagnostic(
              kind: .aliasApplied,
              message: "tag-keep (rule at line \(keepApart[r].source.line)) kept \(label(b)) apart from \(label(a)) (\(reason.rawValue))",
              at: firstAt[spellings[b][0]]!))
          return
        }
      }
      let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
      parent[child] = root
      members[root] += members[child]
      members[child] = []
      reasons[root].formUnion(reasons[child])
      reasons[root].insert(reason)
    }

    // 0. Hyphens and spaces (`Multi-criteria analysis` = `Multi criteria analysis`).
    var bySpaced: [String: Int] = [:]
    for k in keys.indices {
      let spaced = Self.spaced(keys[k])
      if let first = bySpaced[spaced] { union(k, first, .hyphens) } else { bySpaced[spaced] = k }
    }

    // 1. Plurals.
    for k in keys.indices {
      var candidates: [String] = []
      for s in spellings[k] where Self.isAcronymPlural(s) {
        candidates.append(NameNormalizer.key(String(s.dropLast())))
      }
      var words = keys[k].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      if let last = words.popLast() {
        let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
        candidates += Self.singularCandidates(of: last).map { prefix + $0 }
      }
      var found: [Int] = []
      for c in candidates {
        if let j = bySpaced[Self.spaced(c)], find(j) != find(k), !found.contains(where: { find($0) == find(j) }) { found.append(j) }
      }
      if found.count == 1 {
        union(k, found[0], .plural)
      } else if found.count > 1 {
        result.diagnostics.append(
          Diagnostic(
            kind: .tagAmbiguous,
            message: "tag \(label(k)) could be the plural of \(found.map(label).joined(separator: " or ")); not folded (add 'tag-merge' to the alias file to decide)",
            at: firstAt[spellings[k][0]]!))
      }
    }

    // 2. Acronyms, against the groups left by the plural rule, each fold with evidence: an
    //    acronym is short and common (`SQL` is a database language and the initials of `soft
    //    Q-learning`), so the two tags' papers must share an author or another tag.
    var papersOfKey: [[Int]] = Array(repeating: [], count: keys.count)
    var acronymEvidenceOf: [Int: String] = [:]  // acronym key → what tied it to its long form
    for p in papers.indices {
      for tag in papers[p].tags {
        let k = keyIndex[NameNormalizer.key(tag)]!
        if papersOfKey[k].last != p { papersOfKey[k].append(p) }
      }
    }
    /// What ties the papers of `a`'s group to those of `b`'s group: a shared author or another
    /// shared tag, as the note names it; `nil` when nothing does.
    func acronymEvidence(_ a: Int, _ b: Int) -> String? {
      let ra = find(a)
      let rb = find(b)
      let papersA = members[ra].flatMap { papersOfKey[$0] }
      let papersB = Set(members[rb].flatMap { papersOfKey[$0] })
      var authorsA: [String: String] = [:]
      var tagsA: [Int: String] = [:]
      for p in papersA {
        for name in papers[p].authors { authorsA[NameNormalizer.key(name)] = authorsA[NameNormalizer.key(name)] ?? name }
        for tag in papers[p].tags {
          let r = find(keyIndex[NameNormalizer.key(tag)]!)
          if r != ra, r != rb, tagsA[r] == nil { tagsA[r] = tag }
        }
      }
      var found: [String] = []
      for p in papersB.sorted() {
        if papersA.contains(p) { return "both on '\(papers[p].title)'" }
        for name in papers[p].authors { if let n = authorsA[NameNormalizer.key(name)] { found.append("author '\(n)'") } }
        for tag in papers[p].tags {
          if let t = tagsA[find(keyIndex[NameNormalizer.key(tag)]!)] { found.append("tag '\(t)'") }
        }
        if let first = found.first { return "shared " + first }
      }
      return nil
    }
    var longForms: [String: [Int]] = [:]  // initials → keys of two or more words
    for k in keys.indices {
      let words = keys[k].split(whereSeparator: { $0 == " " || $0 == "-" })
      guard words.count >= 2 else { continue }
      var forms = [String(words.compactMap(\.first))]
      let content = words.filter { !Self.stopWords.contains(String($0)) }
      if content.count >= 2, content.count < words.count { forms.append(String(content.compactMap(\.first))) }
      for form in Set(forms) { longForms[form, default: []].append(k) }
    }
    for k in keys.indices {
      // All the letters first (`QoS`: Quality of Service); the capitals alone only when that
      // finds no long form (`CoT` by `CT` when no tag spells `c o t`).
      let letterForms = spellings[k].map(Self.acronymLetters)
      guard letterForms.contains(where: { !$0.isEmpty }) else { continue }
      var roots: [Int] = []
      var forms: [Int] = []
      for tier in 0 ..< 2 where roots.isEmpty {
        for letters in Set(letterForms.compactMap { tier < $0.count ? $0[tier] : nil }).sorted() {
          for j in longForms[letters] ?? [] where find(j) != find(k) && !roots.contains(find(j)) {
            roots.append(find(j))
            forms.append(j)
          }
        }
      }
      if roots.count == 1 {
        if let evidence = acronymEvidence(k, forms[0]) {
          union(k, forms[0], .acronym)
          acronymEvidenceOf[k] = evidence
        } else {
          result.diagnostics.append(
            Diagnostic(
              kind: .tagAmbiguous,
              message: "tag \(label(k)) could stand for \(label(forms[0])), but no author or other tag is on papers of both; not folded (add 'tag-merge' to the alias file to fold them)",
              at: firstAt[spellings[k][0]]!))
        }
      } else if roots.count > 1 {
        forms.sort()
        result.diagnostics.append(
          Diagnostic(
            kind: .tagAmbiguous,
            message: "tag \(label(k)) could stand for \(forms.map(label).joined(separator: " or ")); not folded (add 'tag-merge' to the alias file to decide)",
            at: firstAt[spellings[k][0]]!))
      }
    }

    // 3. Display names, variants, notes, and the papers rewritten.
    var display: [String: String] = [:]  // spelling → display name
    for root in keys.indices where find(root) == root {
      let all = members[root].sorted().flatMap { spellings[$0] }
      guard all.count > 1 else {
        display[all[0]] = all[0]
        continue
      }
      let ranked = all.sorted { a, b in
        let pa = preferred.contains(a)
        let pb = preferred.contains(b)
        if pa != pb { return pa }
        if paperCount[a]! != paperCount[b]! { return paperCount[a]! > paperCount[b]! }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
      }
      let name = ranked[0]
      for s in all { display[s] = name }
      result.variants[name] = Array(ranked.dropFirst())
      let location = all.filter { $0 != name }.map { firstAt[$0]! }.min { a, b in
        a.file != b.file ? a.file.utf8.lexicographicallyPrecedes(b.file.utf8) : a.line < b.line
      }!
      let listed = ranked.map { "'\($0)' (\(Self.papers(paperCount[$0]!)))" }.joined(separator: ", ")
      let why = reasons[root].sorted().map { reason -> String in
        guard reason == .acronym else { return reason.rawValue }
        let evidence = members[root].sorted().compactMap { acronymEvidenceOf[$0] }
        return evidence.isEmpty ? reason.rawValue : "acronym, " + evidence.joined(separator: "; ")
      }.joined(separator: ", ")
      result.diagnostics.append(
        Diagnostic(
          kind: .tagFolded,
          message: "tags \(listed) are one tag (\(why)); shown as '\(name)' (tag-keep in the alias file keeps tags apart)",
          at: location))
    }
    for p in papers.indices {
      var seen = Set<String>()
      papers[p].tags = papers[p].tags.compactMap { tag in
        let name = display[tag] ?? tag
        return seen.insert(name).inserted ? name : nil
      }
    }
    return result
  }

  /// A key with hyphens read as spaces.
  static func spaced(_ key: String) -> String {
    guard key.utf8.contains(UInt8(ascii: "-")) else { return key }
    return key.split(whereSeparator: { $0 == "-" || $0 == " " }).joined(separator: " ")
  }

  static func papers(_ n: Int) -> String { n == 1 ? "1 paper" : "\(n) papers" }

  /// Small words skipped when reading the initials of a long form (`Chain of Thought` → `CT`).
  static let stopWords: Set<String> = ["of", "and", "for", "the", "in", "on", "to", "a", "an", "with", "from", "by"]

  /// The singulars a last word (a key: lowercase) might be the plural of, most specific first;
  /// empty when the word is not read as a plural (see the type's documentation).
  public static func singularCandidates(of word: String) -> [String] {
    guard word.count >= 4, word.hasSuffix("s"), !invariantWords.contains(word) else { return [] }
    for ending in ["ss", "us", "is", "ics"] where word.hasSuffix(ending) { return [] }
    var out: [String] = []
    if word.hasSuffix("ies") { out.append(String(word.dropLast(3)) + "y") }
    if word.hasSuffix("es") { out.append(String(word.dropLast(2)) + "is") }
    if word.hasSuffix("ices") {
      out.append(String(word.dropLast(4)) + "ix")
      out.append(String(word.dropLast(4)) + "ex")
    }
    if word.hasSuffix("es") { out.append(String(word.dropLast(2))) }
    out.append(String(word.dropLast()))
    var seen = Set<String>()
    return out.filter { $0.count >= 2 && seen.insert($0).inserted }
  }

  /// `LLMs`, `GPUs`: capitals followed by a lowercase `s`.
  static func isAcronymPlural(_ spelling: String) -> Bool {
    guard spelling.hasSuffix("s"), spelling.count >= 3 else { return false }
    let stem = spelling.dropLast()
    return stem.count >= 2 && stem.allSatisfy { $0.isUppercase || $0.isNumber } && stem.contains { $0.isUppercase }
  }

  /// The letters an acronym spelling stands for, lowercased: all its letters, and its capitals
  /// alone when it has one lowercase letter and no digit (`CoT` → `cot`, `ct`; `A3C` → `a3c`),
  /// without a final lowercase plural `s`; empty when the spelling is not an acronym (one word of
  /// 2–8 letters or digits, at least two capitals and at most one lowercase letter: not `AutoML`).
  static func acronymLetters(_ spelling: String) -> [String] {
    var word = Substring(spelling)
    if isAcronymPlural(spelling) { word = word.dropLast() }
    guard (2 ... 8).contains(word.count), word.allSatisfy({ $0.isLetter || $0.isNumber }) else { return [] }
    let capitals = word.filter(\.isUppercase)
    let lowercase = word.filter(\.isLowercase)
    guard capitals.count >= 2, lowercase.count <= 1 else { return [] }
    let all = word.lowercased()
    let caps = capitals.lowercased()
    return all == caps || word.contains(where: \.isNumber) ? [all] : [all, caps]
  }
}
