import ArgumentParser
import TextEscaping
import Foundation
import Bibliography
import GraphAlgorithms
import GraphCore
import Networks
import Analysis

extension Coauthor {
  struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank the nodes of a network by a centrality measure.",
      discussion: """
        Scores follow networkx 3.x conventions: degree = distinct co-authors, strength = sum of weights, betweenness = betweenness_centrality(G), closeness = closeness_centrality(G), harmonic = harmonic_centrality(G), eigenvector = eigenvector_centrality_numpy(G, weight="weight"), pagerank = pagerank(G, alpha=0.85, weight="weight"). Highest score first; ties by name. With --format json: {"graph","metric","rows":[{"rank","name","score","fellow"}]}.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions

    @Option(help: "The centrality measure.")
    var metric: Metric = .pagerank

    @Option(name: .customLong("top"), parsing: .unconditional, help: ArgumentHelp("Print only the <n> highest-ranked nodes.", valueName: "n"))
    var limit: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @OptionGroup var compute: ComputeOptions
    @OptionGroup var seedOption: SeedOption

    var weighted: Bool { compute.weighted }

    func validate() throws {
      try input.requirePaths()
      if let limit, limit < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      if compute.samples != nil && metric != .betweenness {
        throw ValidationError("Please use '--samples' only with '--metric betweenness'.")
      }
      if input.inputFormat == .edges && graphOptions.graph != .authors {
        throw ValidationError("Please use '--graph authors' with edge lists: they have no fellows or tags.")
      }
      try filters.validate(graph: graphOptions.graph)
    }

    /// The analysis `rank` runs: one network, one metric, no communities.
    var pipeline: Pipeline {
      makePipeline(
        graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters, metrics: [metric],
        compute: compute.settings(seed: seedOption.seed))
    }

    func run() throws {
      if let spark = try input.sparkOutput() {
        return printText(try SparkCommands.rank(spark, metric: metric, limit: limit, format: format), terminator: "")
      }
      let analysis = try runPipeline(pipeline, input: input, filters: filters).networks[0]
      let network = analysis.network
      guard let scores = analysis.metric(metric)?.values else { throw CLIError(AnalysisError.metricNotComputed(metric).description) }
      var order = NetworkAnalysis.ranking(scores, labels: network.labels).map(\.index)
      if let limit { order = Array(order.prefix(limit)) }
      switch format {
      case .json:
        let rows = order.enumerated().map { i, v in
          JSON.object([
            ("rank", .int(i + 1)), ("name", .string(network.labels[v])), ("score", .double(scores[v])),
            ("fellow", .bool(network.isFellow[v])),
          ])
        }
        var members: [(String, JSON)] = [("graph", .string(graphOptions.graph.rawValue)), ("metric", .string(metric.rawValue))]
        if let c = analysis.metric(metric)?.convergence {
          members.append(
            ("convergence", .object([
              ("iterations", .int(c.iterations)), ("errorBound", .double(c.errorBound)), ("tolerance", .double(c.tolerance)),
              ("converged", .bool(c.isConverged)),
            ] + (c.tieWidth.map { [("tieWidth", JSON.double($0))] } ?? []))))
        }
        if let e = analysis.metric(metric)?.estimate {
          members.append(
            ("estimate", .object([
              ("method", .string(e.method.rawValue)), ("samples", .int(e.samples)), ("errorBound", .double(e.errorBound)),
              ("confidence", .double(e.confidence)),
            ])))
        }
        members.append(("rows", .array(rows)))
        print(JSON.object(members).text())
      case .csv:
        var out = CSV.row(["rank", "name", "score", "fellow"])
        for (i, v) in order.enumerated() { out += CSV.row(["\(i + 1)", network.labels[v], "\(scores[v])", network.isFellow[v] ? "true" : "false"]) }
        print(out, terminator: "")
      case .text:
        let rows = order.enumerated().map { i, v in
          ["\(i + 1)", network.labels[v] + (network.isFellow[v] ? " *" : ""), formatScore(scores[v])]
        }
        printText(TextTable.render(headers: ["rank", graphOptions.graph == .tags ? "tag" : "name", metric.rawValue], rows: rows, numeric: [0, 2]), terminator: "")
        if graphOptions.graph != .tags && network.isFellow.contains(true) { printText("* program fellow") }
      }
    }
  }
}

func formatScore(_ x: Double) -> String {
  x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.6f", x)
}
