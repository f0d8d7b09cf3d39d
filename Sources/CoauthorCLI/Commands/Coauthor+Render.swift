import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import Analysis
import Reporting

extension LayoutEngine: ExpressibleByArgument {}

extension Coauthor {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a network with Graphviz (in-process) to SVG, PNG, PDF or DOT.",
      discussion: """
        Node area follows --size-by, colours are Louvain communities, program fellows have a dark double ring, edge width follows the weight; the most central nodes are labelled and every node has a tooltip. The layout seed is fixed, so the same input gives the same picture (byte-identical SVG).

        Big networks stay readable: above --max-nodes nodes the picture shows the backbone (the most central nodes and the links among them); --view communities draws one circle per community instead. --focus NAME draws a researcher's ego network; --since/--until keep papers of those years (papers without a date are then left out, and counted); --per-year writes one picture per year, in one shared layout.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions
    @OptionGroup var community: CommunityOptions

    @Option(help: "Graphviz layout engine.")
    var engine: LayoutEngine = .sfdp

    @Option(name: .shortAndLong, help: ArgumentHelp("The picture to write: <file>.svg, .png, .pdf or .dot.", valueName: "file"))
    var output: String

    @Option(help: "The metric that sets node size (and picks the backbone), or citations: the summed citation counts of a node's papers.")
    var sizeBy: SizeMeasure = .pagerank

    /// What sets node size: any ``Metric``, or `citations` (the summed citation counts of each
    /// node's papers, as read from newer MATS listings, per-paper pages or corpus JSON).
    enum SizeMeasure: String, CaseIterable, ExpressibleByArgument {
      case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness, clustering, citations
      /// The metric, or `nil` for citations.
      var metric: Metric? { Metric(rawValue: rawValue) }
    }

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
      if focus != nil && view == .communities { throw ValidationError("'--focus' draws people; it cannot be combined with '--view communities'.") }
    }

    func run() throws {
      let records = try input.loadCorpus()
      reportDiagnostics(records)
      let (corpus, network) = try filters.network(from: .corpus(records), graph: graphOptions)
      let filter = filters.filter.years
      let options = AnalysisOptions(
        resolution: community.resolution, seed: community.seed, counting: graphOptions.counting,
        sharedCollaborators: !graphOptions.noSharedCollaborators)
      let analysis = try NetworkAnalysis(network: network, corpus: corpus, options: options)
      let format = RenderFormat(fileExtension: (output as NSString).pathExtension)!
      let people = corpus.authors  // the author network's labels, in the same order
      // `--size-by citations`: each node's papers' citation counts summed.
      var citationSizes: [Double]?
      if sizeBy == .citations, network.kind != .tags {
        guard corpus.papers.contains(where: { $0.citations != nil }) else {
          throw CLIError("'--size-by citations' needs citation counts, and no paper read has one (they come from newer MATS listings, per-paper pages, or the corpus JSON key 'citations')")
        }
        let list: KeyPath<Paper, [String]> = network.kind == .fellows ? \.fellows : \.authors
        citationSizes = corpus.citationTotals(for: network.labels, in: list).map(Double.init)
      }
      let sizes = citationSizes.map { (name: "citations", values: $0) }
      let sizeMetric = sizeBy.metric ?? .pagerank
      let scores = network.kind == .tags ? network.paperCounts.map(Double.init) : citationSizes ?? analysis.scores[sizeMetric]!.values

      var figure: Figure
      if let focus {
        guard let center = Self.node(named: focus, in: network) else {
          let close = NetworkViews.closeMatches(to: focus, in: network.labels)
          throw CLIError("nobody named '\(focus)' in the \(network.kind.rawValue) network"
            + (close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"))
        }
        var nodes = NetworkViews.ego(of: network.graph, center: center, radius: radius)
        if nodes.count > maxNodes {
          let sub = NetworkViews.backbone(scores: nodes.map { $0 == center ? .infinity : scores[$0.index] }, limit: maxNodes)
          nodes = sub.map { nodes[$0.index] }
        }
        figure = ReportFigures.figure(for: analysis, nodes: nodes, people: people, sizeBy: sizeMetric, sizes: sizes, labelCount: labels)
        figure.style.labelsAllFellows = false
        figure.style.legendNotes = ["ego network of \(network.labels[center.index]), radius \(radius)"]
        if let i = nodes.firstIndex(of: center) {
          figure.style.nodeLabels = nodes.indices.map { $0 == i ? network.labels[center.index] : nil }
          var boosted = figure.style.sizeScores!.values
          let top = boosted.max() ?? 1
          boosted[i] = top  // the focus is always drawn large and labelled
          figure.style.sizeScores = NodeScores(values: boosted)
        }
      } else {
        let resolved = view == .auto ? (network.graph.nodeCount <= maxNodes ? FigureView.full : .backbone) : view
        switch resolved {
        case .communities:
          figure = ReportFigures.communityMap(for: analysis, limit: maxNodes)
        case .backbone:
          figure = ReportFigures.figure(
            for: analysis, nodes: NetworkViews.backbone(scores: scores, limit: maxNodes), people: people, sizeBy: sizeMetric,
            sizes: sizes, labelCount: labels)
        case .full, .auto:
          figure = ReportFigures.figure(for: analysis, people: people, sizeBy: sizeMetric, sizes: sizes, labelCount: labels)
        }
      }
      figure.style.showsLegend = !noLegend
      if !filter.isEmpty { figure.style.legendNotes.append("papers from \(filter.description)") }
      if let note = filters.legendNote(droppedPapers: corpus.diagnostics.contains { $0.kind == .hyperAuthored }) {
        figure.style.legendNotes.append(note)
      }

      let renderer = GraphvizRenderer(engine: engine)
      if format != .dot { try LayoutBudget(nodes: layoutLimit).check(figure, name: network.kind.rawValue) }
      if perYear {
        let timeline = Timeline(corpus: corpus)
        guard !timeline.years.isEmpty else { throw CLIError("--per-year: no paper has a date") }
        guard figure.nodes != nil else { throw CLIError("--per-year draws people or tags, not '--view communities'") }
        let presence: [[Bool]]
        if network.kind == .tags {
          presence = timeline.years.map { y in
            let carried = Set(corpus.papers.filter { ($0.date?.year ?? Int.max) <= y.year }.flatMap(\.tags))
            return network.labels.map(carried.contains)
          }
        } else {
          presence = timeline.presence(of: network.labels, in: corpus)
        }
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

    /// The node called `name`: exact, else ignoring case, accents and periods.
    static func node(named name: String, in network: Network) -> NodeID? {
      if let v = network.node(named: name) { return v }
      func fold(_ s: String) -> String {
        String(s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { $0 != "." })
          .split(separator: " ").joined(separator: " ")
      }
      let key = fold(name)
      return network.labels.firstIndex { fold($0) == key }.map(NodeID.init)
    }
  }
}
