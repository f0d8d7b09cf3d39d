/// Inline text of a report: plain text is data and is escaped by each writer.
public enum Inline: Sendable, Equatable {
  case text(String)
  case strong(String)
  case emphasis(String)
  case code(String)
  /// A link to an anchor within the report (`#id`).
  case anchorLink(String, anchor: String)
  /// An invisible link target (`id`) at this point of the text.
  case anchor(String)
}

/// A block of a report, written out by ``MarkdownReportWriter`` and ``HTMLReportWriter``.
public enum Block: Sendable, Equatable {
  case heading(level: Int, text: String, anchor: String)
  case paragraph([Inline])
  case bullets([[Inline]])
  /// A table; `numeric[i]` right-aligns column `i`.
  case table(headers: [String], rows: [[[Inline]]], numeric: [Bool])
  /// A network picture, by key (`authors`, `fellows`, `tags`, `communities`), with a caption.
  case figure(key: String, caption: String)
  /// Small pictures side by side (small multiples, e.g. the network year by year): each key
  /// with its own short caption, and one caption for the row.
  case figureRow(keys: [String], captions: [String], caption: String)
  /// A bar chart of counts per category (e.g. per year), one bar per series in each category.
  /// HTML draws it as inline SVG; Markdown as a table.
  case barChart(BarChart)
  /// Intervals on a year axis, one row each (e.g. the years a topic burst). HTML draws it as
  /// inline SVG; Markdown as a table with a mark in each year of a row's interval.
  case intervalChart(IntervalChart)
  /// A search box over the report's people (HTML only; the Markdown has the profiles' index).
  case searchBox
}

/// Counts per category for ``Block/barChart(_:)``.
public struct BarChart: Sendable, Equatable {
  public var title: String
  /// Category labels along the x axis (e.g. years).
  public var categories: [String]
  /// Series names and their value per category.
  public var series: [(name: String, values: [Int])]

  public init(title: String, categories: [String], series: [(name: String, values: [Int])]) {
    self.title = title
    self.categories = categories
    self.series = series
  }

  public static func == (a: BarChart, b: BarChart) -> Bool {
    a.title == b.title && a.categories == b.categories && a.series.map(\.name) == b.series.map(\.name)
      && a.series.map(\.values) == b.series.map(\.values)
  }
}

/// Rows of intervals on a year axis for ``Block/intervalChart(_:)``.
public struct IntervalChart: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var label: String
    /// First and last year (inclusive).
    public var start: Int
    public var end: Int
    /// Shown beside the bar (e.g. "strength 5.69").
    public var note: String

    public init(label: String, start: Int, end: Int, note: String) {
      self.label = label
      self.start = start
      self.end = end
      self.note = note
    }
  }

  public var title: String
  /// The axis: consecutive years.
  public var years: [Int]
  public var rows: [Row]

  public init(title: String, years: [Int], rows: [Row]) {
    self.title = title
    self.years = years
    self.rows = rows
  }
}

/// A person the HTML search box can find.
public struct SearchEntry: Sendable, Equatable {
  public var name: String
  /// Their profile's anchor, or `nil` when the report has no profile for them.
  public var anchor: String?
  /// A short description (papers, community).
  public var detail: String

  public init(name: String, anchor: String?, detail: String) {
    self.name = name
    self.anchor = anchor
    self.detail = detail
  }
}

/// What the HTML page's scripts need to know about one picture: which SVG element is which
/// node, and each node's neighbours (for hover highlighting).
public struct FigureIndex: Sendable, Equatable {
  /// Prefix of the SVG ids: node `k` is `<prefix>n<k>`, edge `e` is `<prefix>e<e>`.
  public var idPrefix: String
  /// Node names, indexed by node.
  public var names: [String]
  /// Neighbours of each node.
  public var neighbours: [[Int]]
  /// Endpoints of each edge, indexed by edge.
  public var edges: [[Int]]

  public init(idPrefix: String, names: [String], neighbours: [[Int]], edges: [[Int]]) {
    self.idPrefix = idPrefix
    self.names = names
    self.neighbours = neighbours
    self.edges = edges
  }
}

/// A report as a list of blocks: built once from an ``CorpusAnalysis``, written as Markdown or HTML.
public struct ReportDocument: Sendable, Equatable {
  public var title: String
  public var blocks: [Block]
  /// The people the HTML search box can find.
  public var searchIndex: [SearchEntry]

  public init(title: String, blocks: [Block], searchIndex: [SearchEntry] = []) {
    self.title = title
    self.blocks = blocks
    self.searchIndex = searchIndex
  }
}

/// What the report says about how it was made.
public struct ReportContext: Sendable, Equatable {
  /// Shown in the title: usually the listing's name.
  public var title: String
  /// Input files as the user named them.
  public var inputs: [String]
  /// The alias file, if one was applied.
  public var aliasFile: String?
  /// The command that reproduces the report.
  public var command: String
  /// The Graphviz layout engine used for the pictures.
  public var engine: String
  /// How many researchers the ranking tables show.
  public var topCount: Int
  /// Notes on how the pictures and metrics were reduced for a big input (backbone, community
  /// map, skipped metrics, year filter), shown in the overview and the method section.
  public var notes: [String] = []
  /// Which pictures exist (keys of ``Block/figure(key:caption:)``); figures not listed are left
  /// out of the document. `nil` includes every figure.
  public var figureKeys: Set<String>? = nil
  /// Years with a picture in the growth strip (`growth-<year>` figures).
  public var growthYears: [Int] = []
  /// At most this many researchers get a profile (the most influential); the rest appear in
  /// tables and pictures without one.
  public var profileLimit: Int = 500

  public init(title: String, inputs: [String], aliasFile: String? = nil, command: String, engine: String = "sfdp", topCount: Int = 10) {
    self.title = title
    self.inputs = inputs
    self.aliasFile = aliasFile
    self.command = command
    self.engine = engine
    self.topCount = topCount
  }
}


