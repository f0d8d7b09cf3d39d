import Foundation

/// Turns records from any reader into a ``Corpus``: applies the alias file, resolves each listed
/// fellow to an author of the same paper, unifies spellings of one name across papers, merges
/// duplicate entries of one paper, and reports everything it did as diagnostics.
///
/// Fellow matching tries, in order, and takes the first rule with exactly one candidate author:
/// 1. exact (after normalisation); 2. folded (case, accents and periods ignored);
/// 3. initials (`Rubi J. Hudson` ↔ `Rubi Hudson`, `R. Hudson` ↔ `Rubi Hudson`);
/// 4. longer form (`Iván Arcuschin Moreno` ↔ `Iván Arcuschin`, `Alexander Matt Turner` ↔
///    `Alexander Turner`); 5. nickname (`Kate Smith` ↔ `Katherine Smith`, bundled nickname table);
/// 6. family name first (`Wang Xiaoming` ↔ `Xiaoming Wang`); 7. surname typo (one letter, family
///    names of six letters or more: `Kowalcyk` ↔ `Kowalczyk`). For `Name (Alias)` the strict rules
///    (1–4) are tried on `Name`, on `Alias`, on the given names of `Name` with `Alias` as family name
///    (`Jessica Cooper (Rumbelow)` ↔ `Jessica Rumbelow`) and on `Alias` as given name with the
///    family name of `Name` (`Katherine (Kate) Smith` ↔ `Kate Smith`), then the loose rules (5–7)
///    on the same forms. The loose rules never take an author whom another fellow of the paper
///    names exactly, and a nickname match is refused when the paper has two authors that are
///    nicknames of one another (`Ed Smith` and `Edward Smith` are two people there). Last resort
///    (8. anglicised): one fellow left unmatched and, of the authors no fellow matched, exactly one
///    sharing the family name (`Li Wei-Ting` ↔ `David Li`). Matching is only ever
///    within one paper, which is the evidence.
public struct IdentityResolver: Sendable {
  public var aliases: AliasFile
  /// Whether tags that differ by plural or as acronym and long form are folded into one tag
  /// (``TagFolding``; default `true`). Off, tags differing only in case or accents are still one,
  /// shown as their first spelling, with no note.
  public var foldsTags: Bool
  /// Entries merge as duplicates of one paper only when this gives their sources the same
  /// value (`nil`: every entry is in one scope). `coauthor diff` resolves two snapshots together
  /// (one person, one spelling across both) but keeps each snapshot's papers apart with it.
  public var duplicateScope: (@Sendable (SourceLocation) -> Int)?
  /// Which rules decide who is who (``IdentityMode``; default ``IdentityMode/full``).
  public var identity: IdentityMode = .full

  public init(aliases: AliasFile = AliasFile(), foldsTags: Bool = true) {
    self.aliases = aliases
    self.foldsTags = foldsTags
  }

  /// Particles that make long names legitimate (`Ludwig van der Berg`).
  static let particles: Set<String> = [
    "van", "von", "de", "der", "den", "da", "del", "della", "la", "le", "di", "du", "dos", "das", "bin", "al", "el",
    "ben", "y", "e", "ter", "ten", "st", "mac", "zu",
  ]

  public func resolve(_ results: [ReadResult]) -> Corpus {
    var results = results
    return resolve(consuming: &results)
  }

