/// Cuts a text (a title or an abstract) into words and cuts, the first step of term extraction.
///
/// - **Words**: runs of Latin letters (ASCII, Latin-1 and Latin Extended letters, with combining
///   accents) and digits, with inner hyphens (`fine-tuning`, `GPT-4`) and inner apostrophes
///   (`don't`); a final `'s` or `'` is dropped (`model's` → `model`). Curly apostrophes and
///   Unicode hyphens count as their ASCII forms.
/// - **Cuts** (a term never spans one): punctuation (`, . ; : ( ) [ ] ! ? / & " …`), dashes with
///   spaces, digits-only tokens (`2023`, `3.5`), one-letter tokens, words with a non-Latin letter
///   (Greek, Cyrillic, CJK, Arabic, …: counted in ``nonLatinWords``, never made into terms),
///   LaTeX math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) and citation-like LaTeX commands.
/// - **Web addresses** (`https://github.com/…`, `http://…`, `www.…`) up to the next space are
///   dropped (a cut).
/// - **LaTeX**: `\cite…{…}` (`\citep`, `\citet`, …), `\ref{…}`, `\eqref`, `\cref`, `\autoref`,
///   `\label`, `\url`, `\footnote`, `\includegraphics` are dropped with their argument (a cut);
///   any other command (`\textit{x}`, `\emph{x}`, `\textbf{x}`) is dropped and its argument kept.
///   Braces are ignored (`{BERT}` is `BERT`), `~` is a space, `\&` `\%` `\\` cut.
///
/// Whitespace (line breaks included) only separates words.
public struct TermScanner {
  /// One piece of a text.
  public enum Piece: Equatable, Sendable {
    /// A word as written (its case kept).
    case word(String)
    /// The end of a term: punctuation, a stop, math, a number, a non-Latin word.
    case cut
  }

  /// Words holding a letter of another script, seen so far.
  public private(set) var nonLatinWords = 0

  public init() {}

  /// LaTeX commands dropped together with their argument.
  static let droppedCommands: Set<String> = [
    "ref", "eqref", "cref", "Cref", "autoref", "pageref", "label", "url", "href", "footnote", "includegraphics",
    "input", "include", "bibliography", "bibliographystyle",
  ]

  /// The pieces of `text`, in order (consecutive cuts collapsed).
  public mutating func pieces(_ text: String) -> [Piece] {
    var out: [Piece] = []
    scan(text) { out.append($0) }
    return out
  }

