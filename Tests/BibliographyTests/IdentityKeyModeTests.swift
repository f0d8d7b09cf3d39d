import Testing

@testable import Bibliography

/// `--identity key` (``IdentityMode/key``): ids, the alias file, names written family name first
/// and the name key decide who is who; initials, nicknames and typos never merge.
@Suite("Identity: key mode")
struct IdentityKeyModeTests {
  /// `Meg Tong` and `M. Tong` share the co-author `Ann Alpha` and never write together: full
  /// merges them by initials with that evidence, key keeps them apart. `Tong, Meg` and `MEG TONG`
  /// are `Meg Tong` in both modes (family name first; same key); `Bob Beta` and `Robert Beta`
  /// share an id, so they are one person in both modes.
  static let records = [
    record("P1", authors: ["Meg Tong", "Ann Alpha"], line: 1),
    record("P2", authors: ["M. Tong", "Ann Alpha"], line: 4),
    record("P3", authors: ["Tong, Meg", "Cid Gamma"], line: 7),
    record("P4", authors: ["MEG TONG", "Dee Delta"], line: 10),
    Record(
      title: "P5", authors: ["Bob Beta", "Ann Alpha"], source: at(13), id: nil, authorIDs: ["orcid:0000-0001", nil]),
    Record(title: "P6", authors: ["Robert Beta", "Cid Gamma"], source: at(16), authorIDs: ["orcid:0000-0001", nil]),
  ]

  static func resolved(_ mode: IdentityMode) -> Corpus {
    var resolver = IdentityResolver()
    resolver.identity = mode
    return resolver.resolve([ReadResult(records: records)])
  }

  @Test func fullMergesInitialsKeyDoesNot() {
    let full = Self.resolved(.full)
    let key = Self.resolved(.key)
    #expect(full.papers.map(\.authors) == [
      ["Meg Tong", "Ann Alpha"], ["Meg Tong", "Ann Alpha"], ["Meg Tong", "Cid Gamma"], ["Meg Tong", "Dee Delta"],
      ["Bob Beta", "Ann Alpha"], ["Bob Beta", "Cid Gamma"],
    ])
    #expect(key.papers.map(\.authors) == [
      ["Meg Tong", "Ann Alpha"], ["M. Tong", "Ann Alpha"], ["Meg Tong", "Cid Gamma"], ["Meg Tong", "Dee Delta"],
      ["Bob Beta", "Ann Alpha"], ["Bob Beta", "Cid Gamma"],
    ])
    #expect(full.identityMerges.contains { $0.variant == "M. Tong" && $0.reason == .initials })
    #expect(!key.identityMerges.contains { $0.reason == .initials })
    #expect(key.identityMerges.contains { $0.variant == "Tong, Meg" && $0.person == "Meg Tong" && $0.reason == .inverted })
    #expect(key.identityMerges.contains { $0.variant == "Robert Beta" && $0.reason == .sameID })
  }

  /// A fellow listed by a nickname is matched in full mode; in key mode it is not the author,
  /// so it is added to the paper as an author of its own (with the usual note).
  @Test func fellowsMatchOnlyByKey() {
    let records = [
      record("P1", authors: ["Katherine Smith", "Ann Alpha"], fellows: ["Kate Smith"], line: 1),
      record("P2", authors: ["Ivan Arcuschin", "Ann Alpha"], fellows: ["IVÁN ARCUSCHIN"], line: 4),
    ]
    var resolver = IdentityResolver()
    let full = resolver.resolve([ReadResult(records: records)])
    resolver.identity = .key
    let key = resolver.resolve([ReadResult(records: records)])
    #expect(full.papers.map(\.fellows) == [["Katherine Smith"], ["Ivan Arcuschin"]])
    #expect(key.papers.map(\.fellows) == [["Kate Smith"], ["Ivan Arcuschin"]])
    #expect(key.papers[0].authors == ["Katherine Smith", "Ann Alpha", "Kate Smith"])
    #expect(key.diagnostics.contains { $0.kind == .fellowUnmatched && $0.message.contains("'Kate Smith'") })
  }
}
