public import Bibliography
public import GraphCore
public import Networks

/// How a co-authorship network stood at the end of each of some years: who was active, how much
/// they had published, and when each pair of the people shown first wrote together. The report's
/// growth strip draws it, one picture a year.
///
/// Each year shows the `perYear` people with the most papers **in that year** (ties: more papers
/// up to that year, then the higher score, then the lower node id), so each picture shows that
/// year's active core, with the links its members had made by then, instead of the final
/// network's backbone in every year (the most central people of the whole period have all
/// published early, so that drew the same picture every year).
///
/// - Complexity: O(*s* + *y*·*n*) time for *s* author slots of dated papers, *n* nodes and *y*
///   years, plus O(Σ *kᵢ*²) for the *kᵢ* authors of a paper among the people shown; *y*·*n*
///   32-bit counters.
public struct Growth: Sendable, Equatable {
  /// The years, ascending and consecutive.
  public var years: [Int]
  /// For each year, the nodes shown, in ascending id order.
  public var shown: [[NodeID]]
  /// Every node shown in some year, in ascending id order.
  public var union: [NodeID]
  /// For each node of ``union``: the year of its first dated paper.
  public var firstYear: [Int]
  /// For each year, for each node of ``union``: its papers in that year.
  public var papersInYear: [[Int]]
  /// For each year, for each node of ``union``: its papers up to and including that year.
  public var papersUpTo: [[Int]]
  /// For each year: how many people published in that year.
  public var active: [Int]
  /// For each year: how many people had published up to and including that year.
  public var researchers: [Int]
  /// First year in which two nodes of ``union`` (positions in ``union``, smaller first) wrote a
  /// dated paper together.
  var firstJoint: [Int64: Int]

  /// The year in which `a` and `b` (positions in ``union``) first wrote a paper together, or
  /// `nil` if they never did (in a dated paper).
  public func firstJointYear(_ a: Int, _ b: Int) -> Int? {
    firstJoint[Int64(min(a, b)) << 32 | Int64(max(a, b))]
  }

  /// - Parameters:
  ///   - network: an authors or fellows network built from `corpus` (labels are display names;
  ///     its ``Network/paperNodes`` give each paper's people).
  ///   - years: the years to describe, ascending and consecutive; later papers are ignored.
  ///   - perYear: how many people each year shows.
  ///   - scores: a score per node breaking ties (e.g. PageRank).
  public init(network: Network, corpus: Corpus, years: [Int], perYear: Int, scores: [Double]) {
    precondition(zip(years, years.dropFirst()).allSatisfy { $1 == $0 + 1 }, "years must be consecutive")
    let n = network.graph.nodeCount
    self.years = years
    // Each paper's nodes from the network's own table (no name is looked up).
    guard let paperNodes = network.paperNodes else { preconditionFailure("Growth needs a network built from the papers") }
    precondition(paperNodes.paperCount == corpus.papers.count, "paper nodes of another corpus")
    // inYear[k][v]: papers of v in years[k]; before[v]: papers before years[0].
    var inYear = [[Int32]](repeating: [Int32](repeating: 0, count: n), count: years.count)
    var before = [Int32](repeating: 0, count: n)
    var first = [Int32](repeating: Int32.max, count: n)
    // The dated papers up to the last year shown, with their year and their people's nodes
    // (`nodes[starts[i] ..< starts[i + 1]]`, people not in the network left out), read again
    // below for the first joint papers.
    var datedYears: [Int] = []
    var starts: [Int] = [0]
    var nodes: [Int32] = []
    if let firstShown = years.first, let last = years.last {
      for p in corpus.papers.indices {
        // Only the date is read (a whole `Paper` copied retains its ten fields).
        guard let y = corpus.papers[p].date?.year, y <= last else { continue }
        let k = y - firstShown
        for v in paperNodes.nodes(ofPaper: p) {
          nodes.append(v)
          if k >= 0 { inYear[k][Int(v)] += 1 } else { before[Int(v)] += 1 }
          if Int32(y) < first[Int(v)] { first[Int(v)] = Int32(y) }
        }
        datedYears.append(y)
        starts.append(nodes.count)
      }
    }
    var upTo = before
    var shown: [[NodeID]] = []
    var active: [Int] = []
    var researchers: [Int] = []
    for k in years.indices {
      for v in 0 ..< n { upTo[v] += inYear[k][v] }
      active.append(inYear[k].reduce(0) { $0 + ($1 > 0 ? 1 : 0) })
      researchers.append(upTo.reduce(0) { $0 + ($1 > 0 ? 1 : 0) })
      shown.append(Self.top(perYear, of: inYear[k], then: upTo, scores: scores))
    }
    self.active = active
    self.researchers = researchers
    var inUnion = [Bool](repeating: false, count: n)
    for list in shown { for v in list { inUnion[v.index] = true } }
    let union = (0 ..< n).filter { inUnion[$0] }.map(NodeID.init)
    var position = [Int32](repeating: -1, count: n)
    for (i, v) in union.enumerated() { position[v.index] = Int32(i) }
    self.shown = shown
    self.union = union
    firstYear = union.map { Int(first[$0.index]) }
    papersInYear = inYear.map { row in union.map { Int(row[$0.index]) } }
    var running = union.map { Int(before[$0.index]) }
    papersUpTo = papersInYear.map { row in
      for i in running.indices { running[i] += row[i] }
      return running
    }
    // First joint paper of each pair of people shown.
    var joint: [Int64: Int] = [:]
    var local: [Int] = []
    for (i, y) in datedYears.enumerated() {
      local.removeAll(keepingCapacity: true)
      for v in nodes[starts[i] ..< starts[i + 1]] where position[Int(v)] >= 0 { local.append(Int(position[Int(v)])) }
      guard local.count >= 2 else { continue }
      for i in local.indices {
        for j in local.indices where j > i && local[i] != local[j] {
          let key = Int64(min(local[i], local[j])) << 32 | Int64(max(local[i], local[j]))
          if let known = joint[key], known <= y { continue }
          joint[key] = y
        }
      }
    }
    firstJoint = joint
  }

  /// The `limit` nodes with the highest positive `counts` (ties: higher `then`, then higher
  /// `scores`, then lower id), in ascending id order. O(*n* + *c* log *c*) for the *c* nodes at
  /// or above the threshold count.
  static func top(_ limit: Int, of counts: [Int32], then second: [Int32], scores: [Double]) -> [NodeID] {
    guard limit > 0 else { return [] }
    // The threshold: the largest t with at least `limit` nodes counting t or more.
    var histogram: [Int] = []
    for c in counts where c > 0 {
      if Int(c) >= histogram.count { histogram += [Int](repeating: 0, count: Int(c) - histogram.count + 1) }
      histogram[Int(c)] += 1
    }
    var threshold = 1
    var atLeast = 0
    for c in stride(from: histogram.count - 1, through: 1, by: -1) {
      atLeast += histogram[c]
      threshold = c
      if atLeast >= limit { break }
    }
    let candidates = counts.indices.filter { counts[$0] >= threshold && counts[$0] > 0 }
    let score = { (v: Int) -> Double in v < scores.count && !scores[v].isNaN ? scores[v] : -.infinity }
    let ordered = candidates.sorted { a, b in
      if counts[a] != counts[b] { return counts[a] > counts[b] }
      if second[a] != second[b] { return second[a] > second[b] }
      return score(a) != score(b) ? score(a) > score(b) : a < b
    }
    return ordered.prefix(limit).sorted().map(NodeID.init)
  }
}
