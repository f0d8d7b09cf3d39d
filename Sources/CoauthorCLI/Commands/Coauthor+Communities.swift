import ArgumentParser
import TextEscaping
import Foundation
import Bibliography
import GraphAlgorithms
import GraphCore
import Networks
import Analysis
import Reporting

extension Coauthor {
  struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find communities (Louvain, Leiden or label propagation) and the topic tags that characterise them.",
      discussion: """
        Communities are listed largest first; members most central (PageRank) first. On a Spark job's output folder: the communities of its backbone, members by the job's whole-graph PageRank. With --format json: {"graph","algorithm","resolution","seed","modularity","communities":[{"id","members":[…],"tags":[…]}]}.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions
    @OptionGroup var community: CommunityOptions

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    func validate() throws {
      try input.requirePaths()
      if input.inputFormat == .edges && graphOptions.graph != .authors {
        throw ValidationError("Please use '--graph authors' with edge lists: they have no fellows or tags.")
      }
      try filters.validate(graph: graphOptions.graph)
    }

    /// The analysis `communities` runs: one network, PageRank (member order), the chosen method.
    var pipeline: Pipeline {
      var pipeline = makePipeline(
        graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters,
        communities: community.method)
      // Communities of people are also labelled by the terms of their papers' titles and abstracts.
      pipeline.labelsCommunitiesWithTerms = input.inputFormat != .edges && (graphOptions.graph == .authors || graphOptions.graph == .fellows)
      return pipeline
    }

    func run() throws {
      let spark = try input.sparkOutput()
      let analysis =
        try spark.map { try SparkCommands.analysis($0, pipeline: pipeline, graph: graphOptions.graph) }
        ?? CommunityAnalysis(try runPipeline(pipeline, input: input, filters: filters).networks[0])
      let method = analysis.detection.method
      let labels = analysis.network.labels
      switch format {
      case .json:
        let list = analysis.communities.map { c in
          JSON.object([
            ("id", .int(c.id + 1)),
            ("members", .array(c.members.map { .string(labels[$0.index]) })),
            ("tags", .array(c.tags.map { .string($0.tag) })),
            ("terms", .array(c.terms.map { .string($0.tag) })),
          ] + (c.termsFromOnePaper ? [("termsFromOnePaper", JSON.bool(true))] : []))
        }
        var members: [(String, JSON)] = [
          ("graph", .string(graphOptions.graph.rawValue)), ("algorithm", .string(method.algorithm.rawValue)),
        ]
        if method.algorithm == .leiden { members.append(("quality", .string(method.quality.rawValue))) }
        members += [
          ("resolution", .double(method.resolution)), ("seed", .int(Int(method.seed))),
        ]
        if method.algorithm == .leiden {
          members.append(("restarts", .int(method.restarts)))
          members.append(("leidenIterations", method.leidenIterations.map { .int($0) } ?? .null))
        }
        members += [
          ("modularity", .double(analysis.detection.modularity)),
        ]
        // Whether Leiden's runs stopped by their rule (false when an iteration cap ran out first).
        if method.algorithm == .leiden { members.append(("converged", .bool(analysis.detection.converged))) }
        if let spark {
          members.append(("spark", SparkCommands.backboneJSON(spark)))
        }
        if method.quality == .cpm { members.append(("cpm", .double(analysis.detection.quality))) }
        members.append(("communities", .array(list)))
        print(JSON.object(members).text())
      case .csv:
        var out = CSV.row(["community", "name", "fellow"])
        for c in analysis.communities {
          for v in c.members { out += CSV.row(["\(c.id + 1)", labels[v.index], analysis.network.isFellow[v.index] ? "true" : "false"]) }
        }
        print(out, terminator: "")
      case .text:
        if let spark {
          printText("Communities Coauthor finds on the backbone of a Spark run. \(spark.backboneNote). Members by whole-graph PageRank; the job's own whole-graph communities are in backbone-nodes.csv (column community).\n")
        }
        let cpm = method.quality == .cpm ? ", CPM quality \(String(format: "%.4f", analysis.detection.quality))" : ""
        printText("\(analysis.communities.count) communities, modularity \(String(format: "%.4f", analysis.detection.modularity))\(cpm) (\(method.name), resolution \(method.resolution), seed \(method.seed)\(method.leidenText)\(analysis.detection.converged ? "" : "; not converged: stopped at the iteration cap"))")
        for c in analysis.communities {
          let tags = c.tags.isEmpty ? "" : "  [" + c.tags.map(\.tag).joined(separator: ", ") + "]"
          printText("\n\(c.id + 1). \(c.members.count) members\(tags)")
          if !c.terms.isEmpty {
            let what = graphOptions.graph == .terms ? "top terms" : c.termsFromOnePaper ? "terms of their one paper (most specific first)" : "terms of their papers (log-likelihood)"
            printText("   \(what): " + c.terms.map(\.tag).joined(separator: ", "))
          }
          printText("   " + c.members.map { labels[$0.index] + (analysis.network.isFellow[$0.index] ? " *" : "") }.joined(separator: ", "))
        }
      }
    }
  }
}
