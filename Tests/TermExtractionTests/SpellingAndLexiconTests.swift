import Testing

@testable import TermExtraction

@Suite struct SpellingFoldingTests {
  @Test func britishSpellingsFoldToAmerican() {
    let pairs = [
      ("behaviour", "behavior"), ("behavioural", "behavioral"), ("colour", "color"), ("favourite", "favorite"),
      ("labourer", "laborer"), ("neighbourhood", "neighborhood"), ("honour", "honor"), ("vapour", "vapor"),
      ("odour", "odor"), ("tumour", "tumor"), ("organise", "organize"), ("organisation", "organization"),
      ("optimiser", "optimizer"), ("normalised", "normalized"), ("tokenising", "tokenizing"),
      ("regularisation", "regularization"), ("characterise", "characterize"), ("analyse", "analyze"),
      ("analysed", "analyzed"), ("paralysing", "paralyzing"), ("catalyser", "catalyzer"),
      ("self-organising", "self-organizing"), ("prioritisation", "prioritization"),
    ]
    for (british, american) in pairs {
      #expect(SpellingFolding.american(british) == american, "\(british)")
      // American spellings are left as they are.
      #expect(SpellingFolding.american(american) == american, "\(american)")
    }
  }

  @Test func wordsWhereTheRuleIsWrongStay() {
    let same = [
      "hour", "four", "your", "tour", "pour", "flour", "scour", "contour", "detour", "devour", "glamour",
      "precise", "imprecise", "concise", "otherwise", "pairwise", "noise", "denoise", "denoising", "promise",
      "compromised", "expertise", "exercise", "exercising", "supervised", "unsupervised", "surprising", "enterprise",
      "advertise", "revised", "raise", "cruise", "franchise", "analysis", "paralysis", "courage", "resource",
      "tournament", "journal", "arise", "premise",
    ]
    for word in same { #expect(SpellingFolding.american(word) == word, "\(word)") }
  }

  @Test func bothSpellingsAreOneTerm() {
    let map = TermExtractor(settings: TermSettings(minOccurrences: 1, relevanceShare: 1)).extract([
      "Organisational behaviour of agents", "Organizational behavior in firms", "Behavioural economics",
    ])
    let behavior = map.terms.first { $0.key == "organizational behavior" }
    #expect(behavior?.occurrences == 2)
    #expect(!map.terms.contains { $0.key.contains("behaviour") || $0.key.contains("organisational") })
    #expect(map.terms.contains { $0.key == "behavioral economics" && $0.label == "behavioural economics" })
  }
}

@Suite struct LexiconTests {
  @Test func wordClassesFromWordNet() {
    // Verbs (SemCor: tagged as verbs at least 3 times as often as nouns): never first or last
    // (`reverse` may start one: `reverse engineering`).
    for verb in ["cause", "exploit", "reverse", "learn", "predict"] { #expect(!StopWords.canEndTerm(verb), "\(verb)") }
    for verb in ["cause", "exploit", "learn", "predict"] { #expect(!StopWords.canStartTerm(verb), "\(verb)") }
    #expect(StopWords.canStartTerm("reverse") && StopWords.canStartTerm("upper") && StopWords.canStartTerm("model"))
    // Adjectives: never the last word.
    for adjective in ["upper", "robust", "sparse", "hidden", "written"] { #expect(!StopWords.canEndTerm(adjective), "\(adjective)") }
    // Verbs or nouns, and gerunds of verbs: may end a term, never alone.
    for word in ["act", "score", "test", "understanding", "writing", "testing", "maximizing", "training"] {
      #expect(StopWords.canEndTerm(word) && !StopWords.canStandAlone(word), "\(word)")
    }
    // Nouns, and gerunds whose verb is rarer than its noun (`scale`, `reason`, `cluster`).
    for noun in ["behavior", "model", "scaling", "reasoning", "clustering", "design", "control", "superposition", "objective", "signal"] {
      #expect(StopWords.canStandAlone(noun), "\(noun)")
    }
  }

  @Test func verbsAndAdjectivesInRealSentences() {
    // Sentences from the bundled listing's abstracts and arXiv titles.
    let texts = [
      "Claude 3 Opus acts as an alignment faker when it believes it is in training.",
      "Reverse engineering the mechanisms that cause sycophancy in speech acts.",
      "Towards understanding sycophancy; natural language understanding of the upper bound.",
      "Writing code with language models: testing and unit testing.",
    ]
    let map = TermExtractor(settings: TermSettings(minOccurrences: 1, relevanceShare: 1)).extract(texts)
    let keys = Set(map.terms.map(\.key))
    #expect(keys.isSuperset(of: ["reverse engineering", "speech act", "natural language understanding", "unit testing", "sycophancy", "alignment faker"]))
    #expect(keys.isDisjoint(with: ["act", "cause", "reverse", "understanding", "writing", "testing", "upper", "training"]))
    // `cause` (a verb) neither starts nor ends a term; `upper` (an adjective) ends none.
    #expect(!keys.contains { $0.hasPrefix("cause ") || $0.hasSuffix(" cause") || $0.hasSuffix(" upper") })
  }
}
