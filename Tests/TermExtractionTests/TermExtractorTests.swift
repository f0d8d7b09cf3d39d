import Foundation
import Testing

@testable import TermExtraction

@Suite struct TermExtractorTests {
  /// Every candidate kept: minimum 1, relevance share 1.
  static let all = TermSettings(minOccurrences: 1, relevanceShare: 1)

  func keys(_ map: TermMap) -> [String] { map.terms.map(\.key) }

  @Test func titlesGiveNounPhrasesCutAtStopWordsAndVerbs() {
    // Real titles (arXiv) and sentences of abstracts.
    let texts = [
      "Towards Monosemanticity: Decomposing Language Models With Dictionary Learning",
      "Sparse Autoencoders Find Highly Interpretable Features in Language Models",
      "We propose a novel approach to steering language models with activation additions.",
    ]
    let map = TermExtractor(settings: Self.all).extract(texts)
    let found = Set(keys(map))
    // Plurals folded, stop words and reporting words cut, generic nouns never alone.
    #expect(found.isSuperset(of: ["language model", "dictionary learning", "monosemanticity", "sparse autoencoder", "activation addition"]))
    #expect(!found.contains("model") && !found.contains("approach") && !found.contains("novel approach"))
    #expect(!found.contains { $0.contains("propose") || $0.contains("highly") || $0.hasSuffix(" with") })
    // "language model" occurs in all three texts, counted once per text.
    #expect(map.terms.first { $0.key == "language model" }?.occurrences == 3)
    // Labels: the most frequent surface form ("Language Models" twice, title case lowered).
    #expect(map.terms.first { $0.key == "language model" }?.label == "language models")
  }

  @Test func acronymsKeepTheirCaseInLabels() {
    let map = TermExtractor(settings: Self.all).extract(["Evaluating LLMs on GPT-4 tasks", "LLMs and GPT-4 safety"])
    let llm = map.terms.first { $0.key == "llm" }
    #expect(llm?.label == "LLMs" && llm?.occurrences == 2)
    #expect(map.terms.contains { $0.key == "gpt-4" && $0.label == "GPT-4" })
  }

  @Test func latexIsRemovedBeforeTermsAreFormed() {
    let map = TermExtractor(settings: Self.all).extract([
      #"\textit{Reward hacking} in RLHF \citep{skalse2022} with $\beta$-annealed \emph{policy gradients}"#
    ])
    let found = Set(keys(map))
    // "$\beta$-annealed": the math is dropped, "annealed" starts the next term.
    #expect(found.isSuperset(of: ["reward hacking", "rlhf", "annealed policy gradient"]))
    #expect(!found.contains { $0.contains("skalse") || $0.contains("textit") || $0.contains("citep") || $0.contains("beta") })
  }

  @Test func nonLatinWordsAreCountedNotMadeIntoTerms() {
    let map = TermExtractor(settings: Self.all).extract([
      "Нейронные сети for reward modeling", "強化学習 and reward modeling", "reward modeling",
    ])
    #expect(map.summary.nonLatinWords == 3 && map.summary.textsWithNonLatin == 2)
    #expect(keys(map).allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 0x250 } })
    #expect(map.terms.first?.key == "reward modeling" && map.terms.first?.occurrences == 3)
  }

  @Test func wordsUsedAsVerbsAreCut() {
    // "handle" follows "to" and precedes "the" in most of its uses: a verb, never a term.
    let texts = [
      "Methods to handle the uncertainty of preference elicitation",
      "How to handle the veto thresholds",
      "We handle the missing data with preference elicitation",
    ]
    let map = TermExtractor(settings: Self.all).extract(texts)
    #expect(!keys(map).contains { $0.contains("handle") })
    #expect(map.summary.verbs >= 1)
    #expect(keys(map).contains("preference elicitation"))
  }

  @Test func relevanceIsTheKullbackLeiblerDivergenceOfCooccurrences() {
    // alpha: 3 papers, beta: 3, gamma: 2; c(alpha, beta) = 2, c(alpha, gamma) = 1, c(beta, gamma) = 1.
    // s = (3, 3, 2), T = 8.
    let map = TermExtractor(settings: Self.all).extract(["alpha, beta", "alpha, gamma", "alpha, beta", "beta, gamma"])
    #expect(keys(map) == ["alpha", "beta", "gamma"])
    let r = Dictionary(uniqueKeysWithValues: map.terms.map { ($0.key, $0.relevance) })
    let alpha = 2.0 / 3 * log(2.0 * 8 / 9) + 1.0 / 3 * log(1.0 * 8 / 6)
    #expect(abs(r["alpha"]! - alpha) < 1e-12)
    #expect(abs(r["beta"]! - alpha) < 1e-12)
    #expect(abs(r["gamma"]! - log(4.0 / 3)) < 1e-12)
    #expect(map.cooccurrences.map { [$0.i, $0.j, $0.count] } == [[0, 1, 2], [0, 2, 1], [1, 2, 1]])
  }

