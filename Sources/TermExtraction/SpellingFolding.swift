/// Folds British spellings to American ones (`behaviour` → `behavior`, `organisation` →
/// `organization`, `analysed` → `analyzed`), so that both count as one term. Applied after
/// ``PluralFolding`` to a lower-cased word (the last part of a hyphenated word). Labels still
/// show the most frequent written form.
///
/// Rules (the first that applies wins; a word no rule matches is returned unchanged):
///
/// 1. **-our → -or**: `…our` + one of `""`, `al`, `ed`, `ing`, `ite`, `able`, `ably`, `ful`,
///    `hood`, `er`, `less`, `ist`, `ism` (`colour`, `behavioural`, `favourite`, `labourer`,
///    `neighbourhood`), with at least two letters before `our`; never the words of
///    ``ourExceptions`` (`hour`, `four`, `your`, `tour`, `pour`, `contour`, `detour`, `devour`,
///    `glamour`, …), whose `-our` is the same in American English.
/// 2. **-yse → -yze**: `…yse`, `…ysed`, `…ysing`, `…yser` with at least two letters before
///    (`analyse`, `paralysed`, `catalysing`); `analysis`, `analyses` (→ `analysis`) are nouns
///    in `-ysis` and untouched.
/// 3. **-ise → -ize**: `…ise` + one of `""`, `d`, `r`, `s`, `ation`, `able`, and `…ising`,
///    `…isational` (`organise`, `optimiser`, `normalisation`, `tokenising`, `organisational`), when at least four letters come
///    before `ise`, the letter before `ise` is a consonant other than `w` (so `noise`, `raise`,
///    `cruise` and every `-wise`, `otherwise`, `pairwise`, stay), and the `-ise` word is not one
///    of ``iseExceptions`` (`precise`, `promise`, `expertise`, `exercise`, `supervise`,
///    `surprise`, `enterprise`, `compromise`, `advertise`, …), which American English spells
///    with `-ise` too, nor ends with one (`unsupervised`, `imprecise`; `arise` only as a word).
public enum SpellingFolding {
  /// The American spelling of `word` (lower-case), by the rules above.
  public static func american(_ word: String) -> String {
    if let dash = word.lastIndex(of: "-") {
      let tail = String(word[word.index(after: dash)...])
      let folded = american(tail)
      return folded == tail ? word : String(word[...dash]) + folded
    }
    guard word.utf8.count >= 5, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
    if let w = our(word) { return w }
    if let w = yse(word) { return w }
    if let w = ise(word) { return w }
    return word
  }

  static let ourEndings = ["", "al", "ed", "ing", "ite", "able", "ably", "ful", "hood", "er", "less", "ist", "ism"]
  /// Words in `-our` that American English spells the same (`hour`, `contour`, …).
  public static let ourExceptions: Set<String> = [
    "hour", "four", "your", "tour", "pour", "sour", "dour", "flour", "scour", "our", "contour", "detour", "devour",
    "glamour", "paramour", "troubadour", "velour", "amour", "downpour",
  ]

  static func our(_ word: String) -> String? {
    for ending in ourEndings.reversed() where word.hasSuffix("our" + ending) {
      let stem = word.dropLast(3 + ending.utf8.count)
      guard stem.utf8.count >= 2 else { continue }
      let base = stem + "our"
      if ourExceptions.contains(String(base)) { return nil }
      return stem + "or" + ending
    }
    return nil
  }

  static func yse(_ word: String) -> String? {
    for ending in ["yse", "ysed", "ysing", "yser"] where word.hasSuffix(ending) {
      let stem = word.dropLast(ending.utf8.count)
      guard stem.utf8.count >= 2 else { return nil }
      return stem + "yz" + ending.dropFirst(2)
    }
    return nil
  }

  /// Words in `-ise` that American English spells the same.
  public static let iseExceptions: Set<String> = [
    "precise", "imprecise", "concise", "promise", "compromise", "premise", "expertise", "exercise", "advertise",
    "merchandise", "enterprise", "franchise", "supervise", "televise", "improvise", "surprise", "comprise",
    "reprise", "apprise", "sunrise", "uprise", "despise", "disguise", "treatise", "paradise", "chemise", "mortise",
    "marquise", "circumcise", "excise", "incise", "chastise", "advise", "devise", "revise", "demise", "arise",
    "otherwise", "likewise", "clockwise", "franchise",
  ]

  static let iseEndings = ["ise", "ised", "iser", "ises", "ising", "isation", "isational", "isable"]

  static func ise(_ word: String) -> String? {
    for ending in iseEndings.reversed() where word.hasSuffix(ending) {
      let stem = word.dropLast(ending.utf8.count)
      guard stem.utf8.count >= 4, let last = stem.utf8.last, !"aeiouyw".utf8.contains(last) else { return nil }
      let base = String(stem) + "ise"
      if base == "arise" || iseExceptions.contains(where: { base.hasSuffix($0) && $0 != "arise" }) { return nil }
      return stem + "iz" + ending.dropFirst(2)
    }
    return nil
  }
}
