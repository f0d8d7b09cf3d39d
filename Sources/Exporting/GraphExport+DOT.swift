import Networks
import GraphCore
import TextEscaping

extension GraphExport {
  /// The network as plain Graphviz DOT with every attribute, no styling:
  ///
  ///     graph "coauthor-authors" {
  ///       n0 [label="Ada Lovelace", papers="5", fellow="true", pagerank="0.21", community="1"];
  ///       n0 -- n1 [weight="3.0"];
  ///     }
  ///
  /// Every value is quoted, because DOT numerals have no exponent (`1e-05`). For a styled
  /// picture use `coauthor render --output file.dot` instead (GraphvizRendering's `DOTWriter`).
  ///
  /// Reference: <https://graphviz.org/doc/info/lang.html>.
  public func dot() -> String {
    let graph = network.graph
    let nodeColumns = self.nodeColumns
    let edgeColumns = self.edgeColumns
    var out = "graph \(DOT.quoted(graphName, as: .text)) {\n"
    for v in 0 ..< graph.nodeCount {
      var attributes = ["label=" + DOT.quoted(network.labels[v], as: .text)]
      for column in nodeColumns { attributes.append(column.name + "=" + Self.dotValue(column.value(v))) }
      out += "  n\(v) [\(attributes.joined(separator: ", "))];\n"
    }
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      var attributes = ["weight=" + DOT.quoted(Self.number(graph.edgeWeights[e]), as: .text)]
      for column in edgeColumns { attributes.append(column.name + "=" + Self.dotValue(column.value(e))) }
      out += "  n\(u.index) -- n\(v.index) [\(attributes.joined(separator: ", "))];\n"
    }
    out += "}\n"
    return out
  }

  static func dotValue(_ value: Value) -> String {
    switch value {
    case .string(let s): DOT.quoted(s, as: .text)
    case .integer(let i): DOT.quoted(String(i), as: .text)
    case .double(let d): DOT.quoted(number(d), as: .text)
    case .boolean(let b): DOT.quoted(b ? "true" : "false", as: .text)
    case .strings(let list): DOT.quoted(list.joined(separator: "; "), as: .text)
    }
  }
}
