import Foundation
import Testing

/// The HTML report in a real browser: headless Chromium driven over the DevTools protocol by
/// `scripts/browser_check.py` (standard-library Python). Skipped, with a message, when
/// Chromium or Python is not installed; `scripts/setup.sh` installs Chromium for the test command.
@Suite("HTML report in headless Chromium")
struct BrowserTests {
  static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  static let chromium = which("chromium") ?? which("chromium-browser")
  static let python = which("python3")

  /// Set by `scripts/test.sh` (the CI command), which installs Chromium: there a missing browser fails.
  static let required = ProcessInfo.processInfo.environment["COAUTHOR_REQUIRE_BROWSER"] == "1"

  @Test(.enabled(if: required || (chromium != nil && python != nil), "chromium or python3 is not installed; run scripts/setup.sh"))
  func reportWorksInChromium() throws {
    try #require(Self.chromium != nil && Self.python != nil, "COAUTHOR_REQUIRE_BROWSER=1 but chromium or python3 is missing")
    let dir = try TemporaryDirectory()
    let report = try CLI.run(["report", "--output", dir.path("report")], in: CLI.repository)
    #expect(report.status == 0, "\(report.err)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    let screenshot = dir.path("report.png")
    process.arguments = [
      CLI.repository.appendingPathComponent("scripts/browser_check.py").path, dir.path("report/report.html"),
      "--screenshot", screenshot, "--person", "Meg Tong", "--chromium", Self.chromium!,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "browser check failed:\n\(output)")
    #expect(output.contains("ok   search 'Tong' finds 'Meg Tong'"), "\(output)")
    #expect(output.contains("ok   hover highlights Meg Tong"), "\(output)")
    #expect(output.contains("ok   no console errors"), "\(output)")
    #expect(FileManager.default.fileExists(atPath: screenshot))
  }
}
