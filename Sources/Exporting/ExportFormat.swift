/// The file formats ``GraphExport`` writes, and the tools that read them.
public enum ExportFormat: String, CaseIterable, Codable, Sendable {
  /// GraphML 1.0 (<http://graphml.graphdrawing.org/specification.html>): Gephi, yEd, Cytoscape,
  /// networkx `read_graphml`, igraph.
  case graphml
  /// GEXF 1.3 (<https://gexf.net>): Gephi, networkx `read_gexf`.
  case gexf
  /// networkx node-link JSON (`nx.node_link_graph(data)`), also fine for d3-force.
  case json
  /// Two CSV tables, nodes and edges: spreadsheets, Gephi's spreadsheet import, pandas.
  case csv
  /// Graphviz DOT with every attribute: Graphviz, Gephi, networkx `read_dot`.
  case dot
  /// VOSviewer's JSON map-and-network file (<https://app.vosviewer.com/docs/file-types/json-file-type/>).
  case vosviewer

  /// The format named by a file extension, case-insensitively, with or without the leading dot:
  /// `graphml`, `gexf`, `json`, `csv`, `dot` or `gv`. VOSviewer JSON also ends in `.json`, so it is
  /// never chosen by extension. Returns `nil` for anything else.
  ///
  ///     ExportFormat(fileExtension: "GraphML")   // .graphml
  ///     ExportFormat(fileExtension: ".gv")       // .dot
  public init?(fileExtension: String) {
    var ext = fileExtension.lowercased()
    if ext.hasPrefix(".") { ext.removeFirst() }
    switch ext {
    case "graphml": self = .graphml
    case "gexf": self = .gexf
    case "json": self = .json
    case "csv": self = .csv
    case "dot", "gv": self = .dot
    default: return nil
    }
  }
}
