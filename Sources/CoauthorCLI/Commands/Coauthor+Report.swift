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
        With no input, reads the bundled MATS listing Examples/mats-research.txt with its alias file Examples/mats-aliases.tsv (run from the repository). Writes <dir>/report.md, <dir>/report.html (one self-contained interactive page: pictures inline, search, sortable tables, no external resources) and the pictures <dir>/{authors,fellows,tags,communities}.svg and <dir>/growth-<year>.svg. Networks above --max-nodes nodes are drawn as their backbone (the most influential people) next to the community map; betweenness, closeness and harmonic centrality are estimated by sampling, with a stated error bound, above --exact-metrics-limit nodes. Above 20,000 researchers the full search list goes beside the page as <dir>/people.js. Nothing is written unless every part was produced; each file is replaced atomically.
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

    @OptionGroup var countingOptions: CountingOptions
    @OptionGroup var compute: ComputeOptions

    var counting: Counting { countingOptions.counting }

    @Option(parsing: .unconditional, help: ArgumentHelp("Node budget <n> per picture: larger networks are drawn as their backbone of <n> nodes.", valueName: "n"))
    var maxNodes: Int = ReportJob.defaultMaxNodes

    @Option(parsing: .unconditional, help: ArgumentHelp("Estimate betweenness, closeness and harmonic centrality by sampling (with a stated error bound) on networks above <n> nodes, where exact values take O(nm) time; with --weighted they are skipped there.", valueName: "n"))
    var exactMetricsLimit: Int = Pipeline.defaultPathMetricNodeLimit

    @Option(help: ArgumentHelp("An earlier snapshot <old> of the same corpus (any input format): the report then opens with \"What changed\" since it (counts, a picture, rank movers, community changes; see 'coauthor diff').", valueName: "old"))
    var compare: String?

    func validate() throws {
      if topCount < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      if maxNodes < 1 { throw ValidationError("Please give '--max-nodes' of at least 1.") }
      // Checked here, not in run(), so the error shows the usage of `report`, not of `coauthor`.
      if input.paths.isEmpty, !FileManager.default.fileExists(atPath: Self.bundledListing) {
        throw ValidationError(
          "No input given, and \(Self.bundledListing) is not in the current folder. Give a listing file or run from the repository.")
      }
    }

    /// The analysis the report runs: all three networks, every metric, the chosen community method.
    var pipeline: Pipeline {
      var pipeline = makePipeline(
        graphs: Network.Kind.allCases, counting: countingOptions, filters: filters, metrics: Metric.allCases,
        compute: compute.settings(seed: community.seed), pathMetricNodeLimit: exactMetricsLimit,
        communities: community.method)
      // The Topics section (terms graph) and term labels of communities, when there is text.
      pipeline.skipsTermsWithoutText = true
      pipeline.labelsCommunitiesWithTerms = true
      // The notes are summarised as the report lists them and let go before the networks are built.
      pipeline.notesPerKind = ReportBuilder.notesPerKind
      return pipeline
    }

    func run() throws {
      var input = self.input
      if compare == nil, let spark = try input.sparkOutput() {
        return try SparkCommands.report(
          spark, pipeline: pipeline, communityArguments: community.arguments, output: output, title: title, top: topCount, engine: engine, maxNodes: maxNodes)
      }
      if input.paths.isEmpty {
        input.paths = [Self.bundledListing]
        if input.aliases == nil, FileManager.default.fileExists(atPath: Self.bundledAliases) { input.aliases = Self.bundledAliases }
      }
      let analysis: CorpusAnalysis
      var comparison: SnapshotDiff? = nil
      if let compare {
        MemoryRelease.mapLargeBlocks()
        // Both snapshots read together (one person, one name); the report is of NEW.
        let snapshots = try Interrupt.handling {
          try Snapshots.load(old: input.reading.spec(paths: [compare]), new: input.spec, checkpoint: { try Interrupt.check() })
        }
        StepTimings.shared.finished("load both snapshots (read, identity resolution)")
        reportDiagnostics(snapshots.diagnostics)
        let oldPipeline = makePipeline(
          graphs: [.authors], counting: countingOptions, filters: filters, metrics: [.pagerank],
          compute: compute.settings(seed: community.seed), communities: community.method)
        // NEW's report pipeline and OLD's (authors, PageRank) at the same time, as `diff` runs its
        // two (each alone gives the same result; NEW's error first when both fail); one after the
        // other with '--threads 1'.
        let bars = TerminalPipelineProgress()
        let (after, before) = try Interrupt.handling { () throws -> (AnalysisResult, AnalysisResult) in
          try concurrently(
            threads: compute.threads, { try analysePipeline(pipeline, on: .corpus(snapshots.new), progress: bars) },
            { try analysePipeline(oldPipeline, on: .corpus(snapshots.old), progress: bars) })
        }
        filters.printNotes(after)
        for warning in after.warnings { printError("coauthor: warning: " + warning) }
        for note in after.estimateNotes { printError("coauthor: " + note) }
        comparison = try SnapshotDiff(old: before, new: after, snapshots: snapshots, graph: .authors, metric: .pagerank)
        analysis = try CorpusAnalysis(after, notesPerKind: ReportBuilder.notesPerKind)
      } else {
        analysis = try CorpusAnalysis(try runPipeline(pipeline, input: input, filters: filters, needsPapers: true), notesPerKind: ReportBuilder.notesPerKind)
      }
      StepTimings.shared.finished("notes")
      let corpus = analysis.corpus
      let name = title ?? (input.paths[0] == "-" ? "standard input" : ((input.paths[0] as NSString).lastPathComponent as NSString).deletingPathExtension)
      var context = ReportContext(
        title: name, inputs: input.paths, aliasFile: input.aliases, command: reproducingCommand(input), engine: engine.rawValue,
        topCount: topCount)
      context.profileLimit = ReportJob.defaultProfileLimit
      var job = ReportJob(context: context, engine: engine, maxNodes: maxNodes, authorLimitIsDefault: filters.authorLimitIsDefault)
      job.comparison = comparison
      if StepTimings.shared.enabled { job.stepFinished = { StepTimings.shared.finished($0) } }
      let files: [(name: String, bytes: Data)]
      do { files = try job.files(for: analysis) } catch let error as LayoutBudgetError { throw CLIError(error.message) }
      StepTimings.shared.finished("HTML page")
      // Everything is in memory: stage all files, then rename them into place together.
      try AtomicFile.writeAll(files.map { ((output as NSString).appendingPathComponent($0.name), $0.bytes) })
      StepTimings.shared.finished("write")
      let pictures = files.filter { $0.name.hasSuffix(".svg") }.count
      printError("coauthor: wrote \(output)/report.md, \(output)/report.html and \(pictures) pictures (\(corpus.papers.count) papers, \(analysis.authors.network.graph.nodeCount) researchers)")
      // The process ends next: it gives the analysis' memory back at once (see ``KeptUntilExit``).
      KeptUntilExit.keep(analysis)
    }

    /// The command that reproduces this report, defaults left out.
    func reproducingCommand(_ input: InputOptions) -> String {
      var arguments = ["coauthor", "report"] + input.paths
      if let aliases = input.aliases { arguments += ["--aliases", aliases] }
      if let compare { arguments += ["--compare", compare] }
      arguments += community.arguments
      if counting != .full { arguments += ["--counting", counting.rawValue] }
      if countingOptions.noSharedCollaborators { arguments += ["--no-shared-collaborators"] }
      arguments += compute.arguments
      if engine != .sfdp { arguments += ["--engine", engine.rawValue] }
      if maxNodes != ReportJob.defaultMaxNodes { arguments += ["--max-nodes", "\(maxNodes)"] }
      if exactMetricsLimit != Pipeline.defaultPathMetricNodeLimit { arguments += ["--exact-metrics-limit", "\(exactMetricsLimit)"] }
      if input.noTagFolding { arguments += ["--no-tag-folding"] }
      arguments += filters.arguments
      arguments += ["--output", output]
      return arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
  }
}
