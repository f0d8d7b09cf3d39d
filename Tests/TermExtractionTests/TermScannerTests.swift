import Testing

@testable import TermExtraction

@Suite struct TermScannerTests {
  func words(_ text: String) -> [String] {
    var scanner = TermScanner()
    return scanner.pieces(text).map { if case .word(let w) = $0 { w } else { "|" } }
  }

  @Test func latexCommandsAreRemovedAndCitationsDropped() {
    // A sentence in the style of arXiv abstracts.
    let text = #"We study \textit{sparse autoencoders} as in \citep{cunningham2023sparse}, see \ref{fig:1}, with loss $\mathcal{L} = \|x\|_2$ and \emph{dictionary learning}."#
    #expect(words(text) == ["We", "study", "sparse", "autoencoders", "as", "in", "|", "see", "|", "with", "loss", "|", "and", "dictionary", "learning", "|"])
  }

  @Test func bracesAreIgnoredAndEscapesCut() {
    #expect(words(#"{BERT} and {GPT}-style models \& more"#) == ["BERT", "and", "GPT-style", "models", "|", "more"])
  }

  @Test func hyphensApostrophesAndNumbers() {
    let text = "Fine-tuning GPT-4's reward model on 2023 data - a model's view (3.5 billion tokens)"
    #expect(words(text) == ["Fine-tuning", "GPT-4", "reward", "model", "on", "|", "data", "|", "model", "view", "|", "billion", "tokens", "|"])
  }

  @Test func nonLatinWordsCutRunsAndAreCounted() {
    var scanner = TermScanner()
    let pieces = scanner.pieces("Большие языковые модели and large language models 大規模言語モデル")
    #expect(pieces == [.word("and"), .word("large"), .word("language"), .word("models"), .cut])
    #expect(scanner.nonLatinWords == 4)
    // Latin letters with accents are words.
    #expect(words("Análisis multicriterio élémentaire") == ["Análisis", "multicriterio", "élémentaire"])
  }
}

@Suite struct PluralFoldingTests {
  @Test(arguments: [
    ("models", "model"), ("studies", "study"), ("policies", "policy"), ("approaches", "approach"),
    ("boxes", "box"), ("processes", "process"), ("analyses", "analysis"), ("hypotheses", "hypothesis"),
    ("criteria", "criterion"), ("phenomena", "phenomenon"), ("matrices", "matrix"), ("data", "data"),
    ("loss", "loss"), ("corpus", "corpus"), ("analysis", "analysis"), ("basis", "basis"),
    ("consensus", "consensus"), ("robotics", "robotics"), ("llms", "llm"), ("responses", "response"),
    ("biases", "bias"), ("caches", "cache"), ("series", "series"), ("means", "means"),
    ("fine-tuned-models", "fine-tuned-model"), ("heroes", "hero"), ("gas", "gas"), ("autoencoders", "autoencoder"),
  ])
  func singular(_ pair: (String, String)) {
    #expect(PluralFolding.singular(pair.0) == pair.1)
  }
}

@Suite struct TermScannerURLTests {
  @Test func webAddressesAreDropped() {
    var scanner = TermScanner()
    let pieces = scanner.pieces("Code is available at: https://github.com/AsaCooperStickland/situational-awareness and www.example.org now")
    let words = pieces.compactMap { if case .word(let w) = $0 { w } else { nil } }
    #expect(words == ["Code", "is", "available", "at", "and", "now"])
  }
}
