/// What a writer of paper tables needs to know to write text this reader reads back unchanged
/// (`coauthor export --format papers`).
extension DelimitedTableReader {
  /// `text` as a cell this reader decodes back to `text`: every `&` written `&amp;` when the
  /// text holds something the reader would decode as a character reference (`Q&amp;A` written
  /// as such must not come back as `Q&A`); text without one is returned as it is.
  public static func literalCell(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")), HTMLEntities.decoded(text) != text else { return text }
    return text.replacing("&", with: "&amp;")
  }

  /// Why a name written as an item of a list cell split at `separator` would not come back as
  /// itself, or `nil` when it would: it holds the separator (it would be cut), or a comma that
  /// the reader reads as a name written family name first (`Ann Alpha, Bob Beta` would come back
  /// as `Bob Beta Ann Alpha`).
  public static func listItemProblem(_ name: String, separator: Character) -> String? {
    if name.contains(separator) { return "holds the list separator '\(separator)'" }
    if separator != ",", name.utf8.contains(UInt8(ascii: ",")), let natural = InvertedName.readUnambiguous(name), natural != name {
      return "holds a comma; read back it would be '\(natural)' (family name first)"
    }
    return nil
  }
}
