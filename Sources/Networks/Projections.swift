public import Bibliography
import GraphCore
public import TermExtraction

extension Network {
  /// The co-authorship graph: one node per person (in order of first appearance), an edge per
  /// pair of co-authors, weighted by shared papers (full counting) or Σ 1/(n−1) (fractional).
  ///
  ///     let network = Network.authors(of: corpus)
  ///     network.labels[0]          // "Hoagy Cunningham"
  ///
  /// - Complexity: O(Σ nᵢ²) over papers with nᵢ authors, plus O(m log d) to build the graph.
  public static func authors(of corpus: Corpus, counting: Counting = .full) -> Network {
    // Node ids in order of first appearance (``Corpus/authors``), numbered in one pass over the
    // author slots; the pairs are added once the node count is known.
    // The numbered slots are kept as the network's ``PaperNodes``.
    var index = [String: Int32](minimumCapacity: corpus.papers.count)
    var names: [String] = []
    var slots = PaperNodes()
    slots.reserveCapacity(papers: corpus.papers.count, slots: corpus.papers.reduce(0) { $0 + $1.authors.count })
    var ids: [Int32] = []
    for paper in corpus.papers {
      ids.removeAll(keepingCapacity: true)
      for name in paper.authors {
        if let id = index[name] {
          ids.append(id)
        } else {
          let id = Int32(names.count)
          index[name] = id
          names.append(name)
          ids.append(id)
        }
      }
      slots.append(ids)
    }
    index = [:]
    let fellows = Set(corpus.fellows)
    var papers = [Int](repeating: 0, count: names.count)
    var builder = GraphBuilder(nodeCount: names.count)
    for p in 0 ..< slots.paperCount {
      let ids = slots.nodes(ofPaper: p)
      for id in ids { papers[Int(id)] += 1 }
      let w = counting.pairWeight(authors: ids.count)
      for i in ids.indices {
        for j in ids.indices where j > i { builder.addEdge(Int(ids[i]), Int(ids[j]), weight: w) }
      }
    }
    return Network(
      kind: .authors, graph: builder.build(), labels: names, paperCounts: papers,
      isFellow: names.map { fellows.contains($0) }, edgeWeight: counting == .full ? .sharedPapers : .fractionalPapers,
      paperNodes: slots)
  }

  /// The fellow graph: one node per program fellow; an edge where two fellows wrote a paper
  /// together (weight = shared papers), and, when `sharedCollaborators` is true, a
  /// ``EdgeKind/sharedCollaborator`` edge where two fellows never wrote together but share
  /// non-fellow co-authors such as a mentor (weight = number of such collaborators, names in
  /// ``edgeVia``).
  public static func fellows(of corpus: Corpus, sharedCollaborators: Bool = true) -> Network {
    let names = corpus.fellows
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    let n = names.count
    var papers = [Int](repeating: 0, count: n)
    var direct: [Int: Double] = [:]  // key u*n+v, u<v
    // Non-fellow collaborators of each fellow, in first-seen order.
    var collaborators = [[String]](repeating: [], count: n)
    var paperNodes = PaperNodes()
    paperNodes.reserveCapacity(papers: corpus.papers.count, slots: corpus.papers.reduce(0) { $0 + $1.fellows.count })
    for paper in corpus.papers {
      let ids = paper.fellows.compactMap { index[$0] }
      paperNodes.append(ids.lazy.map { Int32($0) })
      for id in ids { papers[id] += 1 }
      for i in ids.indices {
        for j in ids.indices where j > i {
          let (u, v) = (min(ids[i], ids[j]), max(ids[i], ids[j]))
          direct[u * n + v, default: 0] += 1
        }
      }
      let others = paper.authors.filter { index[$0] == nil }
      for id in ids {
        for o in others where !collaborators[id].contains(o) { collaborators[id].append(o) }
      }
    }
    var edges: [(u: Int, v: Int, weight: Double, kind: EdgeKind, via: [String])] = []
    for u in 0 ..< n {
      for v in u + 1 ..< max(u + 1, n) {
        if let w = direct[u * n + v] {
          edges.append((u, v, w, .coauthorship, []))
        } else if sharedCollaborators {
          let shared = collaborators[u].filter { collaborators[v].contains($0) }
          if !shared.isEmpty { edges.append((u, v, Double(shared.count), .sharedCollaborator, shared)) }
        }
      }
    }
    // Edges are generated in (u, v) order, which is the Graph's EdgeID order.
    let graph = Graph(nodeCount: n, edges: edges.map { ($0.u, $0.v, $0.weight) })
    return Network(
      kind: .fellows, graph: graph, labels: names, paperCounts: papers, isFellow: Array(repeating: true, count: n),
      edgeKinds: edges.map(\.kind), edgeVia: edges.map(\.via), paperNodes: paperNodes)
  }

