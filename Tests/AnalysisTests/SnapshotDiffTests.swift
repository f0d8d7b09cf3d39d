import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Testing

@testable import Analysis

/// `coauthor diff`'s library part on the two snapshots of `Fixtures/diff/` (see its README):
/// NEW is OLD (the bundled listing) with three entries removed, two added, one author added to
/// a paper and "Iván Arcuschin" spelled "Ivan Arcuschin".
@Suite("Snapshot diff")
struct SnapshotDiffTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/diff")
  static let old = fixtures.appendingPathComponent("old.txt").path
  static let new = fixtures.appendingPathComponent("new.txt").path

  static func diff(_ old: String = old, _ new: String = new, graph: Network.Kind = .authors) throws -> SnapshotDiff {
    let snapshots = try Snapshots.load(old: InputSpec(paths: [old]), new: InputSpec(paths: [new]))
    let pipeline = Pipeline(graphs: [graph], metrics: [.pagerank])
    return try SnapshotDiff(
      old: try pipeline.run(on: .corpus(snapshots.old)), new: try pipeline.run(on: .corpus(snapshots.new)), snapshots: snapshots,
      graph: graph, metric: .pagerank)
  }

  @Test func papersAddedRemovedChanged() throws {
    let d = try Self.diff()
    #expect(d.oldPaperCount == 13)
    #expect(d.newPaperCount == 12)
    // NEW's order (by date): March, then April 2026.
    #expect(d.papersAdded.map(\.title) == ["Probing Sycophancy Across Model Scales", "Auditing Agents for Hidden Objectives"])
    // OLD's order (by date): 5 and 6 February, 1 September 2023.
    #expect(
      d.papersRemoved.map(\.title) == [
        "SolidGoldMagikarp (plus, prompt generation)",
        "A Toy Model of Universality: Reverse Engineering How Networks Learn Group Operations",
        "Taken out of context: On measuring situational awareness in LLMs",
      ])
    #expect(d.papersChanged.count == 1)
    let change = try #require(d.papersChanged.first)
    #expect(change.new.title == "Incentivizing honest performative predictions with proper scoring rules")
    #expect(change.matchedBy == .title)
    #expect(change.authorsAdded == ["Abram Demski"])
    #expect(change.authorsRemoved.isEmpty && change.tagsAdded.isEmpty && !change.authorOrderChanged)
    #expect(change.summary == ["authors added: Abram Demski"])
    #expect(!d.isUnchanged)
    #expect(d.oldLatest == PaperDate(year: 2026, month: 2, day: 11))
  }

  /// "Iván Arcuschin" (OLD) and "Ivan Arcuschin" (NEW) are one person: resolved together, neither
  /// new nor gone, and the "Biases in the Blind Spot" paper is unchanged.
  @Test func spellingVariantAcrossSnapshotsIsOnePerson() throws {
    let d = try Self.diff()
    #expect(!d.peopleNew.contains { $0.contains("Arcuschin") })
    #expect(!d.peopleGone.contains { $0.contains("Arcuschin") })
    #expect(!d.papersChanged.contains { $0.new.title.hasPrefix("Biases in the Blind Spot") })
    #expect(d.peopleNew == ["Abram Demski", "Priya Raman", "Tomás Ortega"])
    #expect(d.fellowsNew == ["Priya Raman", "Tomás Ortega"])
    // Of the removed papers' authors, these are on no other paper (Neel Nanda is also on
    // "Finding Neurons", the "Taken out of context" authors but Daniel Kokotajlo on "The
    // Reversal Curse"); one paper each, so in OLD's order of first appearance.
    #expect(d.fellowsGone == ["Jessica Cooper", "Matthew Watkins", "Bilal Chughtai"])
    #expect(d.peopleGone == ["Jessica Cooper", "Matthew Watkins", "Bilal Chughtai", "Lawrence Chan", "Daniel Kokotajlo"])
  }

  @Test func tiesWithTheirPapers() throws {
    let d = try Self.diff()
    let tie = try #require(d.tiesNew.first { $0.a == "Hoagy Cunningham" && $0.b == "Meg Tong" })
    #expect(tie.papers.map(\.title) == ["Probing Sycophancy Across Model Scales"])
    #expect(tie.weight == 1)
    // Every new tie is carried by an added or changed paper.
    let carriers = Set(d.papersAdded.map(\.title) + d.papersChanged.map(\.new.title))
    #expect(d.tiesNew.allSatisfy { !$0.papers.isEmpty && $0.papers.allSatisfy { carriers.contains($0.title) } })
    // Lost: SolidGoldMagikarp's one pair, the Toy Model's three, and Daniel Kokotajlo's seven
    // (the other "Taken out of context" pairs are also on "The Reversal Curse").
    #expect(d.tiesLost.count == 1 + 3 + 7)
    #expect(d.tiesLost.filter { $0.a == "Daniel Kokotajlo" || $0.b == "Daniel Kokotajlo" }.count == 7)
    #expect(d.tiesLost.allSatisfy { $0.papers.count == 1 })
    // New: Abram Demski with 4 co-authors; Probing's 3 pairs; Auditing's 3 pairs.
    #expect(d.tiesNew.count == 4 + 3 + 3)
    #expect(d.oldEdgeCount - d.tiesLost.count + d.tiesNew.count == d.newEdgeCount)
  }

  @Test func moversUseCompetitionRanks() {
    #expect(SnapshotDiff.competitionRanks([0.5, 0.1, 0.5, 0.3]) == [1, 4, 1, 3])
    // An ulp apart is a tie (node order changes the last bits of PageRank); 1e-6 apart is not,
    // and ties do not chain: each step is within the tolerance of the previous value, but the
    // third value is compared with the group's top.
    let p = 0.012987012987
    #expect(SnapshotDiff.competitionRanks([p, p.nextUp, p.nextDown, p * (1 - 1e-6)]) == [1, 1, 1, 4])
    #expect(SnapshotDiff.competitionRanks([1, 1 - 0.6e-9, 1 - 1.2e-9]) == [1, 1, 3])
    #expect(SnapshotDiff.competitionRanks([.nan, 0.2, -.infinity]) == [2, 1, 2])
  }

  @Test func moversAreInBothNetworks() throws {
    let d = try Self.diff()
    #expect(!d.risers.isEmpty && !d.fallers.isEmpty)
    #expect(d.risers.allSatisfy { $0.change > 0 } && d.fallers.allSatisfy { $0.change < 0 })
    #expect(zip(d.risers, d.risers.dropFirst()).allSatisfy { $0.change >= $1.change })
    let newNames = Set(d.nodesNew)
    #expect(!(d.risers + d.fallers).contains { newNames.contains($0.name) })
  }

  /// Communities: SolidGoldMagikarp's pair (its own component) vanishes; the new Auditing
  /// paper joins Ivan Arcuschin's and Winnie Xiao's groups into one.
  @Test func communityChanges() throws {
    let d = try Self.diff()
    let vanished = d.communityChanges.filter { $0.kind == .vanished }
    #expect(vanished.map { $0.old.flatMap(\.members) } == [["Jessica Cooper", "Matthew Watkins"]])
    let merged = try #require(d.communityChanges.first { $0.kind == .merged && $0.new[0].members.contains("Tomás Ortega") })
    #expect(merged.old.count == 2)
    #expect(merged.old.contains { $0.members.contains("Ivan Arcuschin") } && merged.old.contains { $0.members.contains("Winnie Xiao") })
    #expect(merged.jaccard == [0.5, 0.4])
    #expect(d.communityChanges.allSatisfy { !($0.old.isEmpty && $0.new.isEmpty) })
    #expect(d.communityChanges.filter { $0.kind == .born }.allSatisfy { $0.old.isEmpty && $0.new.count == 1 })
  }

  @Test func jaccardLinksDecideMergesAndSplits() throws {
    // OLD: {a,b,c,d} and {e,f}; NEW: {a,b,c,d,e,f} (merged), plus {g} (born).
    let labels = ["a", "b", "c", "d", "e", "f"]
    let old = Self.structure(labels: labels, communities: [[0, 1, 2, 3], [4, 5]])
    let new = Self.structure(labels: labels + ["g"], communities: [[0, 1, 2, 3, 4, 5], [6]])
    let changes = SnapshotDiff.communityChanges(
      old: old.structure, oldNetwork: old.network, new: new.structure, newNetwork: new.network, threshold: 0.3)
    // Listed in kind order (born, vanished, merged, split, grown, shrunk).
    #expect(changes.map(\.kind) == [.born, .merged])
    let merged = try #require(changes.last)
    #expect(merged.jaccard == [4.0 / 6, 2.0 / 6])
    #expect(merged.old.map(\.members) == [["a", "b", "c", "d"], ["e", "f"]])
    // At 0.4 the small one is not linked: one grows, the other vanishes.
    let strict = SnapshotDiff.communityChanges(
      old: old.structure, oldNetwork: old.network, new: new.structure, newNetwork: new.network, threshold: 0.4)
    #expect(strict.map(\.kind) == [.born, .vanished, .grown])
  }

  static func structure(labels: [String], communities: [[Int]]) -> (structure: CommunityStructure, network: Network) {
    var builder = GraphBuilder(nodeCount: labels.count)
    for c in communities { for (i, u) in c.enumerated() { for v in c[(i + 1)...] { builder.addEdge(u, v) } } }
    let graph = builder.build()
    let network = Network(
      kind: .authors, graph: graph, labels: labels, paperCounts: labels.map { _ in 1 }, isFellow: labels.map { _ in false })
    var membership = [Int](repeating: 0, count: labels.count)
    for (c, members) in communities.enumerated() { for v in members { membership[v] = c } }
    let detection = CommunityResult(method: CommunityMethod(), partition: Partition(labels: membership), quality: 0, modularity: 0, iterations: 1)
    return (
      CommunityStructure(detection: detection, network: network, pagerank: labels.map { _ in 1 }, corpus: Corpus(entryCount: 0, papers: [])),
      network
    )
  }

  @Test func tagsNewGoneRisingFalling() throws {
    let d = try Self.diff()
    #expect(d.tagsNew.map(\.tag) == ["Agent Auditing"])
    #expect(d.tagsGone.map(\.tag) == ["Red-Teaming"])
    // Dangerous Capability Evals: 3 of 13 OLD papers, 2 of 12 NEW ("Taken out of context"
    // removed): 23.1 % → 16.7 %, at most 1/1.25 of before.
    #expect(d.tagsFalling.map(\.tag) == ["Dangerous Capability Evals"])
    let falling = try #require(d.tagsFalling.first)
    #expect(falling.oldPapers == 3 && falling.newPapers == 2)
    #expect(d.tagsRising.isEmpty)
  }

  @Test func identicalSnapshotsAreUnchanged() throws {
    let same = try Self.diff(Self.old, Self.old)
    #expect(same.isUnchanged && same.tiesNew.isEmpty && same.peopleNew.isEmpty && same.communityChanges.isEmpty)
    // Two files with the same content: the same.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("copy.txt").path
    try FileManager.default.copyItem(atPath: Self.old, toPath: copy)
    let copied = try Self.diff(Self.old, copy)
    #expect(copied.isUnchanged && copied.tiesNew.isEmpty && copied.tiesLost.isEmpty && copied.risers.isEmpty)
    #expect(copied.communityChanges.isEmpty)
  }

  @Test func badInputNamesTheFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // Nothing in common.
    let other = dir.appendingPathComponent("other.txt").path
    try "An Unrelated Paper\n\nAuthors:\n\nZed Zulu, Yan Yankee\n\nDate:\n\nJan 1, 2020\n".write(toFile: other, atomically: true, encoding: .utf8)
    #expect(throws: SnapshotError(.nothingInCommon, files: [Self.old, other])) { try Self.diff(Self.old, other) }
    // An edge list.
    let edges = dir.appendingPathComponent("edges.txt").path
    try "a b\nb c\n".write(toFile: edges, atomically: true, encoding: .utf8)
    #expect(throws: SnapshotError(.edgeList, files: [edges])) { try Self.diff(Self.old, edges) }
    // An empty file: the reader's error, naming it.
    let empty = dir.appendingPathComponent("empty.txt").path
    try "".write(toFile: empty, atomically: true, encoding: .utf8)
    #expect(throws: IngestError(file: empty, reason: .emptyFile)) { try Self.diff(empty, Self.new) }
  }

  @Test func deterministic() throws {
    let a = try Self.diff()
    let b = try Self.diff()
    #expect(a.tiesNew == b.tiesNew && a.risers == b.risers && a.communityChanges == b.communityChanges && a.tagsRising == b.tagsRising)
  }
}