  /// ``resolve(_:)``, taking the records out of `results` (left empty) so that a large input's
  /// records are freed as soon as the papers are built.
  public func resolve(consuming results: inout [ReadResult]) -> Corpus {
    var clock = LoadClock()
    var diagnostics = results.flatMap(\.diagnostics)
    var matches: [FellowMatch] = []
    var matchPaper: [Int] = []
    var usedRules = Set<Int>()
    var records = results.count == 1 ? results[0].records : results.flatMap(\.records)
    for i in results.indices { results[i].records = [] }
    let entryCount = records.count
    let kept = aliases.keptKeys
    let rules = AliasFile.Index(aliases)
    var papers: [Paper] = []
    var paperIDs: [[String?]] = []
    var merges: [IdentityMerge] = []

    // Author keys seen anywhere, for evidence about joined names.
    let allAuthorKeys = authorKeys ?? Self.authorKeys(of: records)
    clock.lap("all-author-keys set")

    // Steps 1-4 look at one record at a time: consecutive stretches of records are resolved at
    // the same time and joined in record order (see `Stretch`), so the papers and notes are
    // those of one pass.
    let stretchCount = records.count >= minimumRecordsPerThread * 2
      ? Swift.min(resolvedThreads, records.count / minimumRecordsPerThread) : 1
    let stretches = (0 ..< stretchCount).map { k in
      RecordStretch(Array(records[records.count * k / stretchCount ..< records.count * (k + 1) / stretchCount]))
    }
    records = []
    var parts = orderedParallelMap(stretchCount, threads: resolvedThreads) { k in
      resolveRecords(stretches[k].take(), kept: kept, rules: rules, allAuthorKeys: allAuthorKeys)
    }
    clock.lap("steps 1-4")
    var invertedSeen = Set<String>()
    for k in parts.indices {
      // The papers are moved, not copied (a copy retains, and the part then releases, every
      // string of a million papers).
      let stretchPapers = Self.takeAll(&parts[k].papers)
      let stretchIDs = Self.takeAll(&parts[k].paperIDs)
      let part = parts[k]
      parts[k] = ResolvedStretch()
      // A comma name is noted where it is first seen in the whole input, not in each stretch.
      var dropped = (diagnostics: Set<Int>(), merges: Set<Int>())
      for sight in part.firstSights where !invertedSeen.insert(sight.name).inserted {
        if let d = sight.diagnostic { dropped.diagnostics.insert(d) }
        if let m = sight.merge { dropped.merges.insert(m) }
      }
      for (i, d) in part.diagnostics.enumerated() where !dropped.diagnostics.contains(i) { diagnostics.append(d) }
      for (i, m) in part.merges.enumerated() where !dropped.merges.contains(i) { merges.append(m) }
      matchPaper += part.matchPaper.map { $0 + papers.count }
      matches += part.matches
      usedRules.formUnion(part.usedRules)
      Self.moveAll(stretchPapers, to: &papers)
      Self.moveAll(stretchIDs, to: &paperIDs)
    }
    clock.lap("join stretches")
    // 4b. A fellow matched by nickname, family name first or a surname typo ties the listed
    //     spelling to the author's: the same listing names both for one person. Where the listed
    //     spelling is an author of another paper (without the other spelling), it is shown as the
    //     author's spelling, with a note (occurrences with an id are left to step 5). Spellings
    //     tied to two different authors are left alone;
    //     the anglicised last resort ties nothing (it is a guess, kept to its own paper).
    let tying: Set<FellowMatch.Rule> = [.nickname, .reordered, .surnameTypo]
    var tiedTo: [String: Int?] = [:]  // listed key → index into matches, nil when it is tied to two authors
    for (i, m) in matches.enumerated() where tying.contains(m.rule) {
      let key = NameNormalizer.key(Self.splitParenthetical(m.listed).base)
      if let previous = tiedTo[key] {
        if let previous, matches[previous].author != m.author { tiedTo[key] = .some(nil) }
      } else {
        tiedTo[key] = i
      }
    }
    if !tiedTo.isEmpty, identity == .full {
      var noted = Set<String>()
      for p in papers.indices {
        let keys = papers[p].authors.map(NameNormalizer.key)
        for (a, key) in keys.enumerated() {
          // An occurrence with a persistent id is decided by its id (step 5), not by spelling.
          guard let tie = tiedTo[key], let tie, a >= paperIDs[p].count || paperIDs[p][a] == nil else { continue }
          let m = matches[tie]
          let target = NameNormalizer.key(m.author)
          guard target != key, !keys.contains(target) else { continue }
          let old = papers[p].authors[a]
          papers[p].authors[a] = m.author
          papers[p].fellows = papers[p].fellows.map { $0 == old ? m.author : $0 }
          for i in matches.indices where matchPaper[i] == p && matches[i].author == old { matches[i].author = m.author }
          guard noted.insert(old).inserted else { continue }
          merges.append(IdentityMerge(variant: old, person: m.author, reason: .fellowMatch, evidence: [m.paperTitle, m.reason]))
          diagnostics.append(
            Diagnostic(
              kind: .nameVariant,
              message: "'\(old)' shown as '\(m.author)': fellow '\(m.listed)' is author '\(m.author)' on '\(m.paperTitle)' (\(m.rule.rawValue): \(m.reason))",
              at: papers[p].source))
        }
      }
    }

    // 5. One person per id or name across the corpus, initials joined with evidence, homonyms
    //    told apart (see PersonResolver).
    let people = PersonResolver.resolve(
      authors: papers.map(\.authors), ids: paperIDs, sources: papers.map(\.source), mergesInitials: identity == .full,
      threads: resolvedThreads, minimumPerThread: minimumRecordsPerThread * 5)
    clock.lap("step 5 PersonResolver")
    diagnostics += people.diagnostics
    merges += people.merges
    for p in papers.indices {
      let old = papers[p].authors
      let new = people.authors[p]
      guard old != new else { continue }
      var renamed: [String: String] = [:]
      for (a, b) in zip(old, new) where a != b { renamed[a] = b }
      var seen = Set<String>()
      papers[p].authors = new.filter { name in
        if seen.insert(name).inserted { return true }
        diagnostics.append(
          Diagnostic(kind: .duplicateAuthor, message: "'\(name)' is listed twice on '\(papers[p].title)' (as two spellings of one person); kept once", at: papers[p].source))
        return false
      }
      var seenFellows = Set<String>()
      papers[p].fellows = papers[p].fellows.map { renamed[$0] ?? $0 }.filter { seenFellows.insert($0).inserted }
      for i in matches.indices where matchPaper[i] == p {
        matches[i].author = renamed[matches[i].author] ?? matches[i].author
      }
    }
    clock.lap("step 5 renames")
    // Tags: one per topic (case, accents, plurals, acronyms; see TagFolding), or with folding
    //    off one per key, shown as its first spelling.
    var tagVariants: [String: [String]] = [:]
    // Each paper's key among duplicate entries (id or normalised title), for tag counts and step
    // 6: made once, in stretches at the same time.
    let keyStretches = papers.count >= minimumRecordsPerThread * 2 ? resolvedThreads : 1
    let paperKeys = orderedParallelMap(keyStretches, threads: resolvedThreads) { k in
      (papers.count * k / keyStretches ..< papers.count * (k + 1) / keyStretches).map { TagFolding.paperKey(papers[$0]) }
    }.flatMap { $0 }
    if foldsTags {
      let folded = TagFolding(aliases: aliases).fold(&papers, paperKeys: paperKeys)
      diagnostics += folded.diagnostics
      usedRules.formUnion(folded.usedEntries)
      tagVariants = folded.variants
    } else {
      var tagSpelling: [String: String] = [:]
      for p in papers.indices {
        papers[p].tags = papers[p].tags.map { tag in
          let key = NameNormalizer.key(tag)
          if let canonical = tagSpelling[key] { return canonical }
          tagSpelling[key] = tag
          return tag
        }
      }
    }

    clock.lap("tags")
    // 6. Duplicate entries of one paper, merged in place: the papers kept move forward over
    //    those merged away (a second array of a million papers would add hundreds of MB).
    var keptPapers = 0
    var byTitle = NameTable(capacity: papers.count)  // key id → the kept paper's index
    var keptIndex: [Int] = []
    for p in papers.indices {
      // A source id identifies the paper; without one, the normalised title does.
      // (Paper p is still at p here: only earlier slots have been swapped.)
      var key = paperKeys[p]
      if let duplicateScope { key = "\u{0}\(duplicateScope(papers[p].source))\u{0}" + key }
      let keyID = Int(byTitle.id(of: key))
      guard keyID < keptIndex.count else {
        keptIndex.append(keptPapers)
        // Moved, not copied: the slot left behind holds a merged-away paper, dropped below.
        if keptPapers != p { papers.swapAt(keptPapers, p) }
        keptPapers += 1
        continue
      }
      let paper = papers[p]
      let i = keptIndex[keyID]
      var notes: [String] = []
      var target = papers[i]
      target.mergedSources.append(paper.source)
      let newTags = paper.tags.filter { t in !target.tags.contains { NameNormalizer.key($0) == NameNormalizer.key(t) } }
      if !newTags.isEmpty { notes.append("tags added: " + newTags.joined(separator: ", ")) }
      target.tags += newTags
      let newAuthors = paper.authors.filter { !target.authors.contains($0) }
      if !newAuthors.isEmpty { notes.append("authors added: " + newAuthors.joined(separator: ", ")) }
      target.authors += newAuthors
      let newFellows = paper.fellows.filter { !target.fellows.contains($0) }
      if !newFellows.isEmpty { notes.append("fellows added: " + newFellows.joined(separator: ", ")) }
      target.fellows += newFellows
      if target.date == nil {
        target.date = paper.date
      } else if let d = paper.date, d != target.date {
        notes.append("dates differ (\(target.date!) kept, \(d) ignored)")
      }
      if target.abstract == nil { target.abstract = paper.abstract }
      Self.mergeCitations(paper.citations, into: &target, notes: &notes)
      papers[i] = target
      diagnostics.append(
        Diagnostic(
          kind: .duplicateMerged,
          message: "'\(paper.title)' repeats the entry at \(target.source); merged" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"),
          at: paper.source))
    }

    papers.removeLast(papers.count - keptPapers)
    var merged = papers
    papers = []
    clock.lap("step 6 duplicates")

    // 7. Dates from page footers ("Recent research" on per-paper pages; see ReadResult.references).
    Self.dateFromReferences(results.flatMap(\.references), papers: &merged, diagnostics: &diagnostics)

    for (i, entry) in aliases.entries.enumerated() where !usedRules.contains(i) {
      if entry.scope == .term { continue }  // read by term extraction, not here
      if case .keep = entry.rule { continue }
      if case .keepApart = entry.rule, !foldsTags { continue }
      let what = entry.scope == .tag ? "tag" : "name"
      diagnostics.append(Diagnostic(kind: .aliasUnused, message: "alias rule matched no \(what): \(entry)", at: entry.source))
    }
    var corpus = Corpus(
      entryCount: entryCount, papers: merged, diagnostics: diagnostics, fellowMatches: matches, identityMerges: merges,
      reads: results.flatMap(\.reads), tagVariants: tagVariants)
    corpus.personIDs = people.ids
    corpus.termRules = aliases.entries.filter { $0.scope == .term }
    clock.lap("corpus")
    return corpus
  }

