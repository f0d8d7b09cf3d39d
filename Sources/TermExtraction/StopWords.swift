/// The words that end a candidate term (they are never part of one).
///
/// Two lists:
///
/// - ``english``: the English stop word list of the Snowball project (M. Porter,
///   `snowball.tartarus.org/algorithms/english/stop.txt`, BSD licence, as shipped with Lucene
///   4.7.2 `analysis/common/.../snowball/english_stop.txt`): every word of that file, including
///   the "commonest words" it lists in comments (`one`, `also`, `however`, `new`, …), plus `us`
///   (commented out there because of "US"; terms are lower-cased, so it is kept out here).
/// - ``reporting``: our own list of the verbs, adverbs and adjectives with which research is
///   reported (`propose`, `show`, `novel`, `significantly`, `state-of-the-art`, …). Without a
///   part-of-speech tagger (VOSviewer uses Apache OpenNLP's) they would join noun phrases
///   (`we show`, `significantly improve`); they cut a term like stop words.
///
/// A third list, ``genericNouns`` (`paper`, `approach`, `result`, `method`, `analysis`, …), holds
/// the "general terms" that van Eck & Waltman's relevance score is meant to push out (van Eck &
/// Waltman 2011, §3: "terms such as *paper*, *result* and *method*"). They do not cut a term
/// (`sentiment analysis`, `analytic hierarchy process` are topics) but a term made only of them
/// is never a candidate (`analysis`, `proposed method` → `method`, `performance evaluation`).
///
/// A term must also end like a noun phrase (VOSviewer keeps noun phrases that end with a noun):
/// its last word may not end in `-ed` (`fine-tuned`, `observed`; not `-eed`: `speed`), `-ous`,
/// `-ful`, `-able`, `-ible` or `-ive` (`harmful`, `scalable`, `deceptive`), except the nouns of
/// ``nounsLikeAdjectives`` (`objective`, `incentive`, `alternative`, `variable`, `table`, …),
/// nor in `-al`, `-ian`, `-ean` (`neural`, `empirical`, `bayesian`, `european`) except the nouns
/// of ``nounsInAl`` (`proposal`, `retrieval`, `signal`, `hessian`, …), nor be one of the common
/// ``adjectives`` without such an ending (`internal`, `sparse`, `hybrid`, `greek`, …).
///
/// Beyond these endings, ``Lexicon`` (WordNet's verbs and adjectives) says which words may not
/// end a term (`cause`, `upper`) and which may not stand alone (`act`, `understanding`).
///
/// All are compared with the lower-cased, singular, American form of a word.
public enum StopWords {
  /// Snowball's English stop words (and the commonest words listed in its comments).
  public static let english: Set<String> = [
    "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
    "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
    "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
    "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "having", "do", "does", "did", "doing", "would", "should", "could", "ought", "i'm", "you're", "he's",
    "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd",
    "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't",
    "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't",
    "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's", "that's",
    "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
    "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
    "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from",
    "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here",
    "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
    "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
    // Listed in comments of the Snowball file as "among the commonest in English".
    "one", "every", "least", "less", "many", "now", "ever", "never", "say", "says", "said", "also", "get",
    "go", "goes", "just", "made", "make", "put", "see", "seen", "whether", "like", "well", "back", "even",
    "still", "way", "take", "since", "another", "however", "two", "three", "four", "five", "first",
    "second", "new", "old", "high", "long",
    // Forms of the auxiliaries the Snowball file leaves out for their homonyms (will, can, may,
    // must, might): in abstracts they are nearly always auxiliaries.
    "will", "can", "may", "must", "might", "shall",
    // Further function words of scientific English (Snowball has "towards"-less British forms).
    "toward", "towards", "via", "within", "without", "among", "across", "along", "upon", "per", "onto",
    "whose", "thus", "hence", "therefore", "yet", "although", "though", "whereas", "despite", "unlike",
    "beyond", "around", "either", "neither", "rather", "often", "much", "several", "various", "whilst",
    "including", "given", "due", "versus", "vs", "etc", "e.g", "i.e", "al", "et",
  ]

