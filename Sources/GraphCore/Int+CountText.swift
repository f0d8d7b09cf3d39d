extension BinaryInteger {
  /// The number with a comma between each group of three digits, as people read counts:
  /// `1049866.countText == "1,049,866"`, `999.countText == "999"`, `(-1234).countText == "-1,234"`.
  /// The one rule for counts in human-facing text (the report, picture notes); machine outputs
  /// (JSON, CSV, exports) print plain digits, and years are not counts.
  public var countText: String {
    let digits = String(self.magnitude)
    var out = self < 0 ? "-" : ""
    let lead = digits.count % 3
    for (i, ch) in digits.enumerated() {
      if i > 0 && (i - lead) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return out
  }
}