  /// Threads for steps 1-4 and the person blocks (0: every active processor); the corpus does
  /// not depend on it.
  public var threads: Int = 0

  /// ``authorKeys(of:)`` of the records to be resolved, when the caller has built it already
  /// (``CorpusLoader`` builds it while it sorts the records); `nil` builds it here.
  var authorKeys: NameTable?

  /// The keys (``NameNormalizer/key(_:)``) of every author of `records`: the evidence that a
  /// name is an author elsewhere (joined names, names written family name first). Only asked
  /// whether it holds a key, so it does not depend on the order of the records.
  ///
  /// - Complexity: O(*s*) table lookups for *s* author slots, one key per distinct name.
  static func authorKeys(of records: [Record]) -> NameTable {
    var keys = NameTable(capacity: records.count)
    var names = NameTable(capacity: records.count)
    for record in records {
      for name in record.authors {
        let known = names.count
        if Int(names.id(of: name)) == known { _ = keys.id(of: NameNormalizer.key(name)) }
      }
    }
    return keys
  }

  var resolvedThreads: Int { threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount }

  /// The elements of `array`, which is left empty (handed over, not copied).
  static func takeAll<T>(_ array: inout [T]) -> [T] {
    var out: [T] = []
    swap(&out, &array)
    return out
  }

  /// Appends the elements of `source` to `target` by moving them: when `target` is empty it
  /// takes `source`'s storage; else each element is moved out of `source` (popped from the end,
  /// after reversing it in place), so nothing is retained or released.
  static func moveAll<T>(_ source: consuming [T], to target: inout [T]) {
    var source = source
    if target.isEmpty {
      swap(&target, &source)
      return
    }
    source.reverse()
    while let element = source.popLast() { target.append(element) }
  }

  /// Below this many records identities are resolved on one thread.
  var minimumRecordsPerThread = 20_000

  /// Records of one stretch, handed to the thread that resolves them (which lets each go once
  /// its paper is made).
  final class RecordStretch: @unchecked Sendable {
    private var records: [Record]
    init(_ records: [Record]) { self.records = records }
    /// The records, left with the caller (called once, by one thread).
    func take() -> [Record] {
      defer { records = [] }
      return records
    }
  }

