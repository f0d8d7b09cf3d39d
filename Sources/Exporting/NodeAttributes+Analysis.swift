public import Analysis
import Bibliography
public import GraphAlgorithms
import Networks

extension NodeAttributes {
  /// What `coauthor export` writes for `analysis` (one network of `result`): the `metrics`
  /// asked for (PageRank, computed for community order, only when asked for), the communities
  /// numbered from 1 in `coauthor communities` order, citations when some paper has a count,
  /// folded tags' other spellings; `papers` and `fellow` left out for an edge list.
  public init(_ analysis: NetworkAnalysis, of result: AnalysisResult, metrics: [Metric]) {
    let isEdgeList = result.paperFilter == nil
    self.init(includesPapers: !isEdgeList, includesFellow: isEdgeList ? false : nil)
    let corpus = result.corpus
    let network = analysis.network
    // Citations only when some paper has a count, so exports of sources without counts are unchanged.
    if !isEdgeList, let citations = try? analysis.sizes(.citations, corpus: corpus) {
      self.citations = citations.values.map { Int($0) }
    }
    if network.kind == .tags, !corpus.tagVariants.isEmpty {
      variants = network.labels.map { corpus.tagVariants[$0] ?? [] }
    }
    for metric in analysis.metrics where metrics.contains(metric.metric) { scores[metric.metric] = metric.scores }
    if let found = analysis.communities { communities = found.communityOfNode.map { $0 + 1 } }
  }
}
