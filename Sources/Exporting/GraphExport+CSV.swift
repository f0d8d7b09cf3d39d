import Networks
import GraphCore
import TextEscaping

extension GraphExport {
  /// The nodes as a CSV table (RFC 4180, `\n` line ends): `id,label,` then the node attributes
  /// (`papers`, `fellow`, the metrics, `community`), one row per node in id order.
  ///
  ///     id,label,papers,fellow,pagerank,community
  ///     0,Ada Lovelace,5,true,0.21,1
  ///
  /// `id` matches `source` and `target` in ``csvEdges()``; the headers suit Gephi's spreadsheet
  /// import (Id, Label, Source, Target, Weight match case-insensitively) and pandas.
  public func csvNodes() -> String {
    let nodeColumns = self.nodeColumns
    var out = (["id", "label"] + nodeColumns.map(\.name)).map(CSV.field).joined(separator: ",") + "\n"
    for v in 0 ..< network.graph.nodeCount {
      out += "\(v)," + CSV.field(network.labels[v])
      for column in nodeColumns { out += "," + Self.csvValue(column.value(v)) }
      out += "\n"
    }
    return out
  }

  /// The edges as a CSV table: `source,target,weight,source_label,target_label`, then `kind`
  /// and `via` (names joined by "; ") for fellow graphs; one row per edge, source < target.
  ///
  ///     source,target,weight,source_label,target_label
  ///     0,1,3.0,Ada Lovelace,Iván Arcuschin
  public func csvEdges() -> String {
    let graph = network.graph
    let edgeColumns = self.edgeColumns
    let headers = ["source", "target", "weight", "source_label", "target_label"] + edgeColumns.map(\.name)
    var out = headers.map(CSV.field).joined(separator: ",") + "\n"
    for e in 0 ..< graph.edgeCount {
      let (u, v) = graph.endpoints(of: EdgeID(e))
      out += "\(u.index),\(v.index),\(Self.number(graph.edgeWeights[e])),"
      out += CSV.field(network.labels[u.index]) + "," + CSV.field(network.labels[v.index])
      for column in edgeColumns { out += "," + Self.csvValue(column.value(e)) }
      out += "\n"
    }
    return out
  }

  static func csvValue(_ value: Value) -> String {
    switch value {
    case .string(let s): CSV.field(s)
    case .integer(let i): String(i)
    case .double(let d): number(d)
    case .boolean(let b): b ? "true" : "false"
    case .strings(let list): CSV.field(list.joined(separator: "; "))
    }
  }
}
