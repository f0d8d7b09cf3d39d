/// Two names in a resolved corpus that may be one person, with the evidence: what
/// `coauthor names` lists for the user to accept into the alias file (as `merge CANONICAL VARIANT`)
/// or leave alone.
public struct NameVariant: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable, Comparable {
    /// An initial form and a fuller form of one name (`M. Tong` / `Meg Tong`) that identity
    /// resolution left apart: no shared co-author, or the initial could be more than one person.
    case initials
    /// The same letters with different hyphens, spaces or apostrophes (`Xiao-Ming Li` / `Xiaoming Li`).
    case spelling
    /// Long names one or two letters apart (`Konrad Schindler` / `Konrad Schinder`), or the same given
    /// names with family names of six letters or more one letter apart (`Jan Kowalczyk` /
    /// `Jan Kowalcyk`), with a shared co-author.
    case editDistance = "edit-distance"
    /// A nickname and its full given name in the bundled nickname table, the rest of the name the
    /// same (`Kate Smith` / `Katherine Smith`, `Tomek Nowak` / `Tomasz Nowak`).
    case nickname
    /// The same names with the family name written first (`Wang Xiaoming` / `Xiaoming Wang`).
    case reordered = "family-name-first"

    public static func < (a: Kind, b: Kind) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  public var kind: Kind
  /// The name to keep (the fuller form, or the more frequent one; ties: the first seen).
  public var canonical: String
  /// The name that would become `canonical`.
  public var variant: String
  public var canonicalPapers: Int
  public var variantPapers: Int
  /// Co-authors of both names, in order of first appearance in the corpus.
  public var sharedCoauthors: [String]
  /// Other people the variant could be (an ambiguous initial form), in order of first appearance.
  public var alternatives: [String]

  /// The strength of the evidence: the number of shared co-authors.
  public var evidence: Int { sharedCoauthors.count }

  public init(
    kind: Kind, canonical: String, variant: String, canonicalPapers: Int, variantPapers: Int,
    sharedCoauthors: [String], alternatives: [String] = []
  ) {
    self.kind = kind
    self.canonical = canonical
    self.variant = variant
    self.canonicalPapers = canonicalPapers
    self.variantPapers = variantPapers
    self.sharedCoauthors = sharedCoauthors
    self.alternatives = alternatives
  }
}
