/// Finds names in a resolved corpus that may be spellings of one person (see ``NameVariant``),
/// without comparing every name with every other.
///
/// Candidate pairs come from five blockings: names sharing family name, suffix and first initial
/// (``PersonName/block``) are checked for compatible initials and for typos in the given names;
/// names sharing their first given name and the first letter of the family name are checked for
/// typos in the family name; names with the same letters once hyphens, apostrophes and spaces are
/// removed are spelling variants; names whose first given name is a nickname of another's
/// (bundled nickname table, ``NicknameTable``) with the rest the same are looked up directly; names
/// with the same tokens, one with the family name moved to the front, are family-name-first
/// variants. Pairs of names that co-authored a paper are never listed (two
/// people on one paper are two people).
///
/// Edit distance (Levenshtein, on comparison keys) is allowed only on long names: at most 1 for
/// keys of 10 or more characters, 2 for 16 or more, or 1 within a family name of six letters or
/// more when the given names are the same; and only with a shared co-author.
///
/// Results are sorted by evidence (shared co-authors, most first), then kind, then the names; the
/// same corpus always gives the same list.
///
/// - Complexity: O(*s*) for *s* author slots to index the corpus, plus O(Σ *b*²) name comparisons
///   over the blocks (each block holds the names of one family name and initial, or one given name
///   and family initial, or one set of tokens), plus O(*n* · *k*) hash look-ups for nicknames (*n*
///   names, *k* ≤ 19 table partners of a given name), plus co-author set intersections for the
///   pairs that pass the name test.
public struct NameVariantFinder: Sendable {
  /// Longest block compared pairwise for typos; larger blocks (very common names) are skipped for
  /// the edit-distance test only, which bounds the running time on huge inputs.
  public var maxTypoBlock: Int

  public init(maxTypoBlock: Int = 2000) { self.maxTypoBlock = maxTypoBlock }

  public func variants(in corpus: Corpus) -> [NameVariant] {
    // People and their papers.
    var index: [String: Int32] = [:]
    var people: [String] = []
    var paperStart: [Int] = []
    var slots: [Int32] = []
    for paper in corpus.papers {
      paperStart.append(slots.count)
      for name in paper.authors {
        if let i = index[name] {
          slots.append(i)
        } else {
          index[name] = Int32(people.count)
          slots.append(Int32(people.count))
          people.append(name)
        }
      }
    }
    paperStart.append(slots.count)
    let n = people.count
    var paperCount = [Int32](repeating: 0, count: n)
    var personPapers = [[Int32]](repeating: [], count: n)
    for p in 0 ..< corpus.papers.count {
      for s in paperStart[p] ..< paperStart[p + 1] {
        let i = Int(slots[s])
        if personPapers[i].last != Int32(p) {
          personPapers[i].append(Int32(p))
          paperCount[i] += 1
        }
      }
    }
    var coauthorCache: [Int32: Set<Int32>] = [:]
    func coauthors(_ a: Int32) -> Set<Int32> {
      if let known = coauthorCache[a] { return known }
      var set = Set<Int32>()
      for p in personPapers[Int(a)] {
        for s in paperStart[Int(p)] ..< paperStart[Int(p) + 1] where slots[s] != a { set.insert(slots[s]) }
      }
      coauthorCache[a] = set
      return set
    }
    /// Shared co-authors in order of first appearance, or `nil` when the two wrote together.
    func shared(_ a: Int32, _ b: Int32) -> [Int32]? {
      let ca = coauthors(a)
      if ca.contains(b) { return nil }
      return coauthors(b).filter { ca.contains($0) }.sorted()
    }

    let keys = people.map(NameNormalizer.key)
    let names = keys.map { PersonName(key: $0) }
    var found: [NameVariant] = []
    var listed = Set<Int64>()
    func pairKey(_ a: Int32, _ b: Int32) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }
    func add(_ kind: NameVariant.Kind, canonical: Int32, variant: Int32, shared: [Int32], alternatives: [Int32] = []) {
      guard listed.insert(pairKey(canonical, variant)).inserted else { return }
      found.append(
        NameVariant(
          kind: kind, canonical: people[Int(canonical)], variant: people[Int(variant)],
          canonicalPapers: Int(paperCount[Int(canonical)]), variantPapers: Int(paperCount[Int(variant)]),
          sharedCoauthors: shared.map { people[Int($0)] }, alternatives: alternatives.map { people[Int($0)] }))
    }
    /// The more frequent name (ties: the first seen) first.
    func ordered(_ a: Int32, _ b: Int32) -> (Int32, Int32) {
      let x = paperCount[Int(a)]
      let y = paperCount[Int(b)]
      return x > y || (x == y && a < b) ? (a, b) : (b, a)
    }

