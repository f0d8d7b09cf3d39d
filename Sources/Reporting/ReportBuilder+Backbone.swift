public import Analysis
import Foundation
import GraphCore

extension ReportBuilder {
  /// The metrics a Spark job's backbone carries for the whole graph, as the report names them.
  static let sparkMetrics: [(name: String, key: String)] = [("PageRank", "pagerank"), ("Degree", "degree"), ("Strength", "strength")]

  /// The report of a Spark job's output folder (``SparkOutput``): it says that it shows a
  /// backbone of N of M nodes from a Spark run, gives the whole graph's totals from `summary.csv`,
  /// and ranks with the job's whole-graph metrics (PageRank, degree, strength; never metrics
  /// recomputed on the backbone, which would be wrong for the whole graph). Metrics the job does
  /// not compute are left out with a note. At most `top` rows per ranking.
  public static func backboneDocument(_ spark: SparkOutput, title: String, command: String, top: Int) -> ReportDocument {
    let graph = spark["graph"]
    let people = graph == "tags" ? "tags" : "researchers"
    let n = spark.nodes.count
    var blocks: [Block] = [
      .paragraph([
        .strong("A backbone from a Spark run."),
        .text(
          " This report shows the backbone of \(n.countText) of \(spark.integer("nodes").countText) nodes (the top by \(spark["backbone_metric"]) in the whole \(graph) graph) and the \(spark.edges.count.countText) edges among them, read from the Spark job's output \(spark.folder) (\(spark["format"]), Spark \(spark["spark_version"]), \(spark["elapsed_seconds"]) s). Totals are those of the whole graph (summary.csv); degree, strength, PageRank, components and communities are the job's whole-graph values, not recomputed on the backbone."
        ),
      ]),
      .paragraph([.text("Reproduce with "), .code(command), .text(".")]),
      .heading(level: 2, text: "The whole graph", anchor: "whole-graph"),
    ]
    let cap = spark["max_authors"] == "none" ? "no cap" : "more than \(spark["max_authors"]) authors"
    let rows: [(String, String)] = [
      ("Inputs", spark["inputs"].split(separator: ";").joined(separator: ", ")),
      ("Papers read", spark.integer("papers_read").countText),
      ("Papers used", "\(spark.integer("papers_used").countText) (hyper-authored, left out: \(spark.integer("papers_hyper_authored").countText), \(cap))"),
      ("Malformed rows", spark.integer("rows_malformed") == 0 ? "0" : "\(spark.integer("rows_malformed").countText) (listed in malformed.csv)"),
      ("Graph", "\(graph), \(spark["counting"]) counting"),
      ("Nodes", spark.integer("nodes").countText),
      ("Edges", "\(spark.integer("edges").countText) (total weight \(spark["total_weight"]))"),
      ("Components", "\(spark.integer("components").countText); the largest has \(spark.integer("largest_component_nodes").countText) nodes and \(spark.integer("largest_component_edges").countText) edges"),
      ("PageRank", "damping \(spark["pagerank_damping"]), \(spark.integer("pagerank_iterations").countText) iterations, L1 error ≤ \(spark["pagerank_error_bound"]) (tolerance \(spark["pagerank_tolerance"]))"),
      ("Communities", "\(spark.integer("communities").countText) (\(spark["community_method"]))"),
      ("Backbone", "\(n.countText) nodes by \(spark["backbone_metric"]), \(spark.edges.count.countText) edges"),
    ]
    blocks.append(.table(headers: ["", "Whole graph"], rows: rows.map { [[.text($0.0)], [.text($0.1)]] }, numeric: [false, false]))

    // Rankings by the job's whole-graph metrics, over the backbone's nodes.
    let who = graph == "tags" ? "Tag" : "Researcher"
    for (name, key) in sparkMetrics {
      let order = spark.nodes.indices.sorted { a, b in
        let (x, y) = (value(spark.nodes[a], key), value(spark.nodes[b], key))
        return x != y ? x > y : spark.nodes[a].id.utf8.lexicographicallyPrecedes(spark.nodes[b].id.utf8)
      }
      blocks.append(.heading(level: 2, text: "Most central \(people) by \(name)", anchor: "rank-\(key)"))
      blocks.append(
        .table(
          headers: ["#", who, name, "Papers", "Community", "Id"],
          rows: order.prefix(top).enumerated().map { rank, i in
            let node = spark.nodes[i]
            return [[.text("\(rank + 1)")], [.text(node.label)], [.text(text(node, key))], [.text(node.papers.countText)], [.text(node.community)], [.code(node.id)]]
          }, numeric: [true, false, true, true, false, false]))
    }
    blocks.append(
      .paragraph([
        .text(
          "Betweenness, closeness, harmonic and eigenvector centrality, coreness and clustering are left out: the Spark job does not compute them for the whole graph, and values computed on the backbone alone would be wrong for the whole graph."
        )
      ]))

    // Communities among the backbone's nodes, by the job's labels.
    var members: [String: [Int]] = [:]
    var order: [String] = []
    for (i, node) in spark.nodes.enumerated() {
      if members[node.community] == nil { order.append(node.community) }
      members[node.community, default: []].append(i)
    }
    order.sort { a, b in members[a]!.count != members[b]!.count ? members[a]!.count > members[b]!.count : a.utf8.lexicographicallyPrecedes(b.utf8) }
    blocks.append(.heading(level: 2, text: "Communities in the backbone", anchor: "communities"))
    blocks.append(
      .paragraph([
        .text("The job found \(spark.integer("communities").countText) communities in the whole graph (\(spark["community_method"])); \(order.count.countText) of them have members in the backbone. Members by whole-graph PageRank.")
      ]))
    blocks.append(
      .table(
        headers: ["Community", "Backbone members", "Most central"],
        rows: order.prefix(top).map { c in
          let list = members[c]!.sorted { a, b in spark.nodes[a].pagerank != spark.nodes[b].pagerank ? spark.nodes[a].pagerank > spark.nodes[b].pagerank : a < b }
          return [[.code(c)], [.text(list.count.countText)], [.text(list.prefix(5).map { spark.nodes[$0].label }.joined(separator: ", "))]]
        }, numeric: [false, true, false]))

    // The strongest ties among backbone nodes.
    let ties = spark.edges.indices.sorted { a, b in
      let (x, y) = (spark.edges[a], spark.edges[b])
      return x.weight != y.weight ? x.weight > y.weight : (x.source, x.target) < (y.source, y.target)
    }
    blocks.append(.heading(level: 2, text: "Strongest ties in the backbone", anchor: "ties"))
    blocks.append(
      .table(
        headers: ["", "", "Weight", "Shared papers"],
        rows: ties.prefix(top).map { e in
          let edge = spark.edges[e]
          return [[.text(spark.nodes[edge.source].label)], [.text(spark.nodes[edge.target].label)], [.text(argument(edge.weight))], [.text(edge.papers.countText)]]
        }, numeric: [false, false, true, true]))
    return ReportDocument(title: "\(title): backbone of a Spark run", blocks: blocks)
  }

  static func value(_ node: SparkOutput.Node, _ key: String) -> Double {
    switch key {
    case "degree": Double(node.degree)
    case "strength": node.strength
    default: node.pagerank
    }
  }

  static func text(_ node: SparkOutput.Node, _ key: String) -> String {
    switch key {
    case "degree": node.degree.countText
    case "strength": argument(node.strength)
    default: number(node.pagerank, digits: 4)
    }
  }

  /// A value as the job wrote it (Swift's shortest round-trip form).
  static func argument(_ value: Double) -> String { value.argumentText }
}
