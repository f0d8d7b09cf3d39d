import Foundation

/// Fine-grained wall and CPU times of the load phase on standard error, when the environment sets
/// `COAUTHOR_LOAD_TIMINGS=1` (one line per lap: `coauthor: load timing: <step> <wall> s wall,
/// <cpu> s cpu`); off by default, and nothing else changes. For profiling the million-paper load.
struct LoadClock {
  static let enabled = ProcessInfo.processInfo.environment["COAUTHOR_LOAD_TIMINGS"] == "1"
  private var last = ContinuousClock.now
  private var lastCPU = clock()

  /// Prints the time since the previous lap (or since the clock was made) under `step`.
  mutating func lap(_ step: String) {
    guard Self.enabled else { return }
    let now = ContinuousClock.now
    let cpu = clock()
    let d = now - last
    let wall = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    let line = String(
      format: "coauthor: load timing: %@ %.2f s wall, %.2f s cpu\n", step, wall,
      Double(cpu - lastCPU) / Double(CLOCKS_PER_SEC))
    FileHandle.standardError.write(Data(line.utf8))
    last = now
    lastCPU = cpu
  }
}
