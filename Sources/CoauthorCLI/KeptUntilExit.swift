/// Values that a command holds until its end and that the process would otherwise free, one
/// object at a time, just before it exits, when the system takes all of its memory back at once
/// anyway (as compilers do with their syntax trees at exit).
///
/// At a million papers the report's analysis (956,520 papers with their strings, 1.3 million
/// names, the networks and their tables) took about 1 CPU second to free on the main thread
/// after the last file was written, inside the command's wall time and with the other core idle
/// (perf of main 9883718, 1M corpus). Only for values alive until the command returns: nothing
/// kept is ever freed.
enum KeptUntilExit {
  /// Keeps `value` (its storage is never freed) until the process exits.
  static func keep<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
  }

  private final class Box<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
