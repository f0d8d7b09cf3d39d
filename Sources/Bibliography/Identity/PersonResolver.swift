/// Decides which author strings across a whole corpus are one person, and the name each person is
/// shown under. Runs after the per-paper steps of ``IdentityResolver`` (alias file, inverted
/// names, fellows).
///
/// Rules, in order:
/// 1. **Ids win over strings.** Author slots carrying the same id (`orcid:…`, `openalex:A…`,
///    `dblp:…`) are one person whatever the spelling. A spelling seen with exactly one id also
///    claims that spelling's id-less slots; a spelling seen with two or more ids is a *homonym*:
///    its id-less slots stay a separate person (which of the two is unknown).
/// 2. **Spellings** equal up to case, accents and periods (``NameNormalizer/key(_:)``) are one
///    person (unless rule 1 separates them by id).
/// 3. **Initials need evidence.** A less specific form (`M. Tong`, `M. J. Tong`, `Meg Tong`) joins a
///    more specific one (`Meg Tong`, `Meg J. Tong`; see ``PersonName``) only when (a) that fuller
///    form is the single most specific compatible person with the same family name and first
///    initial — if the initial form could be two different people (`Meg Tong` and `Mark Tong`) it
///    never merges, (b) the two share a co-author, (c) they are never co-authors of each other,
///    and (d) they do not carry different ids.
/// 4. **Display name**: the most frequent spelling of the person (ties: the first seen); a person
///    merged by rule 3 takes the fuller form's display name. People whose display names collide
///    (homonyms separated by ids) are labelled with their first id: `Wei Wang (orcid:0000-…)`;
///    an id-less homonym keeps the plain name.
///
/// - Complexity: O(*s*) dictionary operations for *s* author slots, plus, per block of names
///   sharing family name and first initial, O(*b* · *c*) comparisons where *c* is the number of
///   block members more specific than the name being matched, and co-author set intersections
///   for the candidate pairs only. No comparison of all names with all names.
struct PersonResolver {
  struct Outcome {
    /// Per paper, per author slot: the display name of the person.
    var authors: [[String]]
    var diagnostics: [Diagnostic]
    var merges: [IdentityMerge]
    /// Display name → the id of the person (the first seen), for people that have one.
    var ids: [String: String] = [:]
  }

