import Foundation
import GraphAlgorithms
import GraphCore
import TestSupport
import Testing

private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Golden").path

/// The top five of every metric on the weighted karate club, as text; a regression net for
/// ranking order (ties by ascending id) and for the metric defaults.
/// Regenerate with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`.
@Suite("Golden files")
struct GoldenTests {
  @Test func karateRankings() throws {
    var lines: [String] = []
    for weighted in [false, true] {
      for metric in Metric.allCases {
        let scores = try metric.measure(weighted: weighted).scores(for: Fixtures.karateClub)
        let top = scores.ranking().prefix(5).map { "\($0.rawValue)=\(String(format: "%.6f", scores[$0]))" }
        lines.append("\(metric.rawValue)\(weighted ? " weighted" : ""): \(top.joined(separator: " "))")
      }
    }
    let louvain = try Louvain().run(on: Fixtures.karateClub)
    lines.append("louvain seed 0: \(louvain.partition.membership.map(String.init).joined(separator: ",")) "
      + "Q=\(String(format: "%.6f", louvain.modularity)) levels=\(louvain.levels.count)")
    assertGolden(lines.joined(separator: "\n") + "\n", file: "karate-rankings.txt", in: goldenDirectory)
  }

  @Test func mismatchIsReported() {
    guard ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != "1" else { return }
    withKnownIssue("a differing text must record an issue") {
      assertGolden("not the golden text\n", file: "karate-rankings.txt", in: goldenDirectory)
    }
    withKnownIssue("a missing golden file must record an issue") {
      assertGolden("anything\n", file: "does-not-exist.txt", in: goldenDirectory)
    }
  }
}
