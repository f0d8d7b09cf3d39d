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
        Communities are listed largest first; members most central (PageRank) first. With --format json: {"graph","algorithm","resolution","seed","modularity","communities":[{"id","members":[…],"tags":[…]}]}.
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

    func run() throws {
      let loaded = try Interrupt.handling { try input.load() }
      reportDiagnostics(loaded.diagnostics)
      let (corpus, network) = try filters.network(from: loaded, graph: graphOptions)
      let options = AnalysisOptions(
        resolution: community.resolution, seed: community.seed, counting: graphOptions.counting,
        sharedCollaborators: !graphOptions.noSharedCollaborators)
      // Only PageRank (member order) and the communities: no O(nm) metrics.
      let analysis = try Interrupt.handling {
        try NetworkAnalysis(
          network: network, corpus: corpus, options: options, metrics: [.pagerank], communities: community.detect)
      }
      let labels = analysis.network.labels
      switch format {
      case .json:
        let list = analysis.communities.map { c in
          JSON.object([
            ("id", .int(c.id + 1)),
            ("members", .array(c.members.map { .string(labels[$0.index]) })),
            ("tags", .array(c.tags.map { .string($0.tag) })),
          ])
        }
        print(
          JSON.object([
            ("graph", .string(graphOptions.graph.rawValue)), ("algorithm", .string(community.algorithm.rawValue)),
            ("resolution", .double(community.resolution)), ("seed", .int(Int(community.seed))),
            ("modularity", .double(analysis.louvain.modularity)), ("communities", .array(list)),
          ]).text())
      case .csv:
        var out = CSV.row(["community", "name", "fellow"])
        for c in analysis.communities {
          for v in c.members { out += CSV.row(["\(c.id + 1)", labels[v.index], analysis.network.isFellow[v.index] ? "true" : "false"]) }
        }
        print(out, terminator: "")
      case .text:
        printText("\(analysis.communities.count) communities, modularity \(String(format: "%.4f", analysis.louvain.modularity)) (\(community.algorithm.displayName), resolution \(community.resolution), seed \(community.seed))")
        for c in analysis.communities {
          let tags = c.tags.isEmpty ? "" : "  [" + c.tags.map(\.tag).joined(separator: ", ") + "]"
          printText("\n\(c.id + 1). \(c.members.count) members\(tags)")
          printText("   " + c.members.map { labels[$0.index] + (analysis.network.isFellow[$0.index] ? " *" : "") }.joined(separator: ", "))
        }
      }
    }
  }
}

extension CommunityOptions {
  /// Runs the chosen detector on `graph`. Leiden and label propagation report their partition as
  /// the only level; `modularity` is at `resolution` (for Leiden with CPM: classic modularity).
  func detect(_ graph: Graph) throws(GraphError) -> LouvainResult {
    switch algorithm {
    case .louvain:
      return try Louvain(resolution: resolution, seed: seed).run(on: graph)
    case .leiden:
      let result = try Leiden(quality: (quality ?? .modularity).leiden, resolution: resolution, seed: seed).run(on: graph)
      return LouvainResult(partition: result.partition, levels: [result.partition], modularity: result.modularity)
    case .labelPropagation:
      let partition = try LabelPropagation(seed: seed).partition(of: graph)
      let q = try Modularity(resolution: resolution).value(of: partition, in: graph)
      return LouvainResult(partition: partition, levels: [partition], modularity: q)
    }
  }
}
