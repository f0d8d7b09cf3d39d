import ArgumentParser
import Bibliography
import Exporting
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Analysis

extension ExportFormat: ExpressibleByArgument {}

/// `export --format`: a network format, or `papers` (the paper table, not a network).
enum ExportChoice: String, ExpressibleByArgument, CaseIterable {
  case graphml, gexf, json, csv, dot, vosviewer, papers
}

extension Coauthor {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a network with its metrics and communities for Gephi, networkx, VOSviewer or a spreadsheet.",
      discussion: """
        The format comes from the output's extension (.graphml, .gexf, .json for networkx node-link JSON, .csv, .dot or .gv) or from --format; VOSviewer JSON needs '--format vosviewer'. CSV writes two tables: --output net.csv gives net.nodes.csv and net.edges.csv.

        '--format papers' writes no network: every paper as Coauthor read and resolved it, as a paper table (.tsv or .csv: paper_id, year, date, title, authors, author_ids, fellows, keywords) that Coauthor and the Spark job read back.

        Nodes carry label, papers, fellow, every metric asked for (--metrics, default all: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness, clustering; networkx 3.x conventions, as in 'coauthor rank') and community (numbered from 1, largest first, as in 'coauthor communities'), and for folded tags their other spellings (variants); edges carry weight, and kind and via in the fellow graph. Same input, same options: same bytes. Files are replaced atomically.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write: <file>.graphml, .gexf, .json, .csv or .dot.", valueName: "file"))
    var output: String

    @Option(help: "Output format, instead of the extension's: graphml, gexf, json, csv, dot, vosviewer, or papers (the paper table, .tsv or .csv).")
    var format: ExportChoice?

    @Option(
      help: ArgumentHelp(
        "Metrics to compute and write: all, none, or a comma-separated list (degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness, clustering).",
        valueName: "list"))
    var metrics: String = "all"

    @OptionGroup var compute: ComputeOptions

    @OptionGroup var community: CommunityOptions

    @Flag(help: "Leave out the community attribute (and skip community detection).")
    var noCommunities = false

    /// The format to write: `--format`, else the output's extension.
    var resolvedFormat: ExportFormat? {
      guard let format else { return ExportFormat(fileExtension: (output as NSString).pathExtension) }
      return ExportFormat(rawValue: format.rawValue)
    }

    /// `--format papers`: the table's delimiter, from the output's extension (`.csv` comma, else tab).
    var paperDelimiter: PaperTable.Delimiter? {
      guard format == .papers else { return nil }
      var ext = (output as NSString).pathExtension.lowercased()
      if ext == "gz" { ext = "" }
      return ext == "csv" ? .comma : .tab
    }

    func validate() throws {
      try input.requirePaths()
      if format == .papers {
        let ext = (output as NSString).pathExtension.lowercased()
        guard ext == "tsv" || ext == "csv" || ext == "tab" else {
          throw ValidationError("Please give '--format papers' an '--output' ending in .tsv or .csv (got '\(output)').")
        }
        if input.inputFormat == .edges { throw ValidationError("Please give paper inputs to '--format papers': an edge list has no papers.") }
        return
      }
      guard resolvedFormat != nil else {
        throw ValidationError(
          "Please give an '--output' ending in .graphml, .gexf, .json, .csv or .dot, or a '--format' (got '\(output)').")
      }
      let chosen = try selectedMetrics()
      if compute.samples != nil && !chosen.contains(.betweenness) {
        throw ValidationError("Please use '--samples' only when betweenness is among '--metrics'.")
      }
      try filters.validate(graph: graphOptions.graph)
      if input.inputFormat == .edges && graphOptions.graph != .authors {
        throw ValidationError("Please use '--graph authors' with edge lists: they have no fellows or tags.")
      }
    }

    /// The metrics named by `--metrics`, in ``Metric`` order.
    func selectedMetrics() throws -> [Metric] {
      let names = metrics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      if names == ["all"] { return Metric.allCases }
      if names == ["none"] { return [] }
      var chosen: Set<Metric> = []
      for name in names {
        guard let metric = Metric(rawValue: name) else {
          throw ValidationError(
            "Please give '--metrics' as all, none or a list of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(name)').")
        }
        chosen.insert(metric)
      }
      return Metric.allCases.filter(chosen.contains)
    }

    /// The files written for `format`: one, or for CSV `<base>.nodes.csv` and `<base>.edges.csv`
    /// where `<base>` is the output without its extension.
    static func paths(for output: String, format: ExportFormat) -> [String] {
      guard format == .csv else { return [output] }
      var base = (output as NSString).deletingPathExtension
      for suffix in [".nodes", ".edges"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
      return [base + ".nodes.csv", base + ".edges.csv"]
    }

    /// The analysis `export` runs: one network, the metrics asked for, the chosen community method.
    func pipeline() throws -> Pipeline {
      makePipeline(
        graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters,
        metrics: try selectedMetrics(), compute: compute.settings(seed: community.seed),
        communities: noCommunities ? nil : community.method)
    }

    func run() throws {
      if let delimiter = paperDelimiter { return try writePapers(delimiter) }
      let format = resolvedFormat!
      if let spark = try input.sparkOutput() { return try writeBackbone(spark, format: format) }
      let chosen = try selectedMetrics()
      let result = try runPipeline(try pipeline(), input: input, filters: filters)
      let analysis = result.networks[0]
      let network = analysis.network
      let attributes = NodeAttributes(analysis, of: result, metrics: chosen)
      let export = GraphExport(network: network, attributes: attributes)
      let paths = Self.paths(for: output, format: format)
      if format == .csv {
        try AtomicFile.writeAll([(paths[0], Data(export.csvNodes().utf8)), (paths[1], Data(export.csvEdges().utf8))])
      } else {
        try AtomicFile.write(export.text(format), to: output)
      }
      let graph = network.graph
      // The community method is named when it is not the default, as in a picture's legend.
      let method = analysis.communities.map(\.detection.method).flatMap { $0 == CommunityMethod() ? nil : "; communities by \($0.summary)" } ?? ""
      printError(
        "coauthor: wrote \(paths.joined(separator: " and ")) (\(format.rawValue), \(graph.nodeCount) nodes, \(graph.edgeCount) edges\(method))")
    }

    /// `--format papers`: the paper table of the corpus read (after identity resolution and tag
    /// folding, before any network filter: filters shape networks, not the papers read).
    func writePapers(_ delimiter: PaperTable.Delimiter) throws {
      let corpus = try Interrupt.handling { try input.loadCorpus() }
      reportDiagnostics(corpus.diagnostics)
      let table: PaperTable.Output
      do { table = try PaperTable(corpus: corpus).write(delimiter) } catch { throw CLIError(error.description) }
      try AtomicFile.write(table.text, to: output)
      if table.guardedCells > 0 {
        printError(
          "coauthor: note: \(table.guardedCells) cell\(table.guardedCells == 1 ? "" : "s") start with =, +, - or @ and were written with a leading ' (the spreadsheet formula guard); read back, they keep it")
      }
      printError("coauthor: wrote \(output) (papers, \(corpus.papers.count) paper\(corpus.papers.count == 1 ? "" : "s"), \(corpus.authors.count) people)")
    }

    /// A Spark job's output folder: its backbone, with the job's whole-graph PageRank, degree,
    /// strength and communities (numbered from 1 by backbone members, then label); nothing
    /// recomputed on the backbone.
    func writeBackbone(_ spark: SparkOutput, format: ExportFormat) throws {
      if graphOptions.graph != .authors, graphOptions.graph.rawValue != spark["graph"] {
        throw CLIError("Please leave out '--graph \(graphOptions.graph.rawValue)': this Spark job's output is a \(spark["graph"]) graph.")
      }
      let chosen = try selectedMetrics()
      let missing = chosen.filter { !SparkCommands.metrics.contains($0) }
      if metrics != "all", !missing.isEmpty {
        throw CLIError(
          "Please choose '--metrics' among pagerank, degree and strength for a Spark job's output: the job computes only these for the whole graph (\(missing.map(\.rawValue).joined(separator: ", ")) on the backbone alone would be wrong).")
      }
      let export = SparkCommands.backboneExport(spark, metrics: chosen.filter(SparkCommands.metrics.contains), communities: !noCommunities)
      let paths = Self.paths(for: output, format: format)
      if format == .csv {
        try AtomicFile.writeAll([(paths[0], Data(export.csvNodes().utf8)), (paths[1], Data(export.csvEdges().utf8))])
      } else {
        try AtomicFile.write(export.text(format), to: output)
      }
      printError(
        "coauthor: wrote \(paths.joined(separator: " and ")) (\(format.rawValue), backbone of \(spark.nodes.count) of \(spark["nodes"]) nodes from a Spark run, \(spark.edges.count) edges; metrics and communities of the whole graph)")
    }
  }
}
