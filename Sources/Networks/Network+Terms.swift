public import Bibliography
import GraphCore
public import TermExtraction

extension Network {
  /// The term co-occurrence graph (a term map): one node per term of `map` (most occurrences
  /// first), labelled by its most frequent surface form, ``paperCounts`` = papers holding it; an
  /// edge per pair of terms held by the same paper (a term and a term inside it excepted),
  /// weighted by `weighting` from the same counts as the tags graph (``TagWeighting``;
  /// association strength by default, as VOSviewer's term maps).
  ///
  /// - Complexity: O(*m* log *d*) for the *m* co-occurring pairs.
  public static func terms(_ map: TermMap, weighting: TagWeighting = .association) -> Network {
    let n = map.terms.count
    let papers = map.terms.map(\.occurrences)
    var builder = GraphBuilder(nodeCount: n)
    builder.reserveCapacity(map.cooccurrences.count)
    for pair in map.cooccurrences {
      let (u, v) = (Int(pair.i), Int(pair.j))
      builder.addEdge(u, v, weight: weighting.weight(both: Int(pair.count), first: papers[u], second: papers[v]))
    }
    return Network(
      kind: .terms, graph: builder.build(), labels: map.terms.map(\.label), paperCounts: papers,
      isFellow: Array(repeating: false, count: n), edgeWeight: .cooccurrence(weighting))
  }

  /// The text of each paper that terms are taken from: its title and its abstract, with a cut
  /// between them (a term never spans the two).
  public static func termText(of paper: Paper) -> String {
    guard let abstract = paper.abstract, !abstract.isEmpty else { return paper.title }
    return paper.title + " . " + abstract
  }
}

extension TermExtractor {
  /// The terms of `corpus`'s titles and abstracts, one text per paper in corpus order.
  public func extract(corpus: Corpus) -> TermMap {
    extract(corpus.papers.map(Network.termText), abstracts: corpus.papers.count { !($0.abstract ?? "").isEmpty })
  }
}

extension TermThesaurus {
  /// The `term-merge` and `term-drop` rules of an alias file.
  public init(_ aliases: AliasFile) {
    self.init()
    for entry in aliases.entries where entry.scope == .term {
      switch entry.rule {
      case .merge(let canonical, let variants):
        merges.append(Merge(canonical: canonical, variants: variants, source: entry.source.description))
      case .drop(let terms):
        drops.append(Drop(terms: terms, source: entry.source.description))
      default: continue
      }
    }
  }
}
