import Foundation
import Networks
import Synchronization

/// Per-step wall times on standard error when the environment sets `COAUTHOR_TIMINGS=1` (for
/// benchmarks such as bench/million/run.sh): one line per step,
/// `coauthor: timing: <step> <seconds> s (total <seconds> s; cpu so far <seconds> s)`, the last being
/// the process's CPU time since the start (all threads; on a busy machine it says more than the
/// wall time; steps of different networks overlap, so per-step CPU is not separable).
/// Off by default; nothing else changes.
final class StepTimings: @unchecked Sendable {
  static let shared = StepTimings(enabled: ProcessInfo.processInfo.environment["COAUTHOR_TIMINGS"] == "1")

  let enabled: Bool
  private struct Clock {
    var start = ContinuousClock.now
    /// The end of the last step of any kind.
    var last = ContinuousClock.now
    /// The end of the last step outside the networks (networks are analysed at the same time).
    var lastShared = ContinuousClock.now
    /// The end of each network's last step.
    var lastOf: [String: ContinuousClock.Instant] = [:]
    /// The process's CPU time at the start.
    var startCPU = clock()
  }
  private let state = Mutex(Clock())

  init(enabled: Bool) { self.enabled = enabled }

  /// Starts the clock (called before loading; the first step is timed from here).
  func begin() {
    state.withLock { $0 = Clock() }
  }

  /// Starts the clock of `track` now (a step that runs alongside others of its network).
  func mark(track: String) {
    guard enabled else { return }
    let now = ContinuousClock.now
    state.withLock { $0.lastOf[track] = now }
  }

  /// Prints the time since the previous step under `step`: for a step of a `network` (a track
  /// of steps run one after another, at the same time as other tracks), since that track's
  /// previous step (or ``mark(track:)``), else since any step.
  func finished(_ step: String, network: String? = nil) {
    guard enabled else { return }
    let now = ContinuousClock.now
    let (since, start, startCPU) = state.withLock { c -> (ContinuousClock.Instant, ContinuousClock.Instant, clock_t) in
      let since: ContinuousClock.Instant
      if let network {
        since = c.lastOf[network] ?? c.lastShared
        c.lastOf[network] = now
      } else {
        since = c.last
        c.lastShared = now
        c.lastOf = [:]
      }
      c.last = now
      return (since, c.start, c.startCPU)
    }
    let cpu = String(format: "%.2f", Double(clock() - startCPU) / Double(CLOCKS_PER_SEC))
    printError("coauthor: timing: \(step) \(Self.seconds(now - since)) s (total \(Self.seconds(now - start)) s; cpu so far \(cpu) s)")
  }

  static func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return String(format: "%.2f", s)
  }
}
