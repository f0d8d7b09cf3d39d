/// The layouts of research pages, as saved from the MATS website at different times, that
/// ``ListingReader`` reads. Which layout a file is in is decided in one place, ``detect(_:)``.
public enum ListingLayout: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
  /// The listing of `Examples/mats-research.txt`: title, abstract, `Read more`, tags,
  /// `Authors:`, `Fellows:` (or `Alumni:`, `MATS Fellow:`…), `Date:`.
  case listing
  /// The newer listing: title, tags (often no abstract), `Authors:`, `Alumni:`, an optional
  /// `Date:`, then `Citations:` with the count on the next line (or `12 Citations` on one line,
  /// or a bare `Citations` with no count).
  case newerListing = "newer-listing"
  /// A page about one paper, new style: an optional title, `MATS Fellow:`, `Authors:`,
  /// `12 Citations` (or a bare `Citations`), `Abstract:` and the abstract, then a
  /// `Recent research` footer listing other papers.
  case paperPage = "paper-page"
  /// A page about one paper, old style: labels without colons, `MATS Alumnus` for the fellows,
  /// `Collabortators` (the site's spelling) for the other authors, `Citations`, `Abstract`.
  case oldPaperPage = "old-paper-page"

  /// How `coauthor stats` names the layout.
  public var description: String {
    switch self {
    case .listing: "listing"
    case .newerListing: "listing (newer, with Citations)"
    case .paperPage: "per-paper page (new style)"
    case .oldPaperPage: "per-paper page (old style)"
    }
  }

  /// Whether the file is about one paper (with, perhaps, a footer of others).
  public var isPaperPage: Bool { self == .paperPage || self == .oldPaperPage }

  /// The footer header of per-paper pages; what follows lists other papers.
  static let footerHeader = "recent research"

  /// Labels that only the old per-paper pages write (alone on a line, no colon).
  static let oldPageLabels: Set<String> = ["mats alumnus", "mats alumna", "mats alumni", "collabortators", "collaborators"]

  /// The layout of a file, from its non-empty, normalised lines:
  /// - old per-paper page: before any `Recent research` line, a line that is exactly
  ///   `MATS Alumnus` or `Collabortators` (any case, no colon);
  /// - new per-paper page: before any `Recent research` line, an `Abstract:` label and at most
  ///   one authors label (`Authors:`);
  /// - newer listing: a citations label anywhere (`Citations:`, `Citations`, `12 Citations`);
  /// - otherwise the listing of `Examples/mats-research.txt`.
  public static func detect(_ lines: [String]) -> ListingLayout {
    let footer = lines.firstIndex { $0.lowercased() == footerHeader } ?? lines.count
    let main = lines[..<footer]
    if main.contains(where: { oldPageLabels.contains($0.lowercased()) }) { return .oldPaperPage }
    let hasAbstractLabel = main.contains { ListingReader.label($0, page: true)?.0 == .abstract && $0.contains(":") }
    let authorLabels = main.count { ListingReader.label($0, page: false)?.0 == .authors }
    if hasAbstractLabel && authorLabels <= 1 { return .paperPage }
    if lines.contains(where: { ListingReader.label($0, page: false)?.0 == .citations }) { return .newerListing }
    return .listing
  }
}
