import Bibliography
import GraphCore
import Networks
import Testing

@testable import Analysis

/// ``Growth``: who is shown each year, their paper counts, and when pairs first wrote together.
@Suite("Growth of a network year by year")
struct GrowthTests {
  /// Ann and Bob write in 2019 and 2020, Cid joins Ann in 2020, Dee writes alone in 2021 and
  /// 2022 and with Bob in 2022 (twice); one paper has no date.
  static func corpus() -> Corpus {
    func paper(_ title: String, _ year: Int?, _ authors: [String]) -> Paper {
      Paper(title: title, authors: authors, date: year.map { PaperDate(year: $0) }, source: SourceLocation(file: "t", line: 1))
    }
    return Corpus(entryCount: 8, papers: [
      paper("a", 2019, ["Ann", "Bob"]), paper("b", 2020, ["Ann", "Bob"]), paper("c", 2020, ["Cid", "Ann"]),
      paper("d", 2021, ["Dee"]), paper("e", 2022, ["Bob", "Dee"]), paper("f", 2022, ["Dee", "Bob"]),
      paper("g", nil, ["Cid", "Dee"]), paper("h", 2022, ["Dee"]),
    ])
  }

  @Test func showsTheMostActiveOfEachYear() {
    let corpus = Self.corpus()
    let network = Network.build(.authors, from: corpus)
    #expect(network.labels == ["Ann", "Bob", "Cid", "Dee"])
    let growth = Growth(network: network, corpus: corpus, years: [2019, 2020, 2021, 2022], perYear: 2, scores: [0, 0, 0, 0])
    // Papers in 2019: Ann 1, Bob 1; 2020: Ann 2, Bob 1, Cid 1 (Bob before Cid: 2 papers up to
    // 2020 against 1); 2021: Dee 1; 2022: Dee 3, Bob 2.
    #expect(growth.shown.map { $0.map(\.index) } == [[0, 1], [0, 1], [3], [1, 3]])
    #expect(growth.active == [2, 3, 1, 2])
    #expect(growth.researchers == [2, 3, 4, 4])
    #expect(growth.union.map(\.index) == [0, 1, 3])
    #expect(growth.firstYear == [2019, 2019, 2021])
    #expect(growth.papersInYear == [[1, 1, 0], [2, 1, 0], [0, 0, 1], [0, 2, 3]])
    #expect(growth.papersUpTo == [[1, 1, 0], [3, 2, 0], [3, 2, 1], [3, 4, 4]])
    #expect(growth.firstJointYear(0, 1) == 2019)
    #expect(growth.firstJointYear(2, 1) == 2022)  // Bob–Dee, either order
    #expect(growth.firstJointYear(0, 2) == nil)  // Ann and Dee never wrote together
  }

  @Test func tiesGoToTheHigherScoreThenTheLowerID() {
    let corpus = Self.corpus()
    let network = Network.build(.authors, from: corpus)
    // Up to 2019 Ann and Bob have one paper each.
    let byScore = Growth(network: network, corpus: corpus, years: [2019], perYear: 1, scores: [0, 1, 0, 0])
    #expect(byScore.shown == [[NodeID(1)]])
    let byID = Growth(network: network, corpus: corpus, years: [2019], perYear: 1, scores: [0, 0, 0, 0])
    #expect(byID.shown == [[NodeID(0)]])
  }
}
