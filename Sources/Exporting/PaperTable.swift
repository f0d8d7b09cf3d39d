public import Bibliography
import TextEscaping

/// Every paper of a corpus as Coauthor read and resolved it, as a paper table
/// (``DelimitedTableReader``'s schema): `coauthor export --format papers`.
///
/// Columns, in this order: `paper_id` (the source's id, empty when it has none), `year`, `date`
/// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the reader takes the date before the year), `title`,
/// `authors` (display names after identity resolution, `;`-separated), `author_ids` (aligned with
/// `authors`: the person's persistent id, or an empty item), `fellows`, `keywords` (folded tags,
/// shown under their display names), `abstract` (for term maps; in TSV its line breaks become
/// spaces). Papers in corpus order. Reading the table back gives the
/// same papers, people and tags, hence the same networks.
///
/// Every cell goes through the one escaping rule of its language (``CSV/field(_:)`` or
/// ``TSV/field(_:)``): control and bidi characters become U+FFFD; in TSV a line break becomes a
/// space (normalised names and titles hold none); a cell starting with `=`, `+`, `-` or `@` gets a
/// leading `'` (the spreadsheet formula guard; reading the file back keeps the `'`, so these
/// cells are counted in ``Output/guardedCells``). A text the reader would decode as a character
/// reference has its `&` written `&amp;`.
///
/// - Throws: ``PaperTableError`` when a name or tag cannot be written as a list item (it holds
///   `;`, or a comma the reader would read as family name first): nothing is written then.
public struct PaperTable: Sendable {
  public enum Delimiter: Sendable { case comma, tab }

  public static let header = ["paper_id", "year", "date", "title", "authors", "author_ids", "fellows", "keywords", "abstract"]
  public static let listSeparator: Character = ";"

  public var corpus: Corpus

  public init(corpus: Corpus) { self.corpus = corpus }

  public struct Output: Sendable, Equatable {
    public var text: String
    /// Cells written with the formula guard's leading `'` (they read back with it).
    public var guardedCells: Int
  }

  public func write(_ delimiter: Delimiter) throws(PaperTableError) -> Output {
    var guarded = 0
    func row(_ cells: [String]) -> String {
      guarded += cells.count { TSV.isGuarded($0) }
      return delimiter == .comma ? CSV.row(cells) : TSV.row(cells)
    }
    func list(_ items: [String], _ paper: Paper, _ column: String) throws(PaperTableError) -> String {
      for item in items {
        if let problem = DelimitedTableReader.listItemProblem(item, separator: Self.listSeparator) {
          throw PaperTableError(source: paper.source, column: column, text: item, problem: problem)
        }
      }
      return items.map(DelimitedTableReader.literalCell).joined(separator: String(Self.listSeparator))
    }
    var text = row(Self.header)
    guarded = 0
    for paper in corpus.papers {
      let ids = paper.authors.map { corpus.personIDs[$0] ?? "" }
      for id in ids where id.contains(Self.listSeparator) {
        throw PaperTableError(source: paper.source, column: "author_ids", text: id, problem: "holds the list separator ';'")
      }
      text += row([
        paper.id.map(DelimitedTableReader.literalCell) ?? "", paper.date.map { String($0.year) } ?? "",
        paper.date?.description ?? "", DelimitedTableReader.literalCell(paper.title),
        try list(paper.authors, paper, "authors"), ids.contains { !$0.isEmpty } ? ids.joined(separator: ";") : "",
        try list(paper.fellows, paper, "fellows"), try list(paper.tags, paper, "keywords"),
        paper.abstract.map(DelimitedTableReader.literalCell) ?? "",
      ])
    }
    return Output(text: text, guardedCells: guarded)
  }
}

/// A name or tag that a paper table cannot hold as a list item.
public struct PaperTableError: Error, Equatable, Sendable, CustomStringConvertible {
  public var source: SourceLocation
  public var column: String
  public var text: String
  public var problem: String

  public var description: String {
    "\(source): cannot write '\(text)' in the \(column) column of a paper table: it \(problem); nothing was written (an alias rule can rename it)"
  }
}
