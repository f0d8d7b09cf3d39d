import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Exporting
import Networks
import Reporting
import TextEscaping

extension InputOptions {
  /// The Spark job's output folder these inputs name (one path, a folder whose `summary.csv`
  /// says `format,coauthor-spark …`, or `--input-format spark`), read whole; `nil` for other inputs.
  /// - Throws: `ValidationError` when the folder is given with other inputs or an alias file;
  ///   `IngestError` naming the file and line of a malformed or incomplete folder.
  func sparkOutput() throws -> SparkOutput? {
    guard inputFormat == .spark || paths.contains(where: SparkOutput.isJobOutput) else { return nil }
    guard paths.count == 1 else {
      throw ValidationError("Please give a Spark job's output folder on its own (got \(paths.count) inputs).")
    }
    if aliases != nil {
      throw ValidationError("Please give '--aliases' to the Spark job, not here: its output holds names already resolved.")
    }
    return try SparkOutput.read(paths[0])
  }
}

/// The CLI's outputs for a Spark job's output folder (``SparkOutput``): `stats`, `rank`, `report`.
enum SparkCommands {
  /// The metrics the job computes for the whole graph.
  static let metrics: [Metric] = [.pagerank, .degree, .strength]

  /// `coauthor stats OUT/`: the whole graph's totals from summary.csv, and the backbone's size.
  static func stats(_ spark: SparkOutput, format: OutputFormat) -> String {
    if format == .json {
      var members: [(String, JSON)] = [("source", .string("spark")), ("folder", .string(spark.folder))]
      var summary: [(String, JSON)] = []
      for row in spark.summary where SparkOutput.summaryKeys.contains(row.key) {
        if SparkOutput.integerKeysList.contains(row.key), let v = Int(row.value) {
          summary.append((row.key, .int(v)))
        } else if SparkOutput.doubleKeysList.contains(row.key), let v = Double(row.value) {
          summary.append((row.key, .double(v)))
        } else {
          summary.append((row.key, .string(row.value)))
        }
      }
      members.append(("wholeGraph", .object(summary)))
      members.append(("backbone", .object([("nodes", .int(spark.nodes.count)), ("edges", .int(spark.edges.count))])))
      return JSON.object(members).text() + "\n"
    }
    let cap = spark["max_authors"] == "none" ? "no author cap" : "more than \(spark["max_authors"]) authors left out"
    var rows: [[String]] = [
      ["papers read", spark["papers_read"]],
      ["papers used", "\(spark["papers_used"]) (\(spark["papers_hyper_authored"]) hyper-authored: \(cap))"],
      ["malformed rows", spark["rows_malformed"] + (spark.integer("rows_malformed") > 0 ? " (malformed.csv)" : "")],
      ["\(spark["graph"]) graph", "\(spark["nodes"]) nodes, \(spark["edges"]) edges, \(spark["components"]) components (\(spark["counting"]) counting, total weight \(spark["total_weight"]))"],
      ["largest component", "\(spark["largest_component_nodes"]) nodes, \(spark["largest_component_edges"]) edges"],
      ["pagerank", "damping \(spark["pagerank_damping"]), \(spark["pagerank_iterations"]) iterations, L1 error ≤ \(spark["pagerank_error_bound"]) (tolerance \(spark["pagerank_tolerance"]))"],
      ["communities", "\(spark["communities"]) (\(spark["community_method"]))"],
    ]
    rows.append(["backbone", "\(spark.nodes.count) of \(spark["nodes"]) nodes (top by \(spark["backbone_metric"])), \(spark.edges.count) edges"])
    let head = "Spark job output \(spark.folder) (\(spark["format"]), Spark \(spark["spark_version"]), \(spark["elapsed_seconds"]) s): whole-graph totals from summary.csv; inputs: \(spark["inputs"].split(separator: ";").joined(separator: ", "))\n"
    return head + TextTable.render(headers: ["", "whole graph"], rows: rows)
  }

  /// `coauthor rank OUT/`: the backbone's nodes by a whole-graph metric of the job.
  static func rank(_ spark: SparkOutput, metric: Metric, limit: Int?, format: OutputFormat) throws -> String {
    guard metrics.contains(metric) else {
      throw CLIError(
        "Please choose '--metric pagerank', 'degree' or 'strength' for a Spark job's output: the job computes only these for the whole graph ('\(metric.rawValue)' on the backbone alone would be wrong).")
    }
    func value(_ node: SparkOutput.Node) -> Double {
      switch metric {
      case .degree: Double(node.degree)
      case .strength: node.strength
      default: node.pagerank
      }
    }
    var order = spark.nodes.indices.sorted { a, b in
      let (x, y) = (value(spark.nodes[a]), value(spark.nodes[b]))
      return x != y ? x > y : spark.nodes[a].id.utf8.lexicographicallyPrecedes(spark.nodes[b].id.utf8)
    }
    if let limit { order = Array(order.prefix(limit)) }
    switch format {
    case .json:
      return JSON.object([
        ("source", .string("spark")), ("graph", .string(spark["graph"])), ("metric", .string(metric.rawValue)),
        ("wholeGraphNodes", .int(spark.integer("nodes"))), ("backboneNodes", .int(spark.nodes.count)),
        ("ranking", .array(order.enumerated().map { i, n in
          let node = spark.nodes[n]
          return .object([("rank", .int(i + 1)), ("id", .string(node.id)), ("name", .string(node.label)), ("score", .double(value(node)))])
        })),
      ]).text() + "\n"
    case .csv:
      var out = CSV.row(["rank", "id", "name", "score"])
      for (i, n) in order.enumerated() {
        out += CSV.row(["\(i + 1)", spark.nodes[n].id, spark.nodes[n].label, value(spark.nodes[n]).argumentText])
      }
      return out
    case .text:
      let rows = order.enumerated().map { i, n in
        ["\(i + 1)", spark.nodes[n].label, value(spark.nodes[n]).argumentText, spark.nodes[n].id]
      }
      return "\(metric.rawValue) of the whole \(spark["graph"]) graph (\(spark["nodes"]) nodes) from the Spark job, over its backbone of \(spark.nodes.count) nodes:\n"
        + TextTable.render(headers: ["rank", "name", "score", "id"], rows: rows, numeric: [0, 2])
    }
  }

