/// A Graphviz layout program, passed by name to `gvLayout`.
///
/// The raw value is the engine name Graphviz expects. See
/// <https://graphviz.org/docs/layouts/> for what each engine does.
public enum LayoutEngine: String, CaseIterable, Codable, Sendable {
  /// Scalable force-directed placement (multilevel spring–electrical); the choice for large
  /// co-authorship graphs. <https://graphviz.org/docs/layouts/sfdp/>
  case sfdp
  /// Stress majorisation (Kamada–Kawai-style spring model); best for small graphs.
  /// <https://graphviz.org/docs/layouts/neato/>
  case neato
  /// Fruchterman–Reingold force-directed placement. <https://graphviz.org/docs/layouts/fdp/>
  case fdp
  /// Hierarchical (layered) drawing. <https://graphviz.org/docs/layouts/dot/>
  case dot
  /// Circular layout, one circle per biconnected component. <https://graphviz.org/docs/layouts/circo/>
  case circo
  /// Radial layout around a root node. <https://graphviz.org/docs/layouts/twopi/>
  case twopi

  /// Whether the engine reads the `start` attribute, i.e. whether ``NetworkStyle/layoutSeed``
  /// affects it. <https://graphviz.org/docs/attrs/start/>
  public var usesStartSeed: Bool {
    switch self {
    case .sfdp, .neato, .fdp: return true
    case .dot, .circo, .twopi: return false
    }
  }
}

/// An output format, passed by name to `gvRenderData` (except ``dot``, which is the DOT text
/// itself and never reaches libgraphviz).
///
/// ``png`` and ``pdf`` are drawn by the cairo plugin (`libgvplugin_pango`), which Debian ships
/// in `libgvc6`; ``svg`` is drawn by the core plugin. See <https://graphviz.org/docs/outputs/>.
public enum RenderFormat: String, CaseIterable, Codable, Sendable {
  /// Scalable Vector Graphics, with tooltips and links. <https://graphviz.org/docs/outputs/svg/>
  case svg
  /// Portable Network Graphics, through cairo. <https://graphviz.org/docs/outputs/png/>
  case png
  /// Portable Document Format, through cairo. <https://graphviz.org/docs/outputs/pdf/>
  case pdf
  /// The DOT source, unchanged (no layout). <https://graphviz.org/doc/info/lang.html>
  case dot

  /// The format named by a file extension, case-insensitively, with or without the leading dot:
  /// `svg`, `png`, `pdf`, and `dot` or `gv` for DOT. Returns `nil` for anything else.
  ///
  ///     RenderFormat(fileExtension: ".SVG")   // .svg
  ///     RenderFormat(fileExtension: "gv")     // .dot
  public init?(fileExtension: String) {
    var ext = Substring(fileExtension.lowercased())
    if ext.hasPrefix(".") { ext = ext.dropFirst() }
    switch ext {
    case "svg": self = .svg
    case "png": self = .png
    case "pdf": self = .pdf
    case "dot", "gv": self = .dot
    default: return nil
    }
  }
}
