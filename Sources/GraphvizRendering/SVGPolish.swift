/// Finishing touches on Graphviz's SVG that DOT cannot express.
///
/// Graphviz draws node labels as plain `<text>`; over a dark fill or a crossing edge they are
/// hard to read. ``polished(_:)`` adds one `<style>` element right after the opening `<svg>`
/// tag that gives node labels a white halo (`paint-order: stroke`), the usual map-label
/// technique. Nothing else changes, so the SVG stays byte-identical for the same DOT.
public enum SVGPolish {
  /// The CSS added to every picture. Class names are Graphviz's own (`node`, `edge`).
  public static let css =
    ".node text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;fill:#111}"

  /// `svg` with ``css`` added after the opening `<svg …>` tag; unchanged if there is none.
  ///
  ///     SVGPolish.polished("<svg a=\"1\"><g/></svg>")   // <svg a="1">\n<style>…</style><g/></svg>
  public static func polished(_ svg: String) -> String {
    let bytes = Array(svg.utf8)
    let tag = Array("<svg".utf8)
    guard bytes.count >= tag.count,
      let open = (0 ... bytes.count - tag.count).first(where: { bytes[$0 ..< $0 + tag.count].elementsEqual(tag) }),
      let close = bytes[open...].firstIndex(of: UInt8(ascii: ">"))
    else { return svg }
    let head = String(decoding: bytes[...close], as: UTF8.self)
    let tail = String(decoding: bytes[(close + 1)...], as: UTF8.self)
    return head + "\n<style>" + css + "</style>" + tail
  }
}