  // swift-format-ignore
  static func resolve(authors: [[String]], ids: [[String?]], sources: [SourceLocation], mergesInitials: Bool = true, threads: Int = 1, minimumPerThread: Int = 100_000) -> Outcome {
    var clock = LoadClock()
    // Slots, spellings and keys, interned.
    var spellingTable = NameTable(capacity: authors.count)
    var spellingKey: [Int32] = []
    var keyTable = NameTable(capacity: authors.count)
    var slotSpelling: [Int32] = []
    var slotID: [Int32] = []
    var idIndex: [String: Int32] = [:]
    var idNames: [String] = []
    var paperStart: [Int] = []
    paperStart.reserveCapacity(authors.count + 1)
    for list in authors { paperStart.append((paperStart.last ?? 0) + list.count) }
    paperStart.insert(0, at: 0)
    // The numbering is one pass in slot order; the hashing of names and the keying of new
    // spellings, which take most of its time on a million papers, are done beforehand in
    // stretches at the same time.
    let hashStretches = paperStart[authors.count] >= minimumPerThread * 2 ? Swift.max(1, threads) : 1
    var slotHash = orderedParallelMap(hashStretches, threads: threads) { k in
      var hashes: [UInt64] = []
      for p in authors.count * k / hashStretches ..< authors.count * (k + 1) / hashStretches {
        for name in authors[p] { hashes.append(NameTable.hash(name)) }
      }
      return hashes
    }.flatMap { $0 }
    slotSpelling.reserveCapacity(slotHash.count)
    for list in authors {
      for name in list { slotSpelling.append(spellingTable.id(of: name, hash: slotHash[slotSpelling.count])) }
    }
    slotHash = []
    do {
      let spellings = spellingTable.strings
      let keyStretches = hashStretches > 1 && spellings.count >= minimumPerThread ? hashStretches : 1
      let keyed = orderedParallelMap(keyStretches, threads: threads) { k in
        (spellings.count * k / keyStretches ..< spellings.count * (k + 1) / keyStretches).map { s -> (String, UInt64) in
          let key = NameNormalizer.key(spellings[s])
          return (key, NameTable.hash(key))
        }
      }
      spellingKey.reserveCapacity(spellings.count)
      for part in keyed {
        for (key, hash) in part { spellingKey.append(keyTable.id(of: key, hash: hash)) }
      }
    }
    let hasIDs = ids.contains { $0.contains { $0 != nil } }
    if hasIDs {
      for (p, list) in authors.enumerated() {
        for k in list.indices {
          if k < ids[p].count, let id = ids[p][k] {
            if let known = idIndex[id] {
              slotID.append(known)
            } else {
              idIndex[id] = Int32(idNames.count)
              slotID.append(Int32(idNames.count))
              idNames.append(id)
            }
          } else {
            slotID.append(-1)
          }
        }
      }
    }
    let spellings = spellingTable.strings
    let keys = keyTable.strings
    spellingTable = NameTable()
    keyTable = NameTable()
    let slotCount = slotSpelling.count
    let keyCount = keys.count

    clock.lap("  PR slot numbering")
    // Rule 1 and 2: union-find over key nodes [0, K) and id nodes [K, K+I).
    var parent = Array(0 ..< Int32(keyCount + idNames.count))
    func find(_ x: Int32) -> Int32 {
      var x = x
      while parent[Int(x)] != x {
        parent[Int(x)] = parent[Int(parent[Int(x)])]
        x = parent[Int(x)]
      }
      return x
    }
    if hasIDs {
      var idsOfKey: [Int32: [Int32]] = [:]
      var keyOrder: [Int32] = []
      for slot in 0 ..< slotCount where slotID[slot] >= 0 {
        let k = spellingKey[Int(slotSpelling[slot])]
        if idsOfKey[k] == nil { keyOrder.append(k) }
        if !(idsOfKey[k]?.contains(slotID[slot]) ?? false) { idsOfKey[k, default: []].append(slotID[slot]) }
      }
      for k in keyOrder {
        let list = idsOfKey[k]!
        if list.count == 1 {
          let a = find(k)
          let b = find(Int32(keyCount) + list[0])
          if a != b { parent[Int(a)] = b }
        }
      }
    }
    func node(_ slot: Int) -> Int32 {
      if hasIDs, slotID[slot] >= 0 { return Int32(keyCount) + slotID[slot] }
      return spellingKey[Int(slotSpelling[slot])]
    }

    // Clusters numbered in order of first appearance.
    var clusterOfRoot = [Int32](repeating: -1, count: parent.count)
    var slotCluster = [Int32](repeating: 0, count: slotCount)
    var clusterCount: Int32 = 0
    for slot in 0 ..< slotCount {
      let r = Int(find(node(slot)))
      if clusterOfRoot[r] >= 0 {
        slotCluster[slot] = clusterOfRoot[r]
      } else {
        clusterOfRoot[r] = clusterCount
        slotCluster[slot] = clusterCount
        clusterCount += 1
      }
    }
    let n = Int(clusterCount)

    clock.lap("  PR clusters")
    // Display spelling per cluster: most frequent, ties first seen.
    var display = [Int32](repeating: -1, count: n)
    var displayCount = [Int32](repeating: 0, count: n)
    var clusterIDs = [[Int32]](repeating: [], count: hasIDs ? n : 0)
    do {
      var counts: [Int64: Int32] = [:]
      var order: [Int64] = []
      var single = [Bool](repeating: true, count: n)
      for slot in 0 ..< slotCount {
        let c = Int(slotCluster[slot])
        let s = slotSpelling[slot]
        if display[c] < 0 {
          display[c] = s
        } else if display[c] != s {
          single[c] = false
        }
        if hasIDs, slotID[slot] >= 0, !clusterIDs[c].contains(slotID[slot]) { clusterIDs[c].append(slotID[slot]) }
      }
      // Only clusters with several spellings need counting.
      for slot in 0 ..< slotCount where !single[Int(slotCluster[slot])] {
        let pair = Int64(slotCluster[slot]) << 32 | Int64(slotSpelling[slot])
        if let v = counts[pair] {
          counts[pair] = v + 1
        } else {
          counts[pair] = 1
          order.append(pair)
        }
      }
      for c in 0 ..< n where !single[c] { display[c] = -1 }
      for pair in order {
        let c = Int(pair >> 32)
        let count = counts[pair]!
        if count > displayCount[c] {
          displayCount[c] = count
          display[c] = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
        }
      }
    }

    clock.lap("  PR display")
    // Rule 3: initial forms join fuller forms, with evidence.
    var mergeInto = [Int32](repeating: -1, count: n)
    var mergeEvidence: [Int32: [Int32]] = [:]
    // Names split in stretches of clusters at the same time, in cluster order.
    let nameStretches = n >= 100_000 ? Swift.max(1, threads) : 1
    let names = orderedParallelMap(nameStretches, threads: threads) { k in
      (n * k / nameStretches ..< n * (k + 1) / nameStretches).map { c -> (name: PersonName, block: String)? in
        guard let name = PersonName(key: keys[Int(spellingKey[Int(display[c])])]) else { return nil }
        return (name, name.block)
      }
    }.flatMap { $0 }
    clock.lap("  PR names")
    // Blocks numbered in order of first sight; only those of two or more names are looked at.
    var blockTable = NameTable(capacity: n)
    var blockOf = [Int32](repeating: -1, count: n)
    var blockSize: [Int32] = []
    for c in 0 ..< n {
      guard let block = names[c]?.block else { continue }
      let b = blockTable.id(of: block)
      blockOf[c] = b
      if Int(b) == blockSize.count { blockSize.append(1) } else { blockSize[Int(b)] += 1 }
    }
    blockTable = NameTable()
    clock.lap("  PR blocks")
    // Each cluster's papers (in paper order), one flat array: `clusterPaperStart[c] ..< [c + 1]`.
    var clusterPaperStart: [Int32] = []
    var clusterPaperList: [Int32] = []
    func papers(of c: Int32) -> ArraySlice<Int32> {
      if clusterPaperStart.isEmpty {
        var start = [Int32](repeating: 0, count: n + 1)
        var last = [Int32](repeating: -1, count: n)
        for p in 0 ..< authors.count {
          for slot in paperStart[p] ..< paperStart[p + 1] {
            let c = Int(slotCluster[slot])
            if last[c] != Int32(p) {
              last[c] = Int32(p)
              start[c + 1] += 1
            }
          }
        }
        for c in 0 ..< n { start[c + 1] += start[c] }
        var list = [Int32](repeating: 0, count: Int(start[n]))
        var next = Array(start[0 ..< n])
        for c in 0 ..< n { last[c] = -1 }
        for p in 0 ..< authors.count {
          for slot in paperStart[p] ..< paperStart[p + 1] {
            let c = Int(slotCluster[slot])
            if last[c] != Int32(p) {
              last[c] = Int32(p)
              list[Int(next[c])] = Int32(p)
              next[c] += 1
            }
          }
        }
        clusterPaperStart = start
        clusterPaperList = list
      }
      return clusterPaperList[Int(clusterPaperStart[Int(c)]) ..< Int(clusterPaperStart[Int(c) + 1])]
    }
    func coauthors(of c: Int32) -> [Int32] {
      var seen = Set<Int32>()
      var out: [Int32] = []
      for p in papers(of: c) {
        for slot in paperStart[Int(p)] ..< paperStart[Int(p) + 1] {
          let o = slotCluster[slot]
          if o != c, seen.insert(o).inserted { out.append(o) }
        }
      }
      return out
    }
    // Each name's merge is decided from its block alone (whatever the order of the blocks):
    // blocks are decided in stretches at the same time, the merges applied after.
    var crowded: [[Int32]] = []  // none: `--identity key`
    if mergesInitials {
      var slotOfBlock = [Int32](repeating: -1, count: blockSize.count)
      for c in 0 ..< n where blockOf[c] >= 0 && blockSize[Int(blockOf[c])] >= 2 {
        let b = Int(blockOf[c])
        if slotOfBlock[b] < 0 {
          slotOfBlock[b] = Int32(crowded.count)
          crowded.append([])
          crowded[crowded.count - 1].reserveCapacity(Int(blockSize[b]))
        }
        crowded[Int(slotOfBlock[b])].append(Int32(c))
      }
    }
    blockOf = []
    if !crowded.isEmpty { _ = papers(of: 0) }  // filled here, read by every stretch
    let blockStretches = crowded.count >= 10_000 ? Swift.max(1, threads) : 1
    let decided = orderedParallelMap(blockStretches, threads: threads) { k in
      var merges: [(a: Int32, target: Int32, shared: [Int32])] = []
      for var members in crowded[crowded.count * k / blockStretches ..< crowded.count * (k + 1) / blockStretches] {
        // Most specific first, so each name scans only the members more specific than itself.
        members.sort { a, b in
          let x = names[Int(a)]!.name.specificity
          let y = names[Int(b)]!.name.specificity
          return x.full != y.full ? x.full > y.full : (x.tokens != y.tokens ? x.tokens > y.tokens : a < b)
        }
        for a in members {
          let nameA = names[Int(a)]!.name
          var candidates: [Int32] = []
          for b in members {
            let nameB = names[Int(b)]!.name
            guard nameA.isLessSpecific(than: nameB) else { break }
            if hasIDs, !clusterIDs[Int(a)].isEmpty, !clusterIDs[Int(b)].isEmpty { continue }
            if nameA.isCompatible(with: nameB) { candidates.append(b) }
          }
          guard !candidates.isEmpty else { continue }
          // The most specific candidates: those no other candidate refines.
          // (Only whether there is exactly one matters: stop at the second.)
          var maximal: [Int32] = []
          for c in candidates where !candidates.contains(where: { d in
            d != c && names[Int(c)]!.name.isLessSpecific(than: names[Int(d)]!.name) && names[Int(c)]!.name.isCompatible(with: names[Int(d)]!.name)
          }) {
            maximal.append(c)
            if maximal.count > 1 { break }
          }
          guard maximal.count == 1 else { continue }
          let target = maximal[0]
          let mine = coauthors(of: a)
          if mine.contains(target) { continue }
          let theirs = Set(coauthors(of: target))
          let shared = mine.filter { theirs.contains($0) }
          if !shared.isEmpty { merges.append((a, target, shared)) }
        }
      }
      return merges
    }
    for stretch in decided {
      for (a, target, shared) in stretch {
        mergeInto[Int(a)] = target
        mergeEvidence[a] = shared
      }
    }
    func final(_ c: Int32) -> Int32 {
      var c = c
      while mergeInto[Int(c)] >= 0 { c = mergeInto[Int(c)] }
      return c
    }

    clock.lap("  PR rule 3")
    // Rule 4: labels, with homonyms told apart by id.
    var label = (0 ..< n).map { spellings[Int(display[$0])] }
    var diagnostics: [Diagnostic] = []
    // Labels numbered once; only labels shown for several people get a list of them.
    var roots: [Int32] = []
    var labelOf = [Int32](repeating: -1, count: n)
    var labelUses: [Int32] = []
    do {
      var labels = NameTable(capacity: n)
      for c in 0 ..< n where mergeInto[c] < 0 {
        roots.append(Int32(c))
        let l = labels.id(of: label[c])
        labelOf[c] = l
        if Int(l) == labelUses.count { labelUses.append(1) } else { labelUses[Int(l)] += 1 }
      }
    }
    var byLabel: [Int32: [Int32]] = [:]
    for c in roots where labelUses[Int(labelOf[Int(c)])] > 1 { byLabel[labelOf[Int(c)], default: []].append(c) }
    for c in roots {
      guard labelUses[Int(labelOf[Int(c)])] > 1, let group = byLabel[labelOf[Int(c)]], group[0] == c else { continue }
      let plain = label[Int(c)]
      var used = Set<String>()
      var shown: [String] = []
      for (i, member) in group.enumerated() {
        var text = plain
        if hasIDs, let first = clusterIDs[Int(member)].first { text = "\(plain) (\(idNames[Int(first)]))" }
        if !used.insert(text).inserted { text = "\(plain) #\(i + 1)" }
        label[Int(member)] = text
        shown.append(text)
      }
      let idsShown = group.compactMap { hasIDs ? clusterIDs[Int($0)].first.map { idNames[Int($0)] } : nil }
      let idless = group.count - idsShown.count
      let told = idsShown.joined(separator: ", ") + (idless > 0 ? (idless == 1 ? " and one without an id" : " and \(idless) without an id") : "")
      let paper = papers(of: c).first.map { sources[Int($0)] }
      diagnostics.append(
        Diagnostic(
          kind: .homonym,
          message: "'\(plain)' is \(group.count) people told apart by their ids (\(told)); shown as \(shown.map { "'\($0)'" }.joined(separator: ", "))",
          file: paper?.file, line: paper?.line))
    }

    clock.lap("  PR rule 4")
    // Output, with a note for each spelling shown differently.
    var out: [[String]] = []
    out.reserveCapacity(authors.count)
    var merges: [IdentityMerge] = []
    var reported = Set<Int64>()
    for p in 0 ..< authors.count {
      var row: [String] = []
      row.reserveCapacity(authors[p].count)
      for slot in paperStart[p] ..< paperStart[p + 1] {
        let c = slotCluster[slot]
        let f = final(c)
        let s = slotSpelling[slot]
        let shownAs = label[Int(f)]
        row.append(shownAs)
        guard spellings[Int(s)] != shownAs, s != display[Int(f)] || f != c else { continue }
        guard reported.insert(Int64(f) << 32 | Int64(s)).inserted else { continue }
        let written = spellings[Int(s)]
        let why: String
        if f != c {
          let evidence = mergeEvidence[c]!.map { label[Int(final($0))] }
          merges.append(IdentityMerge(variant: written, person: shownAs, reason: .initials, evidence: evidence))
          why = "initials of the same name; shared co-author" + (evidence.count == 1 ? " " : "s ")
            + evidence.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (evidence.count > 3 ? ", …" : "")
        } else if spellingKey[Int(s)] == spellingKey[Int(display[Int(c)])] {
          why = "same name up to case, accents or periods"
        } else {
          let shared = clusterIDs[Int(c)].map { idNames[Int($0)] }
          merges.append(IdentityMerge(variant: written, person: shownAs, reason: .sameID, evidence: shared))
          why = "same id " + shared.joined(separator: ", ")
        }
        diagnostics.append(Diagnostic(kind: .nameVariant, message: "'\(written)' written as '\(shownAs)' (\(why))", at: sources[p]))
      }
      out.append(row)
    }
    var personIDs: [String: String] = [:]
    if hasIDs {
      for slot in 0 ..< slotCount where slotID[slot] >= 0 {
        let shownAs = label[Int(final(slotCluster[slot]))]
        if personIDs[shownAs] == nil { personIDs[shownAs] = idNames[Int(slotID[slot])] }
      }
    }
    clock.lap("  PR output")
    return Outcome(authors: out, diagnostics: diagnostics, merges: merges, ids: personIDs)
  }
}