  /// Calls `emit` with each piece of `text`, in order.
  public mutating func scan(_ text: String, _ emit: (Piece) -> Void) {
    let s = Array(text.unicodeScalars)
    let n = s.count
    var i = 0
    var word = String.UnicodeScalarView()
    var letters = 0
    var nonLatin = false
    var lastWasCut = true
    func cut() {
      if !lastWasCut { emit(.cut); lastWasCut = true }
    }
    func endWord() {
      if word.isEmpty { return }
      defer { word = String.UnicodeScalarView(); letters = 0; nonLatin = false }
      // A trailing hyphen or apostrophe is not part of the word.
      while let last = word.last, last == "-" || last == "'" { word.removeLast() }
      if nonLatin {
        nonLatinWords += 1
        cut()
        return
      }
      if letters == 0 || word.count < 2 {
        cut()  // digits only, or one letter
        return
      }
      emit(.word(String(word)))
      lastWasCut = false
    }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    func isWordScalar(_ c: Unicode.Scalar) -> Bool {
      Self.isLatinLetter(c) || isDigit(c) || Self.isCombining(c) || (c.value > 127 && c.properties.isAlphabetic)
    }
    while i < n {
      let c = s[i]
      let v = c.value
      if word.isEmpty, c == "h" || c == "H" || c == "w" || c == "W", let end = Self.urlEnd(s, from: i) {
        // A web address (`https://github.com/…`, `www.…`): dropped, a cut.
        cut()
        i = end
        continue
      }
      if Self.isLatinLetter(c) || Self.isCombining(c) {
        word.append(c)
        if !Self.isCombining(c) { letters += 1 }
        i += 1
        continue
      }
      if isDigit(c) {
        word.append(c)
        i += 1
        continue
      }
      switch v {
      case 0x27, 0x2019:  // apostrophe
        if !word.isEmpty {
          let next = i + 1 < n ? s[i + 1] : " "
          if next == "s" || next == "S", !(i + 2 < n && isWordScalar(s[i + 2])) {
            i += 2  // possessive 's
            endWord()
            continue
          }
          if isWordScalar(next) { word.append("'"); i += 1; continue }
        }
        endWord()
        cut()
        i += 1
      case 0x2D, 0x2010, 0x2011:  // hyphen inside a word
        let next = i + 1 < n ? s[i + 1] : " "
        if !word.isEmpty && isWordScalar(next) {
          word.append("-")
        } else {
          endWord()
          cut()
        }
        i += 1
      case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x7E, 0x2009, 0x202F:  // space, tab, newline, nbsp, ~
        endWord()
        i += 1
      case 0x7B, 0x7D:  // braces: ignored, but they end a word ({BERT}s would be odd anyway)
        i += 1
      case 0x24:  // $ math $ or $$ math $$
        endWord()
        cut()
        let display = i + 1 < n && s[i + 1] == "$"
        var j = i + (display ? 2 : 1)
        while j < n && s[j] != "$" { j += 1 }
        if j < n {
          i = j + (display && j + 1 < n && s[j + 1] == "$" ? 2 : 1)
        } else {
          i += 1  // a lone dollar sign
        }
      case 0x5C:  // backslash: a LaTeX command
        endWord()
        var j = i + 1
        var name = ""
        while j < n, let a = Optional(s[j]), (a.value >= 65 && a.value <= 90) || (a.value >= 97 && a.value <= 122) {
          name.unicodeScalars.append(a)
          j += 1
        }
        if name.isEmpty {
          // \( \[ math, or an escaped character (\& \% \\ \_): a cut.
          if j < n && (s[j] == "(" || s[j] == "[") {
            let close: Unicode.Scalar = s[j] == "(" ? ")" : "]"
            var k = j + 1
            while k + 1 < n && !(s[k] == "\\" && s[k + 1] == close) { k += 1 }
            i = k + 1 < n ? k + 2 : n
          } else {
            i = min(n, j + 1)
          }
          cut()
          continue
        }
        if name.hasPrefix("cite") || name.hasPrefix("Cite") || Self.droppedCommands.contains(name) {
          // Skip an optional [..] and one {..} argument (balanced), then cut.
          var k = j
          while k < n && s[k] == " " { k += 1 }
          while k < n && s[k] == "[" {
            while k < n && s[k] != "]" { k += 1 }
            k += 1
          }
          if k < n && s[k] == "{" {
            var depth = 0
            while k < n {
              if s[k] == "{" { depth += 1 } else if s[k] == "}" { depth -= 1; if depth == 0 { k += 1; break } }
              k += 1
            }
            if name == "href" {  // \href{url}{text}: the text is kept
              while k < n && s[k] == " " { k += 1 }
            }
          }
          i = k
          cut()
          continue
        }
        // Any other command: drop its name, keep its argument (braces are ignored).
        i = j
      default:
        if v > 127 && c.properties.isAlphabetic {
          word.append(c)
          nonLatin = true
          letters += 1
          i += 1
        } else {
          endWord()
          cut()
          i += 1
        }
      }
    }
    endWord()
  }

  /// The end of a web address starting at `i` (`http://`, `https://`, `www.`, case-insensitive),
  /// the next whitespace; `nil` when none starts there.
  static func urlEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
    func starts(_ prefix: String) -> Bool {
      var j = i
      for p in prefix.unicodeScalars {
        guard j < s.count, s[j].value | 0x20 == p.value else { return false }  // ASCII case folded
        j += 1
      }
      return true
    }
    guard starts("http://") || starts("https://") || starts("www.") else { return nil }
    var j = i
    while j < s.count, !s[j].properties.isWhitespace { j += 1 }
    return j
  }

  /// ASCII letters and the letters of Latin-1 Supplement, Latin Extended-A/B and Latin
  /// Extended Additional (not × and ÷).
  @inline(__always) static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
    return (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x1E00 && v <= 0x1EFF)
  }

  /// Combining diacritical marks (decomposed accents).
  @inline(__always) static func isCombining(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && c.value <= 0x36F }
}
