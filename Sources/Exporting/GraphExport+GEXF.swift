import Networks
import GraphAlgorithms
import GraphCore
import TextEscaping

extension GraphExport {
  /// The network as GEXF 1.3: node attributes declared in `<attributes class="node">` (`papers`,
  /// `fellow`, the metrics, `community`), the name as the node `label`, the weight as the edge
  /// `weight` (plus `kind`, `via` for fellow graphs).
  ///
  /// Gephi styling: when communities are given each node gets a `viz:color` from a fixed
  /// 12-colour palette (community 1 first); when PageRank is given each node gets a `viz:size`
  /// from 4 to 40, by area. No date is written, so the bytes depend only on the network.
  ///
  /// Read it back with networkx `nx.read_gexf(path)` (node ids are strings `"0"`, `"1"`, …;
  /// `viz` becomes a node attribute dict).
  ///
  /// Reference: <https://gexf.net/schema.html> (GEXF 1.3).
  public func gexf() -> String {
    let graph = network.graph
    let nodeColumns = self.nodeColumns
    let edgeColumns = self.edgeColumns
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
        <meta>
          <creator>coauthor</creator>
          <description>\(XML.attribute(graphName))</description>
        </meta>
        <graph mode="static" defaultedgetype="undirected">

      """
    func declare(_ columns: [Column], class kind: String) {
      guard !columns.isEmpty else { return }
      out += "    <attributes class=\"\(kind)\" mode=\"static\">\n"
      for (i, column) in columns.enumerated() {
        out += "      <attribute id=\"\(i)\" title=\"\(XML.attribute(column.name))\" type=\"\(Self.gexfType(column.type))\"/>\n"
      }
      out += "    </attributes>\n"
    }
    declare(nodeColumns, class: "node")
    declare(edgeColumns, class: "edge")
    func attvalues(_ columns: [Column], _ index: Int) {
      guard !columns.isEmpty else { return }
      out += "<attvalues>"
      for (i, column) in columns.enumerated() {
        out += "<attvalue for=\"\(i)\" value=\"\(Self.xmlValue(column.value(index)))\"/>"
      }
      out += "</attvalues>"
    }
    let sizes = attributes.scores[.pagerank].map { Self.vizSizes($0.values) }
    out += "    <nodes>\n"
    for v in 0 ..< graph.nodeCount {
      out += "      <node id=\"\(v)\" label=\"\(XML.attribute(network.labels[v]))\">"
      attvalues(nodeColumns, v)
      if let communities = attributes.communities {
        let (r, g, b) = Self.palette[(communities[v] - 1) % Self.palette.count]
        out += "<viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>"
      }
      if let sizes { out += "<viz:size value=\"\(Self.number(sizes[v]))\"/>" }
      out += "</node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      out += "      <edge id=\"\(e)\" source=\"\(u.index)\" target=\"\(v.index)\" weight=\"\(Self.number(graph.edgeWeights[e]))\">"
      attvalues(edgeColumns, e)
      out += "</edge>\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  static func gexfType(_ type: ColumnType) -> String {
    switch type {
    case .string: "string"
    case .integer: "integer"
    case .double: "double"
    case .boolean: "boolean"
    }
  }

  /// Node sizes 4…40 whose *areas* are proportional to the position of each score between the
  /// smallest and the largest, rounded to 3 decimals (all 10 when the scores are equal).
  static func vizSizes(_ scores: [Double]) -> [Double] {
    let finite = scores.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max(), high > low else {
      return scores.map { _ in 10 }
    }
    return scores.map { s in
      let t = s.isFinite ? (s - low) / (high - low) : 0
      let size = (16 + t * (1600 - 16)).squareRoot()
      return (size * 1000).rounded() / 1000
    }
  }

  /// Community colours (Tableau 10 then two greys), the same order every run.
  static let palette: [(Int, Int, Int)] = [
    (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79), (237, 201, 72),
    (176, 122, 161), (255, 157, 167), (156, 117, 95), (186, 176, 172), (121, 121, 121), (64, 64, 64),
  ]
}
