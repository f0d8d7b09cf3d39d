import Analysis
import Foundation
import GraphAlgorithms
import Testing

@testable import CoauthorCLI

/// `coauthor stats` on the MATS site's newer layouts: the parse summary line and the paper count.
@Suite struct LayoutCommandTests {
  /// 34 newer-listing entries (`Citations:` and the count on the next line) and one per-paper page
  /// with an unknown `Venue:` label (its one note).
  /// Before the layouts were read, `Citations:` ran entries together into two papers.
  static func write(_ dir: TemporaryDirectory) throws -> [String] {
    let entries = (1 ... 34).map { i in
      "Paper Number \(i)\n\nSafety\n\nAuthors:\n\nAuthor \(i), Mentor \(i % 3)\n\nAlumni:\n\nAuthor \(i)\n\nDate:\n\nOct \(i % 28 + 1), 2024\n\nCitations:\n\n\(i)\n\n"
    }
    let listing = try dir.write("listing.txt", "All research\n\n" + entries.joined())
    let page = try dir.write(
      "page.txt",
      "A Page Paper\nMATS Fellow:\nAuthor 1\nAuthors:\nAuthor 1, Mentor 2\n9 Citations\nVenue:\nNeurIPS\nAbstract:\nWe study pages.\n")
    return [listing, page]
  }

  @Test func statsPrintsTheParseSummary() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.write(dir)
    let result = try CLI.run(["stats", "page.txt", "listing.txt"], in: dir.url)
    #expect(result.status == 0, "\(result.err)")
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "read 35 entries from 2 files: listing (newer, with Citations) 34, per-paper page (new style) 1; 1 entry with notes")
    #expect(lines.contains { $0.hasPrefix("papers") && $0.hasSuffix(" 35") })
  }

  @Test func statsJSONHasTheReadObject() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.write(dir)
    let result = try CLI.run(["stats", "listing.txt", "page.txt", "--format", "json"], in: dir.url)
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 35)
    let read = try #require(json["read"] as? [String: Any])
    #expect(read["entries"] as? Int == 35)
    #expect(read["entriesWithNotes"] as? Int == 1)
    let files = try #require(read["files"] as? [[String: Any]])
    #expect(files.map { $0["file"] as? String } == ["listing.txt", "page.txt"])
    #expect(files.map { $0["layout"] as? String } == ["listing (newer, with Citations)", "per-paper page (new style)"])
    #expect(files.map { $0["entries"] as? Int } == [34, 1])
    #expect((read["summary"] as? String)?.hasPrefix("read 35 entries from 2 files") == true)
  }

  /// The bundled listing: its 9 notes fall on 6 entries (the 3 `skipped-text` notes are not counted).
  @Test func bundledListingSummary() throws {
    let result = try CLI.run(["stats", "Examples/mats-research.txt"])
    #expect(result.out.split(separator: "\n").first == "read 15 entries from 1 file: listing 15; 6 entries with notes")
  }

  /// `export` writes each node's summed citations when the input has counts, and nothing new otherwise.
  @Test func exportWritesCitationsWhenThereAreCounts() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.write(dir)
    let result = try CLI.run(["export", "listing.txt", "page.txt", "--output", "net.csv", "--metrics", "degree", "--no-communities"], in: dir.url)
    #expect(result.status == 0, "\(result.err)")
    let nodes = try String(contentsOfFile: dir.path("net.nodes.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(nodes.first == "id,label,papers,citations,fellow,degree")
    // Mentor 2: papers 2, 5, 8, …, 32 (citations = their numbers) and the page (9 citations).
    let mentor2 = (1 ... 34).filter { $0 % 3 == 2 }.reduce(0, +) + 9
    #expect(nodes.contains { $0.contains(",Mentor 2,12,\(mentor2),false,") })
    let bundled = try CLI.run(["export", "Examples/mats-research.txt", "--output", dir.path("b.csv"), "--metrics", "degree", "--no-communities"])
    #expect(bundled.status == 0)
    #expect(try String(contentsOfFile: dir.path("b.nodes.csv"), encoding: .utf8).hasPrefix("id,label,papers,fellow,degree\n"))
  }

  /// `render --size-by citations` sizes nodes by their papers' summed citations; without counts it stops.
  @Test func renderSizesByCitations() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.write(dir)
    let result = try CLI.run(["render", "listing.txt", "page.txt", "--size-by", "citations", "--output", "c.dot"], in: dir.url)
    #expect(result.status == 0, "\(result.err)")
    let dot = try String(contentsOfFile: dir.path("c.dot"), encoding: .utf8)
    // Author 34 has one paper with 34 citations, Author 1 two papers (1 + 9).
    #expect(dot.contains(#"tooltip="Author 34\npapers: 1\ncitations: 34"#))
    #expect(dot.contains(#"tooltip="Author 1\npapers: 2\ncitations: 10"#))
    let none = try CLI.run(["render", "Examples/mats-research.txt", "--size-by", "citations", "--output", dir.path("d.dot")])
    #expect(none.status == 1)
    #expect(none.err.contains("'--size-by citations' needs citation counts"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("d.dot")))
  }

  @Test func everyMetricCanSizeNodes() {
    #expect(Set(SizeMeasure.allCases.compactMap(\.metric)) == Set(Metric.allCases))
    #expect(SizeMeasure.allValueStrings == Metric.allCases.map(\.rawValue) + ["papers", "citations"])
  }
}
