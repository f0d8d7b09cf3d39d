import Foundation
import Testing

/// No partial results: `render`, `render --per-year`, `export` and `report` killed at several
/// moments (SIGINT and SIGKILL) on a generated 5,000-paper table leave the previous outputs
/// byte-identical, or (when the run had already finished) the new outputs whole; SIGINT leaves no
/// temporary file; SIGKILL may leave hidden `.NAME.tmp-PID` files, which the next run removes.
@Suite("Interrupted writes leave the previous outputs", .serialized)
struct InterruptTests {
  /// 5,000 papers, 2,000 people, ten years, 30 tags; a fixed generator, so the same bytes every run.
  static func bigTable(in dir: TemporaryDirectory) throws -> String {
    var state: UInt64 = 42
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var text = "paper_id\tyear\tauthors\tkeywords\ttitle\n"
    for i in 0 ..< 5_000 {
      let pool = min(2_000, 10 + i / 2)
      var authors: [String] = []
      for _ in 0 ..< 1 + next(5) {
        let name = "Person \(next(pool))"
        if !authors.contains(name) { authors.append(name) }
      }
      text += "p\(i)\t\(2015 + i % 10)\t\(authors.joined(separator: ";"))\tt\(next(30));t\(next(30))\tPaper \(i)\n"
    }
    return try dir.write("big.tsv", text)
  }

