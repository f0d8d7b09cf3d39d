import Foundation
import Testing

/// Reruns: the same inputs and options give the same bytes, run after run, whatever `--threads`,
/// and whatever the order of the input files or of the records inside them.
@Suite("Reruns give the same bytes")
struct RerunTests {
  static let listing = CLI.repository.appendingPathComponent(Bundled.listing).path

  /// Every regular file in `dir` (not in its subfolders), name → bytes.
  static func files(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue { continue }
      out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
    }
    return out
  }

  /// Runs `commands(out)` (each writes under `out`, or to standard output, kept as
  /// `out/<command>.stdout`), then returns every file in `out` and `out/report`, name → bytes, and
  /// moves `out` aside to `aside`: the next run can use the same paths (reports quote their
  /// command line).
  static func outputs(of commands: (String) -> [[String]], in dir: TemporaryDirectory, aside: String) throws -> [String: Data] {
    let out = dir.path("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for arguments in commands(out) {
      let result = try CLI.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.err)")
      if !arguments.contains("--output") { try result.stdout.write(to: URL(fileURLWithPath: out + "/\(arguments[0]).stdout")) }
    }
    var all = try files(out + "/report").mapKeys { "report/" + $0 }
    for (name, data) in try files(out) { all[name] = data }
    try FileManager.default.moveItem(atPath: out, toPath: dir.path(aside))
    return all
  }

  @Test func twoRunsAreByteIdentical() throws {
    let dir = try TemporaryDirectory()
    var outputs: [[String: Data]] = []
    for run in 0 ..< 2 {
      outputs.append(
        try Self.outputs(
          of: { out in
            [
              ["report", Self.listing, "--aliases", Bundled.aliases, "--output", out + "/report"],
              ["render", Self.listing, "--output", out + "/authors.svg"],
              ["render", Self.listing, "--per-year", "--output", out + "/year.svg"],
              ["export", Self.listing, "--output", out + "/net.graphml"],
              ["export", Self.listing, "--output", out + "/net.gexf"],
              ["export", Self.listing, "--output", out + "/net.csv"],
              ["export", Self.listing, "--format", "vosviewer", "--output", out + "/vos.json"],
            ]
          }, in: dir, aside: "run\(run)"))
    }
    #expect(outputs[0].count >= 20, "\(outputs[0].keys.sorted())")
    #expect(outputs[0] == outputs[1], "differs: \(outputs[0].keys.filter { outputs[0][$0] != outputs[1][$0] }.sorted())")
  }

  @Test func threadsDoNotChangeTheBytes() throws {
    let dir = try TemporaryDirectory()
    for metric in ["betweenness", "closeness", "harmonic", "eigenvector", "clustering"] {
      let one = try CLI.run(["rank", Self.listing, "--metric", metric, "--top", "1000", "--format", "json", "--threads", "1"])
      let three = try CLI.run(["rank", Self.listing, "--metric", metric, "--top", "1000", "--format", "json", "--threads", "3"])
      #expect(one.status == 0 && three.status == 0, "\(one.err)\(three.err)")
      #expect(one.stdout == three.stdout, "rank --metric \(metric): --threads 1 and 3 differ")
    }
    for threads in ["1", "3"] {
      let result = try CLI.run(["export", Self.listing, "--threads", threads, "--output", dir.path("t\(threads).graphml")])
      #expect(result.status == 0, "\(result.err)")
    }
    #expect(try Data(contentsOf: dir.url.appendingPathComponent("t1.graphml")) == Data(contentsOf: dir.url.appendingPathComponent("t3.graphml")))
  }

  /// The bundled listing split after its seventh entry into `a.txt` (lines 1–134) and `b.txt`.
  /// `a b`, `b a` and the whole listing are the same records: CorpusLoader puts records in a
  /// canonical order and the command line sorts its inputs, so every output has the same bytes
  /// (report, pictures, exports, rankings; the report quotes its inputs in sorted order).
  @Test func inputOrderDoesNotChangeTheBytes() throws {
    let dir = try TemporaryDirectory()
    let lines = try String(contentsOfFile: Self.listing, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let a = try dir.write("a.txt", lines[0 ..< 134].joined(separator: "\n") + "\n")
    let b = try dir.write("b.txt", lines[134...].joined(separator: "\n"))
    for metric in ["degree", "strength", "pagerank", "betweenness", "closeness", "eigenvector"] {
      var outputs: [Data] = []
      for inputs in [[Self.listing], [a, b], [b, a]] {
        let result = try CLI.run(["rank"] + inputs + ["--metric", metric, "--top", "1000", "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        outputs.append(result.stdout)
      }
      #expect(outputs[1] == outputs[0], "\(metric): a b differs from the whole listing")
      #expect(outputs[2] == outputs[1], "\(metric): b a differs from a b")
    }
    var runs: [[String: Data]] = []
    for (run, inputs) in [[a, b], [b, a]].enumerated() {
      runs.append(
        try Self.outputs(
          of: { out in
            [
              ["report"] + inputs + ["--aliases", Bundled.aliases, "--output", out + "/report"],
              ["render"] + inputs + ["--output", out + "/authors.svg"],
              ["render"] + inputs + ["--graph", "tags", "--output", out + "/tags.svg"],
              ["communities"] + inputs + ["--algorithm", "leiden", "--format", "json"],
              ["export"] + inputs + ["--output", out + "/net.graphml"],
              ["export"] + inputs + ["--graph", "fellows", "--output", out + "/fellows.json"],
            ]
          }, in: dir, aside: "run\(run)"))
    }
    #expect(runs[0].count >= 14, "\(runs[0].keys.sorted())")
    #expect(runs[0] == runs[1], "a b and b a differ: \(runs[0].keys.filter { runs[0][$0] != runs[1][$0] }.sorted())")
  }

  /// Rows of a paper table in reverse order: the same network, metrics and communities, byte
  /// for byte (only the line numbers in diagnostics follow the file).
  @Test func rowOrderInsideAFileDoesNotChangeTheBytes() throws {
    let dir = try TemporaryDirectory()
    let fixture = CLI.repository.appendingPathComponent("Tests/BibliographyTests/Fixtures/dblp2-excerpt.tsv").path
    let rows = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n")
    let forward = try dir.write("forward.tsv", rows.joined(separator: "\n") + "\n")
    let reversed = try dir.write("reversed.tsv", ([rows[0]] + rows.dropFirst().reversed()).joined(separator: "\n") + "\n")
    for name in ["forward", "reversed"] {
      let result = try CLI.run(["export", dir.path(name + ".tsv"), "--output", dir.path(name + ".json")])
      #expect(result.status == 0, "\(result.err)")
    }
    let exported = try Data(contentsOf: URL(fileURLWithPath: dir.path("forward.json")))
    #expect(exported.count > 1000)
    #expect(exported == (try Data(contentsOf: URL(fileURLWithPath: dir.path("reversed.json")))), "export: forward and reversed rows differ")
    for arguments in [["rank", "--metric", "betweenness", "--format", "json"], ["communities", "--format", "json"]] {
      let one = try CLI.run([arguments[0], forward] + arguments.dropFirst())
      let two = try CLI.run([arguments[0], reversed] + arguments.dropFirst())
      #expect(one.status == 0 && two.status == 0, "\(arguments): \(one.err)\(two.err)")
      #expect(one.stdout.count > 100)
      #expect(one.stdout == two.stdout, "\(arguments): forward and reversed rows differ")
    }
  }
}

extension Dictionary {
  fileprivate func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
