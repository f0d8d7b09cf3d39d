import Bibliography
import Foundation
import Testing

@testable import Analysis

/// ``BurstDetection`` against the PyPI package `burst_detection` 0.1.3 and an exhaustive search
/// over all 2ⁿ state sequences; both are in `burst_reference.py` beside this file, which prints
/// every number below:
///
///     /work/venv-burst/bin/python -W ignore Tests/AnalysisTests/burst_reference.py
///
/// Each Python call is `bd.burst_detection(pd.Series(r), pd.Series(d), len(r), 2, 1, 1)`, then
/// `bd.enumerate_bursts(q, "tag")` and `bd.burst_weights(bursts, r, d, p)` (s = 2, γ = 1, no
/// smoothing).
@Suite("Burst detection (Kleinberg 2002)")
struct BurstDetectionTests {
  /// Paperlists (papers.tsv.gz): papers with at least one keyword per year, 2017…2025 (2019: none).
  static let paperlistsTagged = [395, 889, 0, 779, 874, 1057, 1281, 2243, 1468]

  static func expectBursts(_ got: [BurstDetection.Burst], _ expected: [(Int, Int, Double)]) {
    #expect(got.count == expected.count)
    for (g, e) in zip(got, expected) {
      #expect(g.start == e.0 && g.end == e.1)
      #expect(abs(g.weight - e.2) < 1e-9, "weight \(g.weight), reference \(e.2)")
    }
  }

  @Test func madeUpSeries() throws {
    let r = [0, 1, 1, 0, 9, 8, 2, 1, 5, 6]
    let d = [20, 22, 25, 24, 30, 28, 26, 30, 32, 35]
    let states = try BurstDetection().states(targets: r, totals: d)
    // burst_detection: p0=0.1213235294117647 p1=0.2426470588235294, q=[0,0,0,0,1,1,0,0,0,0]
    #expect(abs(states.baseRate - 0.1213235294117647) < 1e-15)
    #expect(abs(states.burstRate - 0.2426470588235294) < 1e-15)
    #expect(states.bursting == [false, false, false, false, true, true, false, false, false, false])
    // burst_weights: [(4, 5, 5.691419360699959)]; exhaustive search: the same.
    Self.expectBursts(try BurstDetection().bursts(targets: r, totals: d), [(4, 5, 5.691419360699959)])
  }

  @Test func paperlistsImitationLearning() throws {
    // Keyword "Imitation Learning" (exact string) per year 2017…2025 in paperlists.
    let r = [0, 3, 0, 0, 13, 17, 11, 35, 33]
    // burst_detection: p0=0.012463832628533273, q=[0,0,0,0,0,0,0,0,1], weights [(8, 8, 4.647256742687254)]
    let states = try BurstDetection().states(targets: r, totals: Self.paperlistsTagged)
    #expect(abs(states.baseRate - 0.012463832628533273) < 1e-15)
    Self.expectBursts(try BurstDetection().bursts(targets: r, totals: Self.paperlistsTagged), [(8, 8, 4.647256742687254)])
  }

  @Test func paperlistsLargeLanguageModels() throws {
    // Keyword "Large Language Models": 32 of 2,243 in 2024 is below the burst rate 0.0223.
    let r = [0, 0, 0, 0, 0, 2, 2, 32, 64]
    // burst_detection: p0=0.011128421989761852, weights [(8, 8, 28.47170717581552)]
    Self.expectBursts(try BurstDetection().bursts(targets: r, totals: Self.paperlistsTagged), [(8, 8, 28.47170717581552)])
  }

  /// The package chooses each state greedily; Kleinberg's states are the least-cost sequence.
  /// Year 4 alone (6 of 30) does not pay for τ = ln 10, years 4 and 5 together do.
  @Test func leastCostSequenceLooksAhead() throws {
    let r = [0, 1, 1, 0, 6, 8, 2, 1, 0, 1]
    let d = [20, 22, 25, 24, 30, 28, 26, 30, 32, 35]
    // exhaustive search over 2^10 sequences: q=[0,0,0,0,1,1,0,0,0,0], bursts [(4, 5, 6.065625030654246)]
    // (burst_detection, greedy: q=[0,0,0,0,0,1,0,0,0,0], bursts [(5, 5, 3.891343127577294)])
    Self.expectBursts(try BurstDetection().bursts(targets: r, totals: d), [(4, 5, 6.065625030654246)])
  }

