import Foundation
import Testing

@testable import Bibliography
@testable import Networks

/// `Fixtures/fellow-variants.txt`: eight papers whose fellows are listed under the nine name
/// variants of issue 12 (nickname both ways, `Katherine (Kate) Smith`, family name first with and
/// without a hyphen, a middle initial, a one-letter surname typo, an anglicised given name). Every
/// fellow must be matched to an author of the same paper, and every person must be one node.
@Suite("Fellow name variants in the networks")
struct FellowVariantNetworkTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fellow-variants.txt").path

  @Test func everyFellowIsMatchedAndEveryPersonIsOneNode() throws {
    let corpus = try CorpusLoader().load([Self.path])
    #expect(corpus.papers.count == 8)
    #expect(!corpus.diagnostics.contains { $0.kind == .fellowUnmatched })
    let network = Network.authors(of: corpus)
    #expect(
      network.labels == [
        "Edward Carter", "Alex Reyes", "Sofia Alvarez", "Katherine Morgan", "Kate Smith", "Rohan Gupta", "Xiaoming Wang",
        "Jiahui Chen", "Anna K. Berg", "Marta Kowalcyk", "David Li",
      ])
    #expect(network.isFellow == [true, true, false, true, true, false, true, true, true, true, true])
    #expect(
      Network.fellows(of: corpus).labels == [
        "Edward Carter", "Alex Reyes", "Katherine Morgan", "Kate Smith", "Xiaoming Wang", "Jiahui Chen", "Anna K. Berg",
        "Marta Kowalcyk", "David Li",
      ])
    // Each listed spelling, the rule that matched it (one line per distinct pair).
    var seen = Set<String>()
    let rules = corpus.fellowMatches.filter { seen.insert($0.listed).inserted }.map { "\($0.listed) → \($0.author): \($0.rule.rawValue)" }
    #expect(
      rules == [
        "Ed Carter → Edward Carter: nickname", "Alexander Reyes → Alex Reyes: nickname",
        "Kate Morgan → Katherine Morgan: nickname", "Katherine (Kate) Smith → Kate Smith: parenthetical",
        "Wang Xiaoming → Xiaoming Wang: family-name-first", "Chen Jia-Hui → Jiahui Chen: family-name-first",
        "Anna Berg → Anna K. Berg: initials", "Marta Kowalczyk → Marta Kowalcyk: surname-typo",
        "Li Wei-Ting → David Li: anglicised",
      ])
    // 'Ed Carter' and 'Kate Morgan' are also authors of 'Reward Hacking in Coding Agents': shown
    // under the spelling their fellow match tied them to.
    #expect(corpus.identityMerges.map { "\($0.variant) → \($0.person) (\($0.reason.rawValue))" } == [
      "Ed Carter → Edward Carter (fellow-match)", "Kate Morgan → Katherine Morgan (fellow-match)",
    ])
  }
}
