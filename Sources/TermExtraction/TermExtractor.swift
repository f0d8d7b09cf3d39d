#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Extracts the terms of titles and abstracts and how often they co-occur: VOSviewer-style text
/// mining (van Eck & Waltman 2011), without a part-of-speech tagger.
///
/// 1. **Words** (``TermScanner``): LaTeX removed, text cut at punctuation, numbers, one-letter
///    tokens and non-Latin words; each word lower-cased (kept as written in labels when it has two
///    capitals or more: `LLMs`, `GPT-4`) and folded to its singular (``PluralFolding``).
/// 2. **Verbs** (in place of VOSviewer's part-of-speech tagger): a word seen at least 3 times is
///    a verb, and cut like a stop word, when at least 30 % of its uses (50 % for `-ing` words,
///    often nouns: `learning`, `clustering`) come right after a verb cue (`we`, `to`, `can`,
///    `will`, … ``StopWords/verbCues``) or right before a determiner (`the`, `a`, `their`, …
///    ``StopWords/determiners``): `we propose`, `to handle`, `choose the`, `plays a`.
/// 3. **Candidate terms**: every run of one to three consecutive words, none of them a stop word
///    (``StopWords/english``, ``StopWords/reporting``, ``StopWords/otherLanguages``, adverbs in
///    `-ly`) or a verb, ending like a noun phrase (``StopWords/canEndTerm(_:)``), not made only of
///    generic nouns (``StopWords/genericNouns``), after the thesaurus (`term-merge`,
///    `term-drop`). A term counts once per paper (binary counting, VOSviewer's default).
/// 4. **Minimum occurrences**: candidates in at least *m* papers (``TermSettings/minimum(papers:)``).
/// 5. **Relevance** (van Eck & Waltman 2011, §3; van Eck et al. 2010): with *c*ᵢⱼ the papers
///    holding candidates *i* and *j* (in each paper, a term inside another term of that paper,
///    such as `language` in `language model`, is left out of the co-occurrences),
///    *s*ᵢ = Σⱼ *c*ᵢⱼ and *T* = Σᵢ *s*ᵢ, the relevance of *i* is the Kullback–Leibler divergence of
///    its co-occurrence distribution from the overall one,
///    *r*ᵢ = Σⱼ (*c*ᵢⱼ / *s*ᵢ) ln(*c*ᵢⱼ *T* / (*s*ᵢ *s*ⱼ)) (nats; 0 without co-occurrences).
///    General terms co-occur with everything in proportion (*r* near 0); specific ones with a
///    few terms (*r* large). The most relevant ⌈share · *K*⌉ of the *K* candidates are kept
///    (ties: more occurrences, then more words, then key).
/// 6. **Nested terms**: of those, a term is dropped when a longer kept term containing it occurs
///    in at least 75 % of its papers (`sparse` when nearly always `sparse autoencoder`), the
///    "closed term" idea of C-value (Frantzi, Ananiadou & Mima 2000).
/// 7. **Labels**: each term's most frequent surface form (ties by byte order).
///
/// Deterministic: no output depends on dictionary order; sums are taken in key order.
///
/// - Complexity: O(*W*) to scan *W* words, O(Σ *k*ₚ²) for the co-occurrences of *k*ₚ candidates
///   per paper; O(*W* + distinct candidates + pairs) space.
///
/// ## References
/// - N. J. van Eck, L. Waltman. "Text mining and visualization using VOSviewer." *ISSI
///   Newsletter* 7(3):50–54, 2011. arXiv:[1109.2058](https://arxiv.org/abs/1109.2058)
/// - N. J. van Eck, L. Waltman, E. C. M. Noyons, R. K. Buter. "Automatic term identification for
///   bibliometric mapping." *Scientometrics* 82(3):581–596, 2010.
///   doi:[10.1007/s11192-010-0173-0](https://doi.org/10.1007/s11192-010-0173-0)
/// - N. J. van Eck, L. Waltman. *VOSviewer Manual* (version 1.6.20), §5.5 "Creating a map based on
///   text data", 2023.
/// - K. Frantzi, S. Ananiadou, H. Mima. "Automatic recognition of multi-word terms: the C-value/
///   NC-value method." *Int. J. Digital Libraries* 3(2):115–130, 2000.
///   doi:[10.1007/s007999900023](https://doi.org/10.1007/s007999900023)
public struct TermExtractor: Sendable {
  public var settings: TermSettings

