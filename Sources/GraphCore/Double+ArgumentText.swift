extension Double {
  /// The number as a user would type it on the command line: `2` for 2.0, `0.3` for 0.3 (the
  /// shortest round-trip form otherwise). Used wherever a threshold or resolution is echoed back
  /// (filter notes, legends, reproducing commands), so they all print it the same way.
  public var argumentText: String {
    self == rounded() && Swift.abs(self) < 1e15 ? String(Int(self)) : "\(self)"
  }
}
