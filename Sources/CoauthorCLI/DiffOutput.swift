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

  /// The titled lists, shared by text and Markdown: title, item count, and each item rendered
  /// when asked (only the first `--top` are shown; a large diff has tens of thousands of ties).
  static func sections(_ d: SnapshotDiff) -> [(title: String, count: Int, item: (Int) -> String)] {
    func list<T>(_ title: String, _ items: [T], _ render: @escaping (T) -> String) -> (title: String, count: Int, item: (Int) -> String) {
      (title, items.count, { render(items[$0]) })
    }
    return [
      list("Papers added", d.papersAdded, paper),
      list("Papers removed", d.papersRemoved, paper),
      list("Papers changed", d.papersChanged) { paper($0.new) + ": " + $0.summary.joined(separator: "; ") },
      list("New people", d.peopleNew) { $0 },
      list("People no longer present", d.peopleGone) { $0 },
      list("New fellows", d.fellowsNew) { $0 },
      list("Fellows no longer present", d.fellowsGone) { $0 },
      list("New ties", d.tiesNew, tie),
      list("Lost ties", d.tiesLost, tie),
      list("Rising by \(d.metric.rawValue) rank (OLD → NEW)", d.risers, mover),
      list("Falling by \(d.metric.rawValue) rank (OLD → NEW)", d.fallers, mover),
      list("Community changes (Jaccard ≥ \(d.communityThreshold))", d.communityChanges, communityChange),
      list("New tags", d.tagsNew) { "\($0.tag) (\($0.newPapers))" },
      list("Tags gone", d.tagsGone) { "\($0.tag) (\($0.oldPapers))" },
      list("Rising tags", d.tagsRising, tagChange),
      list("Falling tags", d.tagsFalling, tagChange),
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
    for (title, count, item) in sections(d) where count > 0 {
      out += "\n\(title) (\(groupedThousands(count)))\n"
      for i in 0 ..< min(top, count) { out += "  \(item(i))\n" }
      if count > top { out += "  … and \(groupedThousands(count - top)) more (--top, or --format json for all)\n" }
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
    for (title, count, item) in sections(d) where count > 0 {
      out += "\n## \(Markdown.text(title)) (\(groupedThousands(count)))\n\n"
      for i in 0 ..< min(top, count) { out += "- \(Markdown.text(item(i)))\n" }
      if count > top { out += "- … and \(groupedThousands(count - top)) more\n" }
    }
    return out
  }

  // MARK: JSON

  /// The JSON document, every item, in the diff's order: written by ``JSONStream`` item by item
  /// (a large diff has tens of thousands of ties; no tree of them all is built).
  static func json(_ d: SnapshotDiff) -> JSONStream.Node {
    typealias Node = JSONStream.Node
    func strings(_ list: [String]) -> Node { .items(list.count) { .json(.string(list[$0])) } }
    func paper(_ p: SnapshotDiff.PaperRef) -> Node {
      .object([
        ("title", .json(.string(p.title))), ("date", .json(p.date.map { .string($0.description) } ?? .null)), ("authors", strings(p.authors)),
        ("source", .json(.string(p.source.description))),
      ])
    }
    func papers(_ list: [SnapshotDiff.PaperRef]) -> Node { .items(list.count) { paper(list[$0]) } }
    // A tie's papers without their author lists (the tie names the two who matter): a large
    // diff has tens of thousands of ties.
    func brief(_ p: SnapshotDiff.PaperRef) -> Node {
      .object([
        ("title", .json(.string(p.title))), ("date", .json(p.date.map { .string($0.description) } ?? .null)),
        ("source", .json(.string(p.source.description))),
      ])
    }
    func ties(_ list: [SnapshotDiff.Tie]) -> Node {
      .items(list.count) { i in
        let t = list[i]
        return .object([
          ("a", .json(.string(t.a))), ("b", .json(.string(t.b))), ("weight", .json(.double(t.weight))),
          ("papers", .items(t.papers.count) { brief(t.papers[$0]) }), ("via", strings(t.via)),
        ])
      }
    }
    func movers(_ list: [SnapshotDiff.Mover]) -> Node {
      .items(list.count) { i in
        let m = list[i]
        return .json(.object([
          ("name", .string(m.name)), ("oldRank", .int(m.oldRank)), ("newRank", .int(m.newRank)), ("change", .int(m.change)),
          ("oldScore", .double(m.oldScore)), ("newScore", .double(m.newScore)),
        ]))
      }
    }
    func community(_ c: SnapshotDiff.CommunityRef) -> Node {
      .object([("number", .json(.int(c.number))), ("size", .json(.int(c.size))), ("members", strings(c.members)), ("tags", strings(c.tags))])
    }
    func tags(_ list: [SnapshotDiff.TagChange]) -> Node {
      .items(list.count) { i in
        let t = list[i]
        return .json(.object([
          ("tag", .string(t.tag)), ("oldPapers", .int(t.oldPapers)), ("newPapers", .int(t.newPapers)), ("oldShare", .double(t.oldShare)),
          ("newShare", .double(t.newShare)),
        ]))
      }
    }
    func side(_ files: [String], _ papers: Int, _ nodes: Int, _ edges: Int) -> Node {
      .object([("files", strings(files)), ("papers", .json(.int(papers))), ("nodes", .json(.int(nodes))), ("ties", .json(.int(edges)))])
    }
    let changed = d.papersChanged
    let communityChanges = d.communityChanges
    return .object([
      ("graph", .json(.string(d.graph.rawValue))), ("metric", .json(.string(d.metric.rawValue))), ("unchanged", .json(.bool(d.isUnchanged))),
      ("oldLatest", .json(d.oldLatest.map { .string($0.description) } ?? .null)),
      ("old", side(d.oldFiles, d.oldPaperCount, d.oldNodeCount, d.oldEdgeCount)),
      ("new", side(d.newFiles, d.newPaperCount, d.newNodeCount, d.newEdgeCount)),
      ("papers", .object([
        ("added", papers(d.papersAdded)), ("removed", papers(d.papersRemoved)),
        ("changed", .items(changed.count) { i in
          let c = changed[i]
          return .object([
            ("old", paper(c.old)), ("new", paper(c.new)), ("matchedBy", .json(.string(c.matchedBy.rawValue))),
            ("authorsAdded", strings(c.authorsAdded)), ("authorsRemoved", strings(c.authorsRemoved)),
            ("authorOrderChanged", .json(.bool(c.authorOrderChanged))), ("fellowsAdded", strings(c.fellowsAdded)),
            ("fellowsRemoved", strings(c.fellowsRemoved)), ("tagsAdded", strings(c.tagsAdded)), ("tagsRemoved", strings(c.tagsRemoved)),
          ])
        }),
      ])),
      ("people", .object([("new", strings(d.peopleNew)), ("gone", strings(d.peopleGone))])),
      ("fellows", .object([("new", strings(d.fellowsNew)), ("gone", strings(d.fellowsGone))])),
      ("nodes", .object([("new", strings(d.nodesNew)), ("gone", strings(d.nodesGone))])),
      ("ties", .object([("new", ties(d.tiesNew)), ("lost", ties(d.tiesLost))])),
      ("movers", .object([("rising", movers(d.risers)), ("falling", movers(d.fallers))])),
      ("communities", .object([
        ("threshold", .json(.double(d.communityThreshold))),
        ("changes", .items(communityChanges.count) { i in
          let c = communityChanges[i]
          return .object([
            ("kind", .json(.string(c.kind.rawValue))), ("old", .items(c.old.count) { community(c.old[$0]) }),
            ("new", .items(c.new.count) { community(c.new[$0]) }), ("jaccard", .json(.array(c.jaccard.map(JSON.double)))),
          ])
        }),
      ])),
      ("tags", .object([("new", tags(d.tagsNew)), ("gone", tags(d.tagsGone)), ("rising", tags(d.tagsRising)), ("falling", tags(d.tagsFalling))])),
    ])
  }
}

/// Pretty-printed JSON written as it is made, byte for byte what ``JSON/text(indent:)`` (indent
/// 2) gives for the same tree, through the same string escaper (``JSON/quoted(_:)``): arrays are
/// described by their count and a maker of each item (``Node/items(_:_:)``), so a document of
/// 100k items never exists whole, as a tree or as one string. Bytes go to a buffer handed to
/// `sink` in blocks of about 1 MB.
struct JSONStream {
  indirect enum Node {
    /// A finished value (small).
    case json(JSON)
    case object([(String, Node)])
    /// `count` items, each made when it is written.
    case items(Int, (Int) -> Node)
  }

  private var buffer: [UInt8] = []
  private let sink: ([UInt8]) -> Void
  static let blockSize = 1 << 20

  init(sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.blockSize + 4096)
  }

  /// Writes `node` and a line break, then hands over what is left.
  static func write(_ node: Node, to sink: @escaping ([UInt8]) -> Void) {
    var stream = JSONStream(sink: sink)
    stream.write(node, level: 0)
    stream.buffer.append(0x0A)
    stream.flush()
  }

  /// `node` as one string (tests, small documents).
  static func text(_ node: Node) -> String {
    var bytes: [UInt8] = []
    write(node) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  private mutating func flush() {
    guard !buffer.isEmpty else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func pad(_ level: Int) {
    buffer.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }

  private mutating func text(_ s: String) { buffer.append(contentsOf: s.utf8) }

  private mutating func write(_ node: Node, level: Int) {
    switch node {
    case .json(let value): write(value, level: level)
    case .object(let members):
      if members.isEmpty { return text("{}") }
      text("{\n")
      for (i, (key, value)) in members.enumerated() {
        pad(level + 1)
        JSON.appendQuoted(key, to: &buffer)
        text(": ")
        write(value, level: level + 1)
        text(i < members.count - 1 ? ",\n" : "\n")
      }
      pad(level)
      text("}")
    case .items(let count, let item):
      if count == 0 { return text("[]") }
      text("[\n")
      for i in 0 ..< count {
        pad(level + 1)
        write(item(i), level: level + 1)
        text(i < count - 1 ? ",\n" : "\n")
        if buffer.count >= Self.blockSize { flush() }
      }
      pad(level)
      text("]")
    }
  }

  private mutating func write(_ value: JSON, level: Int) {
    switch value {
    case .string(let s): JSON.appendQuoted(s, to: &buffer)
    case .int(let i): text(String(i))
    case .double(let d): text(JSON.number(d))
    case .bool(let b): text(b ? "true" : "false")
    case .null: text("null")
    case .array(let items): write(.items(items.count) { .json(items[$0]) }, level: level)
    case .object(let members): write(.object(members.map { ($0.0, .json($0.1)) }), level: level)
    }
  }
}
