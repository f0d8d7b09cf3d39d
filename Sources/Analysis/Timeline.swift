public import Bibliography
public import Networks

/// A corpus year by year: papers, who was active, who and which ties were new, team size, fellows,
/// and how connected the network was at the end of each year.
///
/// The nodes are those of one network kind (``kind``): researchers (`authors`), fellows or tags.
/// "Ties" are the pairs that share a paper (co-authors, two fellows on one paper, two tags on one
/// paper); the fellows network's links through shared non-fellow collaborators are not counted.
/// ``Year/components`` and ``Year/largestComponent`` describe the network **as it stood up to
/// the end of that year** (every dated paper up to then; cumulative), before any node or edge
/// filter (`--min-weight`, `--keep-top`, …), so they are the components of the unfiltered
/// network of that period.
///
///     let t = Timeline(corpus: corpus)          // papers 2022: Ann+Bob; 2023: Ann+Cy; 2024: Dee
///     t.years.map(\.components)                 // [1, 1, 2]
///     t.years.map(\.largestComponent)           // [2, 3, 3]
///
/// - Complexity: O(*p* + *y* + Σ *kᵢ*²) for *p* papers with *kᵢ* nodes each and *y* years:
///   papers are bucketed by year (``YearBuckets``: no sort), names interned once to `Int32` ids, each new pair is
///   one 64-bit set entry, and components come from a union–find (union by size, path halving).
public struct Timeline: Sendable, Equatable {
  public struct Year: Sendable, Equatable {
    public var year: Int
    /// Papers dated this year.
    public var papers: Int
    /// Nodes (researchers, fellows or tags: ``Timeline/kind``) with a paper this year.
    public var active: Int
    /// Nodes whose first dated paper is from this year.
    public var newResearchers: Int
    /// Pairs of nodes who first shared a paper this year (new ties).
    public var newCollaborations: Int
    /// Nodes seen up to and including this year.
    public var researchersSoFar: Int
    /// Author slots of this year's papers (Σ authors per paper): ``meanTeamSize`` × ``papers``.
    public var authorSlots: Int
    /// Fellows with a paper this year (whatever ``Timeline/kind`` is).
    public var fellowsActive: Int
    /// Connected components of the network of all dated papers up to the end of this year.
    public var components: Int
    /// Nodes in its largest component.
    public var largestComponent: Int

    /// Mean authors per paper this year (0 without papers).
    public var meanTeamSize: Double { papers == 0 ? 0 : Double(authorSlots) / Double(papers) }
    /// Share of the nodes so far that are in the largest component (0 before the first node).
    public var largestShare: Double { researchersSoFar == 0 ? 0 : Double(largestComponent) / Double(researchersSoFar) }

    public init(
      year: Int, papers: Int = 0, active: Int = 0, newResearchers: Int = 0, newCollaborations: Int = 0,
      researchersSoFar: Int = 0, authorSlots: Int = 0, fellowsActive: Int = 0, components: Int = 0,
      largestComponent: Int = 0
    ) {
      self.year = year
      self.papers = papers
      self.active = active
      self.newResearchers = newResearchers
      self.newCollaborations = newCollaborations
      self.researchersSoFar = researchersSoFar
      self.authorSlots = authorSlots
      self.fellowsActive = fellowsActive
      self.components = components
      self.largestComponent = largestComponent
    }
  }

  /// Which nodes the counts are about.
  public var kind: Network.Kind
  /// One entry per year from the first to the last dated paper (years without papers included).
  public var years: [Year]
  /// Papers without a date (not in any year).
  public var undated: Int

