/// A failure inside libgraphviz, carrying Graphviz's own message.
///
/// Every `message` starts with the name of the C function that failed (for example
/// `"agmemread: syntax error in line 1 near '{'"`), followed by the text libgraphviz recorded
/// for `aglasterr()`. When libgraphviz recorded nothing, the message says so.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `gvContext()` returned NULL (out of memory, or a broken installation).
  case contextFailed
  /// `agmemread` could not parse the DOT text.
  case parseFailed(message: String)
  /// `gvLayout` failed, e.g. the engine's plugin is not installed or not registered.
  case layoutFailed(engine: LayoutEngine, message: String)
  /// `gvRenderData` failed, e.g. the format's plugin (cairo for PNG/PDF) is not installed.
  case renderFailed(format: RenderFormat, message: String)

  public var description: String {
    switch self {
    case .contextFailed:
      return "Graphviz could not create a context (gvContext returned NULL)"
    case .parseFailed(let message):
      return "Graphviz could not parse the DOT text: \(message)"
    case .layoutFailed(let engine, let message):
      return "Graphviz layout with '\(engine.rawValue)' failed: \(message)"
    case .renderFailed(let format, let message):
      return "Graphviz could not render \(format.rawValue.uppercased()): \(message)"
    }
  }
}