  /// What steps 1-4 give for a stretch of records: papers (numbered from 0 in the stretch) and
  /// notes in record order, and where each comma name was first seen in the stretch.
  struct ResolvedStretch {
    var diagnostics: [Diagnostic] = []
    var matches: [FellowMatch] = []
    var matchPaper: [Int] = []
    var usedRules = Set<Int>()
    var papers: [Paper] = []
    var paperIDs: [[String?]] = []
    var merges: [IdentityMerge] = []
    /// A comma name's first sight: the note and merge it gave (indices into the arrays above).
    var firstSights: [(name: String, diagnostic: Int?, merge: Int?)] = []
  }

  /// Steps 1-4 (aliases, names written family name first, repeated authors, names that look
  /// like two people, fellows) on `records`, in order.
  func resolveRecords(_ records: consuming [Record], kept: Set<String>, rules: AliasFile.Index, allAuthorKeys: NameTable)
    -> ResolvedStretch
  {
    var records = records
    var diagnostics: [Diagnostic] = []
    var matches: [FellowMatch] = []
    var matchPaper: [Int] = []
    var usedRules = Set<Int>()
    var papers: [Paper] = []
    var paperIDs: [[String?]] = []
    var merges: [IdentityMerge] = []
    var invertedSeen: [String: String] = [:]
    var firstSights: [(name: String, diagnostic: Int?, merge: Int?)] = []
    // Names and tags recur on many records: each distinct string is keyed (and a tag
    // normalised) once, and keys are compared as numbers.
    var keys = NameTable()
    var names = NameTable()
    var nameKey: [Int32] = []  // by name id: the id of NameNormalizer.key(name) in `keys`
    func keyID(ofName name: String) -> Int32 {
      let id = names.id(of: name)
      if Int(id) == nameKey.count { nameKey.append(keys.id(of: NameNormalizer.key(name))) }
      return nameKey[Int(id)]
    }
    var tagTable = NameTable()
    var tagForm: [(normalized: String, key: Int32)] = []  // by tag id
    var seen: [Int32] = []  // keys of one record's names or tags, reused record after record
    /// The tags normalised, each key once: `tags` itself (not a copy) when that changes nothing,
    /// as for most records of a large table (the reader normalises its cells).
    func distinctTags(_ tags: [String]) -> [String] {
      seen.removeAll(keepingCapacity: true)
      var out: [String]? = nil  // made at the first tag dropped or respelled
      for (i, tag) in tags.enumerated() {
        let id = tagTable.id(of: tag)
        if Int(id) == tagForm.count {
          let normalized = NameNormalizer.normalize(tag)
          tagForm.append((normalized, keys.id(of: NameNormalizer.key(normalized))))
        }
        let (normalized, key) = tagForm[Int(id)]
        if normalized.isEmpty || seen.contains(key) {
          if out == nil { out = Array(tags[..<i]) }
          continue
        }
        seen.append(key)
        // Byte for byte: `==` would take a canonically equivalent spelling for the normal form.
        if out == nil, !normalized.utf8.elementsEqual(tag.utf8) { out = Array(tags[..<i]) }
        out?.append(normalized)
      }
      return out ?? tags
    }

    func applied(_ rule: Int, _ what: String, at location: SourceLocation) {
      usedRules.insert(rule)
      let entry = aliases.entries[rule]
      diagnostics.append(
        Diagnostic(kind: .aliasApplied, message: "\(entry) (rule at line \(entry.source.line)) \(what)", at: location))
    }

    // Each record is let go once its paper is made (a million records take hundreds of MB).
    records.reverse()
    while let record = records.popLast() {
      let authorsAt = SourceLocation(file: record.source.file, line: record.authorsLine ?? record.source.line)
      let fellowsAt = SourceLocation(file: record.source.file, line: record.fellowsLine ?? record.source.line)
      // 1. Aliases, then names written family name first. Most records of a large table have
      //    neither (no alias rule for people, no comma): their list is kept, not rebuilt, and
      //    their ids are `[]` when they have none (as good as a `nil` per author for step 5).
      var authors: [String] = []
      var ids: [String?] = []
      let rewritesAuthors = rules.hasPersonRules || record.authors.contains { $0.utf8.contains(UInt8(ascii: ",")) }
      if !rewritesAuthors {
        authors = record.authors
        if record.authorIDs.contains(where: { $0.map { !$0.isEmpty } ?? false }) {
          ids = record.authors.indices.map { k in
            k < record.authorIDs.count ? record.authorIDs[k].flatMap { $0.isEmpty ? nil : $0 } : nil
          }
        }
      }
      for (k, name) in record.authors.enumerated() where rewritesAuthors {
        let id = k < record.authorIDs.count ? record.authorIDs[k].flatMap { $0.isEmpty ? nil : $0 } : nil
        if let (names, rule) = rules.apply(to: name, scope: .person) {
          applied(rule, "in '\(record.title)'", at: authorsAt)
          authors.append(contentsOf: names.map(NameNormalizer.normalize))
          ids += names.count == 1 ? [id] : Array(repeating: nil, count: names.count)
          continue
        }
        ids.append(id)
        guard name.utf8.contains(UInt8(ascii: ",")) else {
          authors.append(name)
          continue
        }
        if let natural = invertedSeen[name] {
          authors.append(natural)
          continue
        }
        var natural = name
        let sight = (diagnostic: diagnostics.count, merge: merges.count)
        switch InvertedName.read(NameNormalizer.normalize(name)) {
        case .none: break
        case .inverted(let form):
          natural = form
          diagnostics.append(Diagnostic(kind: .nameVariant, message: "'\(name)' written as '\(form)' (family name first)", at: authorsAt))
        case .ambiguous(let form):
          if allAuthorKeys.find(NameNormalizer.key(form)) != nil {
            natural = form
            diagnostics.append(
              Diagnostic(
                kind: .nameVariant, message: "'\(name)' written as '\(form)' (family name first; '\(form)' is an author elsewhere)",
                at: authorsAt))
          } else if !kept.contains(NameNormalizer.key(name)) {
            let halves = name.split(separator: ",").map { NameNormalizer.normalize(String($0)) }
            diagnostics.append(
              Diagnostic(
                kind: .suspectedJoinedNames,
                message: "'\(name)' holds a comma: two names ('\(halves[0])' and '\(halves[1])') or one written family name first ('\(form)')? Add 'split' or 'rename' to the alias file to decide. (on '\(record.title)')",
                at: authorsAt))
          }
        }
        if natural != name { merges.append(IdentityMerge(variant: name, person: natural, reason: .inverted)) }
        invertedSeen[name] = natural
        firstSights.append(
          (name, diagnostics.count > sight.diagnostic ? sight.diagnostic : nil, merges.count > sight.merge ? sight.merge : nil))
        authors.append(natural)
      }
      var listedFellows: [(listed: String, name: String, viaAlias: Bool)] = []
      for name in record.fellows {
        if let (names, rule) = rules.apply(to: name, scope: .person) {
          applied(rule, "for fellow in '\(record.title)'", at: fellowsAt)
          listedFellows += names.map { (name, NameNormalizer.normalize($0), true) }
        } else if name.utf8.contains(UInt8(ascii: ",")), case .inverted(let natural) = InvertedName.read(NameNormalizer.normalize(name)) {
          listedFellows.append((name, natural, false))
        } else {
          listedFellows.append((name, name, false))
        }
      }
      var tags: [String] = rules.hasTagRules ? [] : record.tags
      for tag in record.tags where rules.hasTagRules {
        if let (names, rule) = rules.apply(to: tag, scope: .tag) {
          applied(rule, "in '\(record.title)'", at: record.source)
          tags += names
        } else {
          tags.append(tag)
        }
      }
      // 2. Repeated authors (looked for first: most records have none, and keep their list).
      seen.removeAll(keepingCapacity: true)
      var repeated = false
      for name in authors {
        let key = keyID(ofName: name)
        if seen.contains(key) {
          repeated = true
          break
        }
        seen.append(key)
      }
      if repeated && ids.count < authors.count { ids += Array(repeating: nil, count: authors.count - ids.count) }
      seen.removeAll(keepingCapacity: true)
      if repeated {
        var keptIDs: [String?] = []
        authors = zip(authors, ids).compactMap { name, id in
          let key = keyID(ofName: name)
          if !seen.contains(key) {
            seen.append(key)
            keptIDs.append(id)
            return name
          }
          diagnostics.append(Diagnostic(kind: .duplicateAuthor, message: "'\(name)' is listed twice on '\(record.title)'; kept once", at: authorsAt))
          return nil
        }
        ids = keptIDs
      }
      if authors.isEmpty {
        diagnostics.append(Diagnostic(kind: .noAuthors, message: "'\(record.title)' lists no authors", at: authorsAt))
      }
      // 3. Names that look like two people.
      for name in authors {
        if let message = Self.joinedNameSuspicion(name, isKnown: { allAuthorKeys.find($0) != nil }), !kept.contains(NameNormalizer.key(name)) {
          diagnostics.append(Diagnostic(kind: .suspectedJoinedNames, message: message + " (on '\(record.title)')", at: authorsAt))
        }
      }
      // 4. Fellows.
      var fellows: [String] = []
      for ((listed, name, viaAlias), found) in zip(listedFellows, Self.matchFellows(listedFellows.map(\.name), among: authors)) {
        var match = found
        if identity == .key, !viaAlias, match != .none {
          // `--identity key`: the same name or the same key only.
          if case .matched(_, let rule, _) = match, rule == .exact || rule == .folded {} else { match = .none }
        }
        switch match {
        case .matched(let index, var rule, let reason):
          if viaAlias { rule = .alias }
          let author = authors[index]
          let why = viaAlias ? "the alias file maps '\(listed)' to '\(name)'; " + reason : reason
          matches.append(
            FellowMatch(listed: listed, author: author, rule: rule, reason: why, paperTitle: record.title, source: fellowsAt))
          matchPaper.append(papers.count)
          if rule != .exact {
            diagnostics.append(
              Diagnostic(kind: .fellowMatched, message: "fellow '\(listed)' matched to author '\(author)': \(why) (on '\(record.title)')", at: fellowsAt))
          }
          if !fellows.contains(author) { fellows.append(author) }
        case .ambiguous(let candidates):
          diagnostics.append(
            Diagnostic(
              kind: .fellowUnmatched,
              message: "fellow '\(listed)' could be any of \(candidates.map { "'\(authors[$0])'" }.joined(separator: ", ")) on '\(record.title)'; added as a separate author (add an alias rule to decide)",
              at: fellowsAt))
          let base = Self.splitParenthetical(name).base
          authors.append(base)
          ids.append(nil)
          fellows.append(base)
        case .none:
          let base = Self.splitParenthetical(name).base
          diagnostics.append(
            Diagnostic(
              kind: .fellowUnmatched,
              message: "fellow '\(listed)' is not among the authors of '\(record.title)'; added as an author", at: fellowsAt))
          if !authors.contains(where: { NameNormalizer.key($0) == NameNormalizer.key(base) }) {
            authors.append(base)
            ids.append(nil)
          }
          if !fellows.contains(base) { fellows.append(base) }
        }
      }
      papers.append(
        Paper(
          title: record.title, authors: authors, fellows: fellows, date: record.date,
          tags: distinctTags(tags), abstract: record.abstract, source: record.source, id: record.id,
          citations: record.citations))
      paperIDs.append(ids)
    }

    return ResolvedStretch(
      diagnostics: diagnostics, matches: matches, matchPaper: matchPaper, usedRules: usedRules, papers: papers,
      paperIDs: paperIDs, merges: merges, firstSights: firstSights)
  }