  /// A command whose output files are checked: `previous` writes the old outputs, `next` the new ones.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var previous: [String]
    var next: [String]
    var testDescription: String { name }
  }

  static let cases = [
    Case(name: "render", previous: ["render", "IN", "--max-nodes", "40", "--output", "OUT/net.svg"],
      next: ["render", "IN", "--output", "OUT/net.svg"]),
    Case(name: "render --per-year", previous: ["render", "IN", "--per-year", "--max-nodes", "40", "--output", "OUT/year.svg"],
      next: ["render", "IN", "--per-year", "--output", "OUT/year.svg"]),
    Case(name: "export graphml", previous: ["export", "IN", "--no-communities", "--metrics", "degree", "--output", "OUT/net.graphml"],
      next: ["export", "IN", "--output", "OUT/net.graphml"]),
    Case(name: "export csv", previous: ["export", "IN", "--no-communities", "--metrics", "degree", "--output", "OUT/net.csv"],
      next: ["export", "IN", "--output", "OUT/net.csv"]),
    Case(name: "report", previous: ["report", "IN", "--max-nodes", "40", "--output", "OUT/report"],
      next: ["report", "IN", "--output", "OUT/report"]),
  ]

  /// Every regular file under `dir` (relative path → bytes).
  static func snapshot(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = dir.path + "/"
    let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
      out[String(url.path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return out
  }

  static func arguments(_ template: [String], input: String, out: URL) -> [String] {
    template.map { $0 == "IN" ? input : $0.replacingOccurrences(of: "OUT/", with: out.path + "/") }
  }

  /// Starts `coauthor arguments` (paths absolute), sends `signal` after `delay` seconds (if still
  /// running), waits. Spawned with posix_spawn and SIGINT reset to its default and unblocked:
  /// Foundation's `Process` passes on the test runner's signal state, in which SIGINT never
  /// reaches the child.
  static func kill(_ arguments: [String], after delay: Double, with signal: Int32) throws -> (status: Int32, signalled: Bool) {
    let path = try CLI.binary().path
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [Int32(0), 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    try #require(spawned == 0, "posix_spawn: \(spawned)")
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(delay)
    var done = false
    while Date() < deadline {
      if waitpid(pid, &status, WNOHANG) == pid { done = true; break }
      usleep(10_000)
    }
    if !done {
      _ = Foundation.kill(pid, signal)
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
    // The wait status: low 7 bits the terminating signal (0 = exited), bits 8-15 the exit status.
    let terminatingSignal = status & 0x7F
    return terminatingSignal == 0 ? ((status >> 8) & 0xFF, false) : (terminatingSignal, true)
  }

  @Test(arguments: cases)
  func killedRunsLeaveThePreviousOutputs(_ c: Case) throws {
    let scratch = try TemporaryDirectory()
    let input = try Self.bigTable(in: scratch)
    // The new outputs, for runs that finish before the signal.
    // (In the same folder as the real runs: the report quotes its --output.)
    let out = scratch.url.appendingPathComponent("out")
    let full = try CLI.run(Self.arguments(c.next, input: input, out: out))
    #expect(full.status == 0, "\(full.err)")
    let new = try Self.snapshot(out)
    try FileManager.default.removeItem(at: out)
    let first = try CLI.run(Self.arguments(c.previous, input: input, out: out))
    #expect(first.status == 0, "\(first.err)")
    let previous = try Self.snapshot(out)
    #expect(!previous.isEmpty && Set(previous.keys) == Set(new.keys), "\(previous.keys.sorted()) vs \(new.keys.sorted())")
    #expect(previous != new, "the two runs must differ, or the test proves nothing")

    var outcomes: [String] = []
    for signal in [SIGINT, SIGKILL] {
      for delay in [0.2, 0.8, 1.6, 3.0] {
        let (status, signalled) = try Self.kill(Self.arguments(c.next, input: input, out: out), after: delay, with: signal)
        let now = try Self.snapshot(out)
        let temporaries = now.keys.filter { $0.split(separator: "/").last!.hasPrefix(".") }.sorted()
        let files = now.filter { !$0.key.split(separator: "/").last!.hasPrefix(".") }
        let label = "\(signal == SIGINT ? "SIGINT" : "SIGKILL") after \(delay) s (status \(status)\(signalled ? ", killed" : ""))"
        outcomes.append(label)
        #expect(Set(files.keys) == Set(previous.keys), "\(label): files \(files.keys.sorted())")
        if status == 0 && !signalled {
          #expect(files == new, "\(label): finished, but the outputs are not the new ones")
        } else if signal == SIGINT {
          // Either the handler's clean stop (130) or the default action before it was installed.
          #expect(status == 130 || signalled, "\(label)")
          #expect(files == previous, "\(label): the previous outputs changed")
        } else {
          // SIGKILL: each file whole, old or new (a mix only if killed during the renames).
          for (name, data) in files {
            #expect(data == previous[name] || data == new[name], "\(label): \(name) is neither the old nor the new file")
          }
        }
        if signal == SIGINT || status == 0 {
          #expect(temporaries.isEmpty, "\(label): temporary files left: \(temporaries)")
        } else {
          #expect(temporaries.allSatisfy { $0.contains(".tmp-") }, "\(label): \(temporaries)")
        }
        // Restore the previous outputs for the next round (and remove any leftovers).
        try? FileManager.default.removeItem(at: out)
        for (name, data) in previous {
          let url = out.appendingPathComponent(name)
          try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try data.write(to: url)
        }
      }
    }
    print("InterruptTests \(c.name): \(outcomes.joined(separator: "; "))")
  }

  /// A `.NAME.tmp-PID` left by a killed process (a PID that no longer runs) is removed by the
  /// next write of NAME; one of a running process (our own PID) is left alone.
  @Test func staleTemporariesAreRemovedByTheNextRun() throws {
    let dir = try TemporaryDirectory()
    // PIDs are below 2^22 on Linux (pid_max); 4,194,304 + 1 cannot be running.
    try dir.write(".net.graphml.tmp-4194305", "half a file")
    try dir.write(".net.graphml.tmp-\(ProcessInfo.processInfo.processIdentifier)", "a live writer's file")
    try dir.write(".other.graphml.tmp-4194305", "another target's file")
    let result = try CLI.run(["export", Bundled.listing, "--output", dir.path("net.graphml")])
    #expect(result.status == 0, "\(result.err)")
    #expect(
      try dir.contents() == [
        ".net.graphml.tmp-\(ProcessInfo.processInfo.processIdentifier)", ".other.graphml.tmp-4194305", "net.graphml",
      ])
  }

  /// Ctrl-C pending when the files are staged: nothing is renamed, the temporary files go, exit 130.
  /// (Sent to a run on the bundled listing right after start; whether it lands before or during
  /// the write, the outcome must be one of the two clean ones.)
  @Test func sigintNeverLeavesTemporaryFiles() throws {
    let dir = try TemporaryDirectory()
    for delay in [0.05, 0.1, 0.2, 0.3, 0.4] {
      let (status, signalled) = try Self.kill(
        ["report", CLI.repository.appendingPathComponent(Bundled.listing).path, "--output", dir.path("r")], after: delay,
        with: SIGINT)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path("r"))) ?? []
      #expect(!names.contains { $0.hasPrefix(".") }, "after \(delay) s: \(names)")
      if status == 0 && !signalled { #expect(names.contains("report.html")) } else { #expect(!names.contains("report.html")) }
      try? FileManager.default.removeItem(atPath: dir.path("r"))
    }
  }
}
