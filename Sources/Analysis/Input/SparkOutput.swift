public import Bibliography
import Foundation

/// The output folder of Coauthor's Spark job (`spark/`, format `coauthor-spark 1`): the whole
/// graph's totals (`summary.csv`) and its **backbone** (`backbone-nodes.csv`,
/// `backbone-edges.csv`): the top nodes by a metric, with the metrics of the *whole* graph, and
/// the edges among them. The folder's format is in `spark/SCHEMA.md`.
///
/// A folder is one when its `summary.csv` has the row `format,coauthor-spark <version>`
/// (``isJobOutput(_:)``); only version 1 is read. Everything is checked: a missing file, a
/// missing column or summary key, an unknown version, a number that is not one, an edge whose
/// end is not a backbone node, counts that disagree with the summary, each an ``IngestError``
/// naming the file and line. Nothing is read partly.
public struct SparkOutput: Sendable, Equatable {
  public static let formatName = "coauthor-spark"
  public static let version = 1
  public static let nodeColumns = ["id", "label", "papers", "degree", "strength", "component", "pagerank", "community"]
  public static let edgeColumns = ["source", "target", "weight", "papers"]
  /// The summary keys this reader needs (the job writes them in this order; more may follow).
  public static let summaryKeys = [
    "format", "graph", "counting", "max_authors", "inputs", "papers_read", "papers_used", "papers_hyper_authored",
    "rows_malformed", "nodes", "edges", "total_weight", "components", "largest_component_nodes",
    "largest_component_edges", "pagerank_damping", "pagerank_iterations", "pagerank_error_bound", "pagerank_tolerance",
    "community_method", "communities", "backbone_metric", "backbone_nodes", "backbone_edges", "spark_version",
    "elapsed_seconds",
  ]
  /// Summary keys whose values are whole numbers, and real numbers.
  public static var integerKeysList: Set<String> { integerKeys }
  public static var doubleKeysList: Set<String> { doubleKeys }
  static let integerKeys: Set<String> = [
    "papers_read", "papers_used", "papers_hyper_authored", "rows_malformed", "nodes", "edges", "components",
    "largest_component_nodes", "largest_component_edges", "pagerank_iterations", "communities", "backbone_nodes",
    "backbone_edges",
  ]
  static let doubleKeys: Set<String> = [
    "total_weight", "pagerank_damping", "pagerank_error_bound", "pagerank_tolerance", "elapsed_seconds",
  ]

  /// A backbone node, with the metrics of the whole graph.
  public struct Node: Sendable, Equatable {
    public var id: String
    public var label: String
    public var papers: Int
    public var degree: Int
    public var strength: Double
    /// The smallest node id of its component (whole graph).
    public var component: String
    public var pagerank: Double
    /// The community label the job gave (whole graph).
    public var community: String
  }

  /// An edge between two backbone nodes (indices into ``nodes``), `source < target` by id.
  public struct Edge: Sendable, Equatable {
    public var source: Int
    public var target: Int
    public var weight: Double
    public var papers: Int
  }

  /// The folder as given.
  public var folder: String
  /// `summary.csv` rows in file order (keys the reader does not know are kept, never used).
  public var summary: [Summary]
  /// Backbone nodes in file order (by the backbone metric, descending, then id).
  public var nodes: [Node]
  public var edges: [Edge]

  public struct Summary: Sendable, Equatable {
    public var key: String
    public var value: String
    public var line: Int
  }

  /// The summary value of `key` (every key of ``summaryKeys`` is there once read).
  public subscript(key: String) -> String { summary.first { $0.key == key }?.value ?? "" }
  /// An integer summary value (checked when read).
  public func integer(_ key: String) -> Int { Int(self[key]) ?? 0 }
  /// A real summary value (checked when read).
  public func real(_ key: String) -> Double { Double(self[key]) ?? .nan }

