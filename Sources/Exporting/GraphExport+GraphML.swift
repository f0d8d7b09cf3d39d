import Networks
import GraphCore
import TextEscaping

extension GraphExport {
  /// The network as GraphML 1.0, one `<key>` per attribute (`label`, `papers`, `fellow`, the
  /// metrics, `community`; edges: `weight`, and `kind`, `via` for fellow graphs).
  ///
  /// Node ids are `n0`, `n1`, …; the name is the `label` attribute, which Gephi shows as the
  /// node label. Read it back with networkx `nx.read_graphml(path)`: attribute types come from
  /// each key's `attr.type` (`string`, `int`, `double`, `boolean`).
  ///
  /// Reference: <http://graphml.graphdrawing.org/specification.html>.
  public func graphML() -> String {
    let graph = network.graph
    let nodeColumns = self.nodeColumns
    let edgeColumns = self.edgeColumns
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    func key(_ name: String, _ target: String, _ type: ColumnType) {
      out += "  <key id=\"\(XML.attribute(name))\" for=\"\(target)\" attr.name=\"\(XML.attribute(name))\" attr.type=\"\(Self.graphMLType(type))\"/>\n"
    }
    key("label", "node", .string)
    for column in nodeColumns { key(column.name, "node", column.type) }
    key("weight", "edge", .double)
    for column in edgeColumns { key(column.name, "edge", column.type) }
    out += "  <graph id=\"\(XML.attribute(graphName))\" edgedefault=\"undirected\">\n"
    func data(_ key: String, _ value: Value) {
      out += "<data key=\"\(XML.attribute(key))\">\(Self.xmlValue(value))</data>"
    }
    for v in 0 ..< graph.nodeCount {
      out += "    <node id=\"n\(v)\">"
      data("label", .string(network.labels[v]))
      for column in nodeColumns { data(column.name, column.value(v)) }
      out += "</node>\n"
    }
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      out += "    <edge source=\"n\(u.index)\" target=\"n\(v.index)\">"
      data("weight", .double(graph.edgeWeights[e]))
      for column in edgeColumns { data(column.name, column.value(e)) }
      out += "</edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  static func graphMLType(_ type: ColumnType) -> String {
    switch type {
    case .string: "string"
    case .integer: "int"
    case .double: "double"
    case .boolean: "boolean"
    }
  }

  /// A value as XML text (for GraphML `<data>` and GEXF `value=`).
  static func xmlValue(_ value: Value) -> String {
    switch value {
    case .string(let s): XML.attribute(s)
    case .integer(let i): String(i)
    case .double(let d): number(d)
    case .boolean(let b): b ? "true" : "false"
    case .strings(let list): XML.attribute(list.joined(separator: "; "))
    }
  }
}