  // MARK: Citations and footer dates (steps 6 and 7)

  /// Merging two entries of one paper keeps the larger citation count (counts only grow, so the
  /// larger is the later reading) and notes a difference.
  static func mergeCitations(_ count: Int?, into target: inout Paper, notes: inout [String]) {
    guard let count else { return }
    guard let kept = target.citations else {
      target.citations = count
      return
    }
    if count != kept {
      target.citations = max(count, kept)
      notes.append("citation counts differ (\(max(count, kept)) kept, \(min(count, kept)) ignored)")
    }
  }

  /// Dates undated papers from the first dated reference (a footer entry) with the same
  /// normalised title, in the order given (canonical when read by ``CorpusLoader``). A paper
  /// with its own date keeps it; a reference that disagrees is noted.
  static func dateFromReferences(_ references: [Record], papers: inout [Paper], diagnostics: inout [Diagnostic]) {
    guard !references.isEmpty else { return }
    var dated: [String: Record] = [:]
    for reference in references where reference.date != nil {
      let key = NameNormalizer.titleKey(reference.title)
      if dated[key] == nil { dated[key] = reference }
    }
    for p in papers.indices {
      guard let reference = dated[NameNormalizer.titleKey(papers[p].title)], let date = reference.date else { continue }
      if papers[p].date == nil {
        papers[p].date = date
      } else if papers[p].date != date {
        diagnostics.append(
          Diagnostic(
            kind: .note,
            message: "'\(papers[p].title)' is dated \(papers[p].date!) but \(date) where a page footer lists it (\(reference.source)); \(papers[p].date!) kept",
            at: papers[p].source))
      }
    }
  }