  /// The backbone as a network for `coauthor export OUT/`, with the job's whole-graph metrics
  /// and its communities numbered from 1 (most backbone members first, then label).
  static func backboneExport(_ spark: SparkOutput, metrics: [Metric], communities: Bool) -> GraphExport {
    let n = spark.nodes.count
    let graph = Graph(nodeCount: n, edges: spark.edges.map { ($0.source, $0.target, $0.weight) })
    let network = Network(
      kind: spark["graph"] == "tags" ? .tags : .authors, graph: graph, labels: spark.nodes.map(\.label),
      paperCounts: spark.nodes.map(\.papers), isFellow: Array(repeating: false, count: n),
      edgeWeight: spark["graph"] == "tags" ? .cooccurrence(.count) : spark["counting"] == "fractional" ? .fractionalPapers : .sharedPapers)
    var attributes = NodeAttributes(includesFellow: false)
    for metric in metrics {
      switch metric {
      case .degree: attributes.scores[.degree] = NodeScores(values: spark.nodes.map { Double($0.degree) })
      case .strength: attributes.scores[.strength] = NodeScores(values: spark.nodes.map(\.strength))
      default: attributes.scores[.pagerank] = NodeScores(values: spark.nodes.map(\.pagerank))
      }
    }
    if communities {
      var size: [String: Int] = [:]
      for node in spark.nodes { size[node.community, default: 0] += 1 }
      let order = size.keys.sorted { a, b in size[a]! != size[b]! ? size[a]! > size[b]! : a.utf8.lexicographicallyPrecedes(b.utf8) }
      let number = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
      attributes.communities = spark.nodes.map { number[$0.community]! }
    }
    return GraphExport(network: network, attributes: attributes)
  }

  /// What `communities --format json` adds for a job's output: the backbone's and the whole graph's sizes.
  static func backboneJSON(_ spark: SparkOutput) -> JSON {
    .object([
      ("folder", .string(spark.folder)), ("backboneNodes", .int(spark.nodes.count)), ("backboneEdges", .int(spark.edges.count)),
      ("wholeGraphNodes", .int(spark.integer("nodes"))), ("wholeGraphEdges", .int(spark.integer("edges"))),
      ("backboneMetric", .string(spark["backbone_metric"])),
    ])
  }

  /// The backbone of `spark` through `pipeline` (the one route: Coauthor's communities on the
  /// backbone, the job's whole-graph PageRank, degree and strength), for `render`,
  /// `communities` and `report`. `graph` is the command's `--graph`: `authors` (the default) or
  /// the job's own graph.
  static func analysis(_ spark: SparkOutput, pipeline: Pipeline, graph: Network.Kind) throws -> CommunityAnalysis {
    let kind: Network.Kind = spark["graph"] == "tags" ? .tags : .authors
    guard graph == .authors || graph == kind else {
      throw ValidationError("This Spark job's output holds its \(spark["graph"]) graph only; '--graph \(graph.rawValue)' cannot be drawn from it.")
    }
    var pipeline = pipeline
    pipeline.graphs = [.authors]  // the backbone network, whatever its kind
    pipeline.filter.maxAuthors = nil  // the job applied its own cap
    do {
      return try CommunityAnalysis(try spark.analyse(pipeline, progress: TerminalPipelineProgress()).networks[0])
    } catch let error as SparkBackboneError {
      throw CLIError(error.description)
    } catch let error as PipelineError {
      throw ValidationError(error.description)
    }
  }

  /// `coauthor report OUT/`: report.md, report.html and backbone.svg (the backbone picture).
  static func report(
    _ spark: SparkOutput, pipeline: Pipeline, communityArguments: [String], output: String, title: String?, top: Int,
    engine: LayoutEngine, maxNodes: Int
  ) throws {
    let name = title ?? (spark.folder as NSString).lastPathComponent
    var command = ["coauthor", "report", spark.folder]
    command += communityArguments
    if top != 10 { command += ["--top", "\(top)"] }
    if engine != .sfdp { command += ["--engine", engine.rawValue] }
    if maxNodes != ReportJob.defaultMaxNodes { command += ["--max-nodes", "\(maxNodes)"] }
    command += ["--output", output]
    var backbone = pipeline
    backbone.metrics = [.pagerank]
    let analysis = try analysis(spark, pipeline: backbone, graph: .authors)
    let files: [(name: String, bytes: Data)]
    do {
      files = try ReportJob.backboneFiles(
        spark, analysis: analysis, title: name, command: command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
        top: top, engine: engine, maxNodes: maxNodes)
    } catch let error as LayoutBudgetError { throw CLIError(error.message) }
    try AtomicFile.writeAll(files.map { ((output as NSString).appendingPathComponent($0.name), $0.bytes) })
    printError("coauthor: wrote \(output)/report.md, \(output)/report.html and \(output)/backbone.svg (backbone of \(spark.nodes.count) of \(spark["nodes"]) nodes from a Spark run)")
  }
}
