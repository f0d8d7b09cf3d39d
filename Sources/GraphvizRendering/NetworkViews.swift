public import GraphCore
public import Networks

/// Smaller networks to draw when the whole one is too big, or when one person is the focus.
///
/// All selections are deterministic: ties are broken by ascending ``NodeID``, and the nodes of
/// a selection keep their original order, so the picture of the same input is the same.
public enum NetworkViews {
  /// The `limit` highest-scoring nodes (ties by ascending ``NodeID``), in ascending id order:
  /// the **backbone** of a network too big to draw whole. NaN scores rank last.
  ///
  ///     NetworkViews.backbone(scores: [0.1, 0.5, 0.3], limit: 2)   // [1, 2]
  ///
  /// - Complexity: O(n log n).
  public static func backbone(scores: [Double], limit: Int) -> [NodeID] {
    let order = scores.indices.sorted { a, b in
      let (x, y) = (scores[a].isNaN ? -Double.infinity : scores[a], scores[b].isNaN ? -Double.infinity : scores[b])
      return x != y ? x > y : a < b
    }
    return order.prefix(max(0, limit)).sorted().map(NodeID.init)
  }

  /// The nodes within `radius` hops of `center` (the **ego network**), in ascending id order;
  /// `center` itself is included (radius 0 gives just the centre).
  ///
  /// - Complexity: O(n + m) (breadth-first search).
  public static func ego(of graph: Graph, center: NodeID, radius: Int) -> [NodeID] {
    var distance = [Int](repeating: -1, count: graph.nodeCount)
    distance[center.index] = 0
    var queue = [center]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      guard distance[v.index] < radius else { continue }
      for u in graph.neighbors(of: v) where distance[u.index] < 0 {
        distance[u.index] = distance[v.index] + 1
        queue.append(u)
      }
    }
    return queue.sorted { $0.index < $1.index }
  }

  /// Names in `names` close to `query`, best first (at most `limit`): names containing the query
  /// (ignoring case), then names within a small edit distance of it, then names sharing a word.
  /// Used to suggest a spelling when `--focus` names nobody.
  public static func closeMatches(to query: String, in names: [String], limit: Int = 5) -> [String] {
    let q = query.lowercased()
    let words = Set(q.split(separator: " ").map(String.init))
    var scored: [(Int, String)] = []
    for name in names {
      let lower = name.lowercased()
      if lower.contains(q) || q.contains(lower) {
        scored.append((0, name))
        continue
      }
      let d = editDistance(Array(q.unicodeScalars), Array(lower.unicodeScalars))
      if d <= max(2, q.unicodeScalars.count / 3) {
        scored.append((1 + d, name))
      } else if !words.isDisjoint(with: lower.split(separator: " ").map(String.init)) {
        scored.append((100, name))
      }
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
  }

  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0 ... b.count)
    var current = previous
    for i in 1 ... a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension Network {
  /// The network restricted to `nodes` (node `nodes[i]` becomes node `i`), with the edges among
  /// them; edge kinds and shared-collaborator names are kept.
  ///
  /// - Complexity: O(n + m log m).
  public func induced(on nodes: [NodeID]) -> Network {
    var newIndex = [Int](repeating: -1, count: graph.nodeCount)
    for (i, v) in nodes.enumerated() { newIndex[v.index] = i }
    var kept: [(u: Int, v: Int, e: Int)] = []
    for e in 0 ..< graph.edgeCount {
      let (a, b) = graph.endpoints(of: EdgeID(e))
      let (x, y) = (newIndex[a.index], newIndex[b.index])
      if x >= 0 && y >= 0 { kept.append((min(x, y), max(x, y), e)) }
    }
    kept.sort { ($0.u, $0.v) < ($1.u, $1.v) }
    let sub = Graph(nodeCount: nodes.count, edges: kept.map { ($0.u, $0.v, graph.edgeWeights[$0.e]) })
    return Network(
      kind: kind, graph: sub, labels: nodes.map { labels[$0.index] }, paperCounts: nodes.map { paperCounts[$0.index] },
      isFellow: nodes.map { isFellow[$0.index] }, edgeKinds: kept.map { edgeKinds[$0.e] }, edgeVia: kept.map { edgeVia[$0.e] },
      edgeWeight: edgeWeight)
  }

  /// The network with at most `limit` edges: every node's heaviest edge (so no node that had a
  /// link loses them all), then the heaviest of the rest, ties by ascending ``EdgeID``. Node ids
  /// are unchanged; kept edges keep their kinds and order. Returns `self` when it has at most
  /// `limit` edges. Used to keep a backbone picture from becoming a hairball: a backbone of
  /// 300 topic tags can hold 2,500 links.
  ///
  ///     // triangle 0–1 (weight 3), 0–2 (2), 1–2 (1) and 2–3 (1), limit 2:
  ///     // heaviest per node: 0–1 (nodes 0, 1), 0–2 (node 2), 2–3 (node 3) → 3 edges kept
  ///     // (the per-node edges may exceed `limit`); 1–2 is dropped.
  ///
  /// - Complexity: O(n + m log m).
  public func strongestEdges(limit: Int) -> Network {
    let g = graph
    guard g.edgeCount > limit else { return self }
    let weights = g.edgeWeights
    func heavier(_ a: Int, _ b: Int) -> Bool { weights[a] != weights[b] ? weights[a] > weights[b] : a < b }
    var keep = [Bool](repeating: false, count: g.edgeCount)
    var best = [Int](repeating: -1, count: g.nodeCount)
    for e in 0 ..< g.edgeCount {
      let (a, b) = g.endpoints(of: EdgeID(e))
      for v in [a.index, b.index] where best[v] < 0 || heavier(e, best[v]) { best[v] = e }
    }
    var count = 0
    for e in best where e >= 0 && !keep[e] {
      keep[e] = true
      count += 1
    }
    for e in (0 ..< g.edgeCount).sorted(by: heavier) where count < limit && !keep[e] {
      keep[e] = true
      count += 1
    }
    let kept = (0 ..< g.edgeCount).filter { keep[$0] }
    let sub = Graph(
      nodeCount: g.nodeCount,
      edges: kept.map { e in let (a, b) = g.endpoints(of: EdgeID(e)); return (a.index, b.index, weights[e]) })
    return Network(
      kind: kind, graph: sub, labels: labels, paperCounts: paperCounts, isFellow: isFellow,
      edgeKinds: kept.map { edgeKinds[$0] }, edgeVia: kept.map { edgeVia[$0] }, edgeWeight: edgeWeight)
  }

  /// The **community map**: one node per community `0 ..< communityCount` (those with a number
  /// below `limit`; the rest are left out), whose ``paperCounts`` hold the member counts, linked
  /// where members of two communities wrote together, edge weight = number of co-author pairs
  /// between them.
  ///
  /// - Parameters:
  ///   - communityOfNode: the community of each node, numbered 0, 1, … (largest first, so that
  ///     `limit` keeps the largest).
  ///   - names: the label of each community.
  /// - Complexity: O(n + m log m).
  public func communityMap(communityOfNode: [Int], names: [String], limit: Int) -> Network {
    precondition(communityOfNode.count == graph.nodeCount)
    let count = min(limit, (communityOfNode.max() ?? -1) + 1)
    var members = [Int](repeating: 0, count: count)
    for v in 0 ..< graph.nodeCount where communityOfNode[v] < count {
      members[communityOfNode[v]] += 1
    }
    var links: [Int: Double] = [:]
    for e in 0 ..< graph.edgeCount {
      let (a, b) = graph.endpoints(of: EdgeID(e))
      let (x, y) = (communityOfNode[a.index], communityOfNode[b.index])
      guard x != y, x < count, y < count else { continue }
      links[min(x, y) * count + max(x, y), default: 0] += 1
    }
    let edges = links.keys.sorted().map { key in (key / count, key % count, links[key]!) }
    return Network(
      kind: kind, graph: Graph(nodeCount: count, edges: edges),
      labels: (0 ..< count).map { $0 < names.count ? names[$0] : "Community \($0 + 1)" }, paperCounts: members,
      isFellow: [Bool](repeating: false, count: count), edgeWeight: .given)
  }
}
