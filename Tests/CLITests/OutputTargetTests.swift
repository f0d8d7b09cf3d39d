import Foundation
import Testing

/// Output paths that are not plain files: a symbolic link is written through (it stays a link), and
/// a stream (`/dev/null`, `/dev/stdout`, a named pipe) gets the bytes directly instead of being
/// replaced by a regular file (the temporary-file-and-rename rule once turned `/dev/stdout` into a
/// regular file).
@Suite("Output to links and streams")
struct OutputTargetTests {
  /// The kind of file at `path`, without following a final link (`lstat`).
  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func aLinkToAFileStaysALinkAndItsFileIsReplaced() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.path("real"), withIntermediateDirectories: true)
    try dir.write("real/net.graphml", "old")
    try FileManager.default.createSymbolicLink(atPath: dir.path("link.graphml"), withDestinationPath: "real/net.graphml")
    let result = try CLI.run(["export", Bundled.listing, "--output", dir.path("link.graphml")])
    #expect(result.status == 0, "\(result.err)")
    #expect(Self.kind(dir.path("link.graphml")) == S_IFLNK)
    let written = try String(contentsOfFile: dir.path("real/net.graphml"), encoding: .utf8)
    #expect(written.hasPrefix("<?xml"), "\(written.prefix(80))")
    #expect(try dir.contents() == ["link.graphml", "real"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("real")) == ["net.graphml"])
  }

  @Test func devNullStaysADevice() throws {
    let result = try CLI.run(["export", Bundled.listing, "--format", "graphml", "--output", "/dev/null"])
    #expect(result.status == 0, "\(result.err)")
    #expect(Self.kind("/dev/null") == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").allSatisfy { !$0.hasPrefix(".null.tmp-") })
  }

  /// `/dev/stdout` while standard output goes to a file (the test runner's): the network arrives on
  /// standard output, and `/dev/stdout` is still the link it was.
  @Test func devStdoutGetsTheBytes() throws {
    let before = Self.kind("/dev/stdout")
    let result = try CLI.run(["export", Bundled.listing, "--format", "graphml", "--output", "/dev/stdout"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.hasPrefix("<?xml"), "\(result.out.prefix(80))")
    #expect(result.out.contains("</graphml>"))
    #expect(Self.kind("/dev/stdout") == before)
  }

  @Test func aNamedPipeGetsTheBytesAndStaysAPipe() throws {
    let dir = try TemporaryDirectory()
    let pipe = dir.path("pipe")
    #expect(mkfifo(pipe, 0o600) == 0)
    // The reader opens the pipe (blocking until the writer does) and reads to its end.
    let received = Received()
    let reader = Thread {
      if let handle = FileHandle(forReadingAtPath: pipe) { received.set(handle.readDataToEndOfFile()) }
    }
    reader.start()
    let result = try CLI.run(["export", Bundled.listing, "--format", "graphml", "--output", pipe])
    #expect(result.status == 0, "\(result.err)")
    for _ in 0 ..< 500 where received.get() == nil { Thread.sleep(forTimeInterval: 0.01) }
    let text = String(decoding: try #require(received.get()), as: UTF8.self)
    #expect(text.hasPrefix("<?xml") && text.contains("</graphml>"), "\(text.prefix(80))")
    #expect(Self.kind(pipe) == S_IFIFO)
    #expect(try dir.contents() == ["pipe"])
  }

  final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data? { lock.withLock { data } }
  }
}
