import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import Analysis
import Reporting

extension Coauthor {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a readable report: Markdown, a self-contained HTML page and SVG pictures.",
      discussion: """
        With no input, reads the bundled MATS listing Examples/mats-research.txt with its alias file Examples/mats-aliases.tsv (run from the repository). Writes <dir>/report.md, <dir>/report.html (one self-contained interactive page: pictures inline, search, sortable tables, no external resources) and the pictures <dir>/{authors,fellows,tags,communities}.svg and <dir>/growth-<year>.svg. Networks above --max-nodes nodes are drawn as their backbone (the most influential people) next to the community map; path metrics are skipped above --exact-metrics-limit nodes. Nothing is written unless every part was produced; each file is replaced atomically.
        """)

    static let bundledListing = "Examples/mats-research.txt"
    static let bundledAliases = "Examples/mats-aliases.tsv"

    @OptionGroup var input: InputOptions
    @OptionGroup var community: CommunityOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the report into.", valueName: "dir"))
    var output: String = "Reports"

    @Option(help: "Graphviz layout engine for the pictures.")
    var engine: LayoutEngine = .sfdp

    @Option(help: "Report title (default: the first input's file name).")
    var title: String?

    @Option(name: .customLong("top"), parsing: .unconditional, help: ArgumentHelp("Show the <n> most influential researchers.", valueName: "n"))
    var topCount: Int = 10

    @Option(help: "Co-authorship counting: full or fractional.")
    var counting: Counting = .full

    @Option(parsing: .unconditional, help: ArgumentHelp("Node budget <n> per picture: larger networks are drawn as their backbone of <n> nodes.", valueName: "n"))
    var maxNodes: Int = 300

    @Option(parsing: .unconditional, help: ArgumentHelp("Skip betweenness, closeness and harmonic centrality on networks above <n> nodes (they take O(nm) time).", valueName: "n"))
    var exactMetricsLimit: Int = 20_000

    func validate() throws {
      if topCount < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      if maxNodes < 1 { throw ValidationError("Please give '--max-nodes' of at least 1.") }
      // Checked here, not in run(), so the error shows the usage of `report`, not of `coauthor`.
      if input.paths.isEmpty, !FileManager.default.fileExists(atPath: Self.bundledListing) {
        throw ValidationError(
          "No input given, and \(Self.bundledListing) is not in the current folder. Give a listing file or run from the repository.")
      }
    }

    /// The report's sentences about what the filters left out.
    static func filterNotes(_ analysis: CorpusAnalysis, filter: NetworkFilter, limitIsDefault: Bool = false) -> [String] {
      var notes: [String] = []
      let papers = analysis.paperFilter
      if let result = papers.years {
        notes.append("Only papers from \(filter.years.description): \(result.kept) kept, \(result.outside) from other years and \(result.undated) without a date left out.")
      }
      if let limit = papers.maxAuthors {
        let dropped = papers.hyperAuthored
        if dropped.isEmpty && limitIsDefault {
          // The default rule left nothing out: nothing to say.
        } else if dropped.isEmpty {
          notes.append("Papers with more than \(limit) authors are left out; there were none.")
        } else {
          let largest = dropped.prefix(5).map { "“\($0.title)” (\($0.authors) authors)" }.joined(separator: ", ")
          notes.append("\(dropped.count) \(dropped.count == 1 ? "paper" : "papers") with more than \(limit) authors \(dropped.count == 1 ? "was" : "were") left out, so that one huge author list does not join everyone on it: \(largest)\(dropped.count > 5 ? ", …" : "") (each is listed under data quality)\(limitIsDefault ? "; this is the default rule, and “--max-authors none” keeps every paper" : "").")
        }
      }
      for kind in Network.Kind.allCases {
        let steps = analysis[kind].filterSteps
        guard !steps.isEmpty else { continue }
        let nodes = kind == .tags ? "tags" : kind == .fellows ? "fellows" : "researchers"
        let parts = steps.map { step -> String in
          switch step.kind {
          case .minWeight: "\(step.edgesRemoved) of \(step.edgesBefore) links lighter than \(formatWeight(filter.minWeight ?? 0)) dropped"
          case .minPapers: "\(step.nodesRemoved) of \(step.nodesBefore) \(nodes) on fewer than \(filter.minPapers ?? 1) papers dropped"
          case .largestComponent: "only the largest of \(step.componentsBefore ?? 0) connected groups kept (\(step.nodesAfter) \(nodes))"
          case .keepTop: "only the \(step.nodesAfter) \(nodes) with the highest \(filter.rankBy.rawValue) kept"
          }
        }
        notes.append("The \(kind.rawValue) network is filtered: " + parts.joined(separator: "; ") + ".")
      }
      return notes
    }

    func run() throws {
      var input = self.input
      if input.paths.isEmpty {
        input.paths = [Self.bundledListing]
        if input.aliases == nil, FileManager.default.fileExists(atPath: Self.bundledAliases) { input.aliases = Self.bundledAliases }
      }
      var options = AnalysisOptions(resolution: community.resolution, seed: community.seed, counting: counting)
      options.pathMetricNodeLimit = exactMetricsLimit
      options.filter = filters.filter
      options.tagWeighting = filters.tagWeight
      let analysis = try CorpusAnalysis(corpus: try input.loadCorpus(), options: options)
      let corpus = analysis.corpus
      var notes = Self.filterNotes(analysis, filter: filters.filter, limitIsDefault: filters.authorLimitIsDefault)
      FilterNotes.printPapers(analysis.paperFilter, filter: filters.filter, limitIsDefault: filters.authorLimitIsDefault)
      for kind in Network.Kind.allCases {
        for step in analysis[kind].filterSteps {
          printError("coauthor: " + FilterNotes.step(step, filter: filters.filter, graph: kind))
        }
      }
      let authorCount = analysis.authors.network.graph.nodeCount
      if options.skips(.betweenness, nodeCount: authorCount) {
        notes.append("With \(authorCount) researchers (more than \(exactMetricsLimit)), bridging (betweenness), closeness and harmonic centrality were not computed: they take time proportional to researchers × links. Sizes and rankings use influence (PageRank) and co-author counts.")
      }

      let people = analysis.authors.network.labels
      let profiled = ReportBuilder.profiledNodes(analysis, limit: 500)
      var figures: [String: Figure] = [:]
      for kind in Network.Kind.allCases {
        let a = analysis[kind]
        let n = a.network.graph.nodeCount
        let scores = kind == .tags ? a.network.paperCounts.map(Double.init) : a.scores[.pagerank]!.values
        let nodes = n > maxNodes ? NetworkViews.backbone(scores: scores, limit: maxNodes) : nil
        var figure = ReportFigures.figure(
          for: a, nodes: nodes, people: people, sizeBy: .pagerank, labelCount: kind == .authors ? 30 : 40,
          linkable: profiled)
        if let note = figure.note { notes.append("The \(kind.rawValue) picture is the network's backbone: \(note); the community map shows the whole network.") }
        figure.style.idPrefix = "\(kind.rawValue)-"
        figures[kind.rawValue] = figure
      }
      var map = ReportFigures.communityMap(for: analysis.authors, limit: min(maxNodes, 60))
      map.style.idPrefix = "communities-"
      if let note = map.note { notes.append("The community map shows \(note).") }
      figures["communities"] = map

      // The growth strip: the author picture year by year, in one layout.
      let timeline = Timeline(corpus: corpus)
      let years = timeline.years.count >= 2 ? Array(timeline.years.map(\.year).suffix(8)) : []
      if !years.isEmpty, let authorsFigure = figures["authors"] {
        let presence = timeline.presence(of: people, in: corpus)
        let rows = years.map { y in presence[timeline.years.firstIndex { $0.year == y }!] }
        for (year, var frame) in ReportFigures.growth(of: authorsFigure, presence: rows, years: years) {
          frame.style.minimumNodeDiameter = 0.12
          frame.style.maximumNodeDiameter = 0.5
          figures["growth-\(year)"] = frame
        }
      }

      // Refuse before any layout runs, rather than leave Graphviz running for hours.
      for key in figures.keys.sorted() { try LayoutBudget(nodes: LayoutBudget.defaultNodes).check(figures[key]!, name: key) }
      var svgs: [String: String] = [:]
      for key in figures.keys.sorted() {
        let dot = figures[key]!.dot(engine: engine)
        svgs[key] = SVGPolish.polished(try GraphvizRenderer(engine: engine).svg(fromDOT: dot))
      }
      var index: [String: FigureIndex] = [:]
      for key in ["authors", "fellows", "tags", "communities"] { index[key] = figures[key]!.index(prefix: "\(key)-") }
      let name = title ?? (input.paths[0] == "-" ? "standard input" : ((input.paths[0] as NSString).lastPathComponent as NSString).deletingPathExtension)
      var arguments = ["coauthor", "report"] + input.paths
      if let aliases = input.aliases { arguments += ["--aliases", aliases] }
      if community.resolution != 1 { arguments += ["--resolution", "\(community.resolution)"] }
      if community.seed != 0 { arguments += ["--seed", "\(community.seed)"] }
      if counting != .full { arguments += ["--counting", counting.rawValue] }
      if engine != .sfdp { arguments += ["--engine", engine.rawValue] }
      if maxNodes != 300 { arguments += ["--max-nodes", "\(maxNodes)"] }
      if exactMetricsLimit != 20_000 { arguments += ["--exact-metrics-limit", "\(exactMetricsLimit)"] }
      if input.noTagFolding { arguments += ["--no-tag-folding"] }
      arguments += filters.arguments
      arguments += ["--output", output]
      var context = ReportContext(
        title: name, inputs: input.paths, aliasFile: input.aliases,
        command: arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "), engine: engine.rawValue,
        topCount: topCount)
      context.notes = notes
      context.growthYears = years
      context.profileLimit = 500
      let document = ReportBuilder(context: context).document(for: analysis)
      let fileNames = Dictionary(uniqueKeysWithValues: svgs.keys.map { ($0, "\($0).svg") })
      let markdown = MarkdownReportWriter(figures: fileNames).write(document)
      let html = HTMLReportWriter(svgs: svgs, figureIndex: index).write(document)

      // Everything is in memory: stage all files, then rename them into place together.
      let files = svgs.keys.sorted().map { (fileNames[$0]!, svgs[$0]!) } + [("report.md", markdown), ("report.html", html)]
      try AtomicFile.writeAll(files.map { ((output as NSString).appendingPathComponent($0.0), Data($0.1.utf8)) })
      reportDiagnostics(corpus)
      printError("coauthor: wrote \(output)/report.md, \(output)/report.html and \(svgs.count) pictures (\(corpus.papers.count) papers, \(analysis.authors.network.graph.nodeCount) researchers)")
    }
  }
}
