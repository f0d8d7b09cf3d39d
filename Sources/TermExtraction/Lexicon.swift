/// What a word may be in a term, in place of a part-of-speech tagger: a term is a noun phrase, so
/// it ends in a noun, and a one-word term is a noun that names something on its own.
///
/// The word classes come from WordNet 3.0's sense frequencies (`cntlist.rev`: how often each sense
/// of a lemma is tagged in the SemCor corpus), generated into `Lexicon+WordNet.swift` by
/// `scripts/generate-lexicon.py` (counts *n* noun, *v* verb, *a* adjective uses):
///
/// | class | rule | examples | in a term |
/// |---|---|---|---|
/// | verbs | *v* ≥ 5, *v* ≥ 3 *n* | `cause`, `exploit`, `learn`, `predict` | never first, never last |
/// | irregular verb forms | `verb.exc` forms of the two verb classes never tagged as nouns | `written`, `chosen`, `hidden` | never last |
/// | adjectives | *a* ≥ 5, *a* ≥ *n*, *a* > *v* | `upper`, `robust`, `sparse` | never last |
/// | verbs or nouns | *v* ≥ 5, 2 *v* ≥ *n* (not a verb) | `act`, `score`, `test`, `attack`, `plan` | not alone |
/// | gerunds of those verbs | `-ing` word whose verb (`-ing` off, or `-e` back, or a doubled consonant undone) is in a verb class or ``StopWords/reporting`` | `understanding`, `writing`, `testing`, `maximizing` | not alone |
///
/// So `cause` is never part of a term, `upper` never ends one (`upper bound` is kept), `acts` and
/// `understanding` never stand alone (`speech act`, `language understanding` are kept), and
/// `scaling` (the noun `scale` outnumbers the verb), `reasoning` and `clustering` stay terms. The
/// words of ``nouns`` are nouns in research writing whatever WordNet's general English says
/// (`design`, `control`, `flow`, `transfer`, `sample`); the nouns of
/// ``StopWords/nounsLikeAdjectives`` and ``StopWords/nounsInAl`` (`objective`, `signal`) too; the
/// words of ``modifiers`` are verbs that research writing uses as adjectives (`reverse
/// engineering`, `inverse problem`): they may start a term, not end it.
///
/// All are compared with the lower-cased, singular, American form of a word (``PluralFolding``,
/// ``SpellingFolding``).
public enum Lexicon {
  /// Words WordNet counts mostly as verbs or adjectives that research writing uses as nouns
  /// (our list): they may end a term and stand alone.
  public static let nouns: Set<String> = [
    "design", "control", "flow", "transfer", "sample", "match", "return", "display", "release", "filter", "query",
    "update", "map", "abstract", "average", "mean", "potential", "chemical", "material", "professional", "total",
    "principal", "equivalent", "optimum", "maximum", "minimum", "solid", "liquid", "fluid", "medium", "plastic", "metal",
    "attack", "search", "trust", "change", "survey", "cluster", "load", "link", "record", "exchange", "demand",
    "supply", "cost", "risk", "support", "frame", "trace", "trigger", "buffer", "thread", "anchor", "stake",
    "estimate", "interview", "graduate", "range", "influence", "sign",
    // Technical nouns that general English mostly uses as verbs (`prompt injection`, `Fourier
    // transform`, `random walk`, `concept drift`, `graph cut`, `information gain`, `fall detection`).
    "prompt", "transform", "walk", "drift", "cut", "fit", "gain", "grasp", "slip", "fall", "forecast", "review",
    "bid", "jump", "lift", "roll", "drop", "reach", "play", "guide", "shift", "split", "feed", "label", "tag",
    "vote", "answer", "place", "post",
  ]

  /// Verbs in WordNet's counts that start noun phrases of research as adjectives (our list).
  public static let modifiers: Set<String> = ["reverse", "inverse", "invert", "forward", "counter", "open", "close", "round", "select"]

  /// Whether `word` (lower-case, singular, American) may start a term: not a verb of the lexicon,
  /// unless it is one of ``nouns`` or ``modifiers``.
  public static func mayStart(_ word: String) -> Bool {
    nouns.contains(word) || modifiers.contains(word) || !wordNetVerbs.contains(word)
  }

  /// Whether `word` (lower-case, singular, American) may end a term: not a verb, an irregular
  /// verb form or an adjective of the lexicon, unless it is one of ``nouns``.
  public static func mayEnd(_ word: String) -> Bool {
    if nouns.contains(word) { return true }
    return !(wordNetVerbs.contains(word) || wordNetVerbForms.contains(word) || wordNetAdjectives.contains(word))
  }

  /// Whether `word` may be a one-word term: it may end a term, and it is neither a verb-or-noun
  /// nor the gerund of a verb, unless it is one of ``nouns``.
  public static func mayStandAlone(_ word: String) -> Bool {
    if nouns.contains(word) { return true }
    if wordNetVerbsOrNouns.contains(word) || !mayEnd(word) { return false }
    return !isGerundOfVerb(word)
  }

  /// Whether `word` is the `-ing` form of a verb of the lexicon or of ``StopWords/reporting``
  /// (`writing` ← `write`, `testing` ← `test`, `running` ← `run`, `maximizing` ← `maximize`).
  public static func isGerundOfVerb(_ word: String) -> Bool {
    guard word.utf8.count >= 6, word.hasSuffix("ing"), !word.contains("-") else { return false }
    let stem = String(word.dropLast(3))
    var verbs = [stem, stem + "e"]
    let u = Array(stem.utf8)
    if u.count >= 2, u[u.count - 1] == u[u.count - 2] { verbs.append(String(stem.dropLast())) }
    return verbs.contains { isVerb($0) }
  }

  static func isVerb(_ lemma: String) -> Bool {
    !nouns.contains(lemma)
      && (wordNetVerbs.contains(lemma) || wordNetVerbsOrNouns.contains(lemma) || StopWords.reporting.contains(lemma))
  }
}