  /// The tag co-occurrence graph: one node per tag (in order of first appearance), an edge per
  /// pair of tags carried by the same paper, weighted by `weighting` (``TagWeighting``: papers
  /// carrying both by default, or association strength, or Jaccard). A tag listed twice on one
  /// paper counts once.
  ///
  /// - Complexity: O(Σ tᵢ²) over papers with tᵢ tags, plus O(m log d) to build the graph.
  public static func tags(of corpus: Corpus, weighting: TagWeighting = .count) -> Network {
    let names = corpus.tags
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    var papers = [Int](repeating: 0, count: names.count)
    var builder = GraphBuilder(nodeCount: names.count)
    var paperNodes = PaperNodes()
    paperNodes.reserveCapacity(papers: corpus.papers.count, slots: corpus.papers.reduce(0) { $0 + $1.tags.count })
    for paper in corpus.papers {
      var ids: [Int] = []
      for tag in paper.tags { if let id = index[tag], !ids.contains(id) { ids.append(id) } }
      paperNodes.append(ids.lazy.map { Int32($0) })
      for id in ids { papers[id] += 1 }
      for i in ids.indices {
        for j in ids.indices where j > i { builder.addEdge(ids[i], ids[j], weight: 1) }
      }
    }
    var graph = builder.build()
    if weighting != .count {
      // Co-occurrence counts are exact small integers; re-weight each edge from them.
      var weighted = GraphBuilder(nodeCount: names.count)
      weighted.reserveCapacity(graph.edgeCount)
      for e in 0 ..< graph.edgeCount {
        let (u, v) = (Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]))
        let w = weighting.weight(both: Int(graph.edgeWeights[e]), first: papers[u], second: papers[v])
        weighted.addEdge(u, v, weight: w)
      }
      graph = weighted.build()
    }
    return Network(
      kind: .tags, graph: graph, labels: names, paperCounts: papers,
      isFellow: Array(repeating: false, count: names.count), edgeWeight: .cooccurrence(weighting), paperNodes: paperNodes)
  }

  /// The projection of `corpus` named by `kind`, with default options.
  ///
  /// `counting` applies to the authors graph, `tagWeighting` to the tags graph and
  /// `sharedCollaborators` to the fellows graph.
  /// `termMap` is the terms graph's extraction (``TermMap``; extracted with default settings
  /// when `nil`), weighted by `termWeighting`.
  public static func build(
    _ kind: Kind, from corpus: Corpus, counting: Counting = .full, tagWeighting: TagWeighting = .count,
    sharedCollaborators: Bool = true, termMap: TermMap? = nil, termWeighting: TagWeighting = .association
  ) -> Network {
    switch kind {
    case .authors: return authors(of: corpus, counting: counting)
    case .fellows: return fellows(of: corpus, sharedCollaborators: sharedCollaborators)
    case .tags: return tags(of: corpus, weighting: tagWeighting)
    case .terms: return terms(termMap ?? TermExtractor().extract(corpus: corpus), weighting: termWeighting)
    }
  }
}
