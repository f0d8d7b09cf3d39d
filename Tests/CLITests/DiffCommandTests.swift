import Foundation
import TestSupport
import Testing

/// `coauthor diff OLD NEW` and `report --compare` end to end, on the two snapshots of
/// `Tests/AnalysisTests/Fixtures/diff/` (see its README). The goldens in `Golden/diff/` were
/// checked by hand against the fixtures: 3 papers removed, 2 added, 1 changed (Abram Demski
/// added), people 3 new and 5 gone, 10 new ties and 11 lost, "Ivan"/"Iván Arcuschin" one person.
@Suite("diff command")
struct DiffCommandTests {
  static let old = "Tests/AnalysisTests/Fixtures/diff/old.txt"
  static let new = "Tests/AnalysisTests/Fixtures/diff/new.txt"
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/diff").path

  @Test(arguments: [("text", "diff.txt"), ("json", "diff.json"), ("markdown", "diff.md")])
  func goldens(format: String, file: String) throws {
    let r = try CLI.run(["diff", Self.old, Self.new, "--format", format])
    #expect(r.status == 0, "\(r.err)")
    assertGolden(r.out, file: file, in: Self.golden)
  }

  /// The two snapshots' pipelines run at the same time by default, one after the other with
  /// `--threads 1`: the same bytes either way (and the JSON, streamed, is the golden's).
  @Test func threadCountDoesNotChangeTheOutput() throws {
    let one = try CLI.run(["diff", Self.old, Self.new, "--format", "json", "--threads", "1"])
    let all = try CLI.run(["diff", Self.old, Self.new, "--format", "json"])
    #expect(one.status == 0 && all.status == 0)
    #expect(one.out == all.out)
    assertGolden(one.out, file: "diff.json", in: Self.golden)
  }

  @Test func textHeadline() throws {
    let r = try CLI.run(["diff", Self.old, Self.new])
    #expect(r.status == 0)
    #expect(r.out.contains("Papers: 2 added, 3 removed, 1 changed, 9 unchanged (13 → 12)\n"))
    #expect(r.out.contains("People: 3 new, 5 gone; fellows: 2 new, 3 gone\n"))
    #expect(r.out.contains("authors network: 77 → 75 nodes, 343 → 342 ties; 10 new ties, 11 lost\n"))
    #expect(!r.out.contains("Arcuschin\n"))  // neither a new nor a gone person
  }

