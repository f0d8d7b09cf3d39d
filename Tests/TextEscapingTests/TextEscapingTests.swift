import Foundation
import Testing
import TextEscaping

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Property tests over seeded random strings (``RandomText``): for each output language the
/// escaped text is well-formed and decodes back to exactly ``TextSanitizer/sanitize(_:)`` of the
/// input; plus named cases.
@Suite("Text escaping")
struct TextEscapingTests {
  /// 4 seeds × 500 strings.
  static let seeds: [UInt64] = [1, 2, 3, 4]
  static let perSeed = 500

  static let bidi: [Unicode.Scalar] = [
    "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    "\u{200E}", "\u{200F}", "\u{061C}",
  ]

  // MARK: - The rule

  @Test(arguments: seeds)
  func sanitizedTextHasOnlyLineFeedsAndNoControlOrBidiCharacter(seed: UInt64) {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      let clean = TextSanitizer.sanitize(s)
      let bad = clean.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n") || (0x7F ... 0x9F).contains($0.value) || Self.bidi.contains($0)
          || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FFFE}" || $0 == "\u{FFFF}"
      }
      #expect(bad.isEmpty, "\(s.debugDescription) → \(clean.debugDescription)")
      #expect(sameScalars(TextSanitizer.sanitize(clean), clean), "not idempotent: \(s.debugDescription)")
    }
  }

  @Test func ruleNamedCases() {
    #expect(TextSanitizer.sanitize("Evil\u{202E}Reversed") == "Evil\u{FFFD}Reversed")
    #expect(TextSanitizer.sanitize("a\r\nb\rc\nd\u{2028}e\u{2029}f") == "a\nb\nc\nd\ne\nf")
    #expect(TextSanitizer.sanitize("a\r\n\r\nb") == "a\n\nb")
    #expect(TextSanitizer.sanitize("tab\there") == "tab here")
    #expect(TextSanitizer.sanitize("nul\u{0}bell\u{7}esc\u{1B}del\u{7F}nel\u{85}") == "nul\u{FFFD}bell\u{FFFD}esc\u{FFFD}del\u{FFFD}nel\u{FFFD}")
    #expect(TextSanitizer.sanitize("\u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}") == "\u{FFFD}x\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    #expect(TextSanitizer.sanitize("\u{FFFE}\u{FFFF}") == "\u{FFFD}\u{FFFD}")
    // Kept: letters of any script, combining marks, emoji, ZWJ sequences.
    let kept = "Iva\u{301}n 李 بو \u{1F469}\u{200D}\u{1F4BB}"
    #expect(sameScalars(TextSanitizer.sanitize(kept), kept))
    #expect(TextSanitizer.sanitize("two\nlines", lineBreak: " ") == "two lines")
  }

  // MARK: - XML (GraphML, GEXF, SVG, HTML)

  @Test(arguments: seeds)
  func xmlTextParsesBackToTheSanitisedString(seed: UInt64) throws {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      let document = "<r>" + XML.text(s) + "</r>"
      let parsed = try #require(XMLProbe.parse(document), "not well-formed: \(document.debugDescription)")
      #expect(sameScalars(parsed.text, TextSanitizer.sanitize(s)), "\(s.debugDescription)")
    }
  }

  @Test(arguments: seeds)
  func xmlAttributeParsesBackToTheSanitisedString(seed: UInt64) throws {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      for quote in ["\"", "'"] {
        let document = "<r a=\(quote)" + XML.attribute(s) + "\(quote)/>"
        let parsed = try #require(XMLProbe.parse(document), "not well-formed: \(document.debugDescription)")
        #expect(sameScalars(parsed.attribute ?? "", TextSanitizer.sanitize(s)), "\(s.debugDescription)")
      }
    }
  }

  @Test func xmlNamedCases() {
    #expect(XML.text(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    #expect(XML.text("]]>") == "]]&gt;")
    #expect(XML.text("a\tb\nc\r\nd") == "a b\nc\nd")
    #expect(XML.attribute("a\tb\nc\rd") == "a b&#10;c&#10;d")
    #expect(XML.text("Evil\u{202E}Reversed") == "Evil\u{FFFD}Reversed")
    #expect(XML.text("nul\u{0}bell\u{7}\u{FFFE}\u{FFFF}") == "nul\u{FFFD}bell\u{FFFD}\u{FFFD}\u{FFFD}")
  }

  // MARK: - JSON

  @Test(arguments: seeds)
  func jsonStringParsesBackToTheSanitisedString(seed: UInt64) throws {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      let text = "[" + JSON.quoted(s) + "]"
      let parsed = try #require(
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String],
        "not JSON: \(text.debugDescription)")
      #expect(parsed.count == 1 && sameScalars(parsed[0], TextSanitizer.sanitize(s)), "\(s.debugDescription)")
      // Script-safe: nothing can end a <script> element or open a comment or entity.
      #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
    }
  }

  @Test(arguments: seeds)
  func jsonValuesParseCompactAndPretty(seed: UInt64) throws {
    let strings = RandomText.strings(60, seed: seed)
    let value = JSON.object(strings.enumerated().map { i, s in
      ("k\(i)" + s, i % 3 == 0 ? .array([.string(s), .int(i), .double(Double(i) / 4), .bool(i % 2 == 0), .null]) : .string(s))
    })
    for indent in [nil, 2] as [Int?] {
      let text = value.text(indent: indent)
      let object = try #require(
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON (indent \(String(describing: indent)))")
      #expect(object.count == Set(strings.enumerated().map { "k\($0)" + TextSanitizer.sanitize($1) }).count)
      for (i, s) in strings.enumerated() {
        let member = object["k\(i)" + TextSanitizer.sanitize(s)]
        let string = i % 3 == 0 ? (member as? [Any])?.first as? String : member as? String
        #expect(string.map { sameScalars($0, TextSanitizer.sanitize(s)) } == true, "\(s.debugDescription)")
      }
    }
  }

  /// The escaping rule written out scalar by scalar (what ``JSON/quoted(_:)`` did for every
  /// string before it copied strings that need no escaping as they are).
  static func quotedByTheRule(_ s: String) -> String {
    var out = "\""
    TextSanitizer.forEachPiece(of: s) { piece in
      switch piece {
      case .lineBreak: out += "\\n"
      case .scalar("\""): out += "\\\""
      case .scalar("\\"): out += "\\\\"
      case .scalar("<"): out += "\\u003c"
      case .scalar(">"): out += "\\u003e"
      case .scalar("&"): out += "\\u0026"
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The copy-as-is path of ``JSON/quoted(_:)`` and ``JSON/appendQuoted(_:to:)`` gives the
  /// rule's bytes for every piece a hostile name is made of, alone and inside plain text, and for
  /// random strings (a lead byte missing from the fast path's list, 0xE2 say, fails here).
  @Test(arguments: seeds)
  func jsonFastPathGivesTheRulesBytes(seed: UInt64) {
    let singles = RandomText.pieces.flatMap { [$0, "Ada " + $0 + " Lovelace", "é" + $0] }
    for s in singles + RandomText.strings(Self.perSeed, seed: seed) + ["", "Plain ASCII name", "Iván Arcuschin 李"] {
      let expected = Self.quotedByTheRule(s)
      #expect(JSON.quoted(s) == expected, "\(s.debugDescription)")
      var bytes: [UInt8] = [0x5B]
      JSON.appendQuoted(s, to: &bytes)
      #expect(bytes == [0x5B] + Array(expected.utf8), "\(s.debugDescription)")
    }
  }

  @Test func jsonNamedCases() {
    #expect(JSON.quoted("</script>") == #""\u003c/script\u003e""#)
    #expect(JSON.quoted(#"a"b\c"#) == #""a\"b\\c""#)
    #expect(JSON.quoted("t\tn\nr\r\nls\u{2028}ps\u{2029}") == #""t n\nr\nls\nps\n""#)
    #expect(JSON.quoted("\u{0}\u{1F}\u{7F}") == "\"\u{FFFD}\u{FFFD}\u{FFFD}\"")
    #expect(JSON.quoted("Evil\u{202E}Reversed") == "\"Evil\u{FFFD}Reversed\"")
    // The CLI's pretty form and the report's compact form, byte for byte.
    let value = JSON.object([("a", .array([.int(1), .double(2), .double(0.5), .double(.nan)])), ("b", .object([])), ("c", .array([]))])
    #expect(value.text() == "{\n  \"a\": [\n    1,\n    2.0,\n    0.5,\n    null\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    #expect(value.text(indent: nil) == #"{"a":[1,2.0,0.5,null],"b":{},"c":[]}"#)
    #expect(JSON.double(1e20).text() == "1e+20")
  }

  // MARK: - CSV

  @Test(arguments: seeds)
  func csvRowsParseBackToTheSanitisedFields(seed: UInt64) throws {
    let strings = RandomText.strings(Self.perSeed, seed: seed)
    for i in stride(from: 0, to: strings.count - 2, by: 3) {
      let fields = Array(strings[i ..< i + 3])
      let row = CSV.row(fields)
      let parsed = try #require(RFC4180.parseRecord(row), "not RFC 4180: \(row.debugDescription)")
      #expect(parsed.count == 3, "\(row.debugDescription)")
      for (field, cell) in zip(fields, parsed) {
        let clean = TextSanitizer.sanitize(field)
        let defused = clean.unicodeScalars.first.map { "=+-@\n".unicodeScalars.contains($0) } == true && Double(clean) == nil
        #expect(sameScalars(cell, defused ? "'" + clean : clean), "\(field.debugDescription) → \(cell.debugDescription)")
        // No cell starts a formula.
        if let first = cell.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { #expect(Double(cell) != nil, "\(cell.debugDescription)") }
      }
    }
  }

  @Test func csvNamedCases() {
    #expect(CSV.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
    #expect(CSV.field(#"=HYPERLINK("x")"#) == #""'=HYPERLINK(""x"")""#)
    for formula in ["=1+1", "+cmd", "-cmd", "@SUM(A1)"] { #expect(CSV.field(formula) == "'" + formula, "\(formula)") }
    #expect(CSV.field("\tx") == " x")
    #expect(CSV.field("\rx") == "\"'\nx\"")
    #expect(CSV.field("-0.5") == "-0.5")
    #expect(CSV.field("Doe, Jane") == #""Doe, Jane""#)
    #expect(CSV.field(#"say "hi""#) == #""say ""hi""""#)
    #expect(CSV.field("Evil\u{202E}Reversed") == "Evil\u{FFFD}Reversed")
    #expect(CSV.row(["a", "b,c"]) == "a,\"b,c\"\n")
  }

  // MARK: - DOT

  @Test(arguments: seeds)
  func dotQuotedStringsDecodeToTheSanitisedString(seed: UInt64) throws {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      let clean = TextSanitizer.sanitize(s)
      for context in [DOT.Context.plain, .label, .tooltip, .text] {
        let quoted = DOT.quoted(s, as: context)
        let decoded = try #require(DOTProbe.decode(quoted, context: context), "not a DOT string: \(quoted.debugDescription)")
        let expected = context == .plain ? TextSanitizer.sanitize(s, lineBreak: " ") : clean
        #expect(sameScalars(decoded, expected), "\(context): \(s.debugDescription) → \(quoted.debugDescription)")
      }
      let html = DOT.htmlLabelText(s)
      let decoded = try #require(DOTProbe.decodeHTMLLabel(html), "not HTML-like label text: \(html.debugDescription)")
      #expect(sameScalars(decoded, clean), "\(s.debugDescription) → \(html.debugDescription)")
      #expect(!DOT.quotedURL(s).dropFirst().dropLast().contains { "\"<>&\\ ".contains($0) })
    }
  }

  @Test func dotNamedCases() {
    #expect(DOT.quoted("Evil\u{202E}Reversed", as: .label) == "\"Evil\u{FFFD}Reversed\"")
    #expect(DOT.quoted(#"say "hi" \ bye"#, as: .text) == #""say \"hi\" \\ bye""#)
    #expect(DOT.quoted("R&D", as: .text) == #""R&D""#)
    #expect(DOT.quoted("a\r\nb\nc\rd\u{2028}e", as: .text) == #""a\nb\nc\nd\ne""#)
    #expect(DOT.quotedURL("#x\u{202E}") == ##""#x%E2%80%AE""##)
  }

  // MARK: - Markdown

  @Test(arguments: seeds)
  func markdownTextDecodesToTheSanitisedString(seed: UInt64) throws {
    for s in RandomText.strings(Self.perSeed, seed: seed) {
      let md = Markdown.text(s)
      let decoded = try #require(MarkdownProbe.decodeText(md), "unescaped markup: \(md.debugDescription)")
      #expect(sameScalars(decoded, TextSanitizer.sanitize(s, lineBreak: " ")), "\(s.debugDescription) → \(md.debugDescription)")
      let code = Array(Markdown.code(s).unicodeScalars)
      #expect(code.first == "`" && code.last == "`" && code.dropFirst().dropLast().allSatisfy { $0 != "`" && $0 != "\n" })
      var expectedCode = ""
      for c in TextSanitizer.sanitize(s, lineBreak: " ").unicodeScalars { expectedCode.unicodeScalars.append(c == "`" ? "'" : c) }
      var decodedCode = ""
      var rest = code.dropFirst().dropLast()
      while let ch = rest.first {
        if rest.starts(with: ["\\", "|"]) {
          decodedCode += "|"
          rest = rest.dropFirst(2)
        } else {
          decodedCode.unicodeScalars.append(ch)
          rest = rest.dropFirst()
        }
      }
      #expect(sameScalars(decodedCode, expectedCode), "\(s.debugDescription) → \(code.debugDescription)")
    }
  }

  @Test func markdownNamedCases() {
    #expect(Markdown.text("1|2*3_4") == "1\\|2\\*3\\_4")
    #expect(Markdown.text("<script>&") == "&lt;script&gt;&amp;")
    #expect(Markdown.text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
    #expect(Markdown.text("Evil\u{202E}Reversed\nCtrl\u{7}") == "Evil\u{FFFD}Reversed Ctrl\u{FFFD}")
    #expect(Markdown.code("a`b|c\u{202E}") == "`a'b\\|c\u{FFFD}`")
  }
}
