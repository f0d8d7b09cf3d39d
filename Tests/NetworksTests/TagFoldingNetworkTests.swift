import GraphCore
import Testing

@testable import Bibliography
@testable import Networks

/// The tags graph after tag folding: four spellings of one topic make one node, and the edges
/// add up their co-occurrences.
///
///     p1: Large Language Models, Safety      p3: LLMs, Evals
///     p2: LLM, Safety                        p4: Large language model, Evals, Safety
@Suite struct TagFoldingNetworkTests {
  static func corpus(folding: Bool) -> Corpus {
    let at = { (line: Int) in SourceLocation(file: "t.txt", line: line) }
    let records = [
      Record(title: "p1", authors: ["A"], tags: ["Large Language Models", "Safety"], source: at(1)),
      Record(title: "p2", authors: ["B"], tags: ["LLM", "Safety"], source: at(2)),
      Record(title: "p3", authors: ["C"], tags: ["LLMs", "Evals"], source: at(3)),
      Record(title: "p4", authors: ["D"], tags: ["Large language model", "Evals", "Safety"], source: at(4)),
    ]
    return IdentityResolver(foldsTags: folding).resolve([ReadResult(records: records)])
  }

  @Test func foldedTopicIsOneNode() {
    let n = Network.tags(of: Self.corpus(folding: true))
    n.graph._checkInvariants()
    // Every spelling is on one paper: the tie goes to the first in byte order, 'LLM'.
    #expect(n.labels == ["LLM", "Safety", "Evals"])
    #expect(n.paperCounts == [4, 3, 2])
    #expect(n.graph.edgeCount == 3)
    #expect(n.weight("LLM", "Safety") == 3)  // p1, p2, p4
    #expect(n.weight("LLM", "Evals") == 2)  // p3, p4
    #expect(n.weight("Evals", "Safety") == 1)  // p4
  }

  @Test func withoutFoldingEachSpellingIsANode() {
    let n = Network.tags(of: Self.corpus(folding: false))
    #expect(n.labels == ["Large Language Models", "Safety", "LLM", "LLMs", "Evals", "Large language model"])
    #expect(n.weight("Large Language Models", "Safety") == 1)
    #expect(n.weight("LLM", "Safety") == 1)
    #expect(n.graph.edgeCount == 6)  // p1 1, p2 1, p3 1, p4 3
  }
}
