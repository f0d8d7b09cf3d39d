import Foundation
import Testing

/// Reruns: the same inputs and options give the same bytes, run after run and whatever
/// `--threads`; the same files in another order give the same network and metric values, but not
/// necessarily the same bytes (see README "Safety": input order numbers the nodes).
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

  @Test func twoRunsAreByteIdentical() throws {
    let dir = try TemporaryDirectory()
    var outputs: [[String: Data]] = []
    for run in 0 ..< 2 {
      // The same --output paths both times (the report quotes its command line): run, move aside.
      let out = dir.path("out")
      for arguments in [
        ["report", Self.listing, "--aliases", Bundled.aliases, "--output", out + "/report"],
        ["render", Self.listing, "--output", out + "/authors.svg"],
        ["render", Self.listing, "--per-year", "--output", out + "/year.svg"],
        ["export", Self.listing, "--output", out + "/net.graphml"],
        ["export", Self.listing, "--output", out + "/net.gexf"],
        ["export", Self.listing, "--output", out + "/net.csv"],
        ["export", Self.listing, "--format", "vosviewer", "--output", out + "/vos.json"],
      ] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.err)")
      }
      var all = try Self.files(out + "/report").mapKeys { "report/" + $0 }
      for (name, data) in try Self.files(out) { all[name] = data }
      outputs.append(all)
      try FileManager.default.moveItem(atPath: out, toPath: dir.path("run\(run)"))
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
  /// `a b` reads the same records in the same order as the whole listing: the same bytes.
  /// `b a` is the same data in another order: the same names, edges, weights and metric values
  /// (to 1e-12; PageRank sums in another order), but node numbers, ties and Louvain's
  /// communities follow the order, so the bytes may differ; this pins that they do, so the
  /// README's statement stays true.
  @Test func inputOrder() throws {
    let dir = try TemporaryDirectory()
    let lines = try String(contentsOfFile: Self.listing, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let a = try dir.write("a.txt", lines[0 ..< 134].joined(separator: "\n") + "\n")
    let b = try dir.write("b.txt", lines[134...].joined(separator: "\n"))
    func rank(_ inputs: [String], _ metric: String) throws -> (Data, [String: Double]) {
      let result = try CLI.run(["rank"] + inputs + ["--metric", metric, "--top", "1000", "--format", "json"])
      #expect(result.status == 0, "\(result.err)")
      let rows = try #require(jsonObject(result)["rows"] as? [[String: Any]])
      return (result.stdout, Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as! String, $0["score"] as! Double) }))
    }
    var someDiffer = false
    for metric in ["degree", "strength", "pagerank", "betweenness", "closeness", "eigenvector"] {
      let (whole, _) = try rank([Self.listing], metric)
      let (ab, abScores) = try rank([a, b], metric)
      let (ba, baScores) = try rank([b, a], metric)
      #expect(ab == whole, "\(metric): a b differs from the whole listing")
      #expect(abScores.count == 77 && Set(abScores.keys) == Set(baScores.keys))
      for (name, score) in abScores {
        #expect(abs(score - baScores[name]!) <= 1e-12, "\(metric) of \(name): \(score) vs \(baScores[name]!)")
      }
      someDiffer = someDiffer || ab != ba
    }
    #expect(someDiffer, "the order no longer changes any ranking's bytes: update README 'Safety'")
  }
}

extension Dictionary {
  fileprivate func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
