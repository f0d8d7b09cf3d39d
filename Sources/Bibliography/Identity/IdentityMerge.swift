/// One automatic identity decision across papers: an author string shown as another spelling of
/// the same person, with the reason and the evidence.
public struct IdentityMerge: Sendable, Equatable, Codable {
  public enum Reason: String, Sendable, Codable {
    /// Written family name first (`Tong, Meg` → `Meg Tong`).
    case inverted
    /// The same persistent id (ORCID, OpenAlex, DBLP) on both spellings.
    case sameID = "same-id"
    /// An initial form and a fuller form of one name with a shared co-author (`M. Tong` → `Meg Tong`).
    case initials
    /// A fellow listed under this spelling was matched to an author of one paper under the other
    /// by nickname, family name first or a one-letter surname typo (`Kate Smith` → `Katherine Smith`).
    case fellowMatch = "fellow-match"
  }

  /// The author string as written (after the alias file).
  public var variant: String
  /// The name the person is shown under.
  public var person: String
  public var reason: Reason
  /// The shared ids (`same-id`) or shared co-authors (`initials`), in order of first appearance;
  /// for `fellow-match`, the paper's title and the match's reason.
  public var evidence: [String]

  public init(variant: String, person: String, reason: Reason, evidence: [String] = []) {
    self.variant = variant
    self.person = person
    self.reason = reason
    self.evidence = evidence
  }
}