  @Test func relevanceShareKeepsTheMostSpecificTerms() {
    // "network" co-occurs with every pair term, each pair term with few: relevance (by hand,
    // outer terms only) network 0.479, reward hacking 0.575, spurious feature 0.575, sleeper
    // agent 0.837, deceptive alignment 0.837; the five single words (not "spurious", which
    // cannot end a term) always sit inside a pair term, so co-occur with nothing (0).
    // 10 candidates; a share of 0.36 keeps ⌈3.6⌉ = 4.
    let texts = [
      "reward hacking, network", "reward hacking, network, spurious features", "spurious features, network",
      "sleeper agents, network", "sleeper agents, deceptive alignment", "deceptive alignment, network",
    ]
    let all = TermExtractor(settings: Self.all).extract(texts)
    #expect(all.summary.aboveMinimum == 10)
    let network = all.terms.first { $0.key == "network" }!
    #expect(abs(network.relevance - (2.0 / 3 * log(16.0 / 9) + 1.0 / 3 * log(4.0 / 3))) < 1e-12)
    let kept = TermExtractor(settings: TermSettings(minOccurrences: 1, relevanceShare: 0.36)).extract(texts)
    #expect(Set(keys(kept)) == ["reward hacking", "spurious feature", "sleeper agent", "deceptive alignment"])
  }

  @Test func theMinimumAdaptsToCorpusSize() {
    #expect(TermSettings.defaultMinOccurrences(papers: 13) == 2)
    #expect(TermSettings.defaultMinOccurrences(papers: 236) == 4)
    #expect(TermSettings.defaultMinOccurrences(papers: 1_600) == 10)
    #expect(TermSettings.defaultMinOccurrences(papers: 95_652) == 77)
    let map = TermExtractor().extract(["reward hacking", "reward hacking", "sleeper agents"])
    #expect(map.summary.minOccurrences == 2 && keys(map) == ["reward hacking"])
  }

  @Test func nestedTermsGiveWayToTheLongerTerm() {
    // "autoencoder" occurs only inside "sparse autoencoder": it goes.
    let texts = ["sparse autoencoder, features", "sparse autoencoder, circuits", "features, circuits"]
    let map = TermExtractor(settings: Self.all).extract(texts)
    #expect(keys(map).contains("sparse autoencoder") && !keys(map).contains("autoencoder"))
    #expect(map.summary.nested == 1)
  }

  @Test func thesaurusMergesAndDrops() {
    var settings = Self.all
    settings.thesaurus = TermThesaurus(
      merges: [.init(canonical: "theory of mind", variants: ["ToM", "mind reading"], source: "a.tsv:1"),
               .init(canonical: "large language model", variants: ["LLMs", "the model"], source: "a.tsv:2")],
      drops: [.init(terms: ["benchmark suite", "of"], source: "a.tsv:3")])
    let map = TermExtractor(settings: settings).extract([
      "ToM in LLMs", "Mind reading with a benchmark suite", "large language models and theory of mind",
    ])
    let tom = map.terms.first { $0.key == "theory of mind" }
    // "ToM" and "Mind reading"; the third text's "theory of mind" is two terms cut by "of".
    #expect(tom?.occurrences == 2 && tom?.label == "theory of mind")
    #expect(map.terms.first { $0.key == "large language model" }?.occurrences == 2)
    #expect(!keys(map).contains("benchmark suite") && !keys(map).contains("llm"))
    #expect(map.summary.unusableRules == [
      "a.tsv:2: term-merge variant 'the model' can never be a term (it needs one to three words, none a stop word)",
      "a.tsv:3: term-drop 'of' can never be a term (it needs one to three words, none a stop word)",
    ])
  }

  @Test func sameInputSameMap() {
    let texts = (0 ..< 200).map { "paper \($0 % 7): reward model \($0 % 5 == 0 ? "overoptimization" : "ensembles"), sparse probing of features \($0 % 3)" }
    #expect(TermExtractor(settings: Self.all).extract(texts) == TermExtractor(settings: Self.all).extract(texts))
  }

  @Test func emptyAndPunctuationOnlyTexts() {
    let map = TermExtractor().extract(["", "2023 — 1.5", "$x^2$", "日本語"])
    #expect(map.terms.isEmpty && map.summary.textsWithWords == 0 && map.summary.nonLatinWords == 1)
  }
}

