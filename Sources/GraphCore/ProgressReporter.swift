/// A callback that long-running algorithms use to report progress and to ask whether to go on.
///
/// The closure receives the amount of work completed so far and the total (for the O(*nm*)
/// centrality measures: single-source searches completed out of all sources). It returns `true` to
/// continue and `false` to cancel; an algorithm that sees `false` stops promptly and throws
/// ``GraphError/cancelled``.
///
/// Calls may come from any worker thread, but never concurrently: an algorithm serialises them,
/// and `completed` never decreases from one call to the next. The last call of a run that was not
/// cancelled has `completed == total`.
///
///     let progress = ProgressReporter { done, total in
///       print("\(done)/\(total)")
///       return !userPressedCancel.load(ordering: .relaxed)
///     }
///     let scores = try BetweennessCentrality().scores(for: graph, progress: progress)
public struct ProgressReporter: Sendable {
  /// The callback; `false` means cancel.
  public let report: @Sendable (_ completed: Int, _ total: Int) -> Bool

  /// Creates a reporter from a callback that returns `false` to cancel the computation.
  public init(_ report: @escaping @Sendable (_ completed: Int, _ total: Int) -> Bool) {
    self.report = report
  }

  /// A reporter that ignores every report and never cancels.
  public static let none = ProgressReporter { _, _ in true }

  /// Calls the callback; returns `false` when the caller should cancel.
  @inlinable public func callAsFunction(_ completed: Int, _ total: Int) -> Bool { report(completed, total) }
}
