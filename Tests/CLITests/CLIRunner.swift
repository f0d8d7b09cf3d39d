import Foundation
import Testing

/// Runs the built `coauthor` binary (the `AssertExecuteCommand` pattern): arguments in, standard
/// output, standard error and exit status out.
enum CLI {
  /// The repository root, found from this source file.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Result {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
  }

  /// Where the binary was looked for, for the failure message.
  private static let lookup: (url: URL?, searched: [String]) = {
    var candidates: [URL] = []
    // 1. An explicit override.
    if let path = ProcessInfo.processInfo.environment["COAUTHOR_BINARY"], !path.isEmpty {
      candidates.append(URL(fileURLWithPath: path))
    }
    // 2. Beside the running test executable: SwiftPM puts every product of one build, whatever
    //    its --scratch-path, in the same folder (.../debug/coauthorPackageTests.xctest, .../debug/coauthor).
    var executables: [URL] = []
    if let url = Bundle.main.executableURL { executables.append(url) }
    if let first = CommandLine.arguments.first, !first.isEmpty {
      executables.append(URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }
    executables.append(Bundle.main.bundleURL)
    for executable in executables {
      var dir = executable.standardizedFileURL.resolvingSymlinksInPath()
      // The test product may be a bundle folder (…/coauthorPackageTests.xctest/Contents/MacOS/…).
      for _ in 0 ..< 4 {
        dir = dir.deletingLastPathComponent()
        candidates.append(dir.appendingPathComponent("coauthor"))
      }
    }
    // 3. The usual scratch folders of the repository.
    if let names = try? FileManager.default.contentsOfDirectory(atPath: repository.path) {
      for name in names.sorted() where name.hasPrefix(".build") {
        candidates.append(repository.appendingPathComponent(name).appendingPathComponent("debug/coauthor"))
      }
    }
    var isDirectory: ObjCBool = false
    let found = candidates.first {
      FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        && FileManager.default.isExecutableFile(atPath: $0.path)
    }
    return (found, candidates.map(\.path))
  }()

  struct BinaryNotFound: Error, CustomStringConvertible {
    var description: String
  }

  /// The `coauthor` executable; throws a clear error when it cannot be found.
  static func binary() throws -> URL {
    guard let url = lookup.url else {
      throw BinaryNotFound(
        description: """
          cannot find the built 'coauthor' executable. Build it first ('swift build --build-tests', \
          with the same --scratch-path as 'swift test'), or set COAUTHOR_BINARY. Looked in: \
          \(lookup.searched.joined(separator: ", "))
          """)
    }
    return url
  }

  /// Runs `coauthor arguments…` in `directory` (the repository root unless given) and waits.
  /// Output goes to temporary files, so a large output cannot fill a pipe and block the child.
  /// `stdin` is given to the child as its standard input (from a file, like `< file`); without
  /// it standard input is empty (`/dev/null`).
  static func run(_ arguments: [String], in directory: URL? = nil, stdin: [UInt8]? = nil) throws -> Result {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repository
    let scratch = try TemporaryDirectory()
    let outURL = scratch.url.appendingPathComponent("stdout")
    let errURL = scratch.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    if let stdin {
      let inURL = scratch.url.appendingPathComponent("stdin")
      try Data(stdin).write(to: inURL)
      process.standardInput = try FileHandle(forReadingFrom: inURL)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Result(
      status: process.terminationStatus, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
  }
}

/// A fresh temporary folder, removed when the value is deinitialised.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = path(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

  /// Names in the folder, sorted.
  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}

/// The bundled listing and alias file, relative to the repository root.
enum Bundled {
  static let listing = "Examples/mats-research.txt"
  static let aliases = "Examples/mats-aliases.tsv"
}

/// A JSON object of `stdout`.
func jsonObject(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: result.stdout)
  return try #require(value as? [String: Any], "stdout is not a JSON object: \(result.out.prefix(200))", sourceLocation: sourceLocation)
}

@Suite struct BinaryLookupTests {
  /// The binary comes from the same build as the tests (whatever its --scratch-path), not from
  /// some other scratch folder of the repository.
  @Test func binaryIsBesideTheTestExecutable() throws {
    try #require(ProcessInfo.processInfo.environment["COAUTHOR_BINARY"] == nil)
    let binary = try CLI.binary().resolvingSymlinksInPath()
    let executable = try #require(Bundle.main.executableURL).resolvingSymlinksInPath()
    #expect(executable.path.hasPrefix(binary.deletingLastPathComponent().path + "/"), "\(binary.path) vs \(executable.path)")
    let version = try CLI.run(["--version"])
    #expect(version.status == 0)
    #expect(version.out == "0.1.0\n")
  }
}
