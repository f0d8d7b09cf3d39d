extension Graph {
  /// The path 0 — 1 — … — (n−1), unit weights (networkx `path_graph(n)`).
  public static func path(_ n: Int) -> Graph {
    Graph(nodeCount: n, unweightedEdges: n < 2 ? [] : (0 ..< n - 1).map { ($0, $0 + 1) })
  }

  /// The cycle on n nodes, unit weights (networkx `cycle_graph(n)`).
  public static func cycle(_ n: Int) -> Graph {
    Graph(nodeCount: n, unweightedEdges: n < 3 ? [] : (0 ..< n).map { ($0, ($0 + 1) % n) })
  }

  /// The star with centre 0 and `leaves` leaves, unit weights (networkx `star_graph(leaves)`).
  public static func star(leaves: Int) -> Graph {
    Graph(nodeCount: leaves + 1, unweightedEdges: (1 ... max(1, leaves)).prefix(leaves).map { (0, $0) })
  }

  /// The complete graph on n nodes, unit weights (networkx `complete_graph(n)`).
  public static func complete(_ n: Int) -> Graph {
    var edges: [(Int, Int)] = []
    for u in 0 ..< n { for v in u + 1 ..< max(u + 1, n) { edges.append((u, v)) } }
    return Graph(nodeCount: n, unweightedEdges: edges)
  }

  /// A graph with `n` nodes and no edges.
  public static func empty(_ n: Int) -> Graph { Graph(nodeCount: n, edges: []) }
}