  /// Counts `corpus` year by year. `expected` sizes the name and pair tables when the caller
  /// knows about how many distinct names and co-occurring pairs there are (e.g. the network's
  /// node and edge counts); without it they are sized for the worst case (every name slot a new
  /// name, every pair on every paper new), which at a million papers reserves several hundred
  /// MB more than needed. Only memory and time depend on it, not the counts.
  ///
  /// `nodes`, when given, are the papers' people (or tags) as numbered by a network of `kind`
  /// built from `corpus` with no node filter (``Network/paperNodes``, every name of every paper
  /// a node): each slot is then read from it instead of looked up by name; the counts are the
  /// same (they do not depend on how names are numbered).
  public init(corpus: Corpus, kind: Network.Kind = .authors, nodes: PaperNodes? = nil, expected: (names: Int, pairs: Int)? = nil) {
    self.kind = kind
    let papers = corpus.papers
    precondition(nodes.map { $0.paperCount == papers.count } ?? true, "paper nodes of another corpus")
    let buckets = YearBuckets(papers)
    var slots = 0
    var pairBound = 0
    for p in papers where p.date != nil {
      let k = kind == .authors ? p.authors.count : kind == .fellows ? p.fellows.count : p.tags.count
      slots += k
      pairBound += k * (k - 1) / 2
    }
    undated = papers.count - buckets.count
    guard !buckets.isEmpty else {
      years = []
      return
    }
    let first = buckets.first
    let span = buckets.span

    var index: [String: Int32] = [:]
    var parent: [Int32] = []
    var size: [Int32] = []
    var lastActive: [Int32] = []
    var fellowIndex: [String: Int32] = [:]
    var fellowLast: [Int32] = []
    var pairs = Set<Int64>()
    // With `nodes`: each node's number here (in order of first appearance, as by name), or -1.
    var localOf = [Int32](repeating: -1, count: nodes.map { Int(($0.nodes.max() ?? -1) + 1) } ?? 0)
    var named: Int32 = 0
    // Capacity up front: growing a hash table rehashes every entry again.
    if nodes == nil { index.reserveCapacity(min(slots, expected?.names ?? slots)) }
    pairs.reserveCapacity(min(pairBound, expected?.pairs ?? pairBound, 1 << 24))
    var ids: [Int32] = []
    var components = 0
    var largest = 0

    func root(_ v: Int32) -> Int32 {
      var v = v
      while parent[Int(v)] != v {
        parent[Int(v)] = parent[Int(parent[Int(v)])]
        v = parent[Int(v)]
      }
      return v
    }

    var rows: [Year] = []
    rows.reserveCapacity(span)
    for k in 0 ..< span {
      var row = Year(year: first + k)
      let year = Int32(k)
      for i in buckets.papers(in: k) {
        // Only the name lists are read (a whole `Paper` copied retains its ten fields).
        let authors = papers[Int(i)].authors
        row.papers += 1
        row.authorSlots += authors.count
        ids.removeAll(keepingCapacity: true)
        let names: [String]
        switch kind {
        case .authors: names = authors
        case .fellows: names = papers[Int(i)].fellows
        case .tags: names = papers[Int(i)].tags
        case .terms: names = []  // not counted per year (the timeline command refuses it)
        }
        let count = nodes.map { Int($0.starts[Int(i) + 1] - $0.starts[Int(i)]) } ?? names.count
        for j in 0 ..< count {
          // The id a name gets is the number of names before it: from `nodes`, or by one hash
          // per name (the defaulted subscript's in-place access inserts a new name).
          let next = named
          let id: Int32
          if let nodes {
            let v = Int(nodes.nodes[Int(nodes.starts[Int(i)]) + j])
            if localOf[v] < 0 { localOf[v] = next }
            id = localOf[v]
          } else {
            id = Self.value(&index[names[j], default: next])
          }
          if id == next {
            named += 1
            parent.append(id)
            size.append(1)
            lastActive.append(-1)
            row.newResearchers += 1
            components += 1
            largest = max(largest, 1)
          }
          if lastActive[Int(id)] != year {
            lastActive[Int(id)] = year
            row.active += 1
          }
          ids.append(id)
        }
        for x in ids.indices {
          for y in ids.indices where y > x && ids[x] != ids[y] {
            let key = Int64(min(ids[x], ids[y])) << 32 | Int64(max(ids[x], ids[y]))
            if pairs.insert(key).inserted { row.newCollaborations += 1 }
          }
        }
        if let head = ids.first {
          for v in ids.dropFirst() {
            var a = root(head)
            var b = root(v)
            guard a != b else { continue }
            if size[Int(a)] < size[Int(b)] { swap(&a, &b) }
            parent[Int(b)] = a
            size[Int(a)] += size[Int(b)]
            components -= 1
            largest = max(largest, Int(size[Int(a)]))
          }
        }
        for name in papers[Int(i)].fellows {
          let id: Int32
          if let known = fellowIndex[name] {
            id = known
          } else {
            id = Int32(fellowIndex.count)
            fellowIndex[name] = id
            fellowLast.append(-1)
          }
          if fellowLast[Int(id)] != year {
            fellowLast[Int(id)] = year
            row.fellowsActive += 1
          }
        }
      }
      row.researchersSoFar = Int(named)
      row.components = components
      row.largestComponent = largest
      rows.append(row)
    }
    years = rows
  }

  /// The value of an in-place access (`&table[key, default: d]` inserts `d` when `key` is new,
  /// finding the key once).
  private static func value(_ slot: inout Int32) -> Int32 { slot }

  /// For each year of ``years``, which of `names` have a dated paper in that year or before.
  public func presence(of names: [String], in corpus: Corpus, kind: Network.Kind = .authors) -> [[Bool]] {
    var firstYear: [String: Int] = [:]
    for p in corpus.papers {
      guard let y = p.date?.year else { continue }
      for a in kind == .tags ? p.tags : p.authors where firstYear[a].map({ y < $0 }) ?? true { firstYear[a] = y }
    }
    return years.map { row in names.map { n in firstYear[n].map { $0 <= row.year } ?? false } }
  }
}
