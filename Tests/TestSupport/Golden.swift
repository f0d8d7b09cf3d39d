import Foundation
import Testing

/// Compares `text` with the golden file `directory/file`, or rewrites that file when the
/// environment variable `UPDATE_GOLDEN=1` is set (igraph `.out` style).
///
/// Use an absolute directory next to the test, derived from `#filePath`, so the check does not
/// depend on the working directory:
///
///     assertGolden(dot, file: "karate.dot",
///                  in: URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden").path)
///
/// A missing golden file, or a difference, records an issue naming the first differing line
/// and how to regenerate (`UPDATE_GOLDEN=1 swift test --filter …`). When updating, the directory
/// is created if needed, and an issue is still *not* recorded, so review the diff with `git diff`.
/// Comparison is exact (byte for byte after UTF-8 decoding); normalise volatile content (dates,
/// version banners) before calling.
///
/// - Parameters:
///   - text: the produced output.
///   - file: the golden file's name, e.g. `"karate.dot"`.
///   - directory: the absolute directory holding golden files.
public func assertGolden(
  _ text: String, file: String, in directory: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(file)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      Issue.record("could not write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "golden file \(url.path) is missing; run with UPDATE_GOLDEN=1 to create it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != text else { return }
  Issue.record(
    "output differs from golden file \(url.path) \(firstDifference(text, expected)); run with UPDATE_GOLDEN=1 to accept the new output",
    sourceLocation: sourceLocation)
}

/// "at line N: got …, expected …" for the first differing line.
func firstDifference(_ actual: String, _ expected: String) -> String {
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  for i in 0 ..< max(a.count, e.count) {
    let x = i < a.count ? String(a[i]) : "<end of output>"
    let y = i < e.count ? String(e[i]) : "<end of file>"
    if x != y { return "at line \(i + 1): got \"\(x)\", expected \"\(y)\"" }
  }
  return "(line endings or trailing bytes)"
}