  /// Verbs, adverbs and adjectives of research reporting: cut a term like stop words (our list).
  public static let reporting: Set<String> = [
    "novel", "propose", "proposed", "present", "presented", "introduce", "introduced", "show", "shown",
    "showed", "demonstrate", "demonstrated", "find", "found", "suggest", "suggested", "provide",
    "provided", "offer", "offered", "describe", "described", "discus", "discuss", "discussed",
    "investigate", "investigated", "examine", "examined", "explore", "explored", "consider",
    "considered", "address", "addressed", "studied", "report", "reported", "obtain", "obtained",
    "achieve", "achieved", "perform", "performed", "improve", "improved", "outperform", "enable",
    "enabled", "allow", "allowed", "lead", "led", "remain", "become", "require", "required", "making",
    "help", "need", "include", "included", "contain", "contained", "based", "using", "used", "via",
    "well-known", "known", "important", "significant", "significantly", "effective", "effectively",
    "efficient", "efficiently", "different", "similar", "specific", "particular", "particularly",
    "key", "main", "major", "good", "better", "best", "great", "greater", "higher", "lower", "able",
    "possible", "potentially", "likely", "certain", "whole", "simple", "common", "wide", "broad",
    "strong", "weak", "critical", "crucial", "essential", "fundamental", "promising", "powerful",
    "challenging", "difficult", "easy", "third", "finally", "additionally", "moreover", "furthermore",
    "specifically", "respectively", "namely", "overall", "thereby", "whereby", "wherein", "therein",
    "already", "recently", "previously", "currently", "typically", "usually", "generally", "widely",
    "highly", "largely", "mainly", "especially", "directly", "increasingly", "substantially",
    "state-of-the-art", "existing", "current", "recent", "prior", "previous", "capable", "aim", "aims",
    "aimed", "develop", "developed", "design", "designed", "apply", "applied", "evaluate", "evaluated",
    "compare", "compared", "identify", "identified", "analyze", "analyzed", "analyse", "analysed",
    "assess", "assessed", "focus", "focused", "focuses", "call", "called", "named", "termed",
    "exhibit", "exhibited", "reveal", "revealed", "indicate", "indicated", "yield", "yielded",
    "capture", "captured", "leverage", "leveraging", "utilize", "utilized", "utilizing", "employ",
    "employed", "employing", "adopt", "adopted", "tackle", "solve", "solved", "achieving",
    "providing", "proposing", "introducing", "showing", "demonstrating", "finding", "suggesting",
    "improving", "enabling", "allowing", "requiring", "remaining", "becoming", "increase",
    "increased", "reduce", "reduced", "better", "extensive", "comprehensive", "various", "numerous",
    "able", "unable", "available", "further", "toward", "make", "made", "take", "taken",
    // Common verbs of abstracts that are rarely nouns.
    "give", "given", "represent", "prevent", "fail", "observe", "deploy", "maximize", "maximise", "minimize",
    "minimise", "steer", "incentivize", "incentivise", "write", "produce", "predict", "learn", "train",
    "explain", "understand", "detect", "encourage", "affect", "decrease", "mitigate", "elicit", "induce",
    "remove", "create", "build", "know", "think", "want", "try", "seem", "appear", "tend", "argue", "claim",
    "believe", "expect", "hope", "ensure", "avoid", "rely", "depend", "relate", "involve", "contribute",
    "emerge", "arise", "occur", "exist", "hold", "run", "keep", "let", "come", "look", "turn", "bring",
    "begin", "start", "continue", "sometimes", "fully", "truly", "newly", "rather", "instead", "thus",
    "nowadays", "indeed", "almost", "enough", "analysing", "analyzing", "considering", "regarding", "concerning",
    // Publishers' copyright lines at the end of Web of Science and Scopus abstracts
    // ("(C) 2015 Elsevier Ltd. All rights reserved.").
    "copyright", "ltd", "inc", "gmbh", "llc", "elsevier", "springer", "springer-verlag", "wiley",
    "rights", "reserved", "publisher", "published",
  ]

