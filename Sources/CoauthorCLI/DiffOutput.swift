import Analysis
import Bibliography
import Foundation
import GraphAlgorithms
import Networks
import TextEscaping

/// `coauthor diff`'s three outputs, read from one ``SnapshotDiff``: text (the terminal),
/// JSON (every item, in the diff's order, through the one JSON encoder) and Markdown.
enum DiffText {
  // MARK: Shared phrasing

  static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
    "\(groupedThousands(n)) \(n == 1 ? one : many ?? one + "s")"
  }

  static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

  static func paper(_ p: SnapshotDiff.PaperRef) -> String {
    let date = p.date.map { "\($0): " } ?? ""
    let authors = p.authors.count > 3 ? p.authors.prefix(3).joined(separator: ", ") + " et al." : p.authors.joined(separator: ", ")
    return "\(date)\(p.title) (\(authors))"
  }

  static func community(_ c: SnapshotDiff.CommunityRef, members: Int = 3) -> String {
    let names = c.members.prefix(members).joined(separator: ", ") + (c.size > members ? ", …" : "")
    let tags = c.tags.isEmpty ? "" : "; " + c.tags.joined(separator: ", ")
    return "#\(c.number) (\(c.size): \(names)\(tags))"
  }

  static func communityChange(_ change: SnapshotDiff.CommunityChange) -> String {
    let j = change.jaccard.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    switch change.kind {
    case .born: return "born: NEW " + community(change.new[0])
    case .vanished: return "vanished: OLD " + community(change.old[0])
    case .merged:
      return "merged: OLD " + change.old.map { community($0) }.joined(separator: " + ") + " → NEW " + community(change.new[0]) + " (Jaccard \(j))"
    case .split:
      return "split: OLD " + community(change.old[0]) + " → NEW " + change.new.map { community($0) }.joined(separator: " + ") + " (Jaccard \(j))"
    case .grown, .shrunk:
      return "\(change.kind.rawValue): OLD " + community(change.old[0]) + " → NEW " + community(change.new[0]) + " (Jaccard \(j))"
    }
  }

  static func tie(_ t: SnapshotDiff.Tie) -> String {
    let weight = t.weight == t.weight.rounded() ? String(Int(t.weight)) : String(format: "%.3f", t.weight)
    var text = "\(t.a) — \(t.b) (weight \(weight))"
    if let first = t.papers.first {
      text += ": " + first.title + (t.papers.count > 1 ? " and \(t.papers.count - 1) more" : "")
    } else if !t.via.isEmpty {
      text += ": via " + t.via.joined(separator: ", ")
    }
    return text
  }

  static func mover(_ m: SnapshotDiff.Mover) -> String {
    "\(m.name): \(m.oldRank) → \(m.newRank) (\(m.change > 0 ? "+" : "")\(m.change))"
  }

  static func tagChange(_ t: SnapshotDiff.TagChange) -> String {
    "\(t.tag): \(percent(t.oldShare)) → \(percent(t.newShare)) of papers (\(t.oldPapers) → \(t.newPapers))"
  }

  /// The headline lines, shared by text and Markdown.
  static func headline(_ d: SnapshotDiff) -> [String] {
    let unchanged = d.newPaperCount - d.papersAdded.count - d.papersChanged.count
    return [
      "Papers: \(groupedThousands(d.papersAdded.count)) added, \(groupedThousands(d.papersRemoved.count)) removed, \(groupedThousands(d.papersChanged.count)) changed, \(groupedThousands(unchanged)) unchanged (\(groupedThousands(d.oldPaperCount)) → \(groupedThousands(d.newPaperCount)))",
      "People: \(groupedThousands(d.peopleNew.count)) new, \(groupedThousands(d.peopleGone.count)) gone; fellows: \(groupedThousands(d.fellowsNew.count)) new, \(groupedThousands(d.fellowsGone.count)) gone",
      "\(d.graph.rawValue) network: \(groupedThousands(d.oldNodeCount)) → \(groupedThousands(d.newNodeCount)) nodes, \(groupedThousands(d.oldEdgeCount)) → \(groupedThousands(d.newEdgeCount)) ties; \(groupedThousands(d.tiesNew.count)) new ties, \(groupedThousands(d.tiesLost.count)) lost",
      "Communities: " + SnapshotDiff.CommunityChange.Kind.allCases.map { kind in
        "\(d.communityChanges.filter { $0.kind == kind }.count) \(kind.rawValue)"
      }.joined(separator: ", "),
      "Tags: \(d.tagsNew.count) new, \(d.tagsGone.count) gone, \(d.tagsRising.count) rising, \(d.tagsFalling.count) falling",
    ]
  }

  /// The titled lists, shared by text and Markdown: (title, all items rendered).
  static func sections(_ d: SnapshotDiff) -> [(title: String, items: [String])] {
    [
      ("Papers added", d.papersAdded.map(paper)),
      ("Papers removed", d.papersRemoved.map(paper)),
      ("Papers changed", d.papersChanged.map { paper($0.new) + ": " + $0.summary.joined(separator: "; ") }),
      ("New people", d.peopleNew),
      ("People no longer present", d.peopleGone),
      ("New fellows", d.fellowsNew),
      ("Fellows no longer present", d.fellowsGone),
      ("New ties", d.tiesNew.map(tie)),
      ("Lost ties", d.tiesLost.map(tie)),
      ("Rising by \(d.metric.rawValue) rank (OLD → NEW)", d.risers.map(mover)),
      ("Falling by \(d.metric.rawValue) rank (OLD → NEW)", d.fallers.map(mover)),
      ("Community changes (Jaccard ≥ \(d.communityThreshold))", d.communityChanges.map(communityChange)),
      ("New tags", d.tagsNew.map { "\($0.tag) (\($0.newPapers))" }),
      ("Tags gone", d.tagsGone.map { "\($0.tag) (\($0.oldPapers))" }),
      ("Rising tags", d.tagsRising.map(tagChange)),
      ("Falling tags", d.tagsFalling.map(tagChange)),
    ]
  }

  static func files(_ names: [String]) -> String { names.joined(separator: ", ") }

  // MARK: Text

  static func text(_ d: SnapshotDiff, top: Int) -> String {
    let since = d.oldLatest.map { ", latest \($0)" } ?? ""
    var out = "OLD \(files(d.oldFiles)) (\(count(d.oldPaperCount, "paper"))\(since)) → NEW \(files(d.newFiles)) (\(count(d.newPaperCount, "paper")))\n"
    if d.isUnchanged {
      return out + "no change: the snapshots hold the same \(count(d.newPaperCount, "paper"))\n"
    }
    out += headline(d).joined(separator: "\n") + "\n"
    for (title, items) in sections(d) where !items.isEmpty {
      out += "\n\(title) (\(groupedThousands(items.count)))\n"
      for item in items.prefix(top) { out += "  \(item)\n" }
      if items.count > top { out += "  … and \(groupedThousands(items.count - top)) more (--top, or --format json for all)\n" }
    }
    return out
  }

  // MARK: Markdown

  static func markdown(_ d: SnapshotDiff, top: Int) -> String {
    let since = d.oldLatest.map { ", latest \($0)" } ?? ""
    var out = "# What changed\n\n"
    out += "OLD \(Markdown.text(files(d.oldFiles))) (\(count(d.oldPaperCount, "paper"))\(since)) → NEW \(Markdown.text(files(d.newFiles))) (\(count(d.newPaperCount, "paper")))\n\n"
    if d.isUnchanged {
      return out + "No change: the snapshots hold the same \(count(d.newPaperCount, "paper")).\n"
    }
    for line in headline(d) { out += "- \(Markdown.text(line))\n" }
    for (title, items) in sections(d) where !items.isEmpty {
      out += "\n## \(Markdown.text(title)) (\(groupedThousands(items.count)))\n\n"
      for item in items.prefix(top) { out += "- \(Markdown.text(item))\n" }
      if items.count > top { out += "- … and \(groupedThousands(items.count - top)) more\n" }
    }
    return out
  }

  // MARK: JSON

  static func json(_ d: SnapshotDiff) -> JSON {
    func strings(_ list: [String]) -> JSON { .array(list.map(JSON.string)) }
    func paper(_ p: SnapshotDiff.PaperRef) -> JSON {
      .object([
        ("title", .string(p.title)), ("date", p.date.map { .string($0.description) } ?? .null), ("authors", strings(p.authors)),
        ("source", .string(p.source.description)),
      ])
    }
    // A tie's papers without their author lists (the tie names the two who matter): a large
    // diff has tens of thousands of ties.
    func brief(_ p: SnapshotDiff.PaperRef) -> JSON {
      .object([("title", .string(p.title)), ("date", p.date.map { .string($0.description) } ?? .null), ("source", .string(p.source.description))])
    }
    func tie(_ t: SnapshotDiff.Tie) -> JSON {
      .object([("a", .string(t.a)), ("b", .string(t.b)), ("weight", .double(t.weight)), ("papers", .array(t.papers.map(brief))), ("via", strings(t.via))])
    }
    func mover(_ m: SnapshotDiff.Mover) -> JSON {
      .object([
        ("name", .string(m.name)), ("oldRank", .int(m.oldRank)), ("newRank", .int(m.newRank)), ("change", .int(m.change)),
        ("oldScore", .double(m.oldScore)), ("newScore", .double(m.newScore)),
      ])
    }
    func community(_ c: SnapshotDiff.CommunityRef) -> JSON {
      .object([("number", .int(c.number)), ("size", .int(c.size)), ("members", strings(c.members)), ("tags", strings(c.tags))])
    }
    func tag(_ t: SnapshotDiff.TagChange) -> JSON {
      .object([
        ("tag", .string(t.tag)), ("oldPapers", .int(t.oldPapers)), ("newPapers", .int(t.newPapers)), ("oldShare", .double(t.oldShare)),
        ("newShare", .double(t.newShare)),
      ])
    }
    func side(_ files: [String], _ papers: Int, _ nodes: Int, _ edges: Int) -> JSON {
      .object([("files", strings(files)), ("papers", .int(papers)), ("nodes", .int(nodes)), ("ties", .int(edges))])
    }
    return .object([
      ("graph", .string(d.graph.rawValue)), ("metric", .string(d.metric.rawValue)), ("unchanged", .bool(d.isUnchanged)),
      ("oldLatest", d.oldLatest.map { .string($0.description) } ?? .null),
      ("old", side(d.oldFiles, d.oldPaperCount, d.oldNodeCount, d.oldEdgeCount)),
      ("new", side(d.newFiles, d.newPaperCount, d.newNodeCount, d.newEdgeCount)),
      ("papers", .object([
        ("added", .array(d.papersAdded.map(paper))), ("removed", .array(d.papersRemoved.map(paper))),
        ("changed", .array(d.papersChanged.map { c in
          .object([
            ("old", paper(c.old)), ("new", paper(c.new)), ("matchedBy", .string(c.matchedBy.rawValue)),
            ("authorsAdded", strings(c.authorsAdded)), ("authorsRemoved", strings(c.authorsRemoved)),
            ("authorOrderChanged", .bool(c.authorOrderChanged)), ("fellowsAdded", strings(c.fellowsAdded)),
            ("fellowsRemoved", strings(c.fellowsRemoved)), ("tagsAdded", strings(c.tagsAdded)), ("tagsRemoved", strings(c.tagsRemoved)),
          ])
        })),
      ])),
      ("people", .object([("new", strings(d.peopleNew)), ("gone", strings(d.peopleGone))])),
      ("fellows", .object([("new", strings(d.fellowsNew)), ("gone", strings(d.fellowsGone))])),
      ("nodes", .object([("new", strings(d.nodesNew)), ("gone", strings(d.nodesGone))])),
      ("ties", .object([("new", .array(d.tiesNew.map(tie))), ("lost", .array(d.tiesLost.map(tie)))])),
      ("movers", .object([("rising", .array(d.risers.map(mover))), ("falling", .array(d.fallers.map(mover)))])),
      ("communities", .object([
        ("threshold", .double(d.communityThreshold)),
        ("changes", .array(d.communityChanges.map { c in
          .object([
            ("kind", .string(c.kind.rawValue)), ("old", .array(c.old.map(community))), ("new", .array(c.new.map(community))),
            ("jaccard", .array(c.jaccard.map(JSON.double))),
          ])
        })),
      ])),
      ("tags", .object([
        ("new", .array(d.tagsNew.map(tag))), ("gone", .array(d.tagsGone.map(tag))), ("rising", .array(d.tagsRising.map(tag))),
        ("falling", .array(d.tagsFalling.map(tag))),
      ])),
    ])
  }
}
