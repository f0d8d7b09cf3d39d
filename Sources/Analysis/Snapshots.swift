public import Bibliography

/// Two snapshots of one corpus (an OLD and a NEW reading of a listing), read together so that
/// one person is one name in both: identities are resolved over the records of both snapshots
/// at once (``IdentityResolver``: aliases, name variants, fellows, tag folding), then the papers
/// are split back by the file they came from. Duplicate entries merge only within a snapshot
/// (``CorpusLoader/duplicateScope``), so a paper listed in both stays one paper on each side.
///
///     let pair = try Snapshots.load(old: InputSpec(paths: ["june.txt"]), new: InputSpec(paths: ["december.txt"]))
///     pair.old.papers.count; pair.new.papers.count
public struct Snapshots: Sendable {
  /// The OLD snapshot's papers (identities resolved with NEW's).
  public var old: Corpus
  /// The NEW snapshot's papers.
  public var new: Corpus
  /// The OLD snapshot's input names, as given (`<stdin>` for standard input).
  public var oldFiles: [String]
  public var newFiles: [String]
  /// Every note of the joint reading (each names its file and line), in the loader's order.
  public var diagnostics: [Diagnostic]

  public init(old: Corpus, new: Corpus, oldFiles: [String], newFiles: [String], diagnostics: [Diagnostic] = []) {
    self.old = old
    self.new = new
    self.oldFiles = oldFiles
    self.newFiles = newFiles
    self.diagnostics = diagnostics
  }

  /// Reads both snapshots. Table settings, the alias file and tag folding come from `new`
  /// (the command line gives both sides the same options); each input's format is decided on
  /// its own, so the two may differ in format.
  /// - Throws: ``SnapshotError`` for an edge list, a file named on both sides but not all, or a
  ///   snapshot without papers; `IngestError` (file and line) for input that cannot be read.
  public static func load(old: InputSpec, new: InputSpec, checkpoint: (@Sendable () throws -> Void)? = nil) throws -> Snapshots {
    let newInputs = try InputLoader(new, checkpoint: checkpoint).open()
    // The same paths on both sides are opened once (standard input can be read only once).
    let oldInputs = old.orderedPaths == new.orderedPaths ? newInputs : try InputLoader(old, checkpoint: checkpoint).open()
    for input in oldInputs + newInputs where input.format == .edges {
      throw SnapshotError(.edgeList, files: [input.name])
    }
    let oldNames = oldInputs.map(\.name)
    let newNames = newInputs.map(\.name)
    var loader = try new.corpusLoader()
    if oldNames == newNames {
      // The same files on both sides: one reading, identical snapshots.
      let corpus = try loader.load(newInputs)
      try requirePapers(corpus, files: newNames)
      return Snapshots(old: corpus, new: corpus, oldFiles: oldNames, newFiles: newNames, diagnostics: corpus.diagnostics)
    }
    if let shared = oldNames.first(where: newNames.contains) { throw SnapshotError(.sharedFile, files: [shared]) }
    // Asked for every paper and note (hundreds of thousands): a search of the few names, whose
    // strings the papers and notes share (equal storage compares at once), not a hash of each.
    let isNew: @Sendable (String) -> Bool = { newNames.contains($0) }
    loader.duplicateScope = { isNew($0.file) ? 1 : 0 }
    let joint = try loader.load(oldInputs + newInputs)
    let (oldSide, newSide) = split(joint, isNew: isNew)
    try requirePapers(oldSide, files: oldNames)
    try requirePapers(newSide, files: newNames)
    return Snapshots(old: oldSide, new: newSide, oldFiles: oldNames, newFiles: newNames, diagnostics: joint.diagnostics)
  }

  static func requirePapers(_ corpus: Corpus, files: [String]) throws(SnapshotError) {
    if corpus.papers.isEmpty { throw SnapshotError(.noPapers, files: files) }
  }

  /// Splits a jointly resolved corpus by the file each paper was read from.
  static func split(_ joint: Corpus, isNew: (String) -> Bool) -> (old: Corpus, new: Corpus) {
    func side(_ wantNew: Bool) -> Corpus {
      func keep(_ file: String) -> Bool { isNew(file) == wantNew }
      let reads = joint.reads.filter { keep($0.file) }
      return Corpus(
        entryCount: reads.reduce(0) { $0 + $1.entries }, papers: joint.papers.filter { keep($0.source.file) },
        diagnostics: joint.diagnostics.filter { $0.file.map(keep) ?? true },
        fellowMatches: joint.fellowMatches.filter { keep($0.source.file) }, identityMerges: joint.identityMerges,
        reads: reads, tagVariants: joint.tagVariants)
    }
    return (side(false), side(true))
  }
}

/// Snapshots that cannot be compared. Printed as one line naming the file(s).
public struct SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable {
    /// An input is an edge list: it has no papers to compare.
    case edgeList
    /// The same file is named on both sides (and the sides differ).
    case sharedFile
    /// A snapshot holds no papers.
    case noPapers
    /// No paper of OLD matches one of NEW and no person is in both: not two versions of one corpus.
    case nothingInCommon
  }

  public var reason: Reason
  /// The file(s) concerned: OLD's then NEW's for ``Reason/nothingInCommon``.
  public var files: [String]

  public init(_ reason: Reason, files: [String]) {
    self.reason = reason
    self.files = files
  }

  public var description: String {
    let names = files.joined(separator: ", ")
    switch reason {
    case .edgeList:
      return "\(names) is an edge list (a network); 'diff' compares paper records (listing, JSON, table, BibTeX, RIS, dblp XML, OpenAlex)"
    case .sharedFile: return "\(names) is named in both snapshots; give OLD and NEW as different files"
    case .noPapers: return "\(names): the snapshot holds no papers, so there is nothing to compare"
    case .nothingInCommon:
      return "\(names): the two snapshots have no paper and no person in common; are they versions of the same corpus?"
    }
  }
}
