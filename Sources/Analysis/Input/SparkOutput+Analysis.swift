import Bibliography
public import GraphAlgorithms
import GraphCore
public import Networks

/// A Spark job's backbone through the one ``Pipeline``: `render`, `communities` and `report` of a
/// job's output folder run the pipeline on the backbone network (communities by Coauthor's method
/// on the backbone, as for any network), then carry the job's **whole-graph** PageRank, degree
/// and strength in place of values recomputed on the backbone (which would be wrong for the
/// whole graph).
extension SparkOutput {
  /// The metrics the job computes for the whole graph.
  public static let wholeGraphMetrics: [Metric] = [.pagerank, .degree, .strength]

  /// The backbone as a network: nodes in file order (labels, paper counts), the edges among them
  /// with the job's weights; kind `tags` for a tag job, else `authors`.
  public var backboneNetwork: Network {
    let n = nodes.count
    let graph = Graph(nodeCount: n, edges: edges.map { ($0.source, $0.target, $0.weight) })
    return Network(
      kind: self["graph"] == "tags" ? .tags : .authors, graph: graph, labels: nodes.map(\.label),
      paperCounts: nodes.map(\.papers), isFellow: Array(repeating: false, count: n))
  }

  /// The job's whole-graph values of `metric` for the backbone's nodes; `nil` for a metric the
  /// job does not compute.
  public func wholeGraphValues(_ metric: Metric) -> [Double]? {
    switch metric {
    case .pagerank: nodes.map(\.pagerank)
    case .degree: nodes.map { Double($0.degree) }
    case .strength: nodes.map(\.strength)
    default: nil
    }
  }

  /// One line saying what a picture of the backbone shows, with the whole graph's totals from
  /// `summary.csv`: "Spark backbone: 8 of 2,417 nodes (top by pagerank), 9 of 5,893 edges; whole
  /// graph: 131 components, the largest 1,987 nodes".
  public var backboneNote: String {
    "Spark backbone: \(nodes.count.countText) of \(integer("nodes").countText) nodes (top by \(self["backbone_metric"])), "
      + "\(edges.count.countText) of \(integer("edges").countText) edges; whole graph: \(integer("components").countText) "
      + "component\(integer("components") == 1 ? "" : "s"), the largest \(integer("largest_component_nodes").countText) nodes"
  }

  /// Runs `pipeline` on the backbone (its communities are Coauthor's, found on the backbone),
  /// then replaces PageRank, degree and strength by the job's whole-graph values and orders
  /// community members by whole-graph PageRank. The pipeline's counting is the job's (the
  /// weights are the job's): it must be `.full` (the default), and its metrics must be among
  /// ``wholeGraphMetrics``.
  /// - Throws: ``SparkBackboneError`` for a metric the job does not compute or a counting given
  ///   here or a filter; what ``Pipeline/run(on:progress:)`` throws.
  public func analyse(_ pipeline: Pipeline, progress: (any PipelineProgress)? = nil) throws -> AnalysisResult {
    if let metric = pipeline.metrics.first(where: { !Self.wholeGraphMetrics.contains($0) }) {
      throw SparkBackboneError.metricNotComputed(metric)
    }
    if pipeline.counting != .full { throw SparkBackboneError.countingGivenHere(job: self["counting"]) }
    // Node filters would cut the backbone (and its whole-graph values) apart; years need papers.
    if pipeline.filter.filtersGraph || !pipeline.filter.years.isEmpty { throw SparkBackboneError.filterGivenHere }
    let read = EdgeListReader.Result(network: backboneNetwork, diagnostics: [], edgeLines: edges.count)
    var result = try pipeline.run(on: .network(read), progress: progress)
    var analysis = result.networks[0]
    for (i, metric) in analysis.metrics.enumerated() {
      if let values = wholeGraphValues(metric.metric) {
        analysis.metrics[i] = MetricResult(metric: metric.metric, values: values, skipped: false)
      }
    }
    if let structure = analysis.communities {
      analysis.communities = CommunityStructure(
        detection: structure.detection, network: analysis.network, pagerank: wholeGraphValues(.pagerank)!, corpus: result.corpus)
    }
    result.networks[0] = analysis
    return result
  }
}

/// What a Spark job's backbone cannot give.
public enum SparkBackboneError: Error, Equatable, CustomStringConvertible {
  /// A metric the job does not compute for the whole graph.
  case metricNotComputed(Metric)
  /// `--counting` given to Coauthor instead of the job (`job`: the job's counting).
  case countingGivenHere(job: String)
  /// A node, edge or year filter: the backbone is the job's, its filters are the job's options.
  case filterGivenHere

  public var description: String {
    switch self {
    case .metricNotComputed(let metric):
      "the Spark job computes only pagerank, degree and strength for the whole graph ('\(metric.rawValue)' on the backbone alone would be wrong for the whole graph)"
    case .countingGivenHere(let job):
      "a Spark job's output is counted already (\(job) counting): give '--counting' to the job, not here"
    case .filterGivenHere:
      "a Spark job's backbone is drawn as the job chose it: node, edge and year filters are not applied to it (give the job '--backbone' and '--backbone-metric', or filter its input)"
    }
  }
}
