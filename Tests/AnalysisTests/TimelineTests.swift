import Bibliography
import Foundation
import Networks
import Testing

@testable import Analysis

/// ``Timeline``: per year papers, active and new nodes, new ties, team size, fellows and the
/// components of the network up to that year; every number below counted by hand.
@Suite("Timeline within one corpus")
struct TimelineTests {
  /// 2019 Ann+Bob; 2020 Ann+Bob, Cid+Ann; 2021 Dee; 2022 Bob+Dee, Dee+Bob, Dee; undated Cid+Dee.
  /// Fellows: Ann (2019, 2020), Dee (2022). Tags: x on a and d, y on c and e, z on e.
  static func corpus() -> Corpus {
    func paper(_ year: Int?, _ authors: [String], fellows: [String] = [], tags: [String] = []) -> Paper {
      Paper(
        title: "p", authors: authors, fellows: fellows, date: year.map { PaperDate(year: $0) }, tags: tags,
        source: SourceLocation(file: "t", line: 1))
    }
    return Corpus(entryCount: 8, papers: [
      paper(2019, ["Ann", "Bob"], fellows: ["Ann"], tags: ["x"]), paper(2020, ["Ann", "Bob"], fellows: ["Ann"]),
      paper(2020, ["Cid", "Ann"], fellows: ["Ann"], tags: ["y"]), paper(2021, ["Dee"], tags: ["x"]),
      paper(2022, ["Bob", "Dee"], fellows: ["Dee"], tags: ["y", "z"]), paper(2022, ["Dee", "Bob"], fellows: ["Dee"]),
      paper(nil, ["Cid", "Dee"]), paper(2022, ["Dee"], fellows: ["Dee"]),
    ])
  }

  /// ``YearBuckets``, the one grouping by year that Timeline and TagBursts share: papers by
  /// year in input order, empty years kept, undated and rejected papers in none.
  @Test func yearBuckets() {
    let papers = Self.corpus().papers
    let all = YearBuckets(papers)
    #expect(all.first == 2019 && all.span == 4 && all.count == 7)
    #expect(all.years == 2019 ... 2022)
    #expect((0 ..< 4).map { Array(all.papers(in: $0)) } == [[0], [1, 2], [3], [4, 5, 7]])
    #expect((0 ..< 4).map(all.count(in:)) == [1, 2, 1, 3])
    // Tagged papers only (as TagBursts counts d_t): 2019 x, 2020 y, 2021 x, 2022 y z.
    let tagged = YearBuckets(papers, where: { !$0.tags.isEmpty })
    #expect((0 ..< tagged.span).map { Array(tagged.papers(in: $0)) } == [[0], [2], [3], [4]])
    // A gap year is an empty bucket; nothing dated: empty.
    let gap = YearBuckets([papers[0], papers[4]])
    #expect(gap.span == 4 && (0 ..< 4).map(gap.count(in:)) == [1, 0, 0, 1])
    let none = YearBuckets([papers[6]])
    #expect(none.isEmpty && none.years == nil && none.span == 0)
  }

  @Test func authorsYearByYear() {
    let t = Timeline(corpus: Self.corpus())
    #expect(t.kind == .authors)
    #expect(t.undated == 1)
    #expect(t.years.map(\.year) == [2019, 2020, 2021, 2022])
    #expect(t.years.map(\.papers) == [1, 2, 1, 3])
    #expect(t.years.map(\.active) == [2, 3, 1, 2])  // Ann Bob; Ann Bob Cid; Dee; Bob Dee
    #expect(t.years.map(\.newResearchers) == [2, 1, 1, 0])
    #expect(t.years.map(\.newCollaborations) == [1, 1, 0, 1])  // Ann–Bob, Ann–Cid, –, Bob–Dee
    #expect(t.years.map(\.researchersSoFar) == [2, 3, 4, 4])
    #expect(t.years.map(\.meanTeamSize) == [2, 2, 1, 5.0 / 3])
    #expect(t.years.map(\.fellowsActive) == [1, 1, 0, 1])
    // Up to 2021 Dee is alone: {Ann, Bob, Cid} and {Dee}; Bob–Dee in 2022 joins them (the
    // undated Cid–Dee paper counts in no year).
    #expect(t.years.map(\.components) == [1, 1, 2, 1])
    #expect(t.years.map(\.largestComponent) == [2, 3, 3, 4])
    #expect(t.years.map(\.largestShare) == [1, 1, 0.75, 1])
  }

  @Test func fellowsAndTags() {
    let fellows = Timeline(corpus: Self.corpus(), kind: .fellows)
    #expect(fellows.years.map(\.active) == [1, 1, 0, 1])
    #expect(fellows.years.map(\.researchersSoFar) == [1, 1, 1, 2])
    #expect(fellows.years.map(\.components) == [1, 1, 1, 2])  // Ann and Dee never share a paper
    #expect(fellows.years.map(\.newCollaborations) == [0, 0, 0, 0])
    let tags = Timeline(corpus: Self.corpus(), kind: .tags)
    #expect(tags.years.map(\.active) == [1, 1, 1, 2])  // x; y; x; y z
    #expect(tags.years.map(\.newResearchers) == [1, 1, 0, 1])
    #expect(tags.years.map(\.newCollaborations) == [0, 0, 0, 1])  // y–z
    #expect(tags.years.map(\.components) == [1, 2, 2, 2])  // {x} {y, z}
    #expect(tags.years.map(\.largestComponent) == [1, 1, 1, 2])
    // Papers and team size do not depend on the kind.
    #expect(tags.years.map(\.papers) == [1, 2, 1, 3])
  }

  @Test func noDatedPaper() {
    let corpus = Corpus(entryCount: 1, papers: [Paper(title: "p", authors: ["A"], source: SourceLocation(file: "t", line: 1))])
    let t = Timeline(corpus: corpus)
    #expect(t.years.isEmpty && t.undated == 1)
  }

  /// Read from a network's ``PaperNodes`` (numbered in corpus order, not year order; tags once a
  /// paper), the counts are those of the names: on the hand-made corpus with a name and a tag
  /// listed twice on one paper, and on the bundled listing, for people, fellows and tags.
  @Test(arguments: [Network.Kind.authors, .fellows, .tags])
  func fromPaperNodesAsFromNames(kind: Network.Kind) throws {
    var hand = Self.corpus()
    hand.papers.insert(
      Paper(title: "q", authors: ["Eve", "Bob", "Eve"], fellows: ["Dee", "Dee"], date: PaperDate(year: 2021), tags: ["z", "w", "z"],
            source: SourceLocation(file: "t", line: 2)), at: 0)
    let listing = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/mats-research.txt").path
    for corpus in [hand, try CorpusLoader().load([listing])] {
      let nodes = try #require(Network.build(kind, from: corpus).paperNodes)
      let byNodes = Timeline(corpus: corpus, kind: kind, nodes: nodes)
      let byNames = Timeline(corpus: corpus, kind: kind)
      #expect(byNodes == byNames, "\(kind)")
      #expect(!byNames.years.isEmpty)
    }
    // 2021 on the hand-made corpus: Eve (twice on q) with Bob, and Dee: 3 active, Eve and Dee new, one new tie.
    if kind == .authors {
      let row = try #require(Timeline(corpus: hand, kind: .authors, nodes: Network.authors(of: hand).paperNodes).years.first { $0.year == 2021 })
      #expect(row.active == 3 && row.newResearchers == 2 && row.newCollaborations == 1)
    }
  }
}