  /// Property: the states reach the least total cost over all 2ⁿ sequences (brute force here).
  @Test(arguments: 0 ..< 30 as Range<UInt64>)
  func statesHaveTheLeastCost(seed: UInt64) throws {
    var x = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    func next(_ bound: Int) -> Int {
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return Int(x % UInt64(bound))
    }
    let n = 2 + next(9)
    let d = (0 ..< n).map { _ in next(30) }
    let r = d.map { $0 == 0 ? 0 : next($0 + 1) / (1 + next(3)) }
    let detection = BurstDetection(ratio: 1.5 + Double(next(3)), transitionCost: Double(next(3)) / 2)
    let s = try detection.states(targets: r, totals: d)
    guard s.burstRate > s.baseRate else { return }
    func cost(_ q: [Bool]) -> Double {
      let tau = detection.transitionCost * log(Double(n))
      var total = 0.0
      var previous = false
      for t in 0 ..< n {
        if q[t] && !previous { total += tau }
        let (f0, f1) = BurstDetection.fit(r[t], d[t], log(s.baseRate), log(1 - s.baseRate), log(s.burstRate), log(1 - s.burstRate))
        total += q[t] ? f1 : f0
        previous = q[t]
      }
      return total
    }
    var best = Double.infinity
    for mask in 0 ..< (1 << n) { best = min(best, cost((0 ..< n).map { mask >> $0 & 1 == 1 })) }
    #expect(abs(cost(s.bursting) - best) < 1e-9)
  }

  @Test func noBurstWithoutContrast() throws {
    #expect(try BurstDetection().bursts(targets: [0, 0, 0], totals: [5, 5, 5]).isEmpty)
    #expect(try BurstDetection().bursts(targets: [5, 5, 5], totals: [5, 5, 5]).isEmpty)
    #expect(try BurstDetection().bursts(targets: [], totals: []).isEmpty)
    // An even share never bursts: the burst rate explains no year better.
    #expect(try BurstDetection().bursts(targets: [2, 2, 2, 2], totals: [10, 10, 10, 10]).isEmpty)
  }

  @Test func rejectsBadParametersAndCounts() {
    #expect(throws: BurstDetectionError.invalidRatio(1)) { try BurstDetection(ratio: 1).bursts(targets: [1], totals: [2]) }
    #expect(throws: BurstDetectionError.invalidTransitionCost(-1)) {
      try BurstDetection(transitionCost: -1).bursts(targets: [1], totals: [2])
    }
    #expect(throws: BurstDetectionError.lengthMismatch(targets: 2, totals: 1)) { try BurstDetection().bursts(targets: [1, 1], totals: [2]) }
    #expect(throws: BurstDetectionError.invalidBatch(index: 1, targets: 3, totals: 2)) {
      try BurstDetection().bursts(targets: [1, 3], totals: [2, 2])
    }
  }

  /// ``TagBursts``: d = papers with a tag that year, one entry per burst, strongest first.
  @Test func tagBurstsOfACorpus() throws {
    func paper(_ year: Int?, _ tags: [String]) -> Paper {
      Paper(title: "p", authors: ["A"], date: year.map { PaperDate(year: $0) }, tags: tags, source: SourceLocation(file: "t", line: 1))
    }
    // 2020…2024 (2021: no tagged paper), 10 tagged papers a year otherwise; "rl" on 1, 0, 1, 6, 6
    // papers, "old" on 6, 0, 1, 1, 1; untagged papers are left out of d.
    var papers: [Paper] = []
    let rl = [2020: 1, 2022: 1, 2023: 6, 2024: 6]
    let old = [2020: 6, 2022: 1, 2023: 1, 2024: 1]
    for year in [2020, 2022, 2023, 2024] {
      for i in 0 ..< 10 {
        var tags: [String] = ["other"]
        if i < rl[year]! { tags.append("rl") }
        if i >= 10 - old[year]! { tags.append("old") }
        papers.append(paper(year, tags))
      }
      papers.append(paper(year, []))
    }
    papers.append(paper(nil, ["rl"]))
    let bursts = try TagBursts(corpus: Corpus(entryCount: papers.count, papers: papers))
    #expect(bursts.years == [2020, 2021, 2022, 2023, 2024])
    #expect(bursts.taggedPapers == [10, 0, 10, 10, 10])
    #expect(bursts.tagCount == 3)
    let rlExpected = try BurstDetection().bursts(targets: [1, 0, 1, 6, 6], totals: [10, 0, 10, 10, 10])
    let oldExpected = try BurstDetection().bursts(targets: [6, 0, 1, 1, 1], totals: [10, 0, 10, 10, 10])
    #expect(rlExpected.map { [$0.start, $0.end] } == [[3, 4]])
    #expect(oldExpected.map { [$0.start, $0.end] } == [[0, 0]])
    let expected = [("rl", 2023, 2024, rlExpected[0].weight, 12), ("old", 2020, 2020, oldExpected[0].weight, 6)]
      .sorted { $0.3 > $1.3 }
    #expect(bursts.bursts.map(\.tag) == expected.map(\.0))
    #expect(bursts.bursts.map(\.startYear) == expected.map(\.1))
    #expect(bursts.bursts.map(\.endYear) == expected.map(\.2))
    #expect(bursts.bursts.map(\.strength) == expected.map(\.3))
    #expect(bursts.bursts.map(\.papers) == expected.map(\.4))
    #expect(bursts.series(of: "rl", in: Corpus(entryCount: papers.count, papers: papers)) == [1, 0, 1, 6, 6])
  }
}
