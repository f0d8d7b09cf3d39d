import Analysis
import ArgumentParser
import TextEscaping
import Bibliography

extension Coauthor {
  struct Names: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List names that may be spellings of one person, with the evidence, as alias rules to accept.",
      discussion: """
        Suspected variants: initial and full forms left apart (no shared co-author, or the initial could be several people), the same letters with different hyphens or spaces, long names one or two letters apart or family names of six letters or more one letter apart with a shared co-author, a nickname and its full given name (English nickname table: no Tomek/Tomasz), and the same names in another order (family name first). Evidence = shared co-authors; most evidence first. Names that wrote a paper together are never listed. Automatic merges (names written family name first, the same id, initials with a shared co-author, a fellow matched on one paper to an author spelled otherwise) are listed after them. --format tsv writes alias-file lines ('merge CANONICAL VARIANT', each after a comment with its evidence) to copy into an --aliases file. With --format json: {"suspected":[{"kind","variant","variantPapers","canonical","canonicalPapers","evidence","sharedCoauthors","alternatives"}],"merged":[{"reason","variant","person","evidence"}]}.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, tsv, json
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, tsv (alias-file lines) or json.")
    var format: Format = .text

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("List only variants with at least <n> shared co-authors.", valueName: "n"))
    var minEvidence: Int = 0

    func validate() throws {
      try input.requirePaths()
      if minEvidence < 0 { throw ValidationError("Please give a '--min-evidence' of 0 or more.") }
    }

    func run() throws {
      let corpus = try Interrupt.handling { try input.loadCorpus() }
      let variants = NameVariantFinder().variants(in: corpus).filter { $0.evidence >= minEvidence }
      reportDiagnostics(corpus)
      // Every form goes through the shared rule; the alias-file form keeps its tab separators.
      let rendered = Self.render(variants, merged: corpus.identityMerges, format: format)
      if format == .tsv {
        let fields = rendered.split(separator: "\t", omittingEmptySubsequences: false)
        print(fields.map { TextSanitizer.sanitize(String($0)) }.joined(separator: "\t"), terminator: "")
      } else {
        printText(rendered, terminator: "")
      }
    }

    static func papers(_ n: Int) -> String { n == 1 ? "1 paper" : "\(n) papers" }

    static func quoted(_ names: [String], limit: Int) -> String {
      names.prefix(limit).map { "'\($0)'" }.joined(separator: ", ") + (names.count > limit ? ", … (\(names.count) in all)" : "")
    }

    static func render(_ variants: [NameVariant], merged: [IdentityMerge], format: Format) -> String {
      switch format {
      case .json:
        let json = JSON.object([
          (
            "suspected",
            .array(
              variants.map { v in
                .object([
                  ("kind", .string(v.kind.rawValue)), ("variant", .string(v.variant)), ("variantPapers", .int(v.variantPapers)),
                  ("canonical", .string(v.canonical)), ("canonicalPapers", .int(v.canonicalPapers)),
                  ("evidence", .int(v.evidence)), ("sharedCoauthors", .array(v.sharedCoauthors.map(JSON.string))),
                  ("alternatives", .array(v.alternatives.map(JSON.string))),
                ])
              })
          ),
          (
            "merged",
            .array(
              merged.map { m in
                .object([
                  ("reason", .string(m.reason.rawValue)), ("variant", .string(m.variant)), ("person", .string(m.person)),
                  ("evidence", .array(m.evidence.map(JSON.string))),
                ])
              })
          ),
        ])
        return json.text() + "\n"
      case .tsv:
        var out = "# coauthor names: suspected name variants as alias rules (evidence = shared co-authors).\n"
        out += "# Copy the lines you accept into your alias file (--aliases); 'merge CANONICAL VARIANT' shows VARIANT as CANONICAL.\n"
        for v in variants {
          var comment = "# \(v.kind.rawValue), evidence \(v.evidence): '\(v.variant)' (\(papers(v.variantPapers))) and '\(v.canonical)' (\(papers(v.canonicalPapers)))"
          comment += v.sharedCoauthors.isEmpty ? ", no shared co-author" : " share \(quoted(v.sharedCoauthors, limit: 5))"
          if !v.alternatives.isEmpty { comment += "; '\(v.variant)' could also be \(quoted(v.alternatives, limit: 5))" }
          out += comment + "\nmerge\t\(v.canonical)\t\(v.variant)\n"
        }
        for m in merged {
          out += "# merged automatically (\(mergeReason(m))): '\(m.variant)' is shown as '\(m.person)'\n"
        }
        return out
      case .text:
        var out = "\(variants.count) suspected name variant\(variants.count == 1 ? "" : "s") (evidence = shared co-authors; '--format tsv' writes them as alias rules)\n"
        if !variants.isEmpty {
          let rows = variants.map { v in
            [
              "\(v.evidence)", v.kind.rawValue, "\(v.variant) (\(v.variantPapers))", "\(v.canonical) (\(v.canonicalPapers))",
              (v.sharedCoauthors.prefix(3).joined(separator: "; ") + (v.sharedCoauthors.count > 3 ? "; …" : ""))
                + (v.alternatives.isEmpty ? "" : (v.sharedCoauthors.isEmpty ? "" : " ") + "[could also be: \(v.alternatives.joined(separator: "; "))]"),
            ]
          }
          out += "\n" + TextTable.render(
            headers: ["evidence", "kind", "variant (papers)", "same person as? (papers)", "shared co-authors"], rows: rows,
            numeric: [0])
        }
        if !merged.isEmpty {
          out += "\n\(merged.count) name\(merged.count == 1 ? "" : "s") merged automatically:\n"
          for m in merged { out += "  '\(m.variant)' → '\(m.person)' (\(mergeReason(m)))\n" }
        }
        return out
      }
    }

    static func mergeReason(_ m: IdentityMerge) -> String {
      switch m.reason {
      case .inverted: return "family name first"
      case .sameID: return "same id " + m.evidence.joined(separator: ", ")
      case .initials: return "initials; shared co-author" + (m.evidence.count == 1 ? " " : "s ") + quoted(m.evidence, limit: 3)
      case .fellowMatch: return "fellow match on '\(m.evidence.first ?? "")': " + m.evidence.dropFirst().joined(separator: "; ")
      }
    }
  }
}
