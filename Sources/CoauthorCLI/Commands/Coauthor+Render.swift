import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import Reporting

extension LayoutEngine: ExpressibleByArgument {}

extension Coauthor {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a network with Graphviz (in-process) to SVG, PNG, PDF or DOT.",
      discussion: """
        Node area follows --size-by, colours are Louvain communities, program fellows have a thick double outline, edge width follows the weight; every node has a tooltip. The layout seed is fixed, so the same input gives the same picture.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var community: CommunityOptions

    @Option(help: "Graphviz layout engine.")
    var engine: LayoutEngine = .sfdp

    @Option(name: .shortAndLong, help: ArgumentHelp("The picture to write: <file>.svg, .png, .pdf or .dot.", valueName: "file"))
    var output: String

    @Option(help: "The metric that sets node size.")
    var sizeBy: Metric = .pagerank

    @Option(parsing: .unconditional, help: ArgumentHelp("Label only the <n> most central nodes (all get tooltips).", valueName: "n"))
    var labels: Int = 20

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    func validate() throws {
      try input.requirePaths()
      guard RenderFormat(fileExtension: (output as NSString).pathExtension) != nil else {
        throw ValidationError("Please give an '--output' ending in .svg, .png, .pdf or .dot (got '\(output)').")
      }
      if labels < 0 { throw ValidationError("Please give '--labels' of at least 0.") }
    }

    func run() throws {
      let corpus = try input.loadCorpus()
      reportDiagnostics(corpus)
      let network = graphOptions.network(from: corpus)
      let options = AnalysisOptions(
        resolution: community.resolution, seed: community.seed, counting: graphOptions.counting,
        sharedCollaborators: !graphOptions.noSharedCollaborators)
      let analysis = try NetworkAnalysis(network: network, corpus: corpus, options: options)
      let format = RenderFormat(fileExtension: (output as NSString).pathExtension)!
      var style = ReportFigures.style(for: analysis, people: Network.authors(of: corpus).labels, sizeBy: sizeBy, labelCount: labels)
      style.showsLegend = !noLegend
      let dot = DOTWriter(style: style, engine: engine).dot(for: network)
      let bytes = try GraphvizRenderer(engine: engine).render(dot: dot, format: format)
      try AtomicFile.write(Data(bytes), to: output)
      printError("coauthor: wrote \(output) (\(network.graph.nodeCount) nodes, \(network.graph.edgeCount) edges, \(engine.rawValue))")
    }
  }
}

/// How the report and `render` style each network.
enum ReportFigures {
  static func style(for analysis: NetworkAnalysis, people: [String], sizeBy metric: Metric, labelCount: Int) -> NetworkStyle {
    let network = analysis.network
    let sizes: NodeScores
    let sizeName: String
    if network.kind == .tags {
      sizes = NodeScores(values: network.paperCounts.map(Double.init))
      sizeName = "papers"
    } else {
      sizes = analysis.scores[metric]!
      sizeName = metric.rawValue
    }
    let names = analysis.communities.map { c -> String in
      let lead = c.members.first.map { network.labels[$0.index] } ?? ""
      if network.kind == .tags { return "Cluster \(c.id + 1)" }
      if let tag = c.tags.first?.tag { return "\(c.id + 1): \(tag), \(lead)" }
      return "\(c.id + 1): around \(lead)"
    }
    let anchors = PersonAnchors(names: people)
    let urls: [String?] = network.labels.map { network.kind == .tags ? nil : "#" + anchors[$0] }
    // The style numbers communities canonically (by smallest member); colour and name them by
    // the analysis order (largest first), so the biggest communities get the first colours.
    let partition = analysis.partition
    var rankOfCanonical = [Int](repeating: 0, count: partition.communityCount)
    for v in 0 ..< partition.nodeCount { rankOfCanonical[Int(partition.membership[v])] = analysis.communityOfNode[v] }
    var style = NetworkStyle(
      sizeScores: sizes, sizeMetricName: sizeName, communities: partition,
      communityNames: rankOfCanonical.map { names[$0] },
      labelCount: labelCount, title: nil, showsLegend: true, nodeURLs: urls, layoutSeed: 0)
    style.communityLegendOrder = (0 ..< partition.communityCount).sorted { rankOfCanonical[$0] < rankOfCanonical[$1] }
    style.labelsAllFellows = network.kind != .tags
    let palette = style.palette
    style.palette = rankOfCanonical.map { $0 < palette.count ? palette[$0] : style.overflowColor }
    return style
  }
}
