import Foundation

/// Normalises names, titles and tags read from messy sources, and derives comparison keys.
///
/// Normalisation (what is displayed): Unicode NFC; every kind of white space (tabs, U+00A0
/// no-break space, thin and narrow spaces, line separators) folded to one ASCII space;
/// zero-width characters and invisible direction marks (U+200E, U+200F, U+061C, the bidi
/// embeddings, overrides and isolates) removed, so `Paul Debevec` with a stray left-to-right mark
/// is the same person as without; leading and trailing space trimmed; spaces before commas
/// dropped.
///
/// Keys (what is compared): the normalised text with case and accents folded, periods removed
/// and spaces collapsed, so `Iván  Arcuschin`, `ivan arcuschin` and `Ivan Arcuschin` share a key.
public enum NameNormalizer {
  /// The display form of `text`.
  public static func normalize(_ text: String) -> String {
    // Fast path (most names in real data): printable ASCII is already NFC and has no exotic
    // spaces, so only stray spaces could need work; clean text is returned as it is.
    var previous: UInt8 = 0x20
    var ascii = true
    var clean = true
    for b in text.utf8 {
      if b < 0x20 || b >= 0x7F { ascii = false; break }
      if previous == 0x20 && (b == 0x20 || b == 0x2C) { clean = false }
      previous = b
    }
    if ascii && clean && previous != 0x20 { return text }
    let composed = text.precomposedStringWithCanonicalMapping
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in composed.unicodeScalars {
      if isZeroWidth(scalar) { continue }
      if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        // Drop stray spaces before commas; keep one space otherwise.
        if scalar != ",", !out.isEmpty { out.append(" ") }
        pendingSpace = false
      }
      out.append(scalar)
    }
    return String(out)
  }

  /// The comparison key of a name or title: normalised, case- and accent-folded, periods dropped.
  public static func key(_ text: String) -> String {
    let normalized = normalize(text)
    if let fast = asciiFold(normalized, keep: { $0 != UInt8(ascii: ".") && $0 != 0x20 }) { return fast }
    let folded = normalized.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.replacingOccurrences(of: ".", with: " ")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// The key of a title: like ``key(_:)`` but ignoring all punctuation, so that
  /// `Steering Language Models With Activation Engineering` and
  /// `Steering language models with activation engineering.` are the same paper.
  public static func titleKey(_ text: String) -> String {
    let normalized = normalize(text)
    if let fast = asciiFold(normalized, keep: { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) {
      return fast
    }
    let folded = normalized.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var out = ""
    var pendingSpace = false
    for scalar in folded.unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingSpace = true
      }
    }
    return out
  }

  /// For ASCII text: the bytes `keep` accepts, lower-cased, in runs joined by one space (what
  /// Foundation's case and diacritic folding followed by the splitting in ``key(_:)`` and
  /// ``titleKey(_:)`` give for ASCII); `nil` for other text.
  static func asciiFold(_ text: String, keep: (UInt8) -> Bool) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for b in text.utf8 {
      if b >= 0x80 { return nil }
      if keep(b) {
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
      } else {
        pendingSpace = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The name split into space-separated tokens.
  public static func tokens(_ name: String) -> [String] {
    normalize(name).split(separator: " ").map(String.init)
  }

  /// Whether a token is an initial such as `J.`, `J` or `J.-P.`.
  public static func isInitial(_ token: String) -> Bool {
    let letters = token.filter { $0.isLetter }
    return !letters.isEmpty && letters.count <= 2 && (token.hasSuffix(".") || letters.count == 1)
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
    // Direction marks and bidi controls: invisible, and never part of who someone is.
    case 0x200E, 0x200F, 0x061C, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true
    default: return false
    }
  }
}
