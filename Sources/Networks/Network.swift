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

  public var kind: Kind
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

  public init(
    kind: Kind, graph: Graph, labels: [String], paperCounts: [Int], isFellow: [Bool],
    edgeKinds: [EdgeKind]? = nil, edgeVia: [[String]]? = nil
  ) {
    precondition(labels.count == graph.nodeCount && paperCounts.count == graph.nodeCount && isFellow.count == graph.nodeCount)
    self.kind = kind
    self.graph = graph
    self.labels = labels
    self.paperCounts = paperCounts
    self.isFellow = isFellow
    self.edgeKinds = edgeKinds ?? Array(repeating: .coauthorship, count: graph.edgeCount)
    self.edgeVia = edgeVia ?? Array(repeating: [], count: graph.edgeCount)
  }

  /// The node with this label, if any. O(n).
  public func node(named name: String) -> NodeID? {
    labels.firstIndex(of: name).map(NodeID.init)
  }
}
