import Analysis
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Testing

@testable import Reporting

/// The report ranks a million researchers without sorting them once per metric: the first *k*
/// (profiles, the top table, bridges) and the leaders of each measure come from partial
/// selections that must give exactly what the full ranking gives.
@Suite("Report rankings without full sorts")
struct ReportRankingTests {
  /// The bundled listing's author network, with the values of `metric` replaced by `values`.
  static func analysis(_ metric: Metric, _ values: [Double]) throws -> CommunityAnalysis {
    var a = try seedAnalysis().authors
    let i = try #require(a.analysis.metrics.firstIndex { $0.metric == metric })
    a.analysis.metrics[i].values = values
    return a
  }

  /// Values with many ties, NaNs and infinities (78 researchers).
  static func awkwardValues(seed: UInt64) -> [Double] {
    var rng = SplitMix64(seed: seed)
    return (0 ..< 78).map { _ -> Double in
      switch rng.next() % 10 {
      case 0: .nan
      case 1: -.infinity
      case 2: 0
      case 3: -0.0
      default: Double(rng.next() % 4)
      }
    }
  }

  @Test(arguments: [Metric.degree, .pagerank, .betweenness, .coreness])
  func topRankedIsThePrefixOfTheRanking(metric: Metric) throws {
    let a = try seedAnalysis().authors
    let full = ReportBuilder.ranking(a, by: metric)
    for k in [0, 1, 2, 5, 30, 77, 78, 200] {
      #expect(ReportBuilder.topRanked(a, by: metric, k) == Array(full.prefix(k)), "k = \(k)")
    }
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func topRankedWithTiesAndNaN(seed: UInt64) throws {
    let a = try Self.analysis(.pagerank, Self.awkwardValues(seed: seed))
    let full = ReportBuilder.ranking(a, by: .pagerank)
    for k in [1, 3, 10, 40, 77] {
      #expect(ReportBuilder.topRanked(a, by: .pagerank, k) == Array(full.prefix(k)), "k = \(k)")
    }
  }

  /// The leaders as the report computed them before: the full ranking up to the first lower value.
  static func leadersBySorting(_ a: CommunityAnalysis, _ metric: Metric) -> (Double, [NodeID])? {
    let order = ReportBuilder.ranking(a, by: metric)
    guard let best = order.first else { return nil }
    let values = ReportBuilder.values(a, metric)
    let value = values[best.index]
    return (value, Array(order.prefix { values[$0.index] == value }))
  }

  @Test(arguments: 0 ..< 20 as Range<UInt64>)
  func leadersMatchTheFullRanking(seed: UInt64) throws {
    let a = try Self.analysis(.degree, Self.awkwardValues(seed: seed))
    let expected = try #require(Self.leadersBySorting(a, .degree))
    let got = try #require(ReportBuilder.leaders(a, by: .degree))
    #expect(got.nodes == expected.1)
    #expect(got.value == expected.0 || (got.value.isNaN && expected.0.isNaN))
  }

  @Test func leadersOfTheBundledListing() throws {
    let a = try seedAnalysis().authors
    // PageRank: Meg Tong first (her tie with Tomasz Korbak is broken by name).
    let pagerank = try #require(ReportBuilder.leaders(a, by: .pagerank))
    #expect(pagerank.nodes.first.map { a.network.labels[$0.index] } == "Meg Tong")
    for metric in [Metric.degree, .strength, .pagerank, .eigenvector, .closeness] {
      let expected = try #require(Self.leadersBySorting(a, metric))
      #expect(ReportBuilder.leaders(a, by: metric)?.nodes == expected.1)
    }
  }
}
