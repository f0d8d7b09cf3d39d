public import Networks

extension GraphvizRenderer {
  /// Writes `network` as DOT with `style` (``DOTWriter``) and renders it with ``engine``.
  ///
  ///     let svg = try GraphvizRenderer(engine: .sfdp).render(network, style: NetworkStyle(), format: .svg)
  ///
  /// - Throws: as ``render(dot:format:)``.
  public func render(_ network: Network, style: NetworkStyle, format: RenderFormat) throws(RenderError) -> [UInt8] {
    let dot = DOTWriter(style: style, engine: engine).dot(for: network)
    return try render(dot: dot, format: format)
  }
}

/// Draws `network` in one call: ``DOTWriter`` then ``GraphvizRenderer``.
///
///     let png = try renderNetwork(network, style: NetworkStyle(title: "Authors"), engine: .sfdp, format: .png)
///
/// - Throws: ``RenderError`` from libgraphviz.
public func renderNetwork(
  _ network: Network, style: NetworkStyle, engine: LayoutEngine, format: RenderFormat
) throws(RenderError) -> [UInt8] {
  try GraphvizRenderer(engine: engine).render(network, style: style, format: format)
}
