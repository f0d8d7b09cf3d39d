import Exporting
import GraphAlgorithms
import GraphCore
import Networks

/// A hand-made fellows network for the writers' golden files: four people, one
/// shared-collaborator edge (with a `via` list), a fractional weight, fixed scores.
///
///     Ada* ─3─ Iván
///      ┆        │ 0.5          * = fellow
///      └┄┄1┄┄ Grace* ─1─ Alan  ┄ = shared collaborators "Mentor, M." and "Bo"
enum SampleExport {
  static let network: Network = {
    let graph = Graph(nodeCount: 4, edges: [(0, 1, 3), (0, 2, 1), (1, 2, 0.5), (2, 3, 1)])
    return Network(
      kind: .fellows, graph: graph, labels: ["Ada Lovelace", "Iván Arcuschin", "Grace Hopper", "Alan Turing"],
      paperCounts: [5, 3, 2, 1], isFellow: [true, false, true, false],
      edgeKinds: [.coauthorship, .sharedCollaborator, .coauthorship, .coauthorship],
      edgeVia: [[], ["Mentor, M.", "Bo"], [], []])
  }()

  /// Fixed values (not computed), so the golden files do not depend on floating-point details.
  static let attributes = NodeAttributes(
    scores: [
      .pagerank: NodeScores(values: [0.3, 0.25, 0.35, 0.1]),
      .degree: NodeScores(values: [2, 2, 3, 1]),
      .betweenness: NodeScores(values: [0, 0, 2.0 / 3, 0]),
    ],
    communities: [1, 1, 2, 2])

  static var export: GraphExport { GraphExport(network: network, attributes: attributes) }

  /// A name hostile to every format: quotes, `&`, markup, a CDATA end, backslashes, a tab,
  /// a line break, U+2028, and control characters XML cannot carry (U+0001, U+000B).
  static let hostileName = "Eve \"R&D\" <script>alert('x')</script> ]]> \\N back\\slash\ttab\nline\u{2028}sep\u{1}\u{B}end"

  /// A two-node authors network whose names are hostile, one a spreadsheet formula.
  static let hostile: GraphExport = {
    let network = Network(
      kind: .authors, graph: Graph(nodeCount: 2, edges: [(0, 1, 1)]), labels: [hostileName, "=HYPERLINK(\"x\")"],
      paperCounts: [1, 1], isFellow: [false, true])
    return GraphExport(network: network, attributes: NodeAttributes(communities: [1, 1]))
  }()
}
