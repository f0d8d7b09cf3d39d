import Testing

@testable import Bibliography

@Suite("Name normaliser")
struct NameNormalizerTests {
  @Test(arguments: [
    ("Iva\u{301}n Arcuschin", "Iván Arcuschin"),  // NFC
    ("Lisa\u{00A0}Thiergart", "Lisa Thiergart"),  // no-break space
    ("Lisa\u{2009}\u{202F}Thiergart", "Lisa Thiergart"),  // thin and narrow no-break spaces
    ("\tLisa \t  Thiergart\n", "Lisa Thiergart"),
    ("Li\u{200B}sa Thier\u{00AD}gart\u{FEFF}", "Lisa Thiergart"),  // zero-width space, soft hyphen, BOM
    // Direction marks and bidi controls, as in paperlists' "Paul Debevec\u{200E}" and "Nicholas Vining\u{200F}".
    ("Paul Debevec\u{200E}", "Paul Debevec"), ("\u{200F}Nicholas Vining\u{200F}", "Nicholas Vining"),
    ("\u{2067}Ann\u{2069} \u{202E}Alpha\u{202C}\u{061C}", "Ann Alpha"),
    ("Turner , Thiergart ,Mini", "Turner, Thiergart,Mini"),
    ("  ", ""),
  ])
  func normalize(raw: String, expected: String) {
    #expect(NameNormalizer.normalize(raw) == expected)
  }

  @Test func nfcComparesEqualByScalars() {
    // Swift `==` already treats canonically equivalent strings as equal; check the stored scalars.
    #expect(Array(NameNormalizer.normalize("Iva\u{301}n").unicodeScalars) == Array("Iv\u{E1}n".unicodeScalars))
  }

  @Test(arguments: [
    ("Iván  Arcuschin", "ivan arcuschin"),
    ("IVAN ARCUSCHIN", "ivan arcuschin"),
    ("Iva\u{301}n\u{00A0}Arcuschin", "ivan arcuschin"),
    ("Rubi J. Hudson", "rubi j hudson"),
    ("R.J. Hudson", "r j hudson"),
    ("Zoë Ödegård", "zoe odegard"),
  ])
  func keyFolding(raw: String, expected: String) {
    #expect(NameNormalizer.key(raw) == expected)
  }

  @Test func titleKeyIgnoresPunctuation() {
    #expect(
      NameNormalizer.titleKey("Steering Language Models With Activation Engineering")
        == NameNormalizer.titleKey("Steering language models — with activation engineering."))
    #expect(NameNormalizer.titleKey("The Reversal Curse: LLMs trained on \"A is B\"") == "the reversal curse llms trained on a is b")
  }

  @Test func tokensAndInitials() {
    #expect(NameNormalizer.tokens(" Rubi\u{00A0}J.  Hudson ") == ["Rubi", "J.", "Hudson"])
    #expect(["J.", "J", "J.-P."].allSatisfy(NameNormalizer.isInitial))
    #expect(!["Jo", "Al", "Hudson", "."].contains(where: NameNormalizer.isInitial))
  }
}

@Suite("Date parser")
struct DateParserTests {
  @Test(arguments: [
    ("Sep 15, 2023", PaperDate(year: 2023, month: 9, day: 15)),
    ("Sept. 5, 2024", PaperDate(year: 2024, month: 9, day: 5)),
    ("Sept 5, 2024", PaperDate(year: 2024, month: 9, day: 5)),
    ("March 10, 2026", PaperDate(year: 2026, month: 3, day: 10)),
    ("mar 10 2026", PaperDate(year: 2026, month: 3, day: 10)),
    ("15 March 2026", PaperDate(year: 2026, month: 3, day: 15)),
    ("March 2026", PaperDate(year: 2026, month: 3)),
    ("Dec\u{00A0}1,\u{00A0}2025", PaperDate(year: 2025, month: 12, day: 1)),
    ("2024-03-01", PaperDate(year: 2024, month: 3, day: 1)),
    ("2023/09/15", PaperDate(year: 2023, month: 9, day: 15)),
    ("2024-03", PaperDate(year: 2024, month: 3)),
    ("2023", PaperDate(year: 2023)),
    ("2024-02-29", PaperDate(year: 2024, month: 2, day: 29)),
    ("2000-02-29", PaperDate(year: 2000, month: 2, day: 29)),
    (" Feb 28, 2023 ", PaperDate(year: 2023, month: 2, day: 28)),
  ])
  func valid(text: String, expected: PaperDate) {
    #expect(DateParser.parse(text) == expected)
  }

