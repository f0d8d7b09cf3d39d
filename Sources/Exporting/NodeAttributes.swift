public import GraphAlgorithms
public import GraphCore

/// What ``GraphExport`` writes about each node besides its label: which of the network's own
/// fields, the centrality scores computed, and the community of each node.
///
///     var attributes = NodeAttributes()
///     attributes.scores[.pagerank] = try PageRank().scores(for: network.graph)
///     attributes.communities = [1, 1, 2]     // one number per node, from 1
public struct NodeAttributes: Sendable {
  /// Computed metrics; written in ``Metric`` declaration order (degree, strength, betweenness,
  /// closeness, harmonic, eigenvector, pagerank, coreness, clustering), whatever order they were
  /// added in. Degree and coreness are written as integers, the others as real numbers.
  public var scores: [Metric: NodeScores]
  /// The community of each node, numbered from 1, or `nil` for no `community` attribute.
  public var communities: [Int]?
  /// Whether to write `papers` (the node's paper count). Leave it out for networks read from
  /// edge lists, which have no papers.
  public var includesPapers: Bool
  /// Whether to write `fellow`; `nil` writes it for author and fellow networks, not for tags.
  public var includesFellow: Bool?
  /// The summed citation counts of each node's papers (see `Corpus.citationTotals(for:in:)`),
  /// written as the integer attribute `citations` after `papers`; `nil` writes none.
  public var citations: [Int]?
  /// The other spellings of each node's name (a folded tag's variants, `Corpus.tagVariants`), one
  /// list per node, written last as `variants` (a JSON array; `; `-joined elsewhere); `nil`
  /// writes no such attribute.
  public var variants: [[String]]?

  public init(
    scores: [Metric: NodeScores] = [:], communities: [Int]? = nil, includesPapers: Bool = true,
    includesFellow: Bool? = nil, citations: [Int]? = nil
  ) {
    self.citations = citations
    self.scores = scores
    self.communities = communities
    self.includesPapers = includesPapers
    self.includesFellow = includesFellow
  }
}
