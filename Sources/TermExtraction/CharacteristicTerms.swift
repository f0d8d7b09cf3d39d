#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terms that characterise a group of papers (a community's), ranked by Dunning's
/// log-likelihood ratio, as CiteSpace labels its clusters.
///
/// For a term held by *a* of the group's *n* papers and by *c* of the other *N* − *n* papers,
/// with the 2×2 table *O* = (*a*, *n* − *a*, *c*, *N* − *n* − *c*) and its expected values *E*
/// under independence (row total × column total / *N*), the score is
/// *G*² = 2 Σ *O* ln(*O* / *E*) (terms with *O* = 0 add nothing). Only over-represented terms
/// count (*a* / *n* > (*a* + *c*) / *N*); ties go to more papers in the group, then the key.
///
/// A term labels a group only when at least 2 of the group's papers hold it
/// (``minimumPapers``): a term of a single paper is what that paper says, not what the group
/// shares, and at *a* = 1 every such term of a small group scores about the same, so the label
/// would be decided by ties. A group of one paper gets no log-likelihood labels; it is labelled by
/// that paper's most specific terms instead (``ofOnePaper(_:relevance:occurrences:keys:limit:)``),
/// and outputs say so.
///
/// Example: 100 papers, a group of 10; a term in 6 of them and in 4 others scores
/// *G*² ≈ 18.83; a term in 1 of them and 9 others (as often as anywhere) is not listed.
///
/// - Complexity: O(Σ terms per paper × groups per paper) to count, O(*t* log *t*) per group to rank.
///
/// ## References
/// - T. Dunning. "Accurate methods for the statistics of surprise and coincidence."
///   *Computational Linguistics* 19(1):61–74, 1993.
/// - C. Chen, F. Ibekwe-SanJuan, J. Hou. "The structure and dynamics of cocitation clusters: a
///   multiple-perspective cocitation analysis." *JASIST* 61(7):1386–1409, 2010.
///   doi:[10.1002/asi.21309](https://doi.org/10.1002/asi.21309)
public enum CharacteristicTerms {
  /// One term of a group, with its score.
  public struct Score: Sendable, Equatable {
    public var term: Int
    /// Papers of the group holding the term.
    public var papers: Int
    /// *G*².
    public var logLikelihood: Double
  }

  /// *G*² of a term in `a` of `n` group papers and `c` of the `total − n` others.
  public static func logLikelihood(a: Int, n: Int, c: Int, total: Int) -> Double {
    let (a, n, c, N) = (Double(a), Double(n), Double(c), Double(total))
    let cells = [(a, n, a + c), (n - a, n, N - a - c), (c, N - n, a + c), (N - n - c, N - n, N - a - c)]
    var g = 0.0
    for (o, row, column) in cells where o > 0 {
      g += o * log(o * N / (row * column))
    }
    return 2 * g
  }

  /// Papers of a group that must hold a term for it to label the group.
  public static let minimumPapers = 2

  /// The top `limit` characteristic terms of each of `groupCount` groups. `groupsOfText[p]` are
  /// the groups paper `p` belongs to, `textTerms[p]` the terms it holds, `occurrences[t]` the
  /// papers holding term `t`, `keys[t]` its key (for ties).
  public static func rank(
    groupCount: Int, groupsOfText: [[Int]], textTerms: [[Int32]], occurrences: [Int], keys: [String], limit: Int = 3
  ) -> [[Score]] {
    var starts: [Int32] = [0]
    var groups: [Int32] = []
    for list in groupsOfText {
      groups.append(contentsOf: list.lazy.map { Int32($0) })
      starts.append(Int32(groups.count))
    }
    return rank(
      groupCount: groupCount, groupStarts: starts, groups: groups, textTerms: textTerms, occurrences: occurrences, keys: keys,
      limit: limit)
  }

  /// ``rank(groupCount:groupsOfText:textTerms:occurrences:keys:limit:)`` with the groups of the
  /// papers in one table: paper `p`'s groups are `groups[groupStarts[p] ..< groupStarts[p + 1]]`
  /// (`textTerms.count` + 1 offsets).
  public static func rank(
    groupCount: Int, groupStarts: [Int32], groups: [Int32], textTerms: [[Int32]], occurrences: [Int], keys: [String],
    limit: Int = 3
  ) -> [[Score]] {
    precondition(groupStarts.count == textTerms.count + 1, "one group list per paper")
    let total = textTerms.count
    var size = [Int](repeating: 0, count: groupCount)
    for g in groups { size[Int(g)] += 1 }
    // Each group's term slots (one per term of each of its papers), group after group; then each
    // group's terms counted in a dense array.
    var slotsOf = [Int](repeating: 0, count: groupCount + 1)
    for p in 0 ..< total {
      let n = textTerms[p].count
      guard n > 0 else { continue }
      for k in Int(groupStarts[p]) ..< Int(groupStarts[p + 1]) { slotsOf[Int(groups[k]) + 1] += n }
    }
    for g in 0 ..< groupCount { slotsOf[g + 1] += slotsOf[g] }
    var fill = slotsOf
    var slots = [Int32](repeating: 0, count: slotsOf[groupCount])
    for p in 0 ..< total {
      let terms = textTerms[p]
      guard !terms.isEmpty else { continue }
      for k in Int(groupStarts[p]) ..< Int(groupStarts[p + 1]) {
        let g = Int(groups[k])
        for t in terms {
          slots[fill[g]] = t
          fill[g] += 1
        }
      }
    }
    fill = []
    var times = [Int](repeating: 0, count: occurrences.count)
    var touched: [Int32] = []
    return (0 ..< groupCount).map { g in
      let n = size[g]
      guard n > 0, n < total else { return [] }
      touched.removeAll(keepingCapacity: true)
      for k in slotsOf[g] ..< slotsOf[g + 1] {
        let t = Int(slots[k])
        if times[t] == 0 { touched.append(Int32(t)) }
        times[t] += 1
      }
      var scores: [Score] = []
      for t in touched {
        let a = times[Int(t)]
        times[Int(t)] = 0
        guard a >= minimumPapers else { continue }
        let occ = occurrences[Int(t)]
        guard Double(a) / Double(n) > Double(occ) / Double(total) else { continue }
        scores.append(Score(term: Int(t), papers: a, logLikelihood: logLikelihood(a: a, n: n, c: occ - a, total: total)))
      }
      scores.sort { x, y in
        if x.logLikelihood != y.logLikelihood { return x.logLikelihood > y.logLikelihood }
        if x.papers != y.papers { return x.papers > y.papers }
        return keys[x.term].utf8.lexicographicallyPrecedes(keys[y.term].utf8)
      }
      return Array(scores.prefix(limit))
    }
  }

  /// The label of a group of one paper: the `limit` terms of `terms` (the paper's) with the
  /// highest relevance (``TermMap/Term/relevance``: the most specific first), ties by more
  /// occurrences in the corpus, then by key.
  public static func ofOnePaper(_ terms: [Int32], relevance: [Double], occurrences: [Int], keys: [String], limit: Int = 3) -> [Int] {
    let sorted = terms.map(Int.init).sorted { x, y in
      if relevance[x] != relevance[y] { return relevance[x] > relevance[y] }
      if occurrences[x] != occurrences[y] { return occurrences[x] > occurrences[y] }
      return keys[x].utf8.lexicographicallyPrecedes(keys[y].utf8)
    }
    return Array(sorted.prefix(limit))
  }
}
