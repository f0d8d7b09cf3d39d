import GraphAlgorithms
import GraphCore
public import Networks

/// Writes a ``Network`` with its node attributes (label, papers, fellow, every computed metric,
/// community) and edge attributes (weight; kind and via for fellow graphs) in the formats other
/// tools read: GraphML, GEXF, networkx node-link JSON, CSV, DOT and VOSviewer JSON.
///
///     let export = GraphExport(network: network, attributes: NodeAttributes(scores: scores))
///     let xml = export.graphML()
///
/// Every writer is pure and deterministic: nodes in ``NodeID`` order, edges in ``EdgeID`` order,
/// attributes in a fixed order, numbers in Swift's shortest round-trip form (`0.1`, `2.0`,
/// `1e-05`), so the same network gives the same bytes and numbers read back exactly. Names are
/// data: each writer escapes them for its format (see `GraphExport+Escaping.swift`).
///
/// Node ids are the node indices (`0`, `1`, … ; `n0`, `n1`, … in GraphML and DOT, whose ids must
/// not start with a digit by convention); the name is the `label` attribute.
///
/// - Complexity: each writer is O(*n*·*a* + *m*) time and space for *n* nodes, *a* attributes
///   and *m* edges.
public struct GraphExport: Sendable {
  public var network: Network
  public var attributes: NodeAttributes

  /// - Precondition: every score vector and the community list have one entry per node, and
  ///   community numbers are at least 1.
  public init(network: Network, attributes: NodeAttributes = NodeAttributes()) {
    let n = network.graph.nodeCount
    for (metric, scores) in attributes.scores {
      precondition(scores.count == n, "\(metric.rawValue) has \(scores.count) scores for \(n) nodes")
    }
    if let communities = attributes.communities {
      precondition(communities.count == n, "communities has \(communities.count) entries for \(n) nodes")
      precondition(communities.allSatisfy { $0 >= 1 }, "communities are numbered from 1")
    }
    if let variants = attributes.variants {
      precondition(variants.count == n, "variants has \(variants.count) entries for \(n) nodes")
    }
    self.network = network
    self.attributes = attributes
  }

  /// The text of `format`. CSV is two tables; use ``csvNodes()`` and ``csvEdges()`` for it.
  /// - Precondition: `format` is not ``ExportFormat/csv``.
  public func text(_ format: ExportFormat) -> String {
    switch format {
    case .graphml: return graphML()
    case .gexf: return gexf()
    case .json: return nodeLinkJSON()
    case .dot: return dot()
    case .vosviewer: return vosviewerJSON()
    case .csv: preconditionFailure("CSV is two files: call csvNodes() and csvEdges()")
    }
  }

  /// The graph's name in every format: `coauthor-authors`, `coauthor-fellows` or `coauthor-tags`.
  public var graphName: String { "coauthor-\(network.kind.rawValue)" }

  // MARK: - Columns

  /// The type of an attribute, which decides how each format declares and writes it.
  enum ColumnType {
    case string, integer, double, boolean
  }

  /// One attribute value.
  enum Value {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)
    /// A list of names (the fellow graph's `via`): a JSON array, else joined with "; ".
    case strings([String])
  }

  /// A node or edge attribute: its name, type and the value for each node or edge.
  struct Column {
    var name: String
    var type: ColumnType
    var value: (Int) -> Value
  }

  /// The node attributes after `label`, in output order: papers, citations, fellow, the metrics, community.
  var nodeColumns: [Column] {
    var columns: [Column] = []
    let network = self.network
    if attributes.includesPapers {
      columns.append(Column(name: "papers", type: .integer) { .integer(network.paperCounts[$0]) })
    }
    if let citations = attributes.citations {
      columns.append(Column(name: "citations", type: .integer) { .integer(citations[$0]) })
    }
    if attributes.includesFellow ?? (network.kind != .tags) {
      columns.append(Column(name: "fellow", type: .boolean) { .boolean(network.isFellow[$0]) })
    }
    for metric in Metric.allCases {
      guard let scores = attributes.scores[metric]?.values else { continue }
      if Self.integerMetrics.contains(metric) {
        columns.append(Column(name: metric.rawValue, type: .integer) { .integer(Self.integer(scores[$0])) })
      } else {
        columns.append(Column(name: metric.rawValue, type: .double) { .double(scores[$0]) })
      }
    }
    if let communities = attributes.communities {
      columns.append(Column(name: "community", type: .integer) { .integer(communities[$0]) })
    }
    if let variants = attributes.variants {
      columns.append(Column(name: "variants", type: .string) { .strings(variants[$0]) })
    }
    return columns
  }

  /// The edge attributes after `weight`: for fellow graphs, `kind` and `via`.
  var edgeColumns: [Column] {
    guard network.kind == .fellows else { return [] }
    let network = self.network
    return [
      Column(name: "kind", type: .string) { .string(network.edgeKinds[$0].rawValue) },
      Column(name: "via", type: .string) { .strings(network.edgeVia[$0]) },
    ]
  }

  /// Metrics whose values are counts, written without a fraction.
  static let integerMetrics: Set<Metric> = [.degree, .coreness]

  /// `value` as an integer when it is a finite whole number in range, else 0 (degree and core
  /// numbers always are whole).
  static func integer(_ value: Double) -> Int {
    value.isFinite && value == value.rounded() && abs(value) < 9e15 ? Int(value) : 0
  }
}
