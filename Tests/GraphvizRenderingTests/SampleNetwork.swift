import GraphCore
import Networks
@testable import GraphvizRendering

/// A hand-made fellows network: two communities, three fellows, one shared-collaborator edge
/// and names that are hostile to DOT, HTML and XML.
///
///     Ada* ─3─ Iván            * = fellow
///      │ ╲      │              ┄ = shared collaborator
///      1  ┄1┄ Emmy*
///      │        ┆
///     Eve ─────┼── Grace* ── Alan
///                   └──────── Emmy*
enum SampleNetwork {
  static let hostileName = #"Eve "R&D" <script>alert('x')</script> ]]> \N back\slash"#

  static let labels = [
    "Ada Lovelace", "Iván Arcuschin", hostileName, "Grace Hopper", "Alan Turing", "Emmy Noether",
  ]

  /// Edges already in (source, target) order, so edge i below is EdgeID(i).
  static let edges: [(Int, Int, Double)] = [
    (0, 1, 3), (0, 2, 1), (0, 5, 1), (1, 2, 2), (2, 3, 1), (3, 4, 1), (3, 5, 2),
  ]

  static let network: Network = {
    let graph = Graph(nodeCount: 6, edges: edges)
    var kinds = [Network.EdgeKind](repeating: .coauthorship, count: edges.count)
    var via = [[String]](repeating: [], count: edges.count)
    kinds[2] = .sharedCollaborator
    via[2] = ["Mentor <b>Bold</b>"]
    return Network(
      kind: .fellows, graph: graph, labels: labels, paperCounts: [5, 3, 2, 4, 1, 2],
      isFellow: [true, false, false, true, false, true], edgeKinds: kinds, edgeVia: via)
  }()

  /// Betweenness-like scores; the top four are Ada, Grace, Eve, Iván.
  static let scores = NodeScores(values: [0.5, 0.2, 0.4, 0.45, 0, 0.1])
  static let communities = Partition(labels: [0, 0, 0, 1, 1, 1])

  static var style: NetworkStyle {
    var style = NetworkStyle(
      sizeScores: scores, sizeMetricName: "betweenness", communities: communities,
      communityNames: ["Interpretability", #"Safety & <Evals> "2""#], labelCount: 4,
      title: #"MATS fellows <2024> & "friends""#, showsLegend: true, layoutSeed: 7)
    style.nodeURLs = labels.map { "#person-" + DOTWriter.slug($0) }
    return style
  }
}
