internal import CGraphviz  // the only `import CGraphviz` in the package (STYLE.md §5.3)
import Synchronization

/// libgraphviz keeps process-wide state (the error log, plugin tables, the `agerrlevel`),
/// so every call into it is serialised behind this one lock.
private let graphvizLock = Mutex(())

/// Lays out and renders DOT text in process, through libgraphviz (`libgvc` + `libcgraph`).
///
/// Each call creates its own `gvContext()`, parses the DOT with `agmemread`, runs `gvLayout`
/// with ``engine``, renders with `gvRenderData` and releases everything again (`gvFreeRenderData`,
/// `gvFreeLayout`, `agclose`, `gvFreeContext`), so no Graphviz handle outlives a call.
///
///     let svg = try GraphvizRenderer(engine: .neato).svg(fromDOT: "graph { a -- b }")
///
/// Plugins are found through libgraphviz's own configuration file
/// (`/usr/lib/<multiarch>/graphviz/config6a`), which Debian's `libgvc6` writes on installation
/// (`libgvc6-config-update -c`; `dot -c` does the same). If that file is missing, layouts fail
/// with Graphviz's "Layout type … not recognized" text in ``RenderError/layoutFailed(engine:message:)``.
///
/// Determinism: for a given libgraphviz build, the same DOT gives byte-identical SVG and PNG.
/// neato and fdp seed themselves from the `start` attribute, but sfdp and the `prism` overlap
/// remover in 2.4x draw from `drand48`/`rand` without reseeding, so their output depended on what
/// had been laid out earlier in the process (seen as a flaky sfdp test here). The renderer
/// therefore reseeds the C library generators from `start` (0 when absent) before every
/// `gvLayout`. PDF output embeds cairo's creation date, so PDF bytes differ between runs.
public struct GraphvizRenderer: Sendable {
  /// The layout engine passed to `gvLayout`.
  public var engine: LayoutEngine

  public init(engine: LayoutEngine = .sfdp) {
    self.engine = engine
  }

  /// Lays out `dot` with ``engine`` and renders it in `format`.
  ///
  /// ``RenderFormat/dot`` returns the UTF-8 bytes of `dot` unchanged, without calling Graphviz.
  ///
  /// - Parameters:
  ///   - dot: a complete DOT graph (<https://graphviz.org/doc/info/lang.html>).
  ///   - format: the output format.
  /// - Returns: the rendered file's bytes.
  /// - Throws: ``RenderError/parseFailed(message:)`` when `agmemread` rejects the text,
  ///   ``RenderError/layoutFailed(engine:message:)`` when `gvLayout` fails and
  ///   ``RenderError/renderFailed(format:message:)`` when `gvRenderData` fails; each message
  ///   names the C function and carries libgraphviz's `aglasterr()` text.
  /// - Complexity: that of the layout engine; SVG rendering is linear in the size of the drawing.
  public func render(dot: String, format: RenderFormat) throws(RenderError) -> [UInt8] {
    if format == .dot { return Array(dot.utf8) }
    return try render(dot: dot, format: format, engineName: engine.rawValue, formatName: format.rawValue)
  }

  /// Lays out `dot` with ``engine`` and returns the SVG document as text.
  ///
  /// - Throws: as ``render(dot:format:)``.
  public func svg(fromDOT dot: String) throws(RenderError) -> String {
    let bytes = try render(dot: dot, format: .svg)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The C boundary. `engineName` and `formatName` are the strings handed to `gvLayout` and
  /// `gvRenderData`; they are parameters (rather than always ``engine`` and `format`) so that
  /// tests can check how an engine or format unknown to libgraphviz is reported. Failures are
  /// reported against ``engine`` and `format`.
  internal func render(
    dot: String, format: RenderFormat, engineName: String, formatName: String
  ) throws(RenderError) -> [UInt8] {
    let engine = self.engine
    return try graphvizLock.withLock { _ throws(RenderError) -> [UInt8] in
      // Keep messages for aglasterr() instead of printing them to stderr (STYLE.md §5.5).
      _ = agseterr(AGMAX)

      guard let context = gvContext() else { throw .contextFailed }
      defer { gvFreeContext(context) }

      cgv_mark_errors()
      guard let graph = agmemread(dot) else {
        throw .parseFailed(message: graphvizMessage(function: "agmemread"))
      }
      defer { agclose(graph) }

      cgv_seed_random(layoutSeed(of: graph))
      cgv_mark_errors()
      guard gvLayout(context, graph, engineName) == 0 else {
        throw .layoutFailed(engine: engine, message: graphvizMessage(function: "gvLayout"))
      }
      defer { gvFreeLayout(context, graph) }
      if let raw = cgv_graph_attribute(graph, "coauthor_arcs"), let bend = Double(String(cString: raw)), bend > 0,
        bend.isFinite
      {
        _ = cgv_bend_edges(graph, bend)
      }

      cgv_mark_errors()
      var data: UnsafeMutablePointer<CChar>? = nil
      var length: UInt32 = 0
      let status = gvRenderData(context, graph, formatName, &data, &length)
      // The buffer is ours to free even when the call fails: libgraphviz 2.42 allocates it before
      // it finds that the renderer is unavailable, returns -1 and leaves it in `data`
      // (LeakSanitizer found the 4096 bytes lost per failed render).
      defer { if let data { gvFreeRenderData(data) } }
      guard status == 0, let data else {
        throw .renderFailed(format: format, message: graphvizMessage(function: "gvRenderData"))
      }
      return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
  }
}

/// The graph's `start` attribute when it is a plain integer (or ends in one, as in `random7`),
/// else 0. Used to reseed the C library generators before `gvLayout`; see `cgv_seed_random`.
private func layoutSeed(of graph: UnsafeMutablePointer<Agraph_t>) -> Int {
  guard let raw = cgv_graph_attribute(graph, "start") else { return 0 }
  let digits = String(cString: raw).reversed().prefix(while: { $0.isASCII && $0.isNumber })
  return Int(String(digits.reversed().prefix(9))) ?? 0
}

/// `"<function>: <aglasterr() text>"`, trimmed; says so when libgraphviz recorded nothing.
/// Must be called with `graphvizLock` held, after `cgv_mark_errors()` and the failing call.
private func graphvizMessage(function: String) -> String {
  var text = ""
  if let raw = aglasterr() {
    defer { cgv_free(raw) }
    text = String(cString: raw)
  }
  let trimmed = text.split(whereSeparator: { $0.isNewline }).map {
    $0.drop(while: { $0 == " " || $0 == "\t" })
  }.filter { !$0.isEmpty }.joined(separator: " ")
  return trimmed.isEmpty ? "\(function) failed (libgraphviz reported no message)" : "\(function): \(trimmed)"
}