  public init(settings: TermSettings = TermSettings()) { self.settings = settings }

  /// A word seen at least this often is a verb when at least ``verbShare`` of its uses (for
  /// `-ing` words ``verbShareOfGerunds``) follow a verb cue or precede a determiner.
  static let verbMinimumCount = 3
  static let verbShare = 0.3
  static let verbShareOfGerunds = 0.5

  /// Word ids are packed three to a key, 21 bits each (ids from 1); more distinct words than
  /// this cut runs (never reached by 1M abstracts of English).
  static let maxWords = (1 << 21) - 1
  /// Keys of thesaurus names that are not a run of words have this bit set.
  static let syntheticBit: UInt64 = 1 << 63

  /// Words seen, interned.
  struct Vocabulary {
    var surfaceIndex: [String: Int32] = [:]
    /// Per surface form: the word id (≥ 1), or 0 for a cut (stop word, too many words).
    var surfaceWord: [Int32] = []
    var surfaceDisplay: [String] = []
    /// Per surface form: a verb cue (`we`, `to`, `can`), a determiner (`the`, `a`, `their`).
    var cue: [Bool] = []
    var determiner: [Bool] = []
    var wordIndex: [String: Int32] = ["": 0]
    var words: [String] = [""]
    var generic: [Bool] = [true]
    /// Whether each word may end a term (``StopWords/canEndTerm(_:)``).
    var canEnd: [Bool] = [false]
    /// Whether each word may be a one-word term (``StopWords/canStandAlone(_:)``).
    var alone: [Bool] = [false]
    /// Whether each word may start a term (``StopWords/canStartTerm(_:)``).
    var canStart: [Bool] = [false]
    /// Whether each word is used as a verb in the corpus (set after scanning).
    var verb: [Bool] = [false]

    mutating func surface(_ written: String) -> Int32 {
      if let id = surfaceIndex[written] { return id }
      let id = Int32(surfaceWord.count)
      surfaceIndex[written] = id
      var capitals = 0
      for u in written.utf8 where u >= 65 && u <= 90 { capitals += 1 }
      let allASCII = written.utf8.allSatisfy { $0 < 128 }
      let lower = allASCII ? String(decoding: written.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self) : written.lowercased()
      if !allASCII { for ch in written.unicodeScalars where ch.properties.isUppercase { capitals += 1 } }
      surfaceDisplay.append(capitals >= 2 ? written : lower)
      let key = SpellingFolding.american(PluralFolding.singular(lower))
      cue.append(StopWords.verbCues.contains(lower))
      determiner.append(StopWords.determiners.contains(lower))
      if StopWords.english.contains(lower) || StopWords.english.contains(key) || StopWords.reporting.contains(lower)
        || StopWords.reporting.contains(key) || StopWords.otherLanguages.contains(lower) || Self.isAdverb(lower)
      {
        surfaceWord.append(0)
        return id
      }
      if let w = wordIndex[key] {
        surfaceWord.append(w)
      } else if words.count <= TermExtractor.maxWords {
        let w = Int32(words.count)
        wordIndex[key] = w
        words.append(key)
        generic.append(StopWords.genericNouns.contains(key))
        canEnd.append(StopWords.canEndTerm(key))
        alone.append(StopWords.canStandAlone(key))
        canStart.append(StopWords.canStartTerm(key))
        verb.append(false)
        surfaceWord.append(w)
      } else {
        surfaceWord.append(0)
      }
      return id
    }

    static let lyNouns: Set<String> = [
      "anomaly", "family", "assembly", "supply", "monopoly", "butterfly", "italy", "reply", "multiply", "apply",
      "comply", "early", "daily", "weekly", "monthly", "yearly", "quarterly", "friendly", "elderly", "holy", "rely",
      "ally", "oligopoly", "homily", "underbelly", "jelly", "bully", "rally", "tally", "lily", "july", "belly",
      "dolly", "polly", "silly", "jolly", "only",
    ]
    /// Adverbs in `-ly` (five letters or more; not `anomaly`, `family`, `assembly`, `early`, …).
    static func isAdverb(_ word: String) -> Bool {
      word.utf8.count >= 5 && word.hasSuffix("ly") && !lyNouns.contains(word) && !word.hasSuffix("-friendly")
    }
  }

