import Foundation

/// Turns the LaTeX found in BibTeX field values into plain Unicode text (NFC, white space folded
/// as ``NameNormalizer/normalize(_:)`` does).
///
/// What it resolves:
/// - accents, braced or not, with any argument form: `{\'e}`, `\'{e}`, `\'e`, `{\"o}`, `\c{c}`,
///   `\c c`, `\~n`, `\v{s}`, `\H{o}`, `\k{a}`, `\r{a}`, `\u{g}`, `\={a}`, `\.{z}`, `\d{s}`,
///   `\b{b}`, `\t{oo}`, and `\'{\i}` (dotless i under an accent is an ordinary i);
/// - letters and symbols: `\ss` ß, `\o` ø, `\O` Ø, `\ae` æ, `\oe` œ, `\aa` å, `\l` ł, `\i` ı,
///   `\dh` ð, `\th` þ, `\ng` ŋ, `\dj` đ, `\textendash`, `\ldots`, Greek letters (`\alpha` α) …;
/// - escaped specials `\&` `\%` `\$` `\#` `\_` `\{` `\}`, and `\ `, `\,`, `\\` as a space,
///   `\-` `\/` `\@` as nothing;
/// - font and box commands (`\emph{x}`, `\textbf{x}`, `\mathrm{x}`, `\mbox{x}`, `\url{x}`, …)
///   keep their argument; declarations (`\it`, `\bf`, `\em`, …) vanish;
/// - `--` → – and `---` → —, ` `` ` → “ and `''` → ”, `~` → a space, `$` math delimiters
///   removed, unescaped braces removed (`{[}` → `[`).
///
/// An unknown command is kept as text (`\foo` stays `\foo`) and listed in
/// ``Output/unknownCommands``: the reader reports it, the text is never lost and decoding never
/// fails. A control word swallows the spaces after it, as in TeX (`Bj\o rn` → `Bjørn`).
///
///     LaTeXDecoder.decode(#"Erd{\H{o}}s and G{\"o}del \& Co -- {\ss}"#).text
///     // "Erdős and Gödel & Co – ß"
///
/// - Complexity: O(*n*) for *n* characters (one pass; NFC normalisation is linear too).
public enum LaTeXDecoder {
  public struct Output: Sendable, Equatable {
    /// The decoded text, NFC, white space folded and trimmed.
    public var text: String
    /// Unknown control words met (with their backslash), in order of appearance, repeated as met.
    public var unknownCommands: [String]
  }

  /// Decodes `latex`.
  public static func decode(_ latex: String) -> Output {
    // Fast path: nothing to decode.
    if !latex.utf8.contains(where: { special.contains($0) }) {
      return Output(text: NameNormalizer.normalize(latex), unknownCommands: [])
    }
    var decoder = Decoder(scalars: Array(latex.unicodeScalars))
    decoder.run()
    return Output(text: NameNormalizer.normalize(String(decoder.out)), unknownCommands: decoder.unknown)
  }

  /// Bytes that start something to decode: `\ { } ~ $ - `` ` `` '`.
  private static let special: Set<UInt8> = [0x5C, 0x7B, 0x7D, 0x7E, 0x24, 0x2D, 0x60, 0x27]

  /// Accents written with a symbol: `\'` `\`` `\^` `\"` `\~` `\=` `\.`.
  static let symbolAccents: [Unicode.Scalar: Unicode.Scalar] = [
    "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}", "=": "\u{0304}",
    ".": "\u{0307}",
  ]

  /// Accents written with a letter: `\c` `\v` `\u` `\H` `\k` `\r` `\d` `\b` `\t`.
  static let letterAccents: [String: Unicode.Scalar] = [
    "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}", "k": "\u{0328}", "r": "\u{030A}",
    "d": "\u{0323}", "b": "\u{0331}", "t": "\u{0361}",
  ]

  /// Control words that stand for a character or a short text.
  static let symbols: [String: String] = [
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
    "dj": "đ", "DJ": "Đ", "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
    "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
    "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—", "textquoteleft": "‘",
    "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
    "guillemotright": "»", "textdegree": "°", "degree": "°", "textbullet": "•", "textasciitilde": "~",
    "textbackslash": "\\", "textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">",
    "textperiodcentered": "·", "textexclamdown": "¡", "textquestiondown": "¿", "LaTeX": "LaTeX", "TeX": "TeX",
    "BibTeX": "BibTeX", "quad": " ", "qquad": " ", "space": " ", "slash": "/",
    // Math mode, as found in titles.
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "pm": "±",
    "cdot": "·", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "sim": "∼",
  ]

  /// Commands whose argument is kept and the command dropped (fonts, boxes, links).
  static let keepArgument: Set<String> = [
    "emph", "textit", "textbf", "textrm", "textsc", "texttt", "textsf", "textup", "textsl", "textmd", "textnormal",
    "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathnormal", "boldsymbol", "bm",
    "mbox", "hbox", "text", "url", "textsuperscript", "textsubscript", "uppercase", "lowercase", "MakeUppercase",
    "MakeLowercase", "NoCaseChange", "ensuremath", "underline", "protect",
  ]

