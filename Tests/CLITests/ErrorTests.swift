import Foundation
import Testing

/// Bad input: exit status 1, one line on standard error naming the file (and line), nothing on
/// standard output, and nothing written.
@Suite struct ErrorTests {
  struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]?  // nil: the file does not exist
    var message: String  // the whole line on standard error, without the newline
    var testDescription: String { name }
  }

  static let inputs: [BadInput] = [
    BadInput(name: "missing.txt", bytes: nil, message: "Error: missing.txt: no such file"),
    BadInput(name: "empty.txt", bytes: [], message: "Error: empty.txt: the file is empty"),
    BadInput(
      name: "photo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
      // the PNG signature holds "\r\n" and "\n", so the first NUL is on line 3
      message: "Error: photo.png:3: the file looks binary (it contains NUL bytes), not text"),
    BadInput(
      name: "nul.txt", bytes: Array("line one\nline two\nab".utf8) + [0] + Array("c\n".utf8),
      message: "Error: nul.txt:3: the file looks binary (it contains NUL bytes), not text"),
    BadInput(
      name: "truncated.txt",
      bytes: Array(
        """
        First Paper
        An abstract.
        Authors:
        Ada Lovelace, Alan Turing

        Second Paper
        An abstract with no fields at all.

        """.utf8),
      message:
        "Error: truncated.txt:6: truncated entry: the entry 'Second Paper' ends without an 'Authors:' field (near 'Second Paper')"
    ),
    BadInput(
      name: "corpus.json",
      bytes: Array(
        """
        {"papers": [
          {"title": "x", "authors": ["a"]
          "fellows": []}]}

        """.utf8),
      message: "Error: corpus.json:3:3: invalid corpus JSON: expected ',' or '}' in object"),
  ]

  /// Every command that reads input, with its output (if any) in the working folder.
  static let commands: [[String]] = [
    ["stats"], ["stats", "--format", "json"], ["rank"], ["communities", "--format", "json"],
    ["render", "--output", "out.svg"], ["report", "--output", "dir"], ["export", "--output", "out.graphml"],
  ]

  @Test(arguments: inputs, commands)
  func badInputStopsWithOneLine(input: BadInput, command: [String]) throws {
    let dir = try TemporaryDirectory()
    if let bytes = input.bytes { try dir.write(input.name, bytes) }
    let before = try dir.contents()
    let result = try CLI.run([command[0], input.name] + command.dropFirst(), in: dir.url)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty, "stdout: \(result.out)")
    #expect(result.err == input.message + "\n")
    #expect(result.err.hasPrefix("Error: \(input.name)"))
    #expect(result.err.filter { $0 == "\n" }.count == 1, "one line: \(result.err)")
    #expect(try dir.contents() == before, "nothing is written")
  }

  @Test(arguments: inputs)
  func previousOutputIsLeftIntact(input: BadInput) throws {
    let dir = try TemporaryDirectory()
    if let bytes = input.bytes { try dir.write(input.name, bytes) }
    try dir.write("out.svg", "previous picture")
    try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("dir"), withIntermediateDirectories: false)
    try dir.write("dir/report.md", "previous report")
    let before = try dir.contents()

    let render = try CLI.run(["render", input.name, "--output", "out.svg"], in: dir.url)
    #expect(render.status == 1)
    let report = try CLI.run(["report", input.name, "--output", "dir"], in: dir.url)
    #expect(report.status == 1)

    #expect(try dir.contents() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("dir")) == ["report.md"])
    #expect(try String(contentsOfFile: dir.path("out.svg"), encoding: .utf8) == "previous picture")
    #expect(try String(contentsOfFile: dir.path("dir/report.md"), encoding: .utf8) == "previous report")
  }

  /// An output that cannot be written: one `Error: cannot write …` line naming the path and the
  /// reason, exit 1, and no temporary file left behind.
  @Test(arguments: [
    ("file/out.svg", "cannot write file/out.svg: cannot create the folder"),  // 'file' is a regular file
    ("folder.svg", "cannot write folder.svg: Is a directory"),  // rename(2) onto a directory
  ])
  func unwritableOutput(output: String, message: String) throws {
    let dir = try TemporaryDirectory()
    try dir.write("file", "not a folder")
    try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("folder.svg"), withIntermediateDirectories: false)
    let before = try dir.contents()
    let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
    let result = try CLI.run(["render", listing, "--engine", "neato", "--output", output], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let last = result.err.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("Error: " + message), "\(result.err)")
    #expect(result.err.split(separator: "\n").filter { $0.hasPrefix("Error") }.count == 1)
    #expect(try dir.contents() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("folder.svg")).isEmpty)
  }

  /// A report whose last file cannot be written replaces none of the earlier ones: all five
  /// files are staged first and renamed only when every one was written.
  @Test func reportIsWrittenAllOrNothing() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("out/report.html"), withIntermediateDirectories: true)
    try dir.write("out/authors.svg", "previous picture")
    try dir.write("out/report.md", "previous report")
    let before = try dir.contents()
    let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
    let result = try CLI.run(["report", listing, "--output", "out"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.err.hasSuffix("Error: cannot write out/report.html: Is a directory\n"), "\(result.err)")
    #expect(try dir.contents() == before)
    #expect(try String(contentsOfFile: dir.path("out/authors.svg"), encoding: .utf8) == "previous picture")
    #expect(try String(contentsOfFile: dir.path("out/report.md"), encoding: .utf8) == "previous report")
  }

  @Test func aGoodFileBeforeABadOneStillFails() throws {
    let dir = try TemporaryDirectory()
    try dir.write("empty.txt", "")
    let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
    let result = try CLI.run(["render", listing, "empty.txt", "--output", "out.svg"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.err == "Error: empty.txt: the file is empty\n")
    #expect(try dir.contents() == ["empty.txt"])
  }

  @Test func missingAliasFileIsNamed() throws {
    let dir = try TemporaryDirectory()
    let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
    let result = try CLI.run(["stats", listing, "--aliases", "nope.tsv"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.err.hasPrefix("Error: nope.tsv"))
    #expect(result.err.filter { $0 == "\n" }.count == 1, "one line: \(result.err)")
  }

  @Test func usageErrorsExitWith64() throws {
    let dir = try TemporaryDirectory()
    for arguments in [["rank", "x.txt", "--top", "0"], ["render", "x.txt", "--output", "x.gif"], ["stats"]] {
      let result = try CLI.run(arguments, in: dir.url)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stdout.isEmpty)
      #expect(result.err.hasPrefix("Error: Please "))
    }
    #expect(try dir.contents().isEmpty)
  }

  @Test func reportWithoutInputOutsideTheRepository() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["report", "--output", "out"], in: dir.url)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.err.hasPrefix("Error: No input given, and Examples/mats-research.txt is not in the current folder."))
    #expect(result.err.contains("coauthor report"), "usage of the report command: \(result.err)")
    #expect(try dir.contents().isEmpty)
  }
}