  /// Packs the word ids `ids` (1–3, each ≥ 1) into a key.
  @inline(__always) static func key<C: Collection<Int32>>(_ ids: C) -> UInt64 {
    var k: UInt64 = 0
    for id in ids { k = k << 21 | UInt64(id) }
    return k
  }

  /// The word ids of a run key, in order.
  static func ids(_ key: UInt64) -> [Int32] {
    var out: [Int32] = []
    var k = key
    while k != 0 {
      out.append(Int32(k & 0x1F_FFFF))
      k >>= 21
    }
    return out.reversed()
  }

  /// The terms of `texts` (one per paper).
  /// - Parameter abstracts: how many of the texts include an abstract (for the summary only).
  public func extract(_ texts: [String], abstracts: Int = 0) -> TermMap {
    var vocabulary = Vocabulary()
    var scanner = TermScanner()
    var summary = TermMap.Summary()
    summary.texts = texts.count
    summary.abstracts = abstracts

    // The thesaurus, in the corpus's words.
    var merge: [UInt64: UInt64] = [:]
    var drop: Set<UInt64> = []
    var canonicalNames: [UInt64: String] = [:]
    var syntheticCount: UInt64 = 0
    func runKey(_ text: String) -> UInt64? {
      var ids: [Int32] = []
      var broken = false
      scanner.scan(text) { piece in
        switch piece {
        case .word(let w):
          let id = vocabulary.surfaceWord[Int(vocabulary.surface(w))]
          if id == 0 { broken = true } else { ids.append(id) }
        case .cut: broken = true
        }
      }
      guard !broken, (1 ... 3).contains(ids.count) else { return nil }
      return Self.key(ids)
    }
    let scannedBefore = scanner.nonLatinWords
    for rule in settings.thesaurus.merges {
      let target: UInt64
      if let k = runKey(rule.canonical) {
        target = k
      } else {
        syntheticCount += 1
        target = Self.syntheticBit | syntheticCount
      }
      canonicalNames[target] = rule.canonical
      for variant in rule.variants {
        guard let k = runKey(variant) else {
          summary.unusableRules.append("\(rule.source): term-merge variant '\(variant)' can never be a term (it needs one to three words, none a stop word)")
          continue
        }
        if k != target, merge[k] == nil { merge[k] = target }
      }
    }
    for rule in settings.thesaurus.drops {
      for term in rule.terms {
        guard let k = runKey(term) else {
          summary.unusableRules.append("\(rule.source): term-drop '\(term)' can never be a term (it needs one to three words, none a stop word)")
          continue
        }
        drop.insert(merge[k] ?? k)
      }
    }
    scanner = TermScanner()
    _ = scannedBefore

    // 1. Words of every text: surface ids, -1 for a cut.
    var tokens: [Int32] = []
    tokens.reserveCapacity(texts.count * 16)
    var starts: [Int] = []
    starts.reserveCapacity(texts.count + 1)
    for text in texts {
      starts.append(tokens.count)
      let before = scanner.nonLatinWords
      var any = false
      scanner.scan(text) { piece in
        switch piece {
        case .word(let w):
          tokens.append(vocabulary.surface(w))
          any = true
        case .cut: tokens.append(-1)
        }
      }
      tokens.append(-1)
      if any { summary.textsWithWords += 1 }
      if scanner.nonLatinWords > before { summary.textsWithNonLatin += 1 }
    }
    starts.append(tokens.count)
    summary.nonLatinWords = scanner.nonLatinWords
    // Verbs, from how each word is used across the corpus: right after a verb cue (`we
    // propose`, `to handle`) or right before a determiner (`choose the`, `plays a`).
    var surfaceWord = vocabulary.surfaceWord
    var wordCount = [Int32](repeating: 0, count: vocabulary.words.count)
    var verbUse = [Int32](repeating: 0, count: vocabulary.words.count)
    for p in tokens.indices {
      let t = tokens[p]
      guard t >= 0 else { continue }
      let w = Int(surfaceWord[Int(t)])
      guard w != 0 else { continue }
      wordCount[w] += 1
      if p > 0, tokens[p - 1] >= 0, vocabulary.cue[Int(tokens[p - 1])] {
        verbUse[w] += 1
      } else if p + 1 < tokens.count, tokens[p + 1] >= 0, vocabulary.determiner[Int(tokens[p + 1])] {
        verbUse[w] += 1
      }
    }
    var verbs = 0
    for w in 1 ..< vocabulary.words.count where wordCount[w] >= Int32(Self.verbMinimumCount) {
      let share = vocabulary.words[w].hasSuffix("ing") ? Self.verbShareOfGerunds : Self.verbShare
      if Double(verbUse[w]) >= share * Double(wordCount[w]) {
        vocabulary.verb[w] = true
        verbs += 1
      }
    }
    summary.verbs = verbs
    for i in surfaceWord.indices where vocabulary.verb[Int(surfaceWord[i])] { surfaceWord[i] = 0 }
    let generic = vocabulary.generic
    let canEnd = vocabulary.canEnd
    let alone = vocabulary.alone
    let canStart = vocabulary.canStart

    // 2. Candidate keys of each text (distinct), and their occurrences. Each distinct key is
    // numbered once (first seen first) and the texts hold the numbers: 4 bytes per candidate
    // occurrence instead of 8 (at a million titles, tens of millions of them).
    var textKeys: [Int32] = []
    var keyStarts: [Int] = [0]
    keyStarts.reserveCapacity(texts.count + 1)
    var keyNumber: [UInt64: Int32] = [:]
    var keyOfNumber: [UInt64] = []
    var occurrenceOfNumber: [Int32] = []
    var mergedSeen: Set<UInt64> = []
    var droppedSeen: Set<UInt64> = []
    var local: [UInt64] = []
    for t in texts.indices {
      local.removeAll(keepingCapacity: true)
      var p = starts[t]
      let end = starts[t + 1]
      while p < end {
        // One run of words: tokens[p..<q].
        var q = p
        while q < end, tokens[q] >= 0, surfaceWord[Int(tokens[q])] != 0 { q += 1 }
        if q > p {
          for a in p ..< q where canStart[Int(surfaceWord[Int(tokens[a])])] {
            var k: UInt64 = 0
            var allGeneric = true
            for b in a ..< min(q, a + 3) {
              let w = surfaceWord[Int(tokens[b])]
              k = k << 21 | UInt64(w)
              if !generic[Int(w)] { allGeneric = false }
              if allGeneric || !canEnd[Int(w)] || (b == a && !alone[Int(w)]) { continue }
              var key = k
              if !merge.isEmpty, let m = merge[key] { mergedSeen.insert(key); key = m }
              if !drop.isEmpty, drop.contains(key) { droppedSeen.insert(key); continue }
              local.append(key)
            }
          }
        }
        p = q + 1
      }
      local.sort()
      var previous: UInt64 = 0
      for k in local where k != previous {
        let number: Int32
        if let known = keyNumber[k] {
          number = known
          occurrenceOfNumber[Int(known)] += 1
        } else {
          number = Int32(keyOfNumber.count)
          keyNumber[k] = number
          keyOfNumber.append(k)
          occurrenceOfNumber.append(1)
        }
        textKeys.append(number)
        previous = k
      }
      keyStarts.append(textKeys.count)
    }
    keyNumber = [:]
    summary.merged = mergedSeen.count
    summary.dropped = droppedSeen.count
    summary.candidates = keyOfNumber.count

    // 3. Minimum occurrences.
    let minimum = settings.minimum(papers: summary.textsWithWords)
    summary.minOccurrences = minimum
    let candidateNumbers = keyOfNumber.indices.filter { occurrenceOfNumber[$0] >= Int32(minimum) }.sorted { keyOfNumber[$0] < keyOfNumber[$1] }
    let candidates = candidateNumbers.map { keyOfNumber[$0] }
    summary.aboveMinimum = candidates.count
    // The occurrences of each candidate, and the candidate of each key number (-1: below the minimum).
    let occurrenceOf = candidateNumbers.map { occurrenceOfNumber[$0] }
    var candidateOfNumber = [Int32](repeating: -1, count: keyOfNumber.count)
    for (i, n) in candidateNumbers.enumerated() { candidateOfNumber[n] = Int32(i) }
    keyOfNumber = []
    occurrenceOfNumber = []

    // Sub-terms of a candidate (never counted together with it).
    func subKeys(_ key: UInt64) -> [UInt64] {
      guard key & Self.syntheticBit == 0 else { return [] }
      let ids = Self.ids(key)
      guard ids.count > 1 else { return [] }
      var out: [UInt64] = []
      for length in 1 ..< ids.count {
        for start in 0 ... ids.count - length { out.append(Self.key(ids[start ..< start + length])) }
      }
      return out
    }

    // 5. Co-occurrences among candidates, and relevance.
    var index: [UInt64: Int32] = [:]
    index.reserveCapacity(candidates.count)
    for (i, k) in candidates.enumerated() { index[k] = Int32(i) }
    // The candidates inside each candidate: in a paper, a term inside another term of that paper
    // is not counted in co-occurrences (`language` and `model` in a paper on `language model`).
    var inside = [[Int32]](repeating: [], count: candidates.count)
    for (i, k) in candidates.enumerated() { inside[i] = subKeys(k).compactMap { index[$0] } }
    // The candidates of each text, ascending: text t's are textCandidates[candidateStarts[t] ..< candidateStarts[t + 1]]
    // (one flat array, not an array per text).
    var textCandidates: [Int32] = []
    var candidateStarts: [Int] = [0]
    candidateStarts.reserveCapacity(texts.count + 1)
    var pairCounts: [UInt64: Int32] = [:]
    var covered = [Bool](repeating: false, count: candidates.count)
    var outer: [Int32] = []
    var ids: [Int32] = []
    for t in texts.indices {
      ids.removeAll(keepingCapacity: true)
      for n in textKeys[keyStarts[t] ..< keyStarts[t + 1]] where candidateOfNumber[Int(n)] >= 0 { ids.append(candidateOfNumber[Int(n)]) }
      ids.sort()
      for i in ids { for j in inside[Int(i)] { covered[Int(j)] = true } }
      outer.removeAll(keepingCapacity: true)
      for i in ids where !covered[Int(i)] { outer.append(i) }
      for i in ids { for j in inside[Int(i)] { covered[Int(j)] = false } }
      for a in outer.indices {
        for b in outer.indices where b > a { pairCounts[Self.pair(outer[a], outer[b]), default: 0] += 1 }
      }
      textCandidates.append(contentsOf: ids)
      candidateStarts.append(textCandidates.count)
    }
    textKeys = []
    candidateOfNumber = []
    let pairs = pairCounts.map { (key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
    pairCounts = [:]
    let k = candidates.count
    var strength = [Double](repeating: 0, count: k)
    for p in pairs {
      let (i, j) = Self.unpair(p.key)
      strength[Int(i)] += Double(p.count)
      strength[Int(j)] += Double(p.count)
    }
    let total = strength.reduce(0, +)
    var relevance = [Double](repeating: 0, count: k)
    for p in pairs {
      let (i, j) = (Int(Self.unpair(p.key).0), Int(Self.unpair(p.key).1))
      let c = Double(p.count)
      let ratio = c * total / (strength[i] * strength[j])
      relevance[i] += c / strength[i] * Self.ln(ratio)
      relevance[j] += c / strength[j] * Self.ln(ratio)
    }
    func text(_ key: UInt64) -> String {
      if let name = canonicalNames[key] { return name }
      return Self.ids(key).map { vocabulary.words[Int($0)] }.joined(separator: " ")
    }
    let keys = candidates.map(text)
    let keep = Int((settings.relevanceShare * Double(k)).rounded(.up))
    let wordCounts = candidates.map { $0 & Self.syntheticBit != 0 ? 3 : Self.ids($0).count }
    let byRelevance = (0 ..< k).sorted { a, b in
      if relevance[a] != relevance[b] { return relevance[a] > relevance[b] }
      if occurrenceOf[a] != occurrenceOf[b] { return occurrenceOf[a] > occurrenceOf[b] }
      if wordCounts[a] != wordCounts[b] { return wordCounts[a] > wordCounts[b] }
      return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
    }
    // Nested terms, among the relevant ones: a shorter term goes when a longer kept term
    // containing it covers most of its papers.
    let relevant = Array(byRelevance.prefix(keep))
    // A term found mostly inside one longer candidate (that candidate in at least 75 % of its
    // papers) stands for it, kept or not: it is replaced by the longer term (`reinforcement` →
    // `reinforcement learning`, `sparse` → `sparse autoencoder`). The longer term of most
    // papers covers; ties by key.
    var longer = [Int32](repeating: -1, count: k)
    for c in 0 ..< k {
      let occ = occurrenceOf[c]
      for sub in subKeys(candidates[c]) {
        guard let s = index[sub] else { continue }
        let current = longer[Int(s)]
        if current < 0 || occ > occurrenceOf[Int(current)]
          || (occ == occurrenceOf[Int(current)] && keys[c].utf8.lexicographicallyPrecedes(keys[Int(current)].utf8))
        {
          longer[Int(s)] = Int32(c)
        }
      }
    }
    var chosen = Set<Int>()
    var unnested: [Int] = []
    var replaced = 0
    for c in relevant {
      var t = c
      while longer[t] >= 0, Double(occurrenceOf[Int(longer[t])]) >= TermSettings.nestedShare * Double(occurrenceOf[t]) {
        t = Int(longer[t])
      }
      if t != c { replaced += 1 }
      if chosen.insert(t).inserted { unnested.append(t) }
    }
    summary.nested = replaced
    let kept = unnested.sorted { a, b in
      if occurrenceOf[a] != occurrenceOf[b] { return occurrenceOf[a] > occurrenceOf[b] }
      return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
    }
    var final = [Int32](repeating: -1, count: k)
    for (n, c) in kept.enumerated() { final[c] = Int32(n) }

    // 6. Labels: the most frequent surface form of each kept term.
    var surfaceCounts: [[UInt64: Int32]] = Array(repeating: [:], count: kept.count)
    var keptKey: [UInt64: Int32] = [:]
    for (n, c) in kept.enumerated() { keptKey[candidates[c]] = Int32(n) }
    for t in texts.indices where textCandidates[candidateStarts[t] ..< candidateStarts[t + 1]].contains(where: { final[Int($0)] >= 0 }) {
      var p = starts[t]
      let end = starts[t + 1]
      while p < end {
        var q = p
        while q < end, tokens[q] >= 0, surfaceWord[Int(tokens[q])] != 0 { q += 1 }
        for a in p ..< q {
          var key: UInt64 = 0
          var written: UInt64 = 0
          for b in a ..< min(q, a + 3) {
            key = key << 21 | UInt64(surfaceWord[Int(tokens[b])])
            written = written << 21 | UInt64(tokens[b] + 1)
            var resolved = key
            if !merge.isEmpty, let m = merge[key] { resolved = m }
            if let n = keptKey[resolved], canonicalNames[resolved] == nil, tokens[b] + 1 <= Int32(Self.maxWords) {
              surfaceCounts[Int(n)][written, default: 0] += 1
            }
          }
        }
        p = q + 1
      }
    }
    var terms: [TermMap.Term] = []
    terms.reserveCapacity(kept.count)
    for (n, c) in kept.enumerated() {
      let key = candidates[c]
      var label = keys[c]
      if canonicalNames[key] == nil {
        let forms = surfaceCounts[n].map { (form: Self.ids($0.key).map { vocabulary.surfaceDisplay[Int($0 - 1)] }.joined(separator: " "), count: $0.value) }
        if let best = forms.min(by: { $0.count != $1.count ? $0.count > $1.count : $0.form.utf8.lexicographicallyPrecedes($1.form.utf8) }) {
          label = best.form
        }
      }
      terms.append(TermMap.Term(key: keys[c], label: label, occurrences: Int(occurrenceOf[c]), relevance: relevance[c]))
    }
    let textTerms = texts.indices.map { t in
      textCandidates[candidateStarts[t] ..< candidateStarts[t + 1]].compactMap { final[Int($0)] >= 0 ? final[Int($0)] : nil }.sorted()
    }
    var cooccurrences: [(i: Int32, j: Int32, count: Int32)] = []
    for p in pairs {
      let (i, j) = Self.unpair(p.key)
      let (a, b) = (final[Int(i)], final[Int(j)])
      guard a >= 0, b >= 0 else { continue }
      cooccurrences.append((min(a, b), max(a, b), p.count))
    }
    cooccurrences.sort { $0.i != $1.i ? $0.i < $1.i : $0.j < $1.j }
    return TermMap(terms: terms, textTerms: textTerms, cooccurrences: cooccurrences, summary: summary)
  }

  @inline(__always) static func pair(_ i: Int32, _ j: Int32) -> UInt64 {
    let (a, b) = (min(i, j), max(i, j))
    return UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
  }
  @inline(__always) static func unpair(_ k: UInt64) -> (Int32, Int32) { (Int32(k >> 32), Int32(k & 0xFFFF_FFFF)) }

  /// Natural logarithm (libm).
  static func ln(_ x: Double) -> Double { log(x) }
}
