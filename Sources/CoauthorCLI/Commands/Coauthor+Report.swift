import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import Reporting

extension Coauthor {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a readable report: Markdown, a self-contained HTML page and SVG pictures.",
      discussion: """
        With no input, reads the bundled MATS listing Examples/mats-research.txt with its alias file Examples/mats-aliases.tsv (run from the repository). Writes <dir>/report.md, <dir>/report.html (pictures inline, no external resources) and <dir>/{authors,fellows,tags}.svg. Nothing is written unless every part was produced; each file is replaced atomically.
        """)

    static let bundledListing = "Examples/mats-research.txt"
    static let bundledAliases = "Examples/mats-aliases.tsv"

    @OptionGroup var input: InputOptions
    @OptionGroup var community: CommunityOptions

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

    func validate() throws {
      if topCount < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      // Checked here, not in run(), so the error shows the usage of `report`, not of `coauthor`.
      if input.paths.isEmpty, !FileManager.default.fileExists(atPath: Self.bundledListing) {
        throw ValidationError(
          "No input given, and \(Self.bundledListing) is not in the current folder. Give a listing file or run from the repository.")
      }
    }

    func run() throws {
      var input = self.input
      if input.paths.isEmpty {
        input.paths = [Self.bundledListing]
        if input.aliases == nil, FileManager.default.fileExists(atPath: Self.bundledAliases) { input.aliases = Self.bundledAliases }
      }
      let corpus = try input.loadCorpus()
      let options = AnalysisOptions(resolution: community.resolution, seed: community.seed, counting: counting)
      let analysis = try Analysis(corpus: corpus, options: options)

      var svgs: [String: String] = [:]
      for kind in Network.Kind.allCases {
        let style = ReportFigures.style(for: analysis[kind], people: analysis.authors.network.labels, sizeBy: .pagerank, labelCount: kind == .authors ? 25 : 40)
        let dot = DOTWriter(style: style, engine: engine).dot(for: analysis[kind].network)
        svgs[kind.rawValue] = try GraphvizRenderer(engine: engine).svg(fromDOT: dot)
      }
      let name = title ?? ((input.paths[0] as NSString).lastPathComponent as NSString).deletingPathExtension
      var arguments = ["coauthor", "report"] + input.paths
      if let aliases = input.aliases { arguments += ["--aliases", aliases] }
      if community.resolution != 1 { arguments += ["--resolution", "\(community.resolution)"] }
      if community.seed != 0 { arguments += ["--seed", "\(community.seed)"] }
      if counting != .full { arguments += ["--counting", counting.rawValue] }
      if engine != .sfdp { arguments += ["--engine", engine.rawValue] }
      arguments += ["--output", output]
      let context = ReportContext(
        title: name, inputs: input.paths, aliasFile: input.aliases,
        command: arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "), engine: engine.rawValue,
        topCount: topCount)
      let document = ReportBuilder(context: context).document(for: analysis)
      let markdown = MarkdownReportWriter(figures: ["authors": "authors.svg", "fellows": "fellows.svg", "tags": "tags.svg"]).write(document)
      let html = HTMLReportWriter(svgs: svgs).write(document)

      // Everything is in memory: stage all files, then rename them into place together.
      let files = [
        ("authors.svg", svgs["authors"]!), ("fellows.svg", svgs["fellows"]!), ("tags.svg", svgs["tags"]!),
        ("report.md", markdown), ("report.html", html),
      ]
      try AtomicFile.writeAll(files.map { ((output as NSString).appendingPathComponent($0.0), Data($0.1.utf8)) })
      reportDiagnostics(corpus)
      printError("coauthor: wrote \(output)/report.md, \(output)/report.html and 3 pictures (\(corpus.papers.count) papers, \(analysis.authors.network.graph.nodeCount) researchers)")
    }
  }
}
