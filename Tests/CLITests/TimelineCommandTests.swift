import Foundation
import Testing

/// `coauthor timeline` end to end on a hand-made corpus (Fixtures/timeline, counted by hand) and
/// the bundled listing.
@Suite struct TimelineCommandTests {
  static let fixture = "Tests/CLITests/Fixtures/timeline/papers.json"

  @Test func perYearJSON() throws {
    let result = try CLI.run(["timeline", Self.fixture, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["graph"] as? String == "authors")
    #expect(json["undated"] as? Int == 1)
    let years = try #require(json["years"] as? [[String: Any]])
    func column(_ key: String) -> [Int] { years.compactMap { $0[key] as? Int } }
    #expect(column("year") == [2020, 2021, 2022, 2023])
    #expect(column("papers") == [3, 3, 3, 4])
    #expect(column("active") == [3, 4, 3, 4])  // ABC; ABCD; ADE; BDFG
    #expect(column("new") == [3, 1, 1, 2])
    #expect(column("newTies") == [1, 1, 1, 1])  // A–B, A–C, D–E, B–F
    #expect(column("soFar") == [3, 4, 5, 7])
    // Cumulative: {A,B} {C}; {A,B,C} {D}; {A,B,C} {D,E}; {A,B,C,F} {D,E} {G}
    #expect(column("components") == [2, 2, 2, 3])
    #expect(column("largestComponent") == [2, 3, 3, 4])
    let team: [Double] = years.compactMap { $0["meanTeamSize"] as? Double }
    let expectedTeam: [Double] = [4.0 / 3.0, 4.0 / 3.0, 4.0 / 3.0, 5.0 / 4.0]
    #expect(team == expectedTeam)
    let share: [Double] = years.compactMap { $0["largestShare"] as? Double }
    let expectedShare: [Double] = [2.0 / 3.0, 3.0 / 4.0, 3.0 / 5.0, 4.0 / 7.0]
    #expect(share == expectedShare)
    #expect(objectKeys(result.out, depth: 1) == ["graph", "undated", "years"])
  }

  @Test func sinceFiltersPapersThroughThePipeline() throws {
    let result = try CLI.run(["timeline", Self.fixture, "--since", "2022", "--format", "csv"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out == """
      year,papers,active,new,newTies,meanTeamSize,fellows,soFar,components,largestComponent,largestShare
      2022,3,3,3,1,1.3333333333333333,0,3,2,2,0.6666666666666666
      2023,4,4,3,1,1.25,0,6,4,2,0.3333333333333333

      """)
  }

  @Test func tagsGraphText() throws {
    let result = try CLI.run(["timeline", Self.fixture, "--graph", "tags"])
    #expect(result.status == 0, "\(result.err)")
    let rows = result.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    // Tags: x and y (together on p3) in 2020; agents with y (p5) in 2021, so one component from
    // then on; 2022 and 2023 carry only agents.
    #expect(rows.contains("year papers active new new ties mean team fellows so far components largest share"))
    #expect(rows.contains("2020 3 2 2 1 1.33 0 2 1 2 100 %"), "\(result.out)")
    #expect(rows.contains("2021 3 3 1 1 1.33 0 3 1 3 100 %"), "\(result.out)")
    #expect(rows.contains("2022 3 1 0 0 1.33 0 3 1 3 100 %"), "\(result.out)")
    #expect(rows.contains("2023 4 1 0 0 1.25 0 3 1 3 100 %"), "\(result.out)")
    #expect(result.out.hasPrefix("The tags network year by year: active, new and so far count tags;"))
  }

  @Test func burstsJSON() throws {
    let result = try CLI.run(["timeline", Self.fixture, "--bursts", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["ratio"] as? Double == 2 && json["gamma"] as? Double == 1)
    #expect(json["years"] as? [Int] == [2020, 2021, 2022, 2023])
    #expect(json["taggedPapers"] as? [Int] == [3, 3, 3, 3])
    #expect(json["tags"] as? Int == 3)
    let bursts = try #require(json["bursts"] as? [[String: Any]])
    #expect(bursts.map { $0["tag"] as? String } == ["agents", "x"])
    #expect(bursts.map { $0["start"] as? Int } == [2022, 2020])
    #expect(bursts.map { $0["end"] as? Int } == [2023, 2021])
    #expect(bursts.map { $0["papers"] as? Int } == [6, 5])
    // burst_reference.py ("fixture agents", "fixture x"): burst_detection 0.1.3 weights
    // [(2, 3, 3.2339190040961197)] and [(0, 1, 2.212972934304358)].
    let strengths = bursts.compactMap { $0["strength"] as? Double }
    #expect(strengths.count == 2)
    #expect(abs(strengths[0] - 3.2339190040961197) < 1e-9 && abs(strengths[1] - 2.212972934304358) < 1e-9)
  }

  @Test func burstsTextAndTop() throws {
    let result = try CLI.run(["timeline", Self.fixture, "--bursts", "--top", "1"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out == """
      Tags that burst (Kleinberg 2002; s = 2, gamma = 1): 2 bursts among 3 tags, 2020–2023, d = dated papers with a tag (12); strongest first. The strongest is listed.

      tag     from    to  strength  papers
      ------  ----  ----  --------  ------
      agents  2022  2023      3.23       6

      """)
  }

  @Test(arguments: [
    (["--min-weight", "2"], "Error: Please leave out '--min-weight', '--min-papers', '--largest-component' and '--keep-top': the timeline counts the whole network of each period (paper filters such as '--since' apply)."),
    (["--top", "3"], "Error: Please use '--top', '--burst-ratio' and '--burst-gamma' only with '--bursts'."),
    (["--bursts", "--burst-ratio", "1"], "Error: Please give '--burst-ratio' as a number above 1 (got 1)."),
    (["--bursts", "--burst-gamma", "-1"], "Error: Please give '--burst-gamma' as a number of at least 0 (got -1)."),
  ])
  func invalidOptionsAreRefused(options: [String], message: String) throws {
    let result = try CLI.run(["timeline", Self.fixture] + options)
    #expect(result.status == 64, "\(result.err)")
    #expect(result.stdout.isEmpty)
    #expect(result.err.hasPrefix(message + "\n"), "\(result.err)")
  }

  @Test func edgeListsAndUndatedInputsAreRefused() throws {
    let dir = try TemporaryDirectory()
    let undated = try dir.write("undated.json", #"{"papers": [{"title": "t", "authors": ["A", "B"]}]}"#)
    let result = try CLI.run(["timeline", undated])
    #expect(result.status == 1)
    #expect(result.err.contains("no paper has a date, so there is no timeline (1 paper read)"), "\(result.err)")
    let edges = try dir.write("edges.txt", "a b\nb c\n")
    let refused = try CLI.run(["timeline", edges])
    #expect(refused.status != 0)
    #expect(refused.stdout.isEmpty)
  }

  /// A tag with a pipe, a right-to-left override and a line break bursts: every format keeps it
  /// data (the shared rule removes the override and the break; Markdown escapes the pipe).
  @Test func hostileTagStaysData() throws {
    let dir = try TemporaryDirectory()
    let tag = "a|b\u{202E}evil\nnext"
    var papers: [String] = []
    for year in 2020 ... 2023 {
      for i in 0 ..< 3 {
        let tags = year >= 2022 ? [tag, "other"] : ["other"]
        let quoted = tags.map { "\"" + $0.replacingOccurrences(of: "\u{202E}", with: "\\u202e").replacingOccurrences(of: "\n", with: "\\n") + "\"" }
        papers.append(#"{"title": "t\#(year)-\#(i)", "authors": ["P\#(i)"], "date": "\#(year)", "tags": [\#(quoted.joined(separator: ", "))]}"#)
      }
    }
    let path = try dir.write("hostile.json", #"{"papers": ["# + papers.joined(separator: ",\n") + "]}")
    for format in ["text", "markdown", "json", "csv"] {
      let result = try CLI.run(["timeline", path, "--bursts", "--format", format])
      #expect(result.status == 0, "\(format): \(result.err)")
      #expect(!result.out.contains("\u{202E}"), "\(format)")
      #expect(result.out.contains("evil"), "\(format): \(result.out)")
      if format == "markdown" { #expect(result.out.contains("a\\|b"), "\(result.out)") }
      if format == "json" {
        let bursts = try #require(try jsonObject(result)["bursts"] as? [[String: Any]])
        #expect(bursts.count == 1 && bursts.first?["start"] as? Int == 2022)
      }
    }
  }

  @Test func bundledListing() throws {
    let result = try CLI.run(["timeline", Bundled.listing, "--aliases", Bundled.aliases, "--format", "markdown"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("| 2023 | 10 | 61 | 61 | 299 | 7.10 | 16 | 61 | 7 | 25 | 41 % |"), "\(result.out)")
    #expect(result.out.contains("| 2026 | 1 | 4 | 4 | 6 | 4.00 | 1 | 78 | 9 | 32 | 41 % |"), "\(result.out)")
    #expect(result.out.contains("| 2024 | 0 | 0 | 0 | 0 | – | 0 | 61 | 7 | 25 | 41 % |"), "\(result.out)")  // no paper: no mean team size
  }
}
