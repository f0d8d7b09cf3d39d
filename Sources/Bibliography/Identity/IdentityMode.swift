/// How far ``IdentityResolver`` goes in deciding that two author strings are one person.
///
/// - ``full`` (the default): every rule of ``IdentityResolver`` and `PersonResolver`: ids, the
///   alias file, names written family name first, the normalised name key, and the merges that
///   need evidence (initials with a shared co-author, fellows matched by nickname, family name
///   first or a surname typo tying spellings across papers).
/// - ``key``: only the rules a distributed job can apply row by row and that the Spark job
///   applies: ids before names (same id, one person; a spelling seen with exactly one id takes
///   that id), the alias file, names written family name first read in natural order, and the
///   normalised name key (``NameNormalizer/key(_:)``: `Iván  Arcuschin` = `ivan arcuschin`). No
///   initials (`M. Tong` stays apart from `Meg Tong`), no nicknames, no typos, no reordered
///   names; a listed fellow is matched to an author of its paper only by the same name or the
///   same key, else it is added as an author of that paper.
public enum IdentityMode: String, Sendable, CaseIterable, Codable, Hashable {
  case full
  case key
}