  @Test(arguments: [
    "", "Smarch 41, 2023", "Sep 31, 2023", "Feb 29, 2023", "2023-02-29", "1900-02-29", "2023-13-01", "2023-00",
    "2023-04-31", "23-04-01", "0999", "Ju 5, 2023", "Sept 0, 2024", "2023-", "2023--09", "-2023", "2023-09-15-",
    "someday", "Sep 15", "15, 2023",
  ])
  func invalid(text: String) {
    #expect(DateParser.parse(text) == nil)
  }

  @Test func descriptions() {
    #expect(PaperDate(year: 2023, month: 9, day: 5).description == "2023-09-05")
    #expect(PaperDate(year: 2023, month: 9).description == "2023-09")
    #expect(PaperDate(year: 2023).description == "2023")
    #expect(PaperDate(year: 2023) < PaperDate(year: 2023, month: 1))
  }
}

@Suite("HTML character references")
struct HTMLEntityDecodingTests {
  @Test(arguments: [
    ("Garc&iacute;a", "García"), ("&amp;", "&"), ("&eacute;t&eacute;", "été"), ("K&ouml;ln", "Köln"), ("a&nbsp;b", "a\u{A0}b"),
    ("&#233;", "é"), ("&#xE9;", "é"), ("&#XE9;", "é"), ("&lt;i&gt;", "<i>"), ("&quot;&apos;", "\"'"), ("&mdash;", "—"),
    // Not references: kept as written.
    ("AT&T;", "AT&T;"), ("&foo;", "&foo;"), ("Barnes & Noble", "Barnes & Noble"), ("&amp", "&amp"), ("&;", "&;"),
    ("&EACUTE;", "&EACUTE;"), ("&#0;", "&#0;"), ("&#xD800;", "&#xD800;"), ("&#x110000;", "&#x110000;"),
    ("&averyveryverylongname;", "&averyveryverylongname;"), ("&&amp;", "&&"),
  ])
  func decoding(text: String, expected: String) {
    #expect(HTMLEntities.decoded(text) == expected)
  }

  /// The documented example: a reference's `;` does not cut, a real `;` does.
  @Test func cutWhileDecoding() {
    let out = HTMLEntities.decode("Garc&iacute;a, Mar&iacute;a; Smith, John", separator: ";")
    #expect(out.items == ["García, María", " Smith, John"])
    #expect(out.unknown == [])
    #expect(out.wasSplit)
    let unknown = HTMLEntities.decode("AT&T;x;&foo;", separator: ";")
    #expect(unknown.items == ["AT&T;x", "&foo;"])
    #expect(unknown.unknown == ["&T;", "&foo;"])
    #expect(!HTMLEntities.decode("Ann", separator: ";").wasSplit)
  }

  @Test func latexEscaping() {
    #expect(HTMLEntities.decode(#"AT\&T; &#123;x&#125; &#36; &#92; &#126;"#, escapingLaTeX: true).items == [
      #"AT\&T; \{x\} \$ \textbackslash{} \textasciitilde{}"#
    ])
    #expect(LaTeXDecoder.decode(HTMLEntities.decode("&#123;x&#125; &#36;5 &#126;", escapingLaTeX: true).items[0]).text == "{x} $5 ~")
  }
}

@Suite("Names family name first, comma known to separate family and given names")
struct UnambiguousInvertedNameTests {
  @Test(arguments: [
    ("de la Cruz Pérez, Juan Carlos", "Juan Carlos de la Cruz Pérez"), ("van der Berg, Anna", "Anna van der Berg"),
    ("Le Quoc, Minh", "Minh Le Quoc"), ("Henriques de Gusmao, Ana Paula", "Ana Paula Henriques de Gusmao"),
    ("Rivera Lopez, Juan Pablo", "Juan Pablo Rivera Lopez"), ("Smith, John, Jr.", "John Smith Jr."),
    ("Smith, John Jr.", "John Smith Jr."), ("Smith Jr., John", "John Smith Jr."), ("King, Jr., Martin Luther", "Martin Luther King Jr."),
    ("Scanavachi Moreira Campos, Ana Carolina", "Ana Carolina Scanavachi Moreira Campos"),
  ])
  func inverted(name: String, expected: String) {
    #expect(InvertedName.readUnambiguous(name) == expected)
  }

  @Test(arguments: ["Ann Alpha", "Acme 2, Inc.", "A, B, C", "Smith, Jr.", "(UK), Group", "a b c d e f g, John"])
  func notAName(name: String) {
    #expect(InvertedName.readUnambiguous(name) == nil)
  }

  /// Where the comma may be between two people, nothing changes.
  @Test func ambiguousReadingIsUnchanged() {
    #expect(InvertedName.read("Henriques de Gusmao, Ana Paula") == .ambiguous("Ana Paula Henriques de Gusmao"))
    #expect(InvertedName.read("de la Cruz Pérez, Juan Carlos") == .inverted("Juan Carlos de la Cruz Pérez"))
  }
}