@Suite struct CharacteristicTermsTests {
  @Test func logLikelihoodRatio() {
    // 100 papers, a group of 10; a term in 6 of them and 4 others (Dunning 1993's G², by hand).
    #expect(abs(CharacteristicTerms.logLikelihood(a: 6, n: 10, c: 4, total: 100) - 18.82871052321927) < 1e-9)
  }

  @Test func ranksOverRepresentedTermsOnly() {
    // Papers 0-3 in group 0, 4-7 in group 1. Term 0 in group 0's papers, term 1 everywhere, term 2 in group 1.
    let textTerms: [[Int32]] = [[0, 1], [0, 1], [0, 1], [1], [1, 2], [1, 2], [1], [1]]
    let groups = [[0], [0], [0], [0], [1], [1], [1], [1]]
    let ranked = CharacteristicTerms.rank(
      groupCount: 2, groupsOfText: groups, textTerms: textTerms, occurrences: [3, 8, 2], keys: ["a", "b", "c"])
    #expect(ranked[0].map(\.term) == [0] && ranked[0][0].papers == 3)
    #expect(ranked[1].map(\.term) == [2])
  }
}

@Suite struct CharacteristicTermsOfFewPapersTests {
  /// A term in only one of a group's papers does not label the group, however over-represented.
  @Test func aTermOfOneGroupPaperIsNoLabel() {
    // 20 papers, group 0 = papers 0-3. Term 0: papers 0 and 1 (2 of the group); term 1: paper 2 and
    // paper 10 (1 of the group, 1 outside: over-represented, 1/4 > 2/20); term 2 everywhere.
    var textTerms = [[Int32]](repeating: [2], count: 20)
    textTerms[0] = [0, 2]; textTerms[1] = [0, 2]; textTerms[2] = [1, 2]; textTerms[10] = [1, 2]
    let groups = (0 ..< 20).map { $0 < 4 ? [0] : [1] }
    let ranked = CharacteristicTerms.rank(
      groupCount: 2, groupsOfText: groups, textTerms: textTerms, occurrences: [2, 2, 20], keys: ["a", "b", "c"])
    #expect(ranked[0].map(\.term) == [0])
  }

  /// A group of one paper: that paper's terms, the most relevant (specific) first.
  @Test func onePaperTermsByRelevance() {
    let top = CharacteristicTerms.ofOnePaper(
      [0, 1, 2, 3], relevance: [0.5, 2.0, 1.0, 1.0], occurrences: [9, 2, 3, 4], keys: ["a", "b", "c", "d"], limit: 3)
    #expect(top == [1, 3, 2])
  }
}

@Suite struct OtherLanguagesTests {
  static let all = TermSettings(minOccurrences: 1, relevanceShare: 1)

  /// A German title gives German terms, its function words cut; nothing crashes.
  @Test func germanTitle() {
    let map = TermExtractor(settings: Self.all).extract([
      "Eine Untersuchung der Entscheidungsfindung für nachhaltige Energiesysteme", "Entscheidungsfindung und Energiesysteme",
    ])
    let keys = Set(map.terms.map(\.key))
    #expect(keys.contains("entscheidungsfindung") && keys.contains { $0.hasSuffix("energiesysteme") })
    #expect(!keys.contains { $0.split(separator: " ").contains { ["der", "für", "und", "eine"].contains(String($0)) } })
    #expect(map.summary.nonLatinWords == 0)
  }

  /// A Chinese title gives no terms and is counted; a mixed line keeps its English terms, cut
  /// at the Chinese words (`transformer 模型 for` never joins across them).
  @Test func chineseAndMixedTitles() {
    let chinese = TermExtractor(settings: Self.all).extract(["基于深度学习的图像识别", "图像识别"])
    #expect(chinese.terms.isEmpty && chinese.summary.textsWithWords == 0)
    #expect(chinese.summary.nonLatinWords == 2 && chinese.summary.textsWithNonLatin == 2)
    let mixed = TermExtractor(settings: Self.all).extract([
      "Transformer 模型 for 机器翻译: neural machine translation", "Neural machine translation with a transformer",
    ])
    let keys = Set(mixed.terms.map(\.key))
    #expect(keys.contains("neural machine translation") && keys.contains("transformer"))
    #expect(keys.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 0x250 } })
    #expect(mixed.summary.nonLatinWords == 2 && mixed.summary.textsWithNonLatin == 1)
  }
}
