import Foundation
import Networks

/// Per-step wall times on standard error when the environment sets `COAUTHOR_TIMINGS=1` (for
/// benchmarks such as bench/million/run.sh): one line per step,
/// `coauthor: timing: <step> <seconds> s (total <seconds> s; cpu <seconds> s)`, the last being the
/// process's CPU time in the step (all threads; on a busy machine it says more than the wall time).
/// Off by default; nothing else changes.
final class StepTimings: @unchecked Sendable {
  static let shared = StepTimings(enabled: ProcessInfo.processInfo.environment["COAUTHOR_TIMINGS"] == "1")

  let enabled: Bool
  private var start = ContinuousClock.now
  private var last = ContinuousClock.now
  private var lastCPU = clock()

  init(enabled: Bool) { self.enabled = enabled }

  /// Starts the clock (called before loading; the first step is timed from here).
  func begin() {
    start = ContinuousClock.now
    last = start
    lastCPU = clock()
  }

  /// Prints the time since the previous step (or since start) under `step`.
  func finished(_ step: String) {
    guard enabled else { return }
    let now = ContinuousClock.now
    let cpu = clock()
    let cpuSeconds = String(format: "%.2f", Double(cpu - lastCPU) / Double(CLOCKS_PER_SEC))
    printError("coauthor: timing: \(step) \(Self.seconds(now - last)) s (total \(Self.seconds(now - start)) s; cpu \(cpuSeconds) s)")
    last = now
    lastCPU = cpu
  }

  static func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return String(format: "%.2f", s)
  }
}
