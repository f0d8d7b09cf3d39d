import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import TextEscaping

extension Coauthor {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "What changed between two snapshots of a corpus: papers, people, ties, rank movers, communities, tags.",
      discussion: """
        OLD and NEW are two versions of one corpus (e.g. a listing saved in June and in December), in any input format, not necessarily the same. Identities are resolved over both together, so a name spelled differently in the two is one person. Papers are matched by id where both have one, else by normalised title and year; a matched paper whose authors, fellows or tags differ is "changed". Papers, people, fellows and tags are compared over every paper; ties, rank movers and communities over the chosen --graph as the filters leave it. Rank is competition rank by --metric; communities are matched by the Jaccard index of their members (linked at ≥ \(SnapshotDiff.defaultCommunityThreshold)). Tags are rising when their share of papers grew at least \(SnapshotDiff.defaultRisingRatio)-fold (at least \(SnapshotDiff.defaultMinTagPapers) NEW papers), falling when it shrank as much (at least \(SnapshotDiff.defaultMinTagPapers) OLD papers).

        Identical snapshots print "no change" and exit 0. --output draws the NEW network with what is new highlighted.
        """)

    @Argument(help: ArgumentHelp("The older snapshot (any input format; '-' reads standard input).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer snapshot.", valueName: "new"))
    var new: String

    @OptionGroup var reading: InputReadingOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions
    @OptionGroup var community: CommunityOptions
    @OptionGroup var compute: ComputeOptions

    @Option(help: "The metric rank movers are ranked by.")
    var metric: Metric = .pagerank

    @Option(help: "Output format: text, json (every item) or markdown.")
    var format: DiffFormat = .text

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Also draw the NEW network with what is new highlighted: <file>.svg, .png, .pdf or .dot.", valueName: "file"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Text and Markdown list at most <n> items per list (JSON lists all).", valueName: "n"))
    var top: Int = 10

    @Option(parsing: .unconditional, help: ArgumentHelp("The picture's node budget <n>: larger networks are reduced to a backbone, new nodes first.", valueName: "n"))
    var maxNodes: Int = 300

    @Option(help: "Graphviz layout engine for --output.")
    var engine: LayoutEngine = .sfdp

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    func validate() throws {
      if top < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      if maxNodes < 1 { throw ValidationError("Please give '--max-nodes' of at least 1.") }
      if let output, RenderFormat(fileExtension: (output as NSString).pathExtension) == nil {
        throw ValidationError("Please give an '--output' ending in .svg, .png, .pdf or .dot (got '\(output)').")
      }
      if compute.samples != nil && metric != .betweenness {
        throw ValidationError("Please use '--samples' only with '--metric betweenness'.")
      }
      if reading.inputFormat == .edges { throw ValidationError("Please give paper records: 'diff' compares papers, and edge lists have none.") }
      try filters.validate(graph: graphOptions.graph)
    }

    /// The analysis both snapshots go through: one network, the movers' metric (and PageRank,
    /// for communities), the chosen community method.
    var pipeline: Pipeline {
      makePipeline(
        graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters, metrics: [metric],
        compute: compute.settings(seed: community.seed), communities: community.method)
    }

    func run() throws {
      StepTimings.shared.begin()
      let snapshots = try Interrupt.handling {
        try Snapshots.load(
          old: reading.spec(paths: [old], threads: compute.threads), new: reading.spec(paths: [new], threads: compute.threads),
          checkpoint: { try Interrupt.check() })
      }
      StepTimings.shared.finished("load both snapshots (read, identity resolution)")
      reportDiagnostics(snapshots.diagnostics)
      // The two snapshots' pipelines at the same time (each alone gives the same result; OLD's
      // error first when both fail), one after the other with '--threads 1'.
      let bars = TerminalPipelineProgress()
      let pipeline = pipeline
      func analyse(_ corpus: Corpus, _ side: String) throws -> AnalysisResult {
        try analysePipeline(pipeline, on: .corpus(corpus), progress: SnapshotProgress(side: side, bars: bars))
      }
      let (before, after) = try Interrupt.handling { () throws -> (AnalysisResult, AnalysisResult) in
        return try concurrently(threads: compute.threads, { try analyse(snapshots.old, "OLD") }, { try analyse(snapshots.new, "NEW") })
      }
      for (side, result) in [("OLD", before), ("NEW", after)] {
        for warning in result.warnings { printError("coauthor: warning (\(side)): " + warning) }
      }
      let diff = try SnapshotDiff(old: before, new: after, snapshots: snapshots, graph: graphOptions.graph, metric: metric)
      StepTimings.shared.finished("diff")
      if let output {
        let analysis = try CommunityAnalysis(after.networks[0])
        let sizes: (name: String, values: [Double])
        do { sizes = try analysis.analysis.sizes(.defaultMeasure(for: graphOptions.graph), corpus: after.corpus) } catch {
          throw CLIError("\(error)")
        }
        let figure = ReportFigures.change(
          diff, new: analysis, maxNodes: maxNodes, people: after.corpus.authors, sizes: sizes, labelCount: 20)
        let format = RenderFormat(fileExtension: (output as NSString).pathExtension)!
        if format != .dot {
          do { try LayoutBudget().check(figure, name: graphOptions.graph.rawValue) } catch { throw CLIError(error.message) }
        }
        var bytes = try GraphvizRenderer(engine: engine).render(dot: figure.dot(engine: engine), format: format)
        if format == .svg { bytes = Array(SVGPolish.polished(String(decoding: bytes, as: UTF8.self)).utf8) }
        try AtomicFile.write(Data(bytes), to: output)
        let drawn = figure.network.graph
        printError("coauthor: wrote \(output) (\(drawn.nodeCount) nodes, \(drawn.edgeCount) edges, \(engine.rawValue))")
      }
      switch format {
      case .text: printText(DiffText.text(diff, top: top), terminator: "")
      case .json:
        // Streamed to standard output block by block (nothing was printed to it before).
        JSONStream.write(DiffText.json(diff)) { FileHandle.standardOutput.write(Data($0)) }
      case .markdown: print(DiffText.markdown(diff, top: top), terminator: "")
      }
    }
  }
}

/// The progress of one snapshot's pipeline in `diff`: the shared terminal bars (one drawn at a
/// time), and step timings on their own track per snapshot (`OLD authors: build`).
private struct SnapshotProgress: PipelineProgress {
  var side: String
  var bars: TerminalPipelineProgress

  func begin(_ metric: Metric, network kind: Network.Kind) -> ProgressReporter { bars.begin(metric, network: kind) }
  func end(_ metric: Metric, network kind: Network.Kind) { bars.end(metric, network: kind) }
  func finished(_ step: String, network kind: Network.Kind?) {
    let track = "\(side) " + (kind?.rawValue ?? "papers")
    let detection = track + " communities"
    if step == "node and edge filters" { StepTimings.shared.mark(track: detection) }
    StepTimings.shared.finished("\(track): \(step)", network: step.hasPrefix("communities") ? detection : track)
  }
}