  /// Declarations that change the font of what follows: dropped.
  static let declarations: Set<String> = [
    "it", "bf", "em", "sc", "rm", "tt", "sf", "sl", "itshape", "bfseries", "scshape", "rmfamily", "ttfamily",
    "sffamily", "upshape", "normalfont", "relax", "displaystyle", "textstyle", "noopsort", "nocite",
  ]

  /// Single-character escapes: `\&` → `&`, `\ ` → space, `\-` → nothing, …
  static let escapes: [Unicode.Scalar: String] = [
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": " ", ";": " ",
    ":": " ", "!": "", "\\": " ", "-": "", "/": "", "@": "", "\n": " ", "\t": " ", "\r": " ",
  ]

  private struct Decoder {
    let scalars: [Unicode.Scalar]
    var i = 0
    var out = String.UnicodeScalarView()
    var unknown: [String] = []

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    mutating func run() {
      while i < scalars.count { step() }
    }

    /// Decodes one unit (a character, a command with its argument, or a brace).
    mutating func step() {
      let c = scalars[i]
      switch c {
      case "\\": command()
      case "{", "}", "$": i += 1
      case "~":
        out.append(" ")
        i += 1
      case "-":
        if next(1) == "-" && next(2) == "-" {
          out.append("—")
          i += 3
        } else if next(1) == "-" {
          out.append("–")
          i += 2
        } else {
          out.append(c)
          i += 1
        }
      case "`" where next(1) == "`":
        out.append("“")
        i += 2
      case "'" where next(1) == "'":
        out.append("”")
        i += 2
      default:
        out.append(c)
        i += 1
      }
    }

    func next(_ k: Int) -> Unicode.Scalar? { i + k < scalars.count ? scalars[i + k] : nil }

    mutating func skipSpaces() {
      while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 }
    }

    /// At a backslash.
    mutating func command() {
      i += 1
      guard let c = peek else {
        out.append("\\")
        return
      }
      if let mark = LaTeXDecoder.symbolAccents[c] {
        i += 1
        accent(mark, fallback: c)
        return
      }
      guard c.properties.isAlphabetic && c.isASCII else {
        i += 1
        if let text = LaTeXDecoder.escapes[c] {
          out.append(contentsOf: text.unicodeScalars)
        } else {
          out.append("\\")
          out.append(c)
          unknown.append("\\" + String(c))
        }
        return
      }
      var name = String.UnicodeScalarView()
      while let l = peek, l.isASCII, l.properties.isAlphabetic {
        name.append(l)
        i += 1
      }
      let word = String(name)
      if let mark = LaTeXDecoder.letterAccents[word] {
        skipSpaces()
        accent(mark, fallback: nil)
        return
      }
      let afterName = i
      skipSpaces()
      if let text = LaTeXDecoder.symbols[word] {
        out.append(contentsOf: text.unicodeScalars)
        if peek == "{" && next(1) == "}" { i += 2 }  // `\ss{}`
      } else if LaTeXDecoder.keepArgument.contains(word) || LaTeXDecoder.declarations.contains(word) {
        // The argument (if any) is decoded as ordinary text; braces vanish by themselves.
      } else {
        out.append("\\")
        out.append(contentsOf: name)
        unknown.append("\\" + word)
        if peek == "{" {
          // Keep its argument in braces too: `\foo{bar}` stays `\foo{bar}`.
          var depth = 0
          let start = i
          repeat {
            if scalars[i] == "{" { depth += 1 } else if scalars[i] == "}" { depth -= 1 }
            i += 1
          } while i < scalars.count && depth > 0
          var sub = Decoder(scalars: Array(scalars[(start + 1) ..< (depth == 0 ? i - 1 : i)]))
          sub.run()
          unknown.append(contentsOf: sub.unknown)
          out.append("{")
          out.append(contentsOf: sub.out)
          out.append("}")
        } else if i > afterName {
          // Keep the space TeX swallowed, so the command stays a separate word.
          out.append(" ")
        }
      }
    }

    /// Applies a combining `mark` to the next argument: `x`, `{x}`, `{\i}`, `\i`, `{}`.
    mutating func accent(_ mark: Unicode.Scalar, fallback: Unicode.Scalar?) {
      skipSpaces()
      var base: [Unicode.Scalar] = []
      if peek == "{" {
        // A group: its decoded content takes the accent on its first character.
        var depth = 0
        let start = i
        repeat {
          if scalars[i] == "{" { depth += 1 } else if scalars[i] == "}" { depth -= 1 }
          i += 1
        } while i < scalars.count && depth > 0
        let inner = Array(scalars[(start + 1) ..< (depth == 0 ? i - 1 : i)])
        var sub = Decoder(scalars: inner)
        sub.run()
        unknown.append(contentsOf: sub.unknown)
        base = Array(sub.out)
      } else if peek == "\\" {
        var sub = Decoder(scalars: Array(scalars[i...]))
        sub.command()
        i += sub.i
        unknown.append(contentsOf: sub.unknown)
        base = Array(sub.out)
      } else if let c = peek {
        base = [c]
        i += 1
      }
      guard let first = base.first else {
        if let fallback { out.append(fallback) }
        return
      }
      // Dotless i and j take accents as ordinary i and j.
      out.append(first == "ı" ? "i" : first == "ȷ" ? "j" : first)
      out.append(mark)
      out.append(contentsOf: base.dropFirst())
    }
  }
}
