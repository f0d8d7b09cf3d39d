import Foundation

/// Paths of committed files, found from this source file so tests run from any directory.
enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let seed = repository.appendingPathComponent("Examples/mats-research.txt").path
  static let seedAliases = repository.appendingPathComponent("Examples/mats-aliases.tsv").path
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// Writes `text` to a fresh temporary file and returns its path.
  static func temporary(_ text: String, name: String = "listing.txt") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try! Data(text.utf8).write(to: url)
    return url.path
  }

  static func temporary(bytes: [UInt8], name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try! Data(bytes).write(to: url)
    return url.path
  }
}
