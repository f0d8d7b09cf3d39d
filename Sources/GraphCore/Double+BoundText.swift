extension Double {
  /// An error bound for people to read, rounded **up** to two significant digits so it is never
  /// shown smaller than it is: 0.0312 → "0.032", 0.01 → "0.01", 12.01 → "13", 65,000.4 →
  /// "65,001" (from 100 on, a whole number with thousands separators, see ``BinaryInteger/countText``).
  /// The one rule for bounds in human-facing text (the report, the estimate notes on stderr).
  public var boundText: String {
    guard self > 0, isFinite else { return self == 0 ? "0" : "\(self)" }
    if self >= 100 { return Int(rounded(.up)).countText }
    // 10^exponent ≤ self < 10^(exponent+1), then two significant digits rounded up: `digits`
    // (10…100) at `decimals` = 1 − exponent places; the scale 10^decimals is an exact power of ten.
    var exponent = 0
    var power = 1.0
    while power > self { power /= 10; exponent -= 1 }
    while power * 10 <= self { power *= 10; exponent += 1 }
    let decimals = 1 - exponent
    var scale = 1.0
    for _ in 0 ..< Swift.max(0, decimals) { scale *= 10 }
    let digits = Int((self * scale - 1e-9).rounded(.up))
    return Self.decimalText(digits, decimals: decimals)
  }

  /// A probability as a percentage: 0.95 → "95 %", 0.995 → "99.5 %" (one decimal at most).
  public var percentText: String {
    let value = self * 100
    return value == value.rounded() ? "\(Int(value)) %" : Self.decimalText(Int((value * 10).rounded()), decimals: 1) + " %"
  }

  /// `digits`·10^−decimals written out, without trailing zeros: (32, 3) → "0.032", (13, 0) → "13".
  private static func decimalText(_ digits: Int, decimals: Int) -> String {
    guard decimals > 0 else { return String(digits) }
    var text = String(digits)
    if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    while text.last == "0" { text.removeLast() }
    if text.last == "." { text.removeLast() }
    return text
  }
}
