/// Seeded random strings for the property tests: SplitMix64 (Steele, Lea, Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014, doi:10.1145/2660193.2660195), the generator the
/// rest of the package uses, kept here so this test target depends on TextEscaping alone.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

enum RandomText {
  /// Pieces a hostile name may be made of: ASCII, every markup and quoting character of the
  /// output languages, every C0 and C1 control and DEL, CR LF, the bidi controls and marks,
  /// U+2028/9, combining marks, emoji (with a ZWJ sequence), other scripts, U+FFFD and the
  /// noncharacters U+FFFE/U+FFFF. (Lone surrogates cannot be in a Swift `String`.)
  static let pieces: [String] = {
    var p: [String] = ["a", "Z", "0", "9", " ", "Iván", "李", "ب", "א", "ß"]
    p += ["<", ">", "&", "\"", "'", "\\", "`", ",", ";", "=", "+", "-", "@", "*", "_", "[", "]", "#", "|", "!", "~", "/", "%", ":", "?"]
    p += ["</script>", "<!--", "]]>", "&amp;", "&#10;", "\\N", "\\n", "\\\\", "=cmd|' /C calc'!A0", "<BR/>", "&lt;"]
    p += (0x00 ... 0x1F).map { String(Unicode.Scalar(UInt8($0))) }
    p += (0x7F ... 0x9F).map { String(Unicode.Scalar(UInt8($0))) }
    p += ["\r\n", "\r\n", "\u{2028}", "\u{2029}"]
    p += [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
      .map { String(Unicode.Scalar($0)!) }
    p += ["\u{301}", "e\u{301}", "\u{308}", "\u{1F600}", "\u{1F469}\u{200D}\u{1F4BB}", "\u{200D}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFD}"]
    return p
  }()

  /// A string of 0–24 random pieces.
  static func string(using rng: inout SplitMix64) -> String {
    let count = Int(rng.next() % 25)
    var s = ""
    for _ in 0 ..< count { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
    return s
  }

  /// `count` random strings from `seed`.
  static func strings(_ count: Int, seed: UInt64) -> [String] {
    var rng = SplitMix64(seed: seed)
    return (0 ..< count).map { _ in string(using: &rng) }
  }
}

/// Strings compared scalar by scalar (Swift's `==` on `String` is canonical equivalence, which
/// would hide a decomposed or recomposed character).
func sameScalars(_ a: String, _ b: String) -> Bool { Array(a.unicodeScalars) == Array(b.unicodeScalars) }
