import Foundation
import Testing

/// Compares `actual` with `Golden/<name>` next to this file; rewrites the file instead when the
/// environment has `UPDATE_GOLDEN=1` (igraph `.out` style, STYLE.md §7).
///
/// Private to this test target until TestSupport's shared `assertGolden` lands.
func expectMatchesGolden(
  _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("missing golden file \(name); run the tests with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let want = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
    let got = first < actualLines.count ? String(actualLines[first]) : "<end of file>"
    Issue.record(
      "\(name) differs from the golden file at line \(first + 1):\n  golden: \(want)\n  actual: \(got)\n(UPDATE_GOLDEN=1 rewrites it)",
      sourceLocation: sourceLocation)
  }
}