  static func distinctTags(_ tags: [String]) -> [String] {
    var seen = Set<String>()
    return tags.map(NameNormalizer.normalize).filter { !$0.isEmpty && seen.insert(NameNormalizer.key($0)).inserted }
  }

  // MARK: Fellow matching

  enum Match: Equatable {
    case matched(index: Int, rule: FellowMatch.Rule, reason: String)
    case ambiguous([Int])
    case none
  }

  static func splitParenthetical(_ name: String) -> (base: String, alias: String?) {
    guard let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return (name, nil) }
    let base = NameNormalizer.normalize(String(name[..<open]) + String(name[name.index(after: close)...]))
    let alias = NameNormalizer.normalize(String(name[name.index(after: open) ..< close]))
    return (base.isEmpty ? alias : base, alias.isEmpty ? nil : alias)
  }

  /// Matches every listed fellow of one paper (in order): ``matchFellow(_:among:excluding:)`` for
  /// each, each fellow's looser rules leaving alone the authors another fellow names exactly; then
  /// the anglicised last resort (``lastResort(_:fellows:authors:)``).
  static func matchFellows(_ fellows: [String], among authors: [String]) -> [Match] {
    if fellows.isEmpty { return [] }  // most records of large inputs
    let fellowKeys = fellows.map { NameNormalizer.key(splitParenthetical($0).base) }
    let authorKeys = authors.map(NameNormalizer.key)
    var results = fellows.indices.map { f in
      // Authors that another fellow of this paper names exactly are that fellow.
      let claimed = Set(authors.indices.filter { a in fellowKeys.indices.contains { $0 != f && fellowKeys[$0] == authorKeys[a] } })
      return matchFellow(fellows[f], among: authors, excluding: claimed)
    }
    lastResort(&results, fellows: fellows, authors: authors)
    return results
  }

  /// The anglicised-name rule, tried last: when exactly one fellow is unmatched and no fellow is
  /// ambiguous, and among the authors of the paper that no fellow matched exactly one has the
  /// fellow's family name (the first or last token of either name, since either may be written
  /// family name first), that author is the fellow: `David Li` ↔ `Li Wei-Ting`, also beside
  /// mentors and other non-fellow authors. Two such authors, no such author, or two given names that
  /// are both English names of the nickname table (`Edward` / `Edmund`), and nothing is matched.
  static func lastResort(_ results: inout [Match], fellows: [String], authors: [String]) {
    let unmatched = results.indices.filter { results[$0] == .none }
    guard unmatched.count == 1, !results.contains(where: { if case .ambiguous = $0 { true } else { false } }) else { return }
    var taken = Set<Int>()
    for case .matched(let index, _, _) in results { taken.insert(index) }
    let fellow = splitParenthetical(fellows[unmatched[0]]).base
    let f = keyTokens(fellow)
    guard f.count >= 2 else { return }
    // (author index, the author's family-name token index, the fellow's given name, the author's given name)
    var candidates: [(index: Int, family: Int, fellowGiven: String, authorGiven: String)] = []
    for i in authors.indices where !taken.contains(i) {
      let a = keyTokens(authors[i])
      guard a.count >= 2 else { continue }
      var hit: (Int, String, String)?
      // Family name last in both, or first in one and last in the other (both family name first
      // would compare two given names when both are written given name first: `Wei Li` / `Wei Lu`).
      for (ai, fi) in [(a.count - 1, f.count - 1), (a.count - 1, 0), (0, f.count - 1)] where a[ai] == f[fi] {
        hit = (ai, fi == 0 ? f[f.count - 1] : f[0], ai == 0 ? a[a.count - 1] : a[0])
        break
      }
      if let (ai, fg, ag) = hit { candidates.append((i, ai, fg, ag)) }
    }
    guard candidates.count == 1, let c = candidates.first else { return }
    // An anglicised name is an English given name taken for a non-English one; two different
    // English given names (`Edward Carter` / `Edmund Carter`: both in the nickname table) are two
    // people.
    guard !(NicknameTable.partners[c.fellowGiven] != nil && NicknameTable.partners[c.authorGiven] != nil) else { return }
    results[unmatched[0]] = .matched(
      index: c.index, rule: .anglicised,
      reason: "the only author left unmatched with the same surname '\(displayToken(authors[c.index], c.family))'; given names differ (anglicised name?)")
  }

  static func matchFellow(_ name: String, among authors: [String], excluding claimed: Set<Int> = []) -> Match {
    let (base, alias) = splitParenthetical(name)
    if alias == nil { return matchPlain(name, among: authors, excluding: claimed) }
    var forms: [(String, String)] = [(base, "the name before the parentheses")]
    if let alias {
      forms.append((alias, "the name in parentheses"))
      let aliasTokens = NameNormalizer.tokens(alias)
      let baseTokens = NameNormalizer.tokens(base)
      if aliasTokens.count == 1, baseTokens.count >= 2 {
        forms.append(((baseTokens.dropLast() + aliasTokens).joined(separator: " "), "the given name with the family name in parentheses"))
        forms.append(((aliasTokens + baseTokens.dropFirst()).joined(separator: " "), "the name in parentheses as given name"))
      }
    }
    for strict in [true, false] {
      for (form, what) in forms {
        switch matchPlain(form, among: authors, excluding: claimed, strict: strict, loose: !strict) {
        case .matched(let index, let rule, let reason):
          return .matched(
            index: index, rule: .parenthetical,
            reason: "listed as '\(name)': \(what), '\(form)', matches (\(rule.rawValue): \(reason))")
        case .ambiguous(let c): return .ambiguous(c)
        case .none: continue
        }
      }
    }
    return .none
  }

  /// Tries the rules in order, strictest first; the first rule that holds for exactly one author
  /// matches, one that holds for several is ambiguous. `strict` are exact, folded, initials and
  /// longer form; `loose` are nickname, family name first and surname typo, which skip the
  /// `claimed` authors.
  static func matchPlain(
    _ name: String, among authors: [String], excluding claimed: Set<Int> = [], strict: Bool = true, loose: Bool = true
  ) -> Match {
    let normalized = NameNormalizer.normalize(name)
    let key = NameNormalizer.key(name)
    let tokens = key.split(separator: " ").map(String.init)
    typealias Rule = (FellowMatch.Rule, String, (String) -> Bool)
    if strict {
      let rules: [Rule] = [
        (.exact, "same name", { $0 == normalized }),
        (.folded, "same name ignoring case, accents and periods", { NameNormalizer.key($0) == key }),
        (.initials, "same family name and compatible given names and initials", { initialsCompatible(tokens, keyTokens($0)) }),
        (.longerForm, "one name is the other with extra given, middle or family names", { longerForm(tokens, keyTokens($0)) }),
      ]
      for (rule, reason, test) in rules {
        let hits = authors.indices.filter { test(authors[$0]) }
        if hits.count == 1 { return .matched(index: hits[0], rule: rule, reason: reason) }
        if hits.count > 1 { return .ambiguous(hits) }
      }
    }
    guard loose, tokens.count >= 2 else { return .none }
    let open = authors.indices.filter { !claimed.contains($0) }
    let authorTokens = authors.map(keyTokens)

    // 5. Nickname.
    let nicknameHits = open.filter { nicknameVariant(tokens, authorTokens[$0]) }
    if nicknameHits.count > 1 { return .ambiguous(nicknameHits) }
    if let hit = nicknameHits.first {
      // Two authors of the paper that are nicknames of one another are two people (`Ed Smith`,
      // `Edward Smith`): the fellow could be either.
      let b = authorTokens[hit]
      let rivals = open.filter { d in
        d != hit && authorTokens[d].count >= 2 && authorTokens[d].last == b.last
          && (authorTokens[d][0] == tokens[0] || NicknameTable.arePaired(authorTokens[d][0], b[0]))
      }
      if !rivals.isEmpty { return .ambiguous([hit] + rivals) }
      let (fellowGiven, authorGiven) = (displayToken(name, 0), displayToken(authors[hit], 0))
      let reason = NicknameTable.isNickname(tokens[0], of: b[0])
        ? "'\(fellowGiven)' is a nickname of '\(authorGiven)' (nickname table)"
        : "'\(authorGiven)' is a nickname of '\(fellowGiven)' (nickname table)"
      return .matched(index: hit, rule: .nickname, reason: reason)
    }

    // 6. Family name first.
    let reorderedHits = open.filter { reordered(tokens, authorTokens[$0]) }
    if reorderedHits.count > 1 { return .ambiguous(reorderedHits) }
    if let hit = reorderedHits.first {
      return .matched(index: hit, rule: .reordered, reason: tokens.count == 2 ? "same names in the other order" : "same names with the family name moved to the other end")
    }

    // 7. One-letter typo in a long family name.
    let typoHits = open.filter { surnameTypo(tokens, authorTokens[$0]) }
    if typoHits.count > 1 { return .ambiguous(typoHits) }
    if let hit = typoHits.first {
      let listedFamily = displayToken(name, tokens.count - 1)
      let authorFamily = displayToken(authors[hit], authorTokens[hit].count - 1)
      return .matched(index: hit, rule: .surnameTypo, reason: "surnames differ by one letter: '\(listedFamily)' / '\(authorFamily)'")
    }
    return .none
  }

  /// Token `i` of `name` as written, when the written tokens line up with the key tokens (they do
  /// unless periods split a token, `J.R.`), else the key token.
  static func displayToken(_ name: String, _ i: Int) -> String {
    let written = NameNormalizer.tokens(name).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    let keys = keyTokens(name)
    return written.count == keys.count && i < written.count ? written[i] : keys[i]
  }

  /// Same family name, first given names a nickname and its full name in ``NicknameTable``, the
  /// rest of the given names the same or compatible initials (`Kate Smith` ↔ `Katherine J. Smith`).
  static func nicknameVariant(_ a: [String], _ b: [String]) -> Bool {
    guard a.count >= 2, b.count >= 2, a.last == b.last, NicknameTable.arePaired(a[0], b[0]) else { return false }
    var c = a
    c[0] = b[0]
    return c == b || initialsCompatible(c, b)
  }

  /// One name is the other with the family name moved to the front (`wang xiaoming` ↔
  /// `xiaoming wang`, `chong kwan un` ↔ `kwan un chong`), hyphens ignored (`chen jia-hui` ↔
  /// `jiahui chen`). The moved name must be more than an initial: `c k chan` ↔ `k c chan` is
  /// not a family name written first.
  static func reordered(_ a: [String], _ b: [String]) -> Bool {
    guard a.count >= 2, a.count == b.count else { return false }
    let x = a.map { $0.filter { $0 != "-" } }
    let y = b.map { $0.filter { $0 != "-" } }
    guard x != y else { return false }
    if x.last!.count > 1, [x.last!] + Array(x.dropLast()) == y { return true }
    if y.last!.count > 1, [y.last!] + Array(y.dropLast()) == x { return true }
    return false
  }

  /// Family names one letter apart (Levenshtein distance 1), both of six letters or more, and the
  /// same or compatible given names (`Anna Kowalczyk` ↔ `Anna Kowalcyk`, `A. Kowalcyk`).
  ///
  /// Why six: short family names one letter apart are usually different families that are common
  /// enough to meet on one paper (`Li`/`Lu`/`Liu`, `Wang`/`Wan`, `Chen`/`Chan`, `Kim`/`Lim`,
  /// `Park`/`Parr`), so a one-letter difference there is no evidence of a typo; from six letters
  /// (`Kowalczyk`, `Schindler`) two real family names one letter apart are rare, and on one paper
  /// with the same given names a typo is by far the likelier explanation.
  static func surnameTypo(_ a: [String], _ b: [String]) -> Bool {
    guard a.count >= 2, b.count >= 2, let fa = a.last, let fb = b.last, fa != fb,
      fa.count >= 6, fb.count >= 6,
      NameVariantFinder.editDistance(Array(fa.unicodeScalars), Array(fb.unicodeScalars), limit: 1) == 1
    else { return false }
    let given = Array(a.dropLast()) + [fb]
    return given == b || initialsCompatible(given, b)
  }

  static func keyTokens(_ name: String) -> [String] { NameNormalizer.key(name).split(separator: " ").map(String.init) }

  /// Same last token; given names agree where both are full and an initial agrees with a full name;
  /// middle initials present on one side only are ignored.
  static func initialsCompatible(_ a: [String], _ b: [String]) -> Bool {
    guard a.count >= 2, b.count >= 2, a.last == b.last, a != b else { return false }
    let ga = Array(a.dropLast())
    let gb = Array(b.dropLast())
    // First given name must agree (fully, or as an initial).
    guard compatible(ga[0], gb[0]) else { return false }
    let ra = ga.dropFirst().filter { $0.count > 1 }
    let rb = gb.dropFirst().filter { $0.count > 1 }
    // Full middle names must be the same; only initials may differ or be missing.
    return ra == rb
  }

  static func compatible(_ x: String, _ y: String) -> Bool {
    if x == y { return true }
    if x.count == 1 { return y.hasPrefix(x) }
    if y.count == 1 { return x.hasPrefix(y) }
    return false
  }

  /// The shorter name's tokens are a prefix of the longer's (at least two tokens), or the shorter
  /// is `given family` and the longer starts with `given` and ends with `family`.
  static func longerForm(_ a: [String], _ b: [String]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard short.count >= 2, long.count > short.count else { return false }
    if Array(long.prefix(short.count)) == short { return true }
    return short.count == 2 && long.first == short.first && long.last == short.last
  }

  // MARK: Joined names

  /// A message when `name` looks like two names joined by a missing comma, else `nil`.
  static func joinedNameSuspicion(_ name: String, knownKeys: Set<String>) -> String? {
    joinedNameSuspicion(name, isKnown: knownKeys.contains)
  }

  /// ``joinedNameSuspicion(_:knownKeys:)`` with the known keys asked through `isKnown`.
  static func joinedNameSuspicion(_ name: String, isKnown: (String) -> Bool) -> String? {
    // Cheap test first (most names have fewer than four words): at least three spaces.
    var spaces = 0
    for b in name.utf8 where b == 0x20 || b >= 0x80 {
      spaces += 1
      if spaces == 3 { break }
    }
    if spaces < 3 { return nil }
    let tokens = NameNormalizer.tokens(name)
    guard tokens.count >= 4 else { return nil }
    for t in tokens {
      guard let first = t.first, first.isUppercase, t.count >= 2, !NameNormalizer.isInitial(t),
        !particles.contains(t.lowercased()), t.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" })
      else { return nil }
    }
    var splits: [(String, String)] = []
    for cut in 2 ... (tokens.count - 2) {
      splits.append((tokens[..<cut].joined(separator: " "), tokens[cut...].joined(separator: " ")))
    }
    let known = splits.filter { isKnown(NameNormalizer.key($0.0)) || isKnown(NameNormalizer.key($0.1)) }
    let best = known.first ?? splits[splits.count / 2 - (splits.count % 2 == 0 ? 1 : 0)]
    var message = "'\(name)' looks like two names joined by a missing comma: '\(best.0)' and '\(best.1)'?"
    if !known.isEmpty { message += " ('\(isKnown(NameNormalizer.key(best.0)) ? best.0 : best.1)' appears as an author elsewhere)" }
    message += " Add 'split' or 'keep' to the alias file to decide."
    return message
  }
}
