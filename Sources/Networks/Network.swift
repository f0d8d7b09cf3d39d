public import GraphCore

/// A graph together with what its nodes and edges stand for.
///
/// Node `v` of ``graph`` is `labels[v]`; the per-node arrays are all indexed by node.
public struct Network: Sendable {
  /// Which projection of the corpus this is.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// People, linked by co-authored papers.
    case authors
    /// Program fellows, linked by co-authorship and (optionally) by shared collaborators.
    case fellows
    /// Topic tags, linked by papers that carry both.
    case tags
    /// Terms of titles and abstracts (``TermExtractor``), linked by papers that hold both.
    case terms
  }

  /// What an edge of the fellow graph stands for.
  public enum EdgeKind: String, Sendable, Codable {
    /// The two wrote a paper together; weight = papers shared.
    case coauthorship
    /// The two never wrote together but share non-fellow co-authors (e.g. a mentor);
    /// weight = number of shared collaborators.
    case sharedCollaborator = "shared-collaborator"
  }

  /// What an edge weight measures, so that legends, captions and tables say it rightly.
  public enum EdgeWeight: Sendable, Equatable {
    /// Papers the two wrote together (full counting).
    case sharedPapers
    /// Σ 1/(n−1) over the shared papers of n authors (Newman's fractional counting).
    case fractionalPapers
    /// Co-occurrence of two tags or terms, weighted as the ``TagWeighting`` says.
    case cooccurrence(TagWeighting)
    /// As the input gave it (an edge list's weight column, a Spark job's table).
    case given

    /// The weight a projection of this kind has when nobody says otherwise.
    public static func `default`(for kind: Kind) -> EdgeWeight {
      switch kind {
      case .authors, .fellows: return .sharedPapers
      case .tags: return .cooccurrence(.count)
      case .terms: return .cooccurrence(.association)
      }
    }

    /// Whether every weight is a whole number of papers.
    public var isCount: Bool {
      switch self {
      case .sharedPapers, .cooccurrence(.count): return true
      case .fractionalPapers, .cooccurrence, .given: return false
      }
    }

    /// What a weight measures in words, for a network of `kind`: "shared papers",
    /// "papers with both tags", "association strength of the two terms", ….
    public func meaning(for kind: Kind) -> String {
      let things = kind == .terms ? "terms" : "tags"
      switch self {
      case .sharedPapers: return "shared papers"
      case .fractionalPapers: return "shared papers, fractionally counted (1/(n−1) per paper of n authors)"
      case .cooccurrence(.count): return "papers with both \(things)"
      case .cooccurrence(.association): return "association strength of the two \(things)"
      case .cooccurrence(.jaccard): return "Jaccard index of the two \(things) (papers with both / with either)"
      case .given: return "edge weight from the input"
      }
    }
  }

  public var kind: Kind
  /// What ``graph``'s edge weights measure.
  public var edgeWeight: EdgeWeight
  public var graph: Graph
  /// Display name of each node.
  public var labels: [String]
  /// Papers each node appears on (authors, fellows) or carries it (tags).
  public var paperCounts: [Int]
  /// Whether each node is a program fellow (always false for tags).
  public var isFellow: [Bool]
  /// What each edge stands for, indexed by ``EdgeID``.
  public var edgeKinds: [EdgeKind]
  /// For shared-collaborator edges, the names of the shared collaborators; empty otherwise.
  public var edgeVia: [[String]]
  /// The nodes of each paper of the corpus the network was built from (authors, fellows and
  /// tags networks; kept through node filters), or `nil` for a network not built from papers
  /// (an edge list, a Spark backbone, the terms network, a picture's view).
  public var paperNodes: PaperNodes?

  public init(
    kind: Kind, graph: Graph, labels: [String], paperCounts: [Int], isFellow: [Bool],
    edgeKinds: [EdgeKind]? = nil, edgeVia: [[String]]? = nil, edgeWeight: EdgeWeight? = nil, paperNodes: PaperNodes? = nil
  ) {
    precondition(labels.count == graph.nodeCount && paperCounts.count == graph.nodeCount && isFellow.count == graph.nodeCount)
    precondition(paperNodes.map { $0.nodes.allSatisfy { $0 >= 0 && Int($0) < graph.nodeCount } } ?? true, "paper nodes must be nodes")
    self.kind = kind
    self.edgeWeight = edgeWeight ?? .default(for: kind)
    self.graph = graph
    self.labels = labels
    self.paperCounts = paperCounts
    self.isFellow = isFellow
    self.edgeKinds = edgeKinds ?? Array(repeating: .coauthorship, count: graph.edgeCount)
    self.edgeVia = edgeVia ?? Array(repeating: [], count: graph.edgeCount)
    self.paperNodes = paperNodes
  }

  /// The node with this label, if any. O(n).
  public func node(named name: String) -> NodeID? {
    labels.firstIndex(of: name).map(NodeID.init)
  }
}