    // Blocks, each in order of first appearance; visited in sorted key order.
    var byFamily: [String: [Int32]] = [:]
    var byGiven: [String: [Int32]] = [:]
    var byLetters: [String: [Int32]] = [:]
    for i in 0 ..< n {
      let key = keys[i]
      let letters = String(key.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "'" && $0 != "’" }.map(Character.init))
      if !letters.isEmpty { byLetters[letters, default: []].append(Int32(i)) }
      guard let name = names[i] else { continue }
      byFamily[name.block, default: []].append(Int32(i))
      if name.given[0].count > 1 {
        byGiven[name.given[0] + "\u{0}" + String(name.family.prefix(1)) + "\u{0}" + (name.suffix ?? ""), default: []].append(Int32(i))
      }
    }

    /// Same given names and suffix, family names of six letters or more one letter apart (see
    /// ``IdentityResolver/surnameTypo(_:_:)`` for why six).
    func familyTypo(_ x: Int32, _ y: Int32) -> Bool {
      let p = names[Int(x)]!
      let q = names[Int(y)]!
      let (f, g) = (p.family.unicodeScalars.count, q.family.unicodeScalars.count)
      guard f >= 6, g >= 6, abs(f - g) <= 1, p.family != q.family, p.given == q.given, p.suffix == q.suffix else { return false }
      return Self.editDistance(Array(p.family.unicodeScalars), Array(q.family.unicodeScalars), limit: 1) == 1
    }

    func typos(_ members: [Int32]) {
      let scalars = members.map { Array(keys[Int($0)].unicodeScalars) }
      for x in 0 ..< members.count {
        let a = scalars[x]
        for y in (x + 1) ..< members.count {
          let b = scalars[y]
          let longest = max(a.count, b.count)
          let limit = longest >= 16 ? 2 : 1
          guard a != b else { continue }
          let longTypo = a.count >= 10 && b.count >= 10 && abs(a.count - b.count) <= limit
            && Self.editDistance(a, b, limit: limit) <= limit
          guard longTypo || familyTypo(members[x], members[y]) else { continue }
          guard let common = shared(members[x], members[y]), !common.isEmpty else { continue }
          let (c, v) = ordered(members[x], members[y])
          add(.editDistance, canonical: c, variant: v, shared: common)
        }
      }
    }

    // 1. Spelling: the same letters.
    for letters in byLetters.keys.sorted() {
      let group = byLetters[letters]!
      guard group.count >= 2 else { continue }
      for x in 0 ..< group.count {
        for y in (x + 1) ..< group.count where keys[Int(group[x])] != keys[Int(group[y])] {
          guard let common = shared(group[x], group[y]) else { continue }
          let (c, v) = ordered(group[x], group[y])
          add(.spelling, canonical: c, variant: v, shared: common)
        }
      }
    }

    // 2. Initials, and typos in given names.
    for block in byFamily.keys.sorted() {
      let members = byFamily[block]!
      guard members.count >= 2 else { continue }
      for a in members {
        let nameA = names[Int(a)]!
        let candidates = members.filter { b in
          b != a && nameA.isLessSpecific(than: names[Int(b)]!) && nameA.isCompatible(with: names[Int(b)]!)
        }
        let maximal = candidates.filter { c in
          !candidates.contains { d in
            d != c && names[Int(c)]!.isLessSpecific(than: names[Int(d)]!) && names[Int(c)]!.isCompatible(with: names[Int(d)]!)
          }
        }
        for b in candidates {
          guard let common = shared(a, b) else { continue }
          let others = maximal.filter { $0 != b && names[Int($0)]! != names[Int(b)]! && !names[Int($0)]!.isCompatible(with: names[Int(b)]!) }
          add(.initials, canonical: b, variant: a, shared: common, alternatives: others)
        }
      }
      if members.count <= maxTypoBlock { typos(members) }
    }
    // 3. Typos in family names.
    for block in byGiven.keys.sorted() {
      let members = byGiven[block]!
      if members.count >= 2, members.count <= maxTypoBlock { typos(members) }
    }

    // 4. Nicknames: the first given name swapped for each of its partners in the nickname table,
    //    the rest of the name the same, looked up directly (no pairwise comparison).
    var byRest: [String: [Int32]] = [:]
    func restKey(_ name: PersonName, first: String) -> String {
      ([first] + name.given.dropFirst()).joined(separator: " ") + "\u{0}" + name.family + "\u{0}" + (name.suffix ?? "")
    }
    for i in 0 ..< n {
      guard let name = names[i], name.given[0].count > 1 else { continue }
      byRest[restKey(name, first: name.given[0]), default: []].append(Int32(i))
    }
    for i in 0 ..< n {
      guard let name = names[i], name.given[0].count > 1 else { continue }
      for partner in NicknameTable.partners(of: name.given[0]) where NicknameTable.isNickname(name.given[0], of: partner) {
        for full in byRest[restKey(name, first: partner)] ?? [] {
          guard let common = shared(Int32(i), full) else { continue }
          add(.nickname, canonical: full, variant: Int32(i), shared: common)
        }
      }
    }
    // Pairs the table lists both ways (`tom`/`thomas`) were added above in the table's direction.

    // 5. The family name moved to the front (`Wang Xiaoming` / `Xiaoming Wang`), hyphens ignored
    //    (blocked by the sorted tokens, then ``IdentityResolver/reordered(_:_:)``).
    var byTokens: [String: [Int32]] = [:]
    let plainTokens = keys.map { $0.filter { $0 != "-" }.split(separator: " ").map(String.init) }
    for i in 0 ..< n where plainTokens[i].count >= 2 {
      byTokens[plainTokens[i].sorted().joined(separator: " "), default: []].append(Int32(i))
    }
    for tokens in byTokens.keys.sorted() {
      let group = byTokens[tokens]!
      guard group.count >= 2 else { continue }
      for x in 0 ..< group.count {
        for y in (x + 1) ..< group.count where IdentityResolver.reordered(plainTokens[Int(group[x])], plainTokens[Int(group[y])]) {
          guard let common = shared(group[x], group[y]) else { continue }
          let (c, v) = ordered(group[x], group[y])
          add(.reordered, canonical: c, variant: v, shared: common)
        }
      }
    }

    return found.sorted { a, b in
      if a.evidence != b.evidence { return a.evidence > b.evidence }
      if a.kind != b.kind { return a.kind < b.kind }
      if a.canonical != b.canonical { return a.canonical < b.canonical }
      return a.variant < b.variant
    }
  }

  /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (banded).
  /// - Complexity: O(*m* · (2·`limit` + 1)) time, O(*m*) space.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0 ... b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
    for i in 1 ... a.count {
      current[0] = i
      var rowMin = current[0]
      let lo = max(1, i - limit)
      let hi = min(b.count, i + limit)
      if lo > 1 { current[lo - 1] = limit + 1 }
      if hi < b.count { current[hi + 1] = limit + 1 }
      if lo <= hi {
        for j in lo ... hi {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          rowMin = min(rowMin, current[j])
        }
      }
      if rowMin > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return min(previous[b.count], limit + 1)
  }
}