  /// General nouns of research reporting: allowed inside a term, but a term made only of them is
  /// dropped (our list; see the type).
  public static let genericNouns: Set<String> = [
    "paper", "article", "work", "study", "research", "approach", "method", "methodology", "technique",
    "result", "finding", "analysis", "contribution", "experiment", "evaluation", "investigation",
    "framework", "problem", "question", "issue", "goal", "objective", "purpose", "topic", "literature",
    "review", "survey", "overview", "introduction", "conclusion", "discussion", "case", "example",
    "evidence", "insight", "implication", "limitation", "challenge", "solution", "application", "use",
    "usage", "set", "number", "amount", "level", "range", "type", "kind", "form", "part", "aspect",
    "factor", "effect", "impact", "role", "term", "order", "respect", "regard", "basis", "fact", "idea",
    "notion", "concept", "thing", "lot", "variety", "field", "area", "domain", "context", "setting",
    "scenario", "situation", "condition", "manner", "process", "property", "feature",
    "characteristic", "step", "stage", "phase", "time", "year", "day", "end", "top", "baseline",
    "performance", "improvement", "advance", "advancement", "development", "progress", "trend",
    "direction", "future", "ability", "model", "system", "task", "data", "dataset", "datum",
    "technology", "tool", "strategy", "algorithm", "structure", "design", "quality", "value",
    "information", "knowledge", "practice", "tradeoff", "trade-off", "benchmark", "prediction",
    "application", "large", "small", "real", "general", "high", "low", "multiple", "single", "complex",
    "potential", "recent", "important", "various", "way", "abstract", "version", "account", "point",
    "change", "group", "line", "measure", "mean", "need", "output", "input", "sample", "source",
    "space", "test", "way", "world", "person", "people", "human", "researcher", "author", "user",
    "size", "presence", "position", "reason", "element", "member", "state", "period", "rate", "center",
    "centre", "component", "category", "target", "mechanism",
  ]

  /// Function words of French, Spanish, Portuguese, Italian and German (articles, prepositions,
  /// conjunctions), so that a title in those languages is cut like an English one (`choix
  /// traduisant la réalité` gives no `traduisant la`). Its other words still give terms in that
  /// language (our list).
  public static let otherLanguages: Set<String> = [
    "la", "le", "les", "de", "des", "du", "et", "en", "un", "une", "au", "aux", "sur", "dans", "par", "pour",
    "avec", "est", "sont", "ce", "cette", "ces", "qui", "que", "el", "los", "las", "del", "y", "por", "para",
    "con", "se", "su", "sus", "una", "es", "como", "entre", "da", "dos", "das", "em", "com", "os", "um", "uma",
    "na", "nas", "nos", "ao", "il", "di", "della", "delle", "dei", "degli", "nel", "nella", "per", "sul", "che",
    "der", "die", "und", "den", "dem", "ein", "eine", "einer", "eines", "mit", "von", "zur", "zum", "im", "auf",
    "für", "über", "ist", "sind", "nicht", "als", "bei", "aus", "wie",
  ]

  /// Words that mark the next word as a verb (`we`, `to`, `can`, …): see ``TermExtractor``.
  public static let verbCues: Set<String> = [
    "to", "we", "can", "will", "may", "might", "should", "must", "could", "would", "cannot", "they", "not", "also",
    "often", "generally", "usually", "does", "do", "did", "shall",
  ]

  /// Determiners that, right after a word, mark it as a verb (`choose the`, `plays a`).
  public static let determiners: Set<String> = [
    "the", "a", "an", "its", "their", "our", "this", "these", "those", "his", "her", "such", "each", "every", "them",
    "it", "us",
  ]

  /// Nouns with an adjective's ending, which may end a term.
  public static let nounsLikeAdjectives: Set<String> = [
    "objective", "alternative", "incentive", "initiative", "perspective", "directive", "narrative",
    "representative", "derivative", "executive", "detective", "collective", "motive", "archive",
    "drive", "hive", "olive", "native", "adjective", "explosive", "negative", "positive", "primitive",
    "imperative", "detective", "operative", "conservative", "cable", "table", "variable", "vegetable",
    "timetable", "syllable", "constable", "fable", "stable", "bible", "red", "bed", "shed", "seed", "need",
    "feed", "speed", "breed", "greed", "weed", "deed", "hundred", "sled", "embed", "thread", "bread", "spread",
    "sacred", "kindred", "hatred", "wed", "fed", "led", "med", "ted", "zed", "bled",
  ]

