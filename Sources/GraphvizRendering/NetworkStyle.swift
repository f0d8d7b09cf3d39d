public import GraphCore

/// How to draw a ``Network``: node size, colour, border, labels, edges, legend and layout knobs.
///
/// A plain value: store it, compare it, tweak one field. ``DOTWriter`` turns a style and a
/// network into DOT; nothing here calls Graphviz.
///
/// * **Size.** Node *area* is proportional to the score (``sizeScores``, or the paper count when
///   that is `nil`): the diameter is `sqrt(d_min² + t · (d_max² − d_min²))` with
///   `t = (s − s_min) / (s_max − s_min)`, so the smallest score gets ``minimumNodeDiameter``, the
///   largest ``maximumNodeDiameter``, and area grows linearly in between. NaN scores count as the
///   minimum; when all scores are equal every node gets the maximum diameter.
/// * **Colour.** With ``communities`` set, community *c* is filled with `palette[c]`; communities
///   beyond the palette share ``overflowColor``. The default palette is Okabe–Ito, which stays
///   distinguishable under the common colour-vision deficiencies.
/// * **Fellows** get a thick dark border and a second periphery
///   (<https://graphviz.org/docs/attrs/peripheries/>).
/// * **Edges.** Pen width grows linearly with weight from ``minimumEdgeWidth`` to
///   ``maximumEdgeWidth`` (<https://graphviz.org/docs/attrs/penwidth/>); shared-collaborator edges
///   are dashed.
/// * **Labels.** Only the ``labelCount`` highest-scoring nodes get a visible label; every node gets
///   a tooltip with its name, papers, score and community. The label is the node's own `label`,
///   drawn centred on it with `fixedsize=shape` (<https://graphviz.org/docs/attrs/fixedsize/>):
///   the circle keeps its size, overlap removal makes room for the text, and the text cannot
///   drift away from its node the way `xlabel`s placed after layout do.
///   ``SVGPolish/polished(_:)`` then gives the text a white halo so it reads on any fill.
///
/// ## References
/// Okabe, M. & Ito, K. *Color Universal Design (CUD): How to make figures and presentations that
/// are friendly to colorblind people*, 2002. <https://jfly.uni-koeln.de/color/>
public struct NetworkStyle: Sendable, Equatable {
  /// How Graphviz removes node overlaps (<https://graphviz.org/docs/attrs/overlap/>).
  public enum OverlapRemoval: String, Sendable, Equatable, Codable, CaseIterable {
    /// Proximity-graph-based removal (`overlap=prism`), keeping the layout's shape. Needs GTS,
    /// which Debian's libgvc6 has.
    case prism
    /// Uniform scaling until nodes no longer overlap (`overlap=scale`).
    case scale
    /// Graphviz's default removal (`overlap=false`: prism where available, else Voronoi).
    case remove = "false"
    /// Keep overlaps (`overlap=true`).
    case keep = "true"
  }

  /// How edges are drawn (<https://graphviz.org/docs/attrs/splines/>).
  public enum Splines: String, Sendable, Equatable, Codable, CaseIterable {
    /// Straight segments (`splines=line`); fastest.
    case line
    /// Gentle arcs bulging towards the centre of the drawing, drawn by Coauthor after the layout
    /// (`splines=line` plus the graph attribute `coauthor_arcs`, which ``GraphvizRenderer``
    /// reads). O(m), unlike `curved`.
    case arcs
    /// Graphviz's curved edges (`splines=curved`). Graphviz 2.4x searches the graph's cycles
    /// for it, which takes exponential time on dense graphs (K30: 52 s): use for small sparse
    /// pictures only.
    case curved
    /// Splines routed around nodes (`splines=spline`); slow on large graphs.
    case spline
    /// Polylines routed around nodes (`splines=polyline`).
    case polyline

    /// The value of Graphviz's `splines` attribute.
    public var dotValue: String { self == .arcs ? "line" : rawValue }
  }

