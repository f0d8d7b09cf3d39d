import Networks
import GraphAlgorithms
import GraphCore
import TextEscaping

extension GraphExport {
  /// The network as networkx node-link JSON, one node or edge per line:
  ///
  ///     {
  ///       "directed": false,
  ///       "multigraph": false,
  ///       "graph": {"name": "coauthor-authors"},
  ///       "nodes": [
  ///         {"id": 0, "label": "Ada Lovelace", "papers": 5, "fellow": true, "pagerank": 0.21, "community": 1},
  ///         …
  ///       ],
  ///       "edges": [
  ///         {"source": 0, "target": 1, "weight": 3.0},
  ///         …
  ///       ]
  ///     }
  ///
  /// The edge list's key is `edges`, the default of networkx 3.6 `nx.node_link_graph(data)`
  /// (networkx 3.4 and 3.5 read it with `nx.node_link_graph(data, edges="edges")`; older
  /// versions and d3 examples call it `links`). Node ids are integers; the name is `label`.
  /// For fellow graphs edges also carry `kind` and `via` (a list of names). Non-finite numbers
  /// are written as `null`.
  ///
  /// Reference: networkx `node_link_data`, <https://networkx.org/documentation/stable/reference/readwrite/json_graph.html>.
  public func nodeLinkJSON() -> String {
    let graph = network.graph
    let nodeColumns = self.nodeColumns
    let edgeColumns = self.edgeColumns
    var out = "{\n  \"directed\": false,\n  \"multigraph\": false,\n"
    out += "  \"graph\": {\"name\": \(JSON.quoted(graphName))},\n"
    out += "  \"nodes\": [\n"
    for v in 0 ..< graph.nodeCount {
      out += "    {\"id\": \(v), \"label\": \(JSON.quoted(network.labels[v]))"
      for column in nodeColumns { out += ", \(JSON.quoted(column.name)): \(Self.jsonValue(column.value(v)))" }
      out += v + 1 < graph.nodeCount ? "},\n" : "}\n"
    }
    out += "  ],\n  \"edges\": [\n"
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      out += "    {\"source\": \(u.index), \"target\": \(v.index), \"weight\": \(JSON.number(graph.edgeWeights[e]))"
      for column in edgeColumns { out += ", \(JSON.quoted(column.name)): \(Self.jsonValue(column.value(e)))" }
      out += e + 1 < graph.edgeCount ? "},\n" : "}\n"
    }
    out += "  ]\n}\n"
    return out
  }

  static func jsonValue(_ value: Value) -> String {
    switch value {
    case .string(let s): JSON.quoted(s)
    case .integer(let i): String(i)
    case .double(let d): JSON.number(d)
    case .boolean(let b): b ? "true" : "false"
    case .strings(let list): "[" + list.map(JSON.quoted).joined(separator: ", ") + "]"
    }
  }

  /// The network as a VOSviewer JSON map-and-network file, one item or link per line:
  ///
  ///     {
  ///       "network": {
  ///         "items": [
  ///           {"id": 1, "label": "Ada Lovelace", "cluster": 1,
  ///            "weights": {"Links": 3, "Total link strength": 5.0, "Documents": 5},
  ///            "scores": {"Betweenness": 0.5, "PageRank": 0.21}},
  ///           …
  ///         ],
  ///         "links": [
  ///           {"source_id": 1, "target_id": 2, "strength": 3.0},
  ///           …
  ///         ]
  ///       }
  ///     }
  ///
  /// Item ids are node indices **plus one** (VOSviewer numbers from 1). `cluster` is the
  /// community (VOSviewer allows 1 to 1000, so nodes of communities above 1000 have none); the
  /// weights (sizes) are VOSviewer's own `Links` (distinct neighbours) and `Total link strength`
  /// (sum of weights), and `Documents` (papers) unless papers are left out; every computed metric
  /// is a score (colour in the overlay view); fellows have the description "Program fellow".
  /// No coordinates are written, so VOSviewer lays the map out itself.
  ///
  /// Reference: <https://app.vosviewer.com/docs/file-types/json-file-type/>.
  public func vosviewerJSON() -> String {
    let graph = network.graph
    let includesFellow = attributes.includesFellow ?? (network.kind != .tags)
    var out = "{\n  \"network\": {\n    \"items\": [\n"
    for v in 0 ..< graph.nodeCount {
      let node = NodeID(v)
      let strength = graph.strength(of: node)
      out += "      {\"id\": \(v + 1), \"label\": \(JSON.quoted(network.labels[v]))"
      if includesFellow && network.isFellow[v] { out += ", \"description\": \"Program fellow\"" }
      if let c = attributes.communities?[v], c <= 1000 { out += ", \"cluster\": \(c)" }
      var weights = ["\"Links\": \(graph.degree(of: node))", "\"Total link strength\": \(JSON.number(strength))"]
      if attributes.includesPapers { weights.append("\"Documents\": \(network.paperCounts[v])") }
      out += ", \"weights\": {" + weights.joined(separator: ", ") + "}"
      var scores: [String] = []
      for metric in Metric.allCases {
        guard let value = attributes.scores[metric]?.values[v], value.isFinite else { continue }
        let text = Self.integerMetrics.contains(metric) ? String(Self.integer(value)) : Self.number(value)
        scores.append("\(JSON.quoted(Self.vosviewerName(metric))): \(text)")
      }
      if !scores.isEmpty { out += ", \"scores\": {" + scores.joined(separator: ", ") + "}" }
      out += v + 1 < graph.nodeCount ? "},\n" : "}\n"
    }
    out += "    ],\n    \"links\": [\n"
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      out += "      {\"source_id\": \(u.index + 1), \"target_id\": \(v.index + 1), \"strength\": \(JSON.number(graph.edgeWeights[e]))"
      out += e + 1 < graph.edgeCount ? "},\n" : "}\n"
    }
    out += "    ]\n  }\n}\n"
    return out
  }

  /// A metric's name as a VOSviewer score label.
  static func vosviewerName(_ metric: Metric) -> String {
    switch metric {
    case .degree: "Degree"
    case .strength: "Strength"
    case .betweenness: "Betweenness"
    case .closeness: "Closeness"
    case .harmonic: "Harmonic"
    case .eigenvector: "Eigenvector"
    case .pagerank: "PageRank"
    case .coreness: "Coreness"
    case .clustering: "Clustering"
    }
  }
}