  /// Common adjectives without an adjective's ending: they may start a term, not end it (our list).
  public static let adjectives: Set<String> = [
    "internal", "external", "high-level", "low-level", "rapid", "early", "late", "correct", "incorrect", "worth",
    "concrete", "individual", "real-world", "toy", "human-level", "open", "closed", "full", "free", "hard", "soft",
    "fast", "slow", "deep", "shallow", "short", "wide", "narrow", "rich", "poor", "clear", "true", "false",
    "large-scale", "small-scale", "fine-grained", "coarse-grained", "end-to-end", "multi", "non", "pre", "post",
    "million", "billion", "thousand", "hundred", "little", "due", "able", "local", "global", "final", "initial",
    "natural", "novel", "empirical", "theoretical", "practical", "typical", "actual", "additional", "optimal",
    "central", "potential", "crucial", "normal", "formal", "informal", "original", "overall", "special",
    "recent", "current", "different", "efficient", "sufficient", "robust", "safe", "unsafe", "harmless",
    "honest", "dishonest", "aware", "unaware", "interpretable", "latent", "hidden", "sparse", "dense",
    "huge", "last", "hybrid", "constant", "interesting", "surprising", "resulting", "considering", "remaining",
    "strategic", "systematic", "economic", "scientific", "specific", "academic", "dynamic", "generic", "semantic",
    "public", "basic", "automatic", "realistic", "synthetic", "symbolic", "organic", "intrinsic", "extrinsic",
    "heterogeneous", "homogeneous", "visual", "greek", "dutch", "french", "english", "german", "spanish",
    "chinese", "japanese", "turkish", "polish", "swedish", "danish", "finnish", "irish", "british", "thai",
    "multiple", "single", "various", "several", "modern", "traditional", "classic", "entire", "complete",
  ]

  /// Nouns in `-al`, `-ical` and `-ian`/`-ean`, which may end a term (the other words with these
  /// endings are adjectives: `neural`, `empirical`, `bayesian`, `european`).
  public static let nounsInAl: Set<String> = [
    "proposal", "approval", "retrieval", "rival", "arrival", "trial", "signal", "manual", "interval", "journal",
    "hospital", "capital", "animal", "material", "potential", "individual", "terminal", "portal", "tutorial",
    "festival", "criminal", "chemical", "professional", "mineral", "metal", "crystal", "pedal", "canal", "total",
    "goal", "deal", "meal", "seal", "steal", "appeal", "ideal", "coal", "final", "rental", "survival", "removal",
    "renewal", "referral", "disposal", "withdrawal", "denial", "dial", "vial", "cardinal", "ordinal",
    "principal", "mammal", "medal", "petal", "scandal", "interval", "opal", "oval", "spiral", "rationale",
    "physician", "musician", "technician", "politician", "librarian", "guardian", "median", "civilian",
    "historian", "comedian", "custodian", "mathematician", "statistician", "pedestrian", "vegetarian",
    "hessian", "jacobian", "laplacian", "gaussian", "lagrangian", "hamiltonian", "veteran", "meridian",
    "tutorial", "editorial", "memorial", "aerial", "serial", "general", "colonel", "funeral", "moral",
    "chorale", "fractal", "integral", "differential", "polynomial", "binomial", "residual", "marginal",
    "exponential", "sequential", "adversarial", "rational", "vertical", "horizontal", "diagonal", "orthogonal",
  ]

  /// Whether a word (lower case, singular) may be the last word of a term.
  public static func canEndTerm(_ word: String) -> Bool {
    if adjectives.contains(word) { return false }
    if nounsLikeAdjectives.contains(word) || nounsInAl.contains(word) { return true }
    // The lexicon's verbs and adjectives (WordNet), for a hyphenated word its last part
    // (`data-driven`).
    let last = word.lastIndex(of: "-").map { String(word[word.index(after: $0)...]) } ?? word
    if last.utf8.count >= 3, !Lexicon.mayEnd(last) { return false }
    if word.utf8.count >= 5 && (word.hasSuffix("al") || word.hasSuffix("ian") || word.hasSuffix("ean")) { return false }
    for suffix in ["ed", "ous", "ful", "able", "ible", "ive"] where word.hasSuffix(suffix) {
      return suffix == "ed" && word.hasSuffix("eed")
    }
    return true
  }

  /// Whether a word (lower case, singular, American) may be the first word of a term
  /// (``Lexicon/mayStart(_:)``: not a verb such as `cause`, `exploit`).
  public static func canStartTerm(_ word: String) -> Bool {
    let last = word.lastIndex(of: "-").map { String(word[word.index(after: $0)...]) } ?? word
    return word.contains("-") || Lexicon.mayStart(last)
  }

  /// Whether a word (lower case, singular, American) may be a one-word term: it may end a term
  /// and is not a verb-or-noun or the gerund of a verb (``Lexicon/mayStandAlone(_:)``).
  public static func canStandAlone(_ word: String) -> Bool {
    guard canEndTerm(word) else { return false }
    return nounsLikeAdjectives.contains(word) || nounsInAl.contains(word) || Lexicon.mayStandAlone(word)
  }
}
