/// Folds an English plural to its singular (`models` → `model`, `studies` → `study`,
/// `analyses` → `analysis`), so that both count as one term.
///
/// Rules, in order, on a lower-cased word (the last part of a hyphenated word: `fine-tuned
/// models` → `fine-tuned model`); the first that applies wins:
///
/// 1. Words of three letters or fewer, and the words of ``unchanged`` (`data`, `media`, `news`,
///    `series`, `species`, `means`, `lens`, `chaos`, …) stay as they are.
/// 2. Irregular and Latin/Greek plurals from ``irregular``: `analyses` → `analysis`, `hypotheses`
///    → `hypothesis`, `criteria` → `criterion`, `phenomena` → `phenomenon`, `matrices` → `matrix`,
///    `vertices` → `vertex`, `indices` → `index`, `corpora` → `corpus`, `stimuli` → `stimulus`,
///    `automata` → `automaton`, `children` → `child`, `biases` → `bias`, `caches` → `cache`, ….
/// 3. Never folded: words ending in `-ss` (`loss`, `class`), `-us` (`corpus`, `consensus`,
///    `various`), `-is` (`analysis`, `basis`) and `-ics` (`physics`, `robotics`, `ethics`).
/// 4. `-ies` → `-y` (`studies` → `study`, `policies` → `policy`) for words of five letters or more.
/// 5. `-ches`, `-shes`, `-xes`, `-zzes`, `-sses`, `-oes` → drop `-es` (`approaches` →
///    `approach`, `boxes` → `box`, `processes` → `process`, `heroes` → `hero`).
/// 6. Any other `-s` → drop it (`models` → `model`, `responses` → `response`, `llms` → `llm`).
///
/// Singular nouns ending in `-s` that these rules would cut belong in ``unchanged``; that list is
/// short on purpose, and a thesaurus file (`term-merge`) fixes what it misses.
public enum PluralFolding {
  /// The singular of `word` (lower-case), by the rules above.
  public static func singular(_ word: String) -> String {
    // Hyphenated: fold the last part only.
    if let dash = word.lastIndex(of: "-") {
      let tail = String(word[word.index(after: dash)...])
      let folded = singular(tail)
      return folded == tail ? word : String(word[...dash]) + folded
    }
    if let single = irregular[word] { return single }
    let u = word.utf8
    guard u.count > 3, u.last == UInt8(ascii: "s") else { return word }
    if unchanged.contains(word) { return word }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.hasSuffix("ics") { return word }
    if word.hasSuffix("ies") { return u.count >= 5 ? String(word.dropLast(3)) + "y" : String(word.dropLast(1)) }
    for suffix in ["ches", "shes", "xes", "zzes", "sses", "oes"] where word.hasSuffix(suffix) {
      return String(word.dropLast(2))
    }
    return String(word.dropLast())
  }

  /// Words that look plural but are not (or whose plural is the same).
  public static let unchanged: Set<String> = [
    "data", "media", "news", "series", "species", "means", "lens", "chaos", "cosmos", "ethos", "logos",
    "pathos", "kudos", "perhaps", "always", "sometimes", "whereas", "towards", "afterwards", "besides",
    "nowadays", "diabetes", "herpes", "measles", "rabies", "scabies", "mumps", "thanks", "alias", "atlas",
    "bias", "canvas", "gas", "pancreas", "texas", "christmas", "mars", "sars", "aids", "covid", "sepsis",
    "tennis", "wales", "athens", "paris", "brussels", "los", "las", "dos", "pros", "cons", "yes", "ios",
    "macos", "windows", "kubernetes", "pandas", "keras", "graphics", "mathematics", "physics", "ethics",
    "economics", "statistics", "politics", "robotics", "linguistics", "semantics", "dynamics",
    "genetics", "genomics", "mechanics", "optics", "analytics", "logistics", "diagnostics",
    "electronics", "informatics", "metrics", "lyrics", "heuristics", "basics", "aesthetics",
    "headquarters", "crossroads", "whereabouts", "odds", "outskirts", "savings", "earnings",
    "surroundings", "proceedings", "belongings", "glasses", "trousers", "scissors", "clothes",
    "diagnosis", "prognosis", "thesis", "tuberculosis", "canvas", "k-means", "gps", "dns", "https",
  ]

  /// Irregular plurals and Latin/Greek forms, and `-es` plurals the suffix rules would cut wrong.
  public static let irregular: [String: String] = [
    "analyses": "analysis", "hypotheses": "hypothesis", "theses": "thesis", "syntheses": "synthesis",
    "diagnoses": "diagnosis", "prognoses": "prognosis", "crises": "crisis", "parentheses": "parenthesis",
    "emphases": "emphasis", "axes": "axis", "ellipses": "ellipsis", "bases": "base", "oases": "oasis",
    "criteria": "criterion", "phenomena": "phenomenon", "automata": "automaton", "polyhedra": "polyhedron",
    "matrices": "matrix", "vertices": "vertex", "indices": "index", "appendices": "appendix",
    "apices": "apex", "simplices": "simplex", "cortices": "cortex", "corpora": "corpus",
    "genera": "genus", "stimuli": "stimulus", "foci": "focus", "loci": "locus", "radii": "radius",
    "nuclei": "nucleus", "fungi": "fungus", "cacti": "cactus", "alumni": "alumnus", "formulae": "formula",
    "schemata": "schema", "curricula": "curriculum", "strata": "stratum", "spectra": "spectrum",
    "optima": "optimum", "maxima": "maximum", "minima": "minimum", "quanta": "quantum", "lemmata": "lemma",
    "desiderata": "desideratum", "addenda": "addendum", "errata": "erratum", "memoranda": "memorandum",
    "children": "child", "women": "woman", "men": "man", "mice": "mouse", "feet": "foot", "teeth": "tooth",
    "geese": "goose", "biases": "bias", "aliases": "alias", "atlases": "atlas", "canvases": "canvas",
    "gases": "gas", "viruses": "virus", "statuses": "status", "bonuses": "bonus", "campuses": "campus",
    "consensuses": "consensus", "corpuses": "corpus", "buses": "bus", "syllabuses": "syllabus",
    "caches": "cache", "niches": "niche", "headaches": "headache", "avalanches": "avalanche",
    "psyches": "psyche", "cliches": "cliche", "quizzes": "quiz", "movies": "movie", "cookies": "cookie",
    "calories": "calorie", "zombies": "zombie", "rookies": "rookie", "selfies": "selfie",
    "prairies": "prairie", "hippies": "hippie", "genies": "genie", "newbies": "newbie", "lies": "lie",
    "ties": "tie", "pies": "pie", "dies": "die", "shoes": "shoe", "toes": "toe", "canoes": "canoe",
    "oboes": "oboe", "lenses": "lens", "series": "series", "species": "species", "leaves": "leaf",
    "halves": "half", "lives": "life", "wives": "wife", "knives": "knife", "selves": "self",
    "wolves": "wolf", "shelves": "shelf",
  ]
}
