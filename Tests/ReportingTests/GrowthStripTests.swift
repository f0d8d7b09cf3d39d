import Analysis
import Foundation
import GraphvizRendering
import Testing

@testable import Bibliography
@testable import Reporting

/// The report's growth strip draws the network as it stood each year: different people and links
/// per year, labels and a legend. (Before, every year drew the final backbone, so on a corpus whose
/// most central people all published early every picture was byte-identical.)
@Suite("Growth strip of the report")
struct GrowthStripTests {
  /// A hand-made papers.tsv over 2019–2022: four seniors (Ada Alpha, Ben Beta, Cy Gamma, Di Delta)
  /// publish every year (Ada and Cy two papers a year, Ben and Di one); juniors join later, each
  /// the most active of their year: Eve Echo in 2020 (3 papers), Finn Fox in 2021 (5), Gus Golf
  /// in 2022 (8).
  static let rows: [String] = {
    var rows = ["paper_id\tyear\tvenue\tauthors\tkeywords\ttitle"]
    var k = 0
    func paper(_ year: Int, _ authors: String) {
      k += 1
      rows.append("p\(k)\t\(year)\tV\t\(authors)\t\tPaper \(k)")
    }
    for year in 2019 ... 2022 {
      paper(year, "Ada Alpha;Ben Beta")
      paper(year, "Cy Gamma;Di Delta")
      paper(year, "Ada Alpha;Cy Gamma")
    }
    for _ in 0 ..< 3 { paper(2020, "Eve Echo;Ada Alpha") }
    for _ in 0 ..< 5 { paper(2021, "Finn Fox;Ben Beta") }
    for _ in 0 ..< 8 { paper(2022, "Gus Golf;Di Delta") }
    return rows
  }()

  static func analysis() throws -> CorpusAnalysis {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-growth-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("papers.tsv").path
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return try CorpusAnalysis(corpus: try CorpusLoader().load([path]))
  }

  /// Growth pictures by year, from a report whose node budget (4) is below the 7 people.
  static func pictures() throws -> [Int: String] {
    let context = ReportContext(title: "growth", inputs: ["papers.tsv"], aliasFile: nil, command: "coauthor report papers.tsv")
    let files = try ReportJob(context: context, engine: .sfdp, maxNodes: 4).files(for: try analysis())
    var out: [Int: String] = [:]
    for (name, bytes) in files where name.hasPrefix("growth-") {
      out[Int(name.dropFirst("growth-".count).dropLast(".svg".count))!] = String(decoding: bytes, as: UTF8.self)
    }
    return out
  }

  /// The visible texts of an SVG (labels, title, legend), in order.
  static func texts(_ svg: String) -> [String] {
    svg.components(separatedBy: "<text").dropFirst().compactMap { part in
      guard let start = part.firstIndex(of: ">"), let end = part.range(of: "</text>") else { return nil }
      return String(part[part.index(after: start) ..< end.lowerBound])
    }
  }

  @Test func everyYearIsADifferentPicture() throws {
    let pictures = try Self.pictures()
    #expect(pictures.keys.sorted() == [2019, 2020, 2021, 2022])
    let years = pictures.keys.sorted()
    for (i, a) in years.enumerated() {
      for b in years[(i + 1)...] { #expect(pictures[a] != pictures[b], "growth-\(a).svg and growth-\(b).svg are identical") }
    }
    // Not only the title differs: the people drawn do.
    let labelled = years.map { Set(Self.texts(pictures[$0]!).filter { $0.contains(" ") && !$0.contains(":") }) }
    #expect(labelled[0] == ["Ada Alpha", "Ben Beta", "Cy Gamma", "Di Delta"])
    #expect(labelled[1].contains("Eve Echo") && !labelled[1].contains("Finn Fox"))
    #expect(labelled[2].contains("Finn Fox") && !labelled[2].contains("Gus Golf"))
    #expect(labelled[3].contains("Gus Golf"))
  }

  @Test func eachPictureHasItsYearAndALegendSayingWhatIsHighlighted() throws {
    let pictures = try Self.pictures()
    let texts = Self.texts(pictures[2021]!)
    #expect(texts.contains("2021"))
    #expect(texts.contains("Legend"))
    #expect(texts.contains("2021: the 4 of 5 researchers publishing in 2021 with the most papers that year"))
    #expect(texts.contains("orange ring: first paper in 2021 (1); orange link: first joint paper in 2021 (1)"))
    // Finn Fox (first paper 2021) is ringed in the highlight colour.
    #expect(pictures[2021]!.contains("stroke=\"#d55e00\"") || pictures[2021]!.contains("stroke=\"#D55E00\""))
  }

  @Test func theStripIsTheSameBytesTwice() throws {
    #expect(try Self.pictures() == Self.pictures())
  }
}
