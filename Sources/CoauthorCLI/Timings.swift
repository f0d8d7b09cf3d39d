import Foundation
import Networks

/// Per-step wall times on standard error when the environment sets `COAUTHOR_TIMINGS=1` (for
/// benchmarks such as bench/million/run.sh): one line per step,
/// `coauthor: timing: <step> <seconds> s (total <seconds> s)`. Off by default; nothing else changes.
final class StepTimings: @unchecked Sendable {
  static let shared = StepTimings(enabled: ProcessInfo.processInfo.environment["COAUTHOR_TIMINGS"] == "1")

  let enabled: Bool
  private var start = ContinuousClock.now
  private var last = ContinuousClock.now

  init(enabled: Bool) { self.enabled = enabled }

  /// Starts the clock (called before loading; the first step is timed from here).
  func begin() {
    start = ContinuousClock.now
    last = start
  }

  /// Prints the time since the previous step (or since start) under `step`.
  func finished(_ step: String) {
    guard enabled else { return }
    let now = ContinuousClock.now
    printError("coauthor: timing: \(step) \(Self.seconds(now - last)) s (total \(Self.seconds(now - start)) s)")
    last = now
  }

  static func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return String(format: "%.2f", s)
  }
}