  /// How far an arc's middle bulges from the straight line, as a fraction of the edge's length
  /// (with ``Splines/arcs``).
  public static let arcBend = 0.12

  /// Okabe–Ito's categorical palette without black (which is kept for borders and text).
  public static let okabeIto: [String] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
  ]

  // MARK: Size

  /// The score that sets each node's area, indexed by node; `nil` sizes nodes by paper count.
  /// - Precondition: `values.count == network.graph.nodeCount` when set.
  public var sizeScores: NodeScores?
  /// What ``sizeScores`` measures, for tooltips and the legend (e.g. `"betweenness"`).
  /// Ignored (reads "papers") when ``sizeScores`` is `nil`.
  public var sizeMetricName: String
  /// Diameter of the lowest-scoring node, in inches (Graphviz `width`/`height`).
  public var minimumNodeDiameter: Double
  /// Diameter of the highest-scoring node, in inches.
  public var maximumNodeDiameter: Double

  // MARK: Colour

  /// The community of each node; `nil` fills every node with ``uncolouredFill``.
  /// - Precondition: `nodeCount == network.graph.nodeCount` when set.
  public var communities: Partition?
  /// Legend names of the communities, indexed by community; missing entries read "Community k"
  /// (1-based).
  public var communityNames: [String]
  /// Fill colours by community, as Graphviz colour strings.
  public var palette: [String]
  /// Fill of communities beyond ``palette``.
  public var overflowColor: String
  /// Fill when ``communities`` is `nil`.
  public var uncolouredFill: String

  // MARK: Edges

  /// Pen width of the lightest edge, in points.
  public var minimumEdgeWidth: Double
  /// Pen width of the heaviest edge, in points.
  public var maximumEdgeWidth: Double

  // MARK: Text and links

  /// How many of the highest-scoring nodes get a visible label (ties by ascending ``NodeID``).
  public var labelCount: Int
  /// The picture's title, drawn at the top; `nil` for none.
  public var title: String?
  /// Whether a legend (an HTML-like table node) is drawn in the picture.
  public var showsLegend: Bool
  /// Link target of each node (an SVG `xlink:href`), e.g. `"#person-ivan-arcuschin"` for the
  /// HTML report; `nil` or `nil` entries for none. Percent-encoded by ``DOTWriter``.
  public var nodeURLs: [String?]?
  /// Font for all text (resolved by fontconfig).
  public var fontName: String

  // MARK: Layout

  /// Seed for the force-directed engines (`start=<seed>`, <https://graphviz.org/docs/attrs/start/>),
  /// so that the same input gives the same picture.
  public var layoutSeed: Int
  /// Overlap removal.
  public var overlap: OverlapRemoval
  /// Edge routing.
  public var splines: Splines
  /// The order in which communities (canonical numbers) are listed in the legend; `nil` lists
  /// them in canonical order. At most ``legendCommunityLimit`` are listed, then one "more" row.
  public var communityLegendOrder: [Int]? = nil
  /// How many communities the legend lists by name.
  public var legendCommunityLimit: Int = 8
  /// Whether every program fellow gets a visible label, beyond the top ``labelCount``.
  public var labelsAllFellows: Bool = false

  // MARK: Views (backbone, community map, ego network, growth strip)

  /// Visible label text by node, replacing the node's name (e.g. a community's lead members);
  /// `nil` or `nil` entries use the name. Only labelled nodes (``labelCount``) show it.
  public var nodeLabels: [String?]? = nil
  /// Tooltip text by node, replacing the generated one; `nil` or `nil` entries generate it.
  public var nodeTooltips: [String?]? = nil
  /// What an edge weight counts, for tooltips and the legend; `nil` derives it from the network.
  public var edgeWeightMeaning: String? = nil
  /// What node area means, for the legend; `nil` uses ``sizeMetricName``.
  public var sizeLegend: String? = nil
  /// A prefix for the SVG `id` of every node (`<prefix>n<k>`), edge (`<prefix>e<k>`) and the
  /// legend, so several pictures can sit in one HTML page and scripts can find their elements;
  /// `nil` leaves Graphviz's own ids.
  public var idPrefix: String? = nil
  /// Nodes drawn invisibly (with their edges) but still laid out, so pictures of one network
  /// at several times share one layout (the growth strip); `nil` hides nothing.
  public var hiddenNodes: [Bool]? = nil
  /// Edges drawn invisibly but still laid out (the growth strip hides links not yet made);
  /// `nil` hides none. Edges of hidden nodes are hidden anyway.
  public var hiddenEdges: [Bool]? = nil
  /// Nodes drawn with a ring in ``highlightColor`` (the growth strip: people new that year);
  /// `nil` highlights none.
  public var highlightedNodes: [Bool]? = nil
  /// Edges drawn in ``highlightColor`` (the growth strip: links new that year); `nil` none.
  public var highlightedEdges: [Bool]? = nil
  /// Edges drawn faint and dashed (the diff picture: ties lost since the older snapshot); `nil`
  /// none.
  public var faintEdges: [Bool]? = nil
  /// The colour of highlighted nodes and edges (Okabe–Ito vermillion).
  public var highlightColor: String = "#D55E00"
  /// Nodes drawn faint: dashed grey outline, pale fill, grey text (the diff picture: people no
  /// longer present, at the end of a lost tie); `nil` none.
  public var faintNodes: [Bool]? = nil

  /// The diff picture's highlight (what is new): magenta, a hue no community colour uses
  /// (``okabeIto``, ``overflowColor`` and ``uncolouredFill`` are orange, sky blue, bluish green,
  /// yellow, blue, vermillion, reddish purple and greys), so a ring is never read as a community.
  public static let changeHighlight = "#E6007E"
  /// How legends name ``changeHighlight``.
  public static let changeHighlightName = "magenta"
  /// The fill of faint nodes (``faintNodes``).
  public static let ghostFill = "#F2F2F2"
  /// The nodes that get a visible label, replacing the top ``labelCount`` (and
  /// ``labelsAllFellows``); `nil` uses those rules.
  public var labelledNodes: [Bool]? = nil
  /// Whether labels are placed beside their nodes after layout (`xlabel`) instead of on them, so
  /// that they do not move the layout: pictures with different labels then share one layout.
  public var externalLabels: Bool = false
  /// Extra legend lines, drawn after the generated ones (e.g. "showing the 300 most central").
  public var legendNotes: [String] = []

  /// A style with the documented defaults: nodes sized by paper count, no communities, top 15
  /// labelled, legend on, seed 0, prism overlap removal, arcs.
  public init(
    sizeScores: NodeScores? = nil, sizeMetricName: String = "papers",
    communities: Partition? = nil, communityNames: [String] = [],
    labelCount: Int = 15, title: String? = nil, showsLegend: Bool = true,
    nodeURLs: [String?]? = nil, layoutSeed: Int = 0,
    overlap: OverlapRemoval = .prism, splines: Splines = .arcs
  ) {
    self.sizeScores = sizeScores
    self.sizeMetricName = sizeMetricName
    self.minimumNodeDiameter = 0.2
    self.maximumNodeDiameter = 0.9
    self.communities = communities
    self.communityNames = communityNames
    self.palette = Self.okabeIto
    self.overflowColor = "#BBBBBB"
    self.uncolouredFill = "#D9D9D9"
    self.minimumEdgeWidth = 0.8
    self.maximumEdgeWidth = 5
    self.labelCount = labelCount
    self.title = title
    self.showsLegend = showsLegend
    self.nodeURLs = nodeURLs
    self.fontName = "Helvetica"
    self.layoutSeed = layoutSeed
    self.overlap = overlap
    self.splines = splines
  }

  /// The fill colour of community `community`.
  public func fill(forCommunity community: Int) -> String {
    community < palette.count ? palette[community] : overflowColor
  }

  /// The legend name of community `community`.
  public func name(ofCommunity community: Int) -> String {
    community < communityNames.count ? communityNames[community] : "Community \(community + 1)"
  }
}
