import Analysis
import Bibliography
import Foundation
import GraphCore
import Networks

/// The report's sections on change over time within the corpus: the network year by year
/// (``Timeline``) and the topics that burst (``TagBursts``).
extension ReportBuilder {
  /// How many bursts the "Topics that burst" section lists and charts (the strongest).
  static let burstLimit = 25

  func timelineSection(_ a: CorpusAnalysis) -> [Block] {
    let t = timeline ?? Timeline(corpus: a.corpus, kind: .authors)
    guard !t.years.isEmpty else {
      return [
        .heading(level: 2, text: "How the network grew", anchor: "timeline"),
        .paragraph([.text("No paper has a date, so there is no timeline.")]),
      ]
    }
    let years = t.years.map { String($0.year) }
    var blocks: [Block] = [
      .heading(level: 2, text: "How the network grew", anchor: "timeline"),
      .paragraph([.text("Papers per year, how many researchers published and how many for the first time, and how many co-author pairs wrote together for the first time. "
        + "The last two columns describe the network of all papers up to the end of each year (cumulative): its separate groups (connected components) and the largest, with its share of the researchers so far. "
        + (t.undated > 0 ? "\(Self.count(t.undated, "paper")) without a date \(t.undated == 1 ? "is" : "are") not counted." : "Every paper has a date."))]),
      .barChart(BarChart(
        title: "Papers and new collaborations per year", categories: years,
        series: [("Papers", t.years.map(\.papers)), ("New collaborations", t.years.map(\.newCollaborations))])),
      .barChart(BarChart(
        title: "Researchers publishing each year, and those publishing for the first time", categories: years,
        series: [("Active researchers", t.years.map(\.active)), ("New researchers", t.years.map(\.newResearchers))])),
      .table(
        headers: ["Year", "Papers", "Active researchers", "New researchers", "New collaborations", "Mean team size", "Fellows active", "Researchers so far", "Groups so far", "Largest group so far"],
        rows: t.years.map { y in
          [
            [.text(String(y.year))], [.text(y.papers.countText)], [.text(y.active.countText)], [.text(y.newResearchers.countText)],
            [.text(y.newCollaborations.countText)], [.text(y.papers == 0 ? "–" : String(format: "%.2f", y.meanTeamSize))], [.text(y.fellowsActive.countText)],
            [.text(y.researchersSoFar.countText)], [.text(y.components.countText)],
            [.text("\(y.largestComponent.countText) (\(y.largestShare.percentText))")],
          ]
        },
        numeric: [Bool](repeating: true, count: 10)),
    ]
    if !context.growthYears.isEmpty {
      blocks.append(.figureRow(
        keys: context.growthYears.map { "growth-\($0)" }, captions: context.growthYears.map { "up to \($0)" },
        caption: "The co-authorship network at the end of each year: the researchers with the most papers up to then and the links they had made, in one layout for all years; people and links new that year are drawn in orange."))
    }
    return blocks
  }

  func burstSection(_ a: CorpusAnalysis) -> [Block] {
    var blocks: [Block] = [.heading(level: 2, text: "Topics that burst", anchor: "bursts")]
    // The default parameters are valid, so this never throws.
    guard let b = try? TagBursts(corpus: a.corpus), let first = b.years.first, let last = b.years.last else {
      return blocks + [.paragraph([.text("No dated paper has a tag, so no topic can burst.")])]
    }
    guard first < last else {
      return blocks + [.paragraph([.text("Every dated paper with a tag is from \(first), so no topic can burst: burst detection compares years.")])]
    }
    let s = b.detection.ratio.argumentText
    let gamma = b.detection.transitionCost.argumentText
    blocks.append(.paragraph([.text(
      "A topic bursts when its share of the tagged papers rises well above its usual share for one or more years (Kleinberg's burst detection, as in CiteSpace: "
        + "base rate = the tag's papers over all tagged papers, \(first)–\(last); burst rate = \(s) × the base rate; entering a burst costs \(gamma) × ln(\(b.years.count) years); "
        + "years count only papers with a tag, \(b.taggedPapers.reduce(0, +).countText) in all). "
        + "Strength is how much better the burst rate explains those years (the sum of the cost differences); a burst still running in \(last) may be a rising topic. "
        + (b.bursts.isEmpty
          ? "None of the \(Self.count(b.tagCount, "tag")) bursts."
          : "\(Self.count(b.bursts.count, "burst")) among \(Self.count(b.tagCount, "tag"))" + (b.bursts.count > Self.burstLimit ? "; the \(Self.burstLimit) strongest are shown (`coauthor timeline --bursts` lists them all)." : ".")))]))
    guard !b.bursts.isEmpty else { return blocks }
    let shown = b.bursts.prefix(Self.burstLimit)
    func years(_ e: TagBursts.Entry) -> String { e.startYear == e.endYear ? "\(e.startYear)" : "\(e.startYear)–\(e.endYear)" }
    blocks.append(.intervalChart(IntervalChart(
      title: "Topics that burst, strongest first (bar: burst years)", years: b.years,
      rows: shown.map { IntervalChart.Row(label: $0.tag, start: $0.startYear, end: $0.endYear, note: "strength \(String(format: "%.2f", $0.strength))") })))
    blocks.append(.table(
      headers: ["Tag", "Burst", "Strength", "Papers in the burst"],
      rows: shown.map { e in [[.text(a.corpus.tagWithVariants(e.tag, limit: Self.tagVariantLimit))], [.text(years(e))], [.text(String(format: "%.2f", e.strength))], [.text(e.papers.countText)]] },
      numeric: [false, false, true, true]))
    return blocks
  }
}
