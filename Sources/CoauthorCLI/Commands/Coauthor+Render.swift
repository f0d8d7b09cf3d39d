import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import Analysis

extension LayoutEngine: ExpressibleByArgument {}
extension FigureView: ExpressibleByArgument {}
extension SizeMeasure: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Coauthor {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a network with Graphviz (in-process) to SVG, PNG, PDF or DOT.",
      discussion: """
        Node area follows --size-by, colours are Louvain communities, program fellows have a dark double ring, edge width follows the weight; the most central nodes are labelled and every node has a tooltip. The layout seed is fixed, so the same input gives the same picture (byte-identical SVG).

        Big networks stay readable: above --max-nodes nodes the picture shows the backbone (the most central nodes and the links among them); --view communities draws one circle per community instead. --focus NAME draws a researcher's ego network; --since/--until keep papers of those years (papers without a date are then left out, and counted); --per-year writes one picture per year, in one shared layout.

        A Spark job's output folder is drawn as its backbone: node size by the job's whole-graph PageRank (or degree, strength, papers), colours by the communities Coauthor finds on the backbone, and the legend says it is the backbone of N of M nodes.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions
    @OptionGroup var community: CommunityOptions

    @Option(help: "Graphviz layout engine.")
    var engine: LayoutEngine = .sfdp

    @Option(name: .shortAndLong, help: ArgumentHelp("The picture to write: <file>.svg, .png, .pdf or .dot.", valueName: "file"))
    var output: String

    @Option(help: "What sets node size (and picks the backbone): a metric, papers, or citations (the summed citation counts of a node's papers). Default: pagerank, and papers for --graph tags.")
    var sizeBy: SizeMeasure?

    @OptionGroup var compute: ComputeOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Label only the <n> most central nodes (all get tooltips).", valueName: "n"))
    var labels: Int = 20

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "What to draw: auto (full up to --max-nodes, else backbone), full, backbone or communities.")
    var view: FigureView = .auto

    @Option(parsing: .unconditional, help: ArgumentHelp("Node budget <n>: larger networks are reduced to their backbone of <n> nodes.", valueName: "n"))
    var maxNodes: Int = 300

    @Option(help: ArgumentHelp("Draw the ego network of the researcher (or fellow, or tag) named <name>.", valueName: "name"))
    var focus: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --focus: include people up to <r> co-author steps away.", valueName: "r"))
    var radius: Int = 1

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Refuse to lay out a picture of more than <n> nodes or 5 × <n> edges (Graphviz would run for a long time); .dot output is not laid out and is never refused.",
        valueName: "n"))
    var layoutLimit: Int = LayoutBudget.defaultNodes

    @Flag(help: "Write one picture per year (<file>-<year>.<ext>): the network up to each year, in one shared layout.")
    var perYear = false

    func validate() throws {
      try input.requirePaths()
      guard RenderFormat(fileExtension: (output as NSString).pathExtension) != nil else {
        throw ValidationError("Please give an '--output' ending in .svg, .png, .pdf or .dot (got '\(output)').")
      }
      if labels < 0 { throw ValidationError("Please give '--labels' of at least 0.") }
      if maxNodes < 1 { throw ValidationError("Please give '--max-nodes' of at least 1.") }
      if layoutLimit < 1 { throw ValidationError("Please give '--layout-limit' of at least 1.") }
      if radius < 0 { throw ValidationError("Please give '--radius' of at least 0.") }
      if radius != 1 && focus == nil { throw ValidationError("'--radius' needs '--focus <name>'.") }
      try filters.validate(graph: graphOptions.graph)
      if let refusal = sizeMeasure.refusal(on: graphOptions.graph) { throw ValidationError(refusal) }
      if focus != nil && view == .communities { throw ValidationError("'--focus' draws people; it cannot be combined with '--view communities'.") }
    }

    /// What sets node size: `--size-by`, or the graph's default.
    var sizeMeasure: SizeMeasure { sizeBy ?? .defaultMeasure(for: graphOptions.graph) }

    /// The analysis `render` runs: one network, the sizing metric, the chosen community method.
    var pipeline: Pipeline {
      makePipeline(
        graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters,
        metrics: sizeMeasure.metric.map { [$0] } ?? [], compute: compute.settings(seed: community.seed),
        communities: community.method)
    }

    func run() throws {
      let spark = try input.sparkOutput()
      let analysis: CommunityAnalysis
      let corpus: Corpus
      if let spark {
        // The job's backbone through the same pipeline: whole-graph sizes, Coauthor's communities of the backbone.
        if perYear { throw CLIError("--per-year needs papers with dates; a Spark job's backbone has none.") }
        analysis = try SparkCommands.analysis(spark, pipeline: pipeline, graph: graphOptions.graph)
        corpus = Corpus(entryCount: 0, papers: [])
      } else {
        let result = try runPipeline(pipeline, input: input, filters: filters)
        // The input's kind is known once read: an edge list has no papers (no paper filter).
        if result.paperFilter == nil, let refusal = sizeMeasure.refusal(on: graphOptions.graph, edgeList: true) {
          throw ValidationError(refusal)
        }
        analysis = try CommunityAnalysis(result.networks[0])
        corpus = result.corpus
      }
      let network = analysis.network
      let filter = filters.filter.years
      let format = RenderFormat(fileExtension: (output as NSString).pathExtension)!
      let people = spark == nil ? corpus.authors : network.labels  // the author network's labels, in the same order
      let sizes: (name: String, values: [Double])
      do { sizes = try analysis.analysis.sizes(sizeMeasure, corpus: corpus) } catch { throw CLIError("\(error)") }

      var figure: Figure
      if let focus {
        guard let center = network.node(matching: focus) else {
          let close = NetworkViews.closeMatches(to: focus, in: network.labels)
          throw CLIError("nobody named '\(focus)' in the \(network.kind.rawValue) network"
            + (close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"))
        }
        figure = ReportFigures.ego(
          of: analysis, center: center, radius: radius, maxNodes: maxNodes, people: people, sizes: sizes, labelCount: labels)
      } else {
        figure = ReportFigures.view(view, of: analysis, maxNodes: maxNodes, people: people, sizes: sizes, labelCount: labels)
      }
      figure.style.showsLegend = !noLegend
      if let spark {
        figure.style.nodeURLs = nil  // no report profiles to link to
        figure.style.legendNotes.insert(spark.backboneNote, at: 0)
        figure.style.legendNotes.append("colours: communities of the backbone (Coauthor, \(analysis.detection.method.summary))")
        figure.style.legendNotes.append("node size: whole-graph \(sizes.name)")
      }
      if !filter.isEmpty { figure.style.legendNotes.append("papers from \(filter.description)") }
      if spark == nil, let note = filters.legendNote(droppedPapers: corpus.diagnostics.contains { $0.kind == .hyperAuthored }) {
        figure.style.legendNotes.append(note)
      }

      let renderer = GraphvizRenderer(engine: engine)
      if format != .dot {
        do { try LayoutBudget(nodes: layoutLimit).check(figure, name: network.kind.rawValue) } catch { throw CLIError(error.message) }
      }
      if perYear {
        let timeline = Timeline(corpus: corpus)
        guard !timeline.years.isEmpty else { throw CLIError("--per-year: no paper has a date") }
        guard figure.nodes != nil else { throw CLIError("--per-year draws people or tags, not '--view communities'") }
        let presence = timeline.presence(of: network.labels, in: corpus, kind: network.kind)
        let frames = ReportFigures.growth(of: figure, presence: presence, years: timeline.years.map(\.year))
        var files: [(path: String, data: Data)] = []
        let base = (output as NSString).deletingPathExtension
        let ext = (output as NSString).pathExtension
        for (year, frame) in frames {
          var f = frame
          f.style.title = "up to \(year)"
          let bytes = try renderer.render(dot: f.dot(engine: engine), format: format)
          files.append(("\(base)-\(year).\(ext)", format == .svg ? Data(SVGPolish.polished(String(decoding: bytes, as: UTF8.self)).utf8) : Data(bytes)))
        }
        try AtomicFile.writeAll(files)
        printError("coauthor: wrote \(files.count) pictures \(base)-<year>.\(ext) (\(timeline.years.first!.year)–\(timeline.years.last!.year))")
        return
      }
      let dot = figure.dot(engine: engine)
      var bytes = try renderer.render(dot: dot, format: format)
      if format == .svg { bytes = Array(SVGPolish.polished(String(decoding: bytes, as: UTF8.self)).utf8) }
      try AtomicFile.write(Data(bytes), to: output)
      let drawn = figure.network.graph
      printError("coauthor: wrote \(output) (\(drawn.nodeCount) nodes, \(drawn.edgeCount) edges, \(engine.rawValue)\(figure.note.map { "; " + $0 } ?? ""))")
    }
  }
}
