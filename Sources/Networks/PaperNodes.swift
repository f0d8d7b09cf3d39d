/// The nodes of each paper of the corpus a network was built from, as one compressed table
/// (CSR): paper `p`'s nodes are `nodes[starts[p] ..< starts[p + 1]]`.
///
/// It is made once, by the projection that numbers the nodes (``Network/authors(of:counting:)``,
/// ``Network/fellows(of:sharedCollaborators:)``, ``Network/tags(of:weighting:)``), and follows
/// the nodes through every node filter (``Network/subnetwork(keepingNodes:edges:)``), so what
/// reads the papers of a network's nodes (community tags and term labels, the growth strip) never
/// looks a name up again: one table, one route from a paper to its nodes.
///
/// - Authors: the paper's authors in list order; a name listed twice appears twice.
/// - Fellows: the paper's fellows in list order, as the authors.
/// - Tags: the paper's tags in list order, each once.
/// - A node a filter dropped is left out of its papers; the papers keep their places (a paper
///   none of whose nodes is kept has an empty list), so `p` is always the corpus's paper `p`.
///
///     // papers: [Ann, Bob], [Bob, Cy]; authors network nodes Ann 0, Bob 1, Cy 2
///     network.paperNodes?.nodes(ofPaper: 1)     // [1, 2]
///
/// - Complexity: O(*P* + *S*) space for *P* papers and *S* node slots (4 bytes a slot).
public struct PaperNodes: Sendable, Equatable {
  /// `starts[p] ..< starts[p + 1]` is the range of paper `p` in ``nodes`` (``paperCount`` + 1
  /// entries, the first 0).
  public private(set) var starts: [Int32]
  /// The node numbers of every paper, paper after paper.
  public private(set) var nodes: [Int32]

  /// An empty table (no papers).
  public init() {
    starts = [0]
    nodes = []
  }

  /// A table of `starts` (``paperCount`` + 1 non-decreasing offsets into `nodes`, the first 0,
  /// the last `nodes.count`) and `nodes`.
  public init(starts: [Int32], nodes: [Int32]) {
    precondition(starts.first == 0 && Int(starts.last ?? -1) == nodes.count, "starts must run from 0 to nodes.count")
    self.starts = starts
    self.nodes = nodes
  }

  /// The number of papers.
  public var paperCount: Int { starts.count - 1 }

  /// The nodes of paper `p`, in the order described above.
  public func nodes(ofPaper p: Int) -> ArraySlice<Int32> {
    nodes[Int(starts[p]) ..< Int(starts[p + 1])]
  }

  /// Appends the next paper, whose nodes are `paperNodes`.
  mutating func append(_ paperNodes: some Sequence<Int32>) {
    nodes.append(contentsOf: paperNodes)
    precondition(nodes.count <= Int(Int32.max), "more than 2^31 node slots")
    starts.append(Int32(nodes.count))
  }

  /// Room for `papers` papers and `slots` node slots (at most: the table is kept, so it should
  /// not carry a doubling's spare room).
  mutating func reserveCapacity(papers: Int, slots: Int) {
    starts.reserveCapacity(papers + 1)
    nodes.reserveCapacity(slots)
  }

  /// The table after a node filter: `newIndex[v]` is node `v`'s new number, or a negative number
  /// when `v` was dropped (it is then left out of its papers).
  func renumbered(_ newIndex: [Int]) -> PaperNodes {
    var out = PaperNodes()
    out.starts.reserveCapacity(starts.count)
    out.nodes.reserveCapacity(nodes.count)
    for p in 0 ..< paperCount {
      for s in Int(starts[p]) ..< Int(starts[p + 1]) {
        let v = newIndex[Int(nodes[s])]
        if v >= 0 { out.nodes.append(Int32(v)) }
      }
      out.starts.append(Int32(out.nodes.count))
    }
    return out
  }
}
