public import Analysis
import Foundation
import GraphAlgorithms
import GraphCore

extension ReportBuilder {
  /// The key of the diff picture among the report's figures (`change.svg`).
  public static let changeFigureKey = "change"

  /// The "What changed" section `coauthor report NEW --compare OLD` puts first: the headline
  /// counts, the diff picture (``changeFigureKey``), the rank movers and the community changes,
  /// at most `top` of each list.
  public static func changeSection(_ diff: SnapshotDiff, top: Int) -> [Block] {
    let since = diff.oldLatest.map { " (latest paper \($0))" } ?? ""
    var blocks: [Block] = [
      .heading(level: 2, text: "What changed", anchor: "what-changed"),
      .paragraph([
        .text("Compared with the earlier snapshot \(diff.oldFiles.joined(separator: ", "))\(since): \(count(diff.oldPaperCount, "paper")) then, \(count(diff.newPaperCount, "paper")) now. Names are matched across both snapshots (one person, one name); papers by id, else by title and year.")
      ]),
    ]
    if diff.isUnchanged {
      blocks.append(.paragraph([.text("No change: the snapshots hold the same papers.")]))
      return blocks
    }
    let unchanged = diff.newPaperCount - diff.papersAdded.count - diff.papersChanged.count
    blocks.append(
      .bullets([
        [.strong("Papers:"), .text(" \(diff.papersAdded.count.countText) added, \(diff.papersRemoved.count.countText) removed, \(diff.papersChanged.count.countText) changed, \(unchanged.countText) unchanged.")],
        [.strong("Researchers:"), .text(" \(diff.peopleNew.count.countText) new, \(diff.peopleGone.count.countText) no longer listed; fellows \(diff.fellowsNew.count.countText) new, \(diff.fellowsGone.count.countText) no longer listed.")],
        [.strong("Co-authorship ties:"), .text(" \(diff.tiesNew.count.countText) new, \(diff.tiesLost.count.countText) lost (\(diff.oldEdgeCount.countText) → \(diff.newEdgeCount.countText)).")],
        [.strong("Communities:"), .text(" " + SnapshotDiff.CommunityChange.Kind.allCases.map { kind in "\(diff.communityChanges.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", ") + ".")],
        [.strong("Topics:"), .text(" \(diff.tagsNew.count) new, \(diff.tagsGone.count) gone, \(diff.tagsRising.count) rising, \(diff.tagsFalling.count) falling.")],
      ]))
    let date = diff.oldLatest.map { "\($0)" } ?? "the earlier snapshot"
    blocks.append(
      .figure(
        key: changeFigureKey,
        caption: "The co-authorship network now: researchers and ties new since \(date) in magenta, ties lost since then faint and dashed (to a faint dashed circle when the other person is no longer present)."))
    if !diff.papersAdded.isEmpty {
      blocks.append(.heading(level: 3, text: "New papers", anchor: "what-changed-papers"))
      blocks.append(
        .bullets(diff.papersAdded.prefix(top).map { p in
          [.text((p.date.map { "\($0): " } ?? "")), .emphasis(p.title), .text(" — " + p.authors.joined(separator: ", "))]
        } + (diff.papersAdded.count > top ? [[.text("… and \((diff.papersAdded.count - top).countText) more")]] : [])))
    }
    let movers = diff.risers.prefix(top) + diff.fallers.prefix(top)
    if !movers.isEmpty {
      blocks.append(.heading(level: 3, text: "Rank movers (\(diff.metric.rawValue))", anchor: "what-changed-movers"))
      blocks.append(
        .table(
          headers: ["Researcher", "Rank before", "Rank now", "Change"],
          rows: movers.map { m in
            [[.text(m.name)], [.text("\(m.oldRank)")], [.text("\(m.newRank)")], [.text((m.change > 0 ? "+" : "") + "\(m.change)")]]
          }, numeric: [false, true, true, true]))
    }
    if !diff.communityChanges.isEmpty {
      blocks.append(.heading(level: 3, text: "Community changes", anchor: "what-changed-communities"))
      blocks.append(
        .paragraph([
          .text("Communities are matched by shared members (Jaccard index ≥ \(diff.communityThreshold)); numbers are each snapshot's own (largest first).")
        ]))
      let shown = diff.communityChanges.prefix(top)
      blocks.append(
        .bullets(shown.map { [.strong($0.kind.rawValue + ":"), .text(" " + Self.changeText($0))] }
          + (diff.communityChanges.count > top ? [[.text("… and \((diff.communityChanges.count - top).countText) more")]] : [])))
    }
    return blocks
  }

  static func changeText(_ change: SnapshotDiff.CommunityChange) -> String {
    func ref(_ c: SnapshotDiff.CommunityRef) -> String {
      "#\(c.number) (\(c.size): " + c.members.prefix(3).joined(separator: ", ") + (c.size > 3 ? ", …" : "")
        + (c.tags.isEmpty ? "" : "; " + c.tags.joined(separator: ", ")) + ")"
    }
    let before = change.old.map(ref).joined(separator: " + ")
    let after = change.new.map(ref).joined(separator: " + ")
    switch change.kind {
    case .born: return "now " + after
    case .vanished: return "before " + before
    default: return "before " + before + " → now " + after
    }
  }
}