  /// Whether `path` is a folder holding a `summary.csv` whose `format` row names the Spark job.
  public static func isJobOutput(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent("summary.csv"))
    else { return false }
    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).contains { $0.hasPrefix("format,\(formatName)") }
  }

  /// Reads the job's output folder.
  /// - Throws: ``IngestError`` naming the file and line of the first problem.
  public static func read(_ folder: String) throws(IngestError) -> SparkOutput {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw IngestError(file: folder, reason: .fileNotFound)
    }
    guard isDirectory.boolValue else {
      throw IngestError(file: folder, reason: .unknownFormat("not a folder: a Spark job's output is a folder holding summary.csv"))
    }

    // summary.csv
    let summaryPath = path("summary.csv")
    let summaryRows = try table(summaryPath, columns: ["key", "value"])
    var summary: [Summary] = []
    var seen = Set<String>()
    for (line, cells) in summaryRows {
      guard seen.insert(cells[0]).inserted else {
        throw IngestError(file: summaryPath, line: line, reason: .invalidField(column: "key", "'\(cells[0])' is given twice"))
      }
      summary.append(Summary(key: cells[0], value: cells[1], line: line))
    }
    guard let format = summary.first(where: { $0.key == "format" }) else {
      throw IngestError(file: summaryPath, reason: .missingField("format (expected 'format,\(formatName) \(version)')"))
    }
    guard format.value == "\(formatName) \(version)" else {
      throw IngestError(
        file: summaryPath, line: format.line,
        reason: .unknownFormat("'\(format.value)': this Coauthor reads '\(formatName) \(version)' (a newer job needs a newer Coauthor)"))
    }
    for key in summaryKeys where !seen.contains(key) {
      throw IngestError(file: summaryPath, reason: .missingField("'\(key)' (the job writes every key of spark/SCHEMA.md)"))
    }
    for row in summary {
      if integerKeys.contains(row.key), Int(row.value).map({ $0 >= 0 }) != true {
        throw IngestError(file: summaryPath, line: row.line, reason: .invalidField(column: "value", "\(row.key) '\(row.value)' is not a whole number ≥ 0"))
      }
      if doubleKeys.contains(row.key), Double(row.value).map({ $0.isFinite && $0 >= 0 }) != true {
        throw IngestError(file: summaryPath, line: row.line, reason: .invalidField(column: "value", "\(row.key) '\(row.value)' is not a number ≥ 0"))
      }
      if row.key == "max_authors", row.value != "none", Int(row.value).map({ $0 >= 1 }) != true {
        throw IngestError(file: summaryPath, line: row.line, reason: .invalidField(column: "value", "max_authors '\(row.value)' is neither a number ≥ 1 nor 'none'"))
      }
      if row.key == "graph", row.value != "authors", row.value != "tags" {
        throw IngestError(file: summaryPath, line: row.line, reason: .invalidField(column: "value", "graph '\(row.value)' is neither 'authors' nor 'tags'"))
      }
      if row.key == "counting", row.value != "full", row.value != "fractional" {
        throw IngestError(file: summaryPath, line: row.line, reason: .invalidField(column: "value", "counting '\(row.value)' is neither 'full' nor 'fractional'"))
      }
    }
    let lineOf = Dictionary(summary.map { ($0.key, $0.line) }, uniquingKeysWith: { a, _ in a })

    // backbone-nodes.csv
    let nodesPath = path("backbone-nodes.csv")
    var nodes: [Node] = []
    var index: [String: Int] = [:]
    for (line, c) in try table(nodesPath, columns: nodeColumns) {
      func number<T: LosslessStringConvertible>(_ i: Int, _ type: T.Type) throws(IngestError) -> T {
        guard let v = T(c[i]) else {
          throw IngestError(file: nodesPath, line: line, reason: .invalidField(column: nodeColumns[i], "'\(c[i])' is not a number"))
        }
        return v
      }
      let node = Node(
        id: c[0], label: c[1], papers: try number(2, Int.self), degree: try number(3, Int.self),
        strength: try number(4, Double.self), component: c[5], pagerank: try number(6, Double.self), community: c[7])
      guard !node.id.isEmpty else { throw IngestError(file: nodesPath, line: line, reason: .invalidField(column: "id", "empty")) }
      guard node.papers >= 0, node.degree >= 0, node.strength.isFinite, node.strength >= 0, node.pagerank.isFinite, node.pagerank >= 0 else {
        throw IngestError(file: nodesPath, line: line, reason: .invalidField(column: "papers", "a count or metric is negative or not finite"))
      }
      guard index[node.id] == nil else {
        throw IngestError(file: nodesPath, line: line, reason: .invalidField(column: "id", "'\(node.id)' is listed twice"))
      }
      index[node.id] = nodes.count
      nodes.append(node)
    }

    // backbone-edges.csv
    let edgesPath = path("backbone-edges.csv")
    var edges: [Edge] = []
    var pairs = Set<[Int]>()
    for (line, c) in try table(edgesPath, columns: edgeColumns) {
      guard let s = index[c[0]] else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidField(column: "source", "'\(c[0])' is not a node of backbone-nodes.csv"))
      }
      guard let t = index[c[1]] else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidField(column: "target", "'\(c[1])' is not a node of backbone-nodes.csv"))
      }
      guard c[0].utf8.lexicographicallyPrecedes(c[1].utf8) else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidField(column: "target", "source '\(c[0])' must come before target '\(c[1])'"))
      }
      guard let weight = Double(c[2]), weight.isFinite, weight > 0 else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidWeight(c[2]))
      }
      guard let papers = Int(c[3]), papers >= 1 else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidField(column: "papers", "'\(c[3])' is not a whole number ≥ 1"))
      }
      guard pairs.insert([s, t]).inserted else {
        throw IngestError(file: edgesPath, line: line, reason: .invalidField(column: "target", "the edge '\(c[0])'–'\(c[1])' is listed twice"))
      }
      edges.append(Edge(source: s, target: t, weight: weight, papers: papers))
    }

    let output = SparkOutput(folder: folder, summary: summary, nodes: nodes, edges: edges)
    for (key, count, file) in [("backbone_nodes", nodes.count, "backbone-nodes.csv"), ("backbone_edges", edges.count, "backbone-edges.csv")]
    where output.integer(key) != count {
      throw IngestError(
        file: summaryPath, line: lineOf[key],
        reason: .invalidField(column: "value", "\(key) is \(output[key]) but \(file) has \(count) rows: the folder is incomplete or mixed"))
    }
    if nodes.count > output.integer("nodes") || edges.count > output.integer("edges") {
      throw IngestError(file: summaryPath, line: lineOf["nodes"], reason: .invalidField(column: "value", "the backbone is larger than the whole graph"))
    }
    return output
  }

  /// The data rows of an RFC 4180 CSV file (quotes doubled, fields may hold commas and line
  /// breaks) whose header is exactly `columns`, each with the line it starts on.
  static func table(_ path: String, columns: [String]) throws(IngestError) -> [(line: Int, cells: [String])] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw IngestError(file: path, reason: .fileNotFound)
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw IngestError(file: path, reason: .unreadable("no permission?")) }
    guard let text = String(validating: data, as: UTF8.self) else { throw IngestError(file: path, reason: .invalidEncoding) }
    var rows: [(line: Int, cells: [String])] = []
    var cells: [String] = []
    var cell = ""
    var line = 1
    var rowLine = 1
    var quoted = false
    var wasQuoted = false
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var i = 0
    func endRow() {
      cells.append(cell)
      if !(cells.count == 1 && cells[0].isEmpty && !wasQuoted) { rows.append((rowLine, cells)) }
      cells = []
      cell = ""
      wasQuoted = false
    }
    while i < scalars.count {
      let s = scalars[i]
      if quoted {
        if s == "\"" {
          if i + 1 < scalars.count, scalars[i + 1] == "\"" {
            cell.unicodeScalars.append("\"")
            i += 2
            continue
          }
          quoted = false
        } else {
          if s == "\n" { line += 1 }
          cell.unicodeScalars.append(s)
        }
        i += 1
        continue
      }
      switch s {
      case "\"" where cell.isEmpty && !wasQuoted:
        quoted = true
        wasQuoted = true
      case "\"":
        throw IngestError(file: path, line: line, reason: .invalidField(column: "#\(cells.count + 1)", "a quote inside an unquoted field"))
      case ",":
        cells.append(cell)
        cell = ""
        wasQuoted = false
      case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
        break
      case "\n", "\r":
        endRow()
        line += 1
        rowLine = line
      default:
        if wasQuoted {
          throw IngestError(file: path, line: line, reason: .invalidField(column: "#\(cells.count + 1)", "text after a closing quote"))
        }
        cell.unicodeScalars.append(s)
      }
      i += 1
    }
    if quoted { throw IngestError(file: path, line: rowLine, reason: .invalidField(column: "#\(cells.count + 1)", "unterminated quoted field")) }
    if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
    guard let header = rows.first else { throw IngestError(file: path, reason: .emptyFile) }
    guard header.cells == columns else {
      throw IngestError(
        file: path, line: 1,
        reason: .invalidField(column: "header", "expected '\(columns.joined(separator: ","))', found '\(header.cells.joined(separator: ","))'"))
    }
    for row in rows.dropFirst() where row.cells.count != columns.count {
      throw IngestError(
        file: path, line: row.line, reason: .invalidField(column: "row", "\(row.cells.count) fields, the header has \(columns.count)"))
    }
    return Array(rows.dropFirst())
  }
}
