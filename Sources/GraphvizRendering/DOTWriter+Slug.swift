/// Anchors for links from pictures into the report. (Quoting for DOT lives in the TextEscaping
/// module, `DOT`.)
extension DOTWriter {
  /// A lower-case ASCII slug for anchors: letters and digits kept (accents dropped where the
  /// letter decomposes to ASCII), everything else collapsed to single `-`.
  ///
  ///     DOTWriter.slug("Iván Arcuschin")   // "ivan-arcuschin"
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for scalar in text.unicodeScalars {
      let base = asciiBase(of: scalar)
      if let base {
        if pendingDash && !out.isEmpty { out += "-" }
        pendingDash = false
        out.unicodeScalars.append(base)
      } else if !isCombiningMark(scalar) {
        pendingDash = true
      }
    }
    return out
  }

  // MARK: - Helpers

  private static func asciiBase(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x30 ... 0x39, 0x61 ... 0x7A: return scalar
    case 0x41 ... 0x5A: return Unicode.Scalar(scalar.value + 0x20)
    default: break
    }
    // Latin-1 and Latin Extended-A letters with a single ASCII base letter.
    let table: [(ClosedRange<UInt32>, Unicode.Scalar)] = [
      (0xC0 ... 0xC5, "a"), (0xE0 ... 0xE5, "a"), (0xC7 ... 0xC7, "c"), (0xE7 ... 0xE7, "c"),
      (0xC8 ... 0xCB, "e"), (0xE8 ... 0xEB, "e"), (0xCC ... 0xCF, "i"), (0xEC ... 0xEF, "i"),
      (0xD1 ... 0xD1, "n"), (0xF1 ... 0xF1, "n"), (0xD2 ... 0xD6, "o"), (0xF2 ... 0xF6, "o"),
      (0xD8 ... 0xD8, "o"), (0xF8 ... 0xF8, "o"), (0xD9 ... 0xDC, "u"), (0xF9 ... 0xFC, "u"),
      (0xDD ... 0xDD, "y"), (0xFD ... 0xFD, "y"), (0xFF ... 0xFF, "y"),
      (0x100 ... 0x105, "a"), (0x106 ... 0x10D, "c"), (0x10E ... 0x111, "d"), (0x112 ... 0x11B, "e"),
      (0x11C ... 0x123, "g"), (0x124 ... 0x127, "h"), (0x128 ... 0x131, "i"), (0x134 ... 0x135, "j"),
      (0x136 ... 0x137, "k"), (0x139 ... 0x142, "l"), (0x143 ... 0x148, "n"), (0x14C ... 0x151, "o"),
      (0x154 ... 0x159, "r"), (0x15A ... 0x161, "s"), (0x162 ... 0x167, "t"), (0x168 ... 0x173, "u"),
      (0x174 ... 0x175, "w"), (0x176 ... 0x178, "y"), (0x179 ... 0x17E, "z"),
    ]
    for (range, base) in table where range.contains(scalar.value) { return base }
    return nil
  }

  private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    (0x300 ... 0x36F).contains(scalar.value)
  }
}
