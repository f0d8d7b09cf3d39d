import Foundation
import Testing

/// Labels of author communities from terms: log-likelihood over terms held by at least 2 of the
/// community's papers; a community of one paper is labelled by that paper's most specific terms,
/// and says so.
@Suite("communities: term labels of one-paper communities")
struct OnePaperLabelCommandTests {
  static let corpus = #"""
    [{"title": "Sleeper agents and reward hacking in sparse autoencoders", "authors": ["Ann Alpha", "Bo Beta"]},
     {"title": "Reward hacking of sleeper agents", "authors": ["Bo Beta", "Cy Gamma"]},
     {"title": "Sleeper agents, reward hacking and superposition", "authors": ["Cy Gamma", "Ann Alpha"]},
     {"title": "Sparse autoencoders explain superposition", "authors": ["Dee Delta", "Eve Echo"]}]
    """#

  @Test func onePaperCommunityIsMarked() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("four.json", Self.corpus)
    let r = try CLI.run(["communities", path, "--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
    let communities = json?["communities"] as? [[String: Any]] ?? []
    let small = communities.first { ($0["members"] as? [String])?.contains("Dee Delta") == true }
    let large = communities.first { ($0["members"] as? [String])?.contains("Ann Alpha") == true }
    // The one paper's terms (both in 2 papers of the corpus), the most specific first.
    #expect(Set(small?["terms"] as? [String] ?? []) == ["sparse autoencoders", "superposition"])
    #expect(small?["termsFromOnePaper"] as? Bool == true)
    // Three papers: terms held by at least 2 of them, by log-likelihood; not marked.
    #expect(large?["terms"] as? [String] == ["reward hacking", "sleeper agents"] || large?["terms"] as? [String] == ["sleeper agents", "reward hacking"])
    #expect(large?["termsFromOnePaper"] == nil)
    let text = try CLI.run(["communities", path])
    #expect(text.out.contains("terms of their one paper (most specific first): "))
  }
}
