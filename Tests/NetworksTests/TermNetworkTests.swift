import Bibliography
import Foundation
import GraphCore
import Networks
import TermExtraction
import Testing
import TestSupport

@Suite("Terms graph")
struct TermNetworkTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

  /// The bundled listing's terms: key, label, papers and relevance, pinned (look at it: it should
  /// read as AI-safety topics).
  @Test func bundledListingTermList() throws {
    let corpus = try CorpusLoader().load([seedPath])
    let map = TermExtractor().extract(corpus: corpus)
    var text = "# \(map.description)\n# key\tlabel\tpapers\trelevance\n"
    for t in map.terms {
      text += "\(t.key)\t\(t.label)\t\(t.occurrences)\t\(((t.relevance * 10_000).rounded() / 10_000).argumentText)\n"
    }
    assertGolden(text, file: "mats-terms.tsv", in: Self.golden)
    #expect(map.summary.textsWithWords == 13 && map.summary.abstracts == 13 && map.summary.minOccurrences == 2)
    let keys = Set(map.terms.map(\.key))
    #expect(keys.isSuperset(of: ["mechanistic interpretability", "superposition", "language model"]))
    #expect(keys.isDisjoint(with: ["paper", "approach", "result", "model", "method", "we", "show"]))
  }

  /// Edges carry association strength c_ij / (s_i s_j), as the tags graph (TagWeighting).
  @Test func associationStrengthWeights() throws {
    let at = SourceLocation(file: "t", line: 1)
    let titles = [
      "Reward hacking and sleeper agents", "Reward hacking in RLHF", "Sleeper agents", "Reward hacking, sleeper agents and RLHF",
    ]
    let corpus = Corpus(entryCount: 4, papers: titles.map { Paper(title: $0, authors: ["A"], source: at) })
    let map = TermExtractor(settings: TermSettings(minOccurrences: 2, relevanceShare: 1)).extract(corpus: corpus)
    #expect(map.terms.map(\.label) == ["reward hacking", "sleeper agents", "RLHF"])  // title case is not kept, acronyms are
    let network = Network.terms(map)
    #expect(network.kind == .terms && network.paperCounts == [3, 3, 2])
    // reward hacking–sleeper agents: 2 papers of 3 and 3 → 2/9; reward hacking–RLHF: 2/(3·2); sleeper–RLHF: 1/(3·2).
    var weights: [String: Double] = [:]
    for e in 0 ..< network.graph.edgeCount {
      weights[network.labels[Int(network.graph.edgeSources[e])] + "|" + network.labels[Int(network.graph.edgeTargets[e])]] = network.graph.edgeWeights[e]
    }
    let expected: [String: Double] = ["reward hacking|sleeper agents": 2.0 / 9, "reward hacking|RLHF": 2.0 / 6, "sleeper agents|RLHF": 1.0 / 6]
    #expect(weights == expected)
    let counts = Network.build(.terms, from: corpus, termMap: map, termWeighting: .count)
    #expect(counts.graph.edgeWeights.sorted() == [1, 2, 2])
  }

  @Test func titleAndAbstractAreOneTextWithACutBetween() {
    let paper = Paper(title: "Sleeper agents", authors: [], abstract: "Agents hide backdoors", source: SourceLocation(file: "t", line: 1))
    #expect(Network.termText(of: paper) == "Sleeper agents . Agents hide backdoors")
  }

  @Test func aliasFileTermRules() throws {
    let file = try TextFile(path: "aliases.tsv", bytes: Data("term-merge\tlarge language model\tLLM\tLLMs\nterm-drop\tbenchmark\n# comment\nmerge\tA B\tA. B.\n".utf8))
    let aliases = try AliasFile(file)
    let thesaurus = TermThesaurus(aliases)
    #expect(thesaurus.merges == [.init(canonical: "large language model", variants: ["LLM", "LLMs"], source: "aliases.tsv:1")])
    #expect(thesaurus.drops == [.init(terms: ["benchmark"], source: "aliases.tsv:2")])
    #expect(throws: IngestError.self) { try AliasFile(TextFile(path: "a.tsv", bytes: Data("term-rename\tx\ty\n".utf8))) }
  }
}
