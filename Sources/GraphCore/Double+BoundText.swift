import Foundation

extension Double {
  /// An error bound for people to read, rounded **up** to two significant digits so it is never
  /// shown smaller than it is: 0.0312 → "0.032", 0.01 → "0.01", 12.01 → "13", 65,000.4 →
  /// "65,001" (from 100 on, a whole number with thousands separators, see ``BinaryInteger/countText``).
  /// The one rule for bounds in human-facing text (the report, the estimate notes on stderr).
  public var boundText: String {
    guard self > 0, isFinite else { return self == 0 ? "0" : "\(self)" }
    if self >= 100 { return Int(rounded(.up)).countText }
    let exponent = Int(log10(self).rounded(.down))
    let unit = pow(10, Double(exponent - 1))
    let up = ((self / unit) - 1e-9).rounded(.up) * unit
    return String(format: "%.\(max(0, 1 - exponent))f", up).replacingOccurrences(of: #"(\.\d*?)0+$"#, with: "$1", options: .regularExpression)
      .replacingOccurrences(of: #"\.$"#, with: "", options: .regularExpression)
  }

  /// A probability as a percentage: 0.95 → "95 %", 0.995 → "99.5 %".
  public var percentText: String {
    let value = self * 100
    return (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) + " %"
  }
}
