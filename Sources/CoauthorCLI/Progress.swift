import Analysis
import ArgumentParser
import Foundation
import Synchronization

/// Set from the SIGINT handler; read at checkpoints and by progress callbacks.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C handling: the first SIGINT sets a flag, so the command stops at its next checkpoint (or
/// when a long algorithm next reports progress), writes nothing, says "interrupted" and exits
/// with 130; the handler then restores the default action, so a second Ctrl-C ends the process at
/// once even inside a computation that does not report progress.
enum Interrupt {
  /// Installs the SIGINT handler (idempotent enough: installing twice is harmless).
  static func install() {
    signal(SIGINT) { _ in
      interruptRequested.store(true, ordering: .relaxed)
      signal(SIGINT, SIG_DFL)  // async-signal-safe; the next Ctrl-C terminates
    }
  }

  /// Whether Ctrl-C was pressed.
  static var requested: Bool { interruptRequested.load(ordering: .relaxed) }

  /// Throws ``Interrupted`` when Ctrl-C was pressed.
  static func check() throws {
    if requested { throw Interrupted() }
  }

  /// Runs `body`; an ``Interrupted`` error (or a computation cancelled because of Ctrl-C)
  /// becomes "coauthor: interrupted" on standard error and exit code 130.
  static func handling<T>(_ body: () throws -> T) throws -> T {
    install()
    do {
      let value = try body()
      try check()
      return value
    } catch {
      if error is Interrupted || requested {
        printError("coauthor: interrupted")
        throw ExitCode(130)
      }
      throw error
    }
  }
}

/// Ctrl-C was pressed.
struct Interrupted: Error, CustomStringConvertible {
  var description: String { "interrupted" }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (`isatty(2)`), redrawn at most ten times a second, with percentage and estimated time left:
///
///     betweenness [###########·············]  45%  ETA 1m 12s
///
/// ``report(_:_:)`` has the shape of GraphCore's `ProgressReporter` callback
/// (`(completed, total) -> Bool`, `false` = cancel) and returns `false` once Ctrl-C was pressed,
/// so an algorithm that reports progress stops promptly.
final class TerminalProgress: Sendable {
  private struct State {
    var start: ContinuousClock.Instant
    var lastDraw: ContinuousClock.Instant?
    var drawn = false
  }

  let label: String
  let isEnabled: Bool
  private let state: Mutex<State>

  init(label: String, enabled: Bool = isatty(2) != 0) {
    self.label = label
    self.isEnabled = enabled
    self.state = Mutex(State(start: .now))
  }

  /// Records progress; draws when enabled and 100 ms have passed (or the work is complete).
  /// Returns `false` when the computation should stop (Ctrl-C).
  func report(_ completed: Int, _ total: Int) -> Bool {
    if Interrupt.requested { return false }
    guard isEnabled, total > 0 else { return true }
    let now = ContinuousClock.now
    let line: String? = state.withLock { s in
      if let last = s.lastDraw, now - last < .milliseconds(100), completed < total { return nil }
      s.lastDraw = now
      s.drawn = true
      return Self.line(label: label, completed: completed, total: total, elapsed: now - s.start)
    }
    if let line { Self.write("\r" + line + "\u{1B}[K") }
    return true
  }

  /// Clears the bar (if one was drawn).
  func finish() {
    let drawn = state.withLock { s in
      defer { s.drawn = false }
      return s.drawn
    }
    if drawn { Self.write("\r\u{1B}[K") }
  }

  /// The bar text, e.g. `pagerank [#####·····]  50%  ETA 3s`.
  static func line(label: String, completed: Int, total: Int, elapsed: Duration, width: Int = 24) -> String {
    let fraction = min(1, max(0, Double(completed) / Double(total)))
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
    let percent = Int((fraction * 100).rounded(.down))
    var text = "\(label) [\(bar)] \(String(repeating: " ", count: percent < 10 ? 2 : percent < 100 ? 1 : 0))\(percent)%"
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if completed > 0 && completed < total {
      let remaining = seconds * Double(total - completed) / Double(completed)
      text += "  ETA " + format(seconds: remaining)
    }
    return text
  }

  static func format(seconds: Double) -> String {
    let s = Int(seconds.rounded(.up))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m \(s % 60)s" }
    return "\(s / 3600)h \(s % 3600 / 60)m"
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