  @Test func identicalSnapshotsSayNoChange() throws {
    let r = try CLI.run(["diff", Self.old, Self.old])
    #expect(r.status == 0)
    #expect(r.out.hasSuffix("no change: the snapshots hold the same 13 papers\n"))
    let json = try CLI.run(["diff", Self.old, Self.old, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(object["unchanged"] as? Bool == true)
  }

  @Test func badInputNamesTheFileAndWritesNothing() throws {
    let dir = try TemporaryDirectory()
    let other = try dir.write("other.txt", "An Unrelated Paper\n\nAuthors:\n\nZed Zulu, Yan Yankee\n\nDate:\n\nJan 1, 2020\n")
    let picture = dir.path("change.svg")
    let r = try CLI.run(["diff", Self.old, other, "--output", picture])
    #expect(r.status == 1)
    #expect(r.err.contains("\(Self.old), \(other): the two snapshots have no paper and no person in common"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: picture))
    let empty = try dir.write("empty.txt", "")
    let e = try CLI.run(["diff", empty, Self.new])
    #expect(e.status == 1)
    #expect(e.err.contains(empty) && e.err.contains("empty"), "\(e.err)")
    // A reader error keeps its file and line.
    let broken = try dir.write("broken.json", "{\"papers\": [\n{\"title\": 3}\n]}\n")
    let b = try CLI.run(["diff", Self.old, broken])
    #expect(b.status == 1)
    #expect(b.err.contains("\(broken):"), "\(b.err)")
    let edges = try dir.write("edges.txt", "a b\nb c\n")
    let g = try CLI.run(["diff", Self.old, edges])
    #expect(g.status == 1)
    #expect(g.err.contains("\(edges) is an edge list"), "\(g.err)")
    let format = try CLI.run(["diff", Self.old, Self.new, "--output", dir.path("change.txt")])
    #expect(format.status == 64)
  }

  @Test func pictureHighlightsWhatIsNew() throws {
    let dir = try TemporaryDirectory()
    let dot = dir.path("change.dot")
    let r = try CLI.run(["diff", Self.old, Self.new, "--output", dot])
    #expect(r.status == 0, "\(r.err)")
    let text = try String(contentsOfFile: dot, encoding: .utf8)
    #expect(text.contains("magenta ring or link: new since 2026-02-11 (3 of 3 new nodes drawn)"))
    // Every lost tie is drawn: 5 people gone (Daniel Kokotajlo, Bilal Chughtai, Lawrence Chan,
    // Jessica Cooper, Matthew Watkins) as faint ghosts at the end of their 11 lost ties.
    #expect(text.contains("faint dashed link: tie lost since then (11 of 11 drawn)"))
    #expect(text.contains("faint dashed circle: no longer present (5 of 5 drawn, at the end of their lost ties)"))
    #expect(text.components(separatedBy: "style=\"filled,dashed\"").count - 1 == 5)
    #expect(text.contains("tooltip=\"Daniel Kokotajlo\\nno longer present (ties lost)\""))
    #expect(text.components(separatedBy: "style=dashed, color=\"#9E9E9E66\"").count - 1 == 11)
    // 3 new people ringed, 10 new ties coloured (the highlight colour with alpha CC on edges),
    // a magenta no community colour uses.
    #expect(text.components(separatedBy: "color=\"#E6007E\", penwidth=2.5").count - 1 == 3)
    #expect(text.components(separatedBy: "color=\"#E6007ECC\"").count - 1 == 10)
    #expect(!text.contains(", color=\"#D55E00"))  // vermillion stays a community fill only
    let svg = dir.path("change.svg")
    let s = try CLI.run(["diff", Self.old, Self.new, "--output", svg])
    #expect(s.status == 0, "\(s.err)")
    #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
  }

  @Test func reportCompareOpensWithWhatChanged() throws {
    let dir = try TemporaryDirectory()
    let r = try CLI.run(["report", Self.new, "--compare", Self.old, "--output", dir.url.path])
    #expect(r.status == 0, "\(r.err)")
    let markdown = try String(contentsOfFile: dir.path("report.md"), encoding: .utf8)
    let changed = try #require(markdown.range(of: "## What changed"))
    let glance = try #require(markdown.range(of: "## At a glance"))
    #expect(changed.lowerBound < glance.lowerBound)
    #expect(markdown.contains("**Papers:** 2 added, 3 removed, 1 changed, 9 unchanged."))
    #expect(markdown.contains("![The co-authorship network now"))
    #expect(try dir.contents().contains("change.svg"))
    let html = try String(contentsOfFile: dir.path("report.html"), encoding: .utf8)
    #expect(html.contains("What changed"))
    #expect(markdown.contains("--compare \(Self.old)"))
    // Without --compare: no such section, no picture.
    let plain = try TemporaryDirectory()
    let p = try CLI.run(["report", Self.new, "--output", plain.url.path])
    #expect(p.status == 0)
    #expect(!(try String(contentsOfFile: plain.path("report.md"), encoding: .utf8)).contains("What changed"))
    #expect(!(try plain.contents()).contains("change.svg"))
  }

  /// Real data: paperlists split into "up to 2023" and "up to 2024"; `diff_check.py` recomputes
  /// every count from the tables, taking Coauthor's identity decisions (`names --format json`
  /// merges, `stats --format json` tag variants) as input, and asserts equality (skipped without
  /// ../shared/data or python3).
  @Test func paperlistsCountsMatchAnIndependentCheck() throws {
    let source = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/data/paperlists-papercopilot/papers.tsv.gz").path
    guard FileManager.default.fileExists(atPath: source) else {
      print("skipped: ../shared/data/paperlists-papercopilot is absent")
      return
    }
    // About 2 CPU-minutes with a debug binary (two 90k-paper snapshots): run with a release
    // binary (COAUTHOR_BINARY=.build/release/coauthor) or when asked.
    let binary = try CLI.binary().path
    guard binary.contains("/release/") || ProcessInfo.processInfo.environment["COAUTHOR_DIFF_REAL_DATA"] == "1" else {
      print("skipped: the paperlists diff check needs a release binary (COAUTHOR_BINARY) or COAUTHOR_DIFF_REAL_DATA=1")
      return
    }
    guard let python = BrowserTests.which("python3") else {
      print("skipped: python3 is not installed")
      return
    }
    let dir = try TemporaryDirectory()
    func python3(_ arguments: [String]) throws -> (Int32, String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: python)
      process.arguments = arguments
      process.currentDirectoryURL = CLI.repository
      let out = Pipe()
      process.standardOutput = out
      process.standardError = out
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    let split = try python3(["bench/diff/split_paperlists.py", source, dir.url.path, "2023", "2024"])
    #expect(split.0 == 0, "\(split.1)")
    let check = try python3([
      "Tests/CLITests/diff_check.py", binary, dir.path("upto-2023.tsv.gz"), dir.path("upto-2024.tsv.gz"),
    ])
    #expect(check.0 == 0, "\(check.1)")
    // Every count exact (identity decisions read from `names` and `stats`, the rest recomputed).
    #expect(!check.1.contains("FAIL"), "\(check.1)")
    for line in [
      "ok   papers added: python 7186, coauthor 7186", "ok   papers changed: python 0, coauthor 0",
      "ok   people new: python 12537, coauthor 12537", "ok   people gone: python 0, coauthor 0",
      "ok   ties new: python 86549, coauthor 86549", "ok   ties lost: python 0, coauthor 0",
      "ok   tags new: python 1950, coauthor 1950",
    ] {
      #expect(check.1.contains(line), "\(check.1)")
    }
  }
}
