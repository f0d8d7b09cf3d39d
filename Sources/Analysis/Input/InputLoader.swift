public import Bibliography

/// Reads the inputs an ``InputSpec`` names: the one place that decides what each input is
/// (paper records in one of the formats, an edge list, or a dblp dump to stream) and returns
/// one ``LoadedInput``.
///
/// 1. ``open()``: every path, in byte order, is opened and its format decided once
///    (``DetectedInput/open(_:format:)``: the forced format, else name and content; `-` is
///    standard input; dblp XML by name or format stays on disk to be streamed).
/// 2. ``load(_:)``: edge lists only → one network (``EdgeListReader``); no edge list → one corpus
///    (``CorpusLoader``, which reads each input in the format decided in step 1). Edge lists
///    mixed with paper records, and an alias file with edge lists, are refused
///    (``InputError``).
///
///     let loaded = try InputLoader(InputSpec(paths: ["g.txt"])).load()
///     if case .network(let result) = loaded { print(result.network.graph.edgeCount) }
public struct InputLoader: Sendable {
  public var spec: InputSpec
  /// Called before each input is opened and once after all are read (the command line checks
  /// for Ctrl-C there); what it throws stops the loading.
  public var checkpoint: (@Sendable () throws -> Void)?

  public init(_ spec: InputSpec, checkpoint: (@Sendable () throws -> Void)? = nil) {
    self.spec = spec
    self.checkpoint = checkpoint
  }

  /// Opens every input, in byte order of the paths, deciding each one's format once.
  /// - Throws: ``InputError`` for no paths, `-` given twice or unusable table settings, `IngestError` for an input that
  ///   cannot be read, and whatever ``checkpoint`` throws.
  public func open() throws -> [DetectedInput] {
    let paths = spec.orderedPaths
    if paths.isEmpty { throw InputError(.noInputs) }
    if paths.filter({ $0 == InputFile.standardInputPath }).count > 1 { throw InputError(.standardInputTwice) }
    _ = try spec.tableReader()  // unusable table settings are refused before anything is read
    var inputs: [DetectedInput] = []
    for path in paths {
      try checkpoint?()
      if spec.format == .spark || SparkOutput.isJobOutput(path) {
        throw IngestError(
          file: path,
          reason: .notPaperRecords("it is a Spark job's output folder (a backbone with whole-graph totals); 'coauthor stats', 'rank', 'communities', 'render', 'export' and 'report' read it, given on its own"))
      }
      inputs.append(try DetectedInput.open(path, format: spec.format))
    }
    try checkpoint?()
    return inputs
  }

  /// Opens and reads the inputs: ``load(_:)`` on ``open()``.
  public func load() throws -> LoadedInput {
    try load(open())
  }

  /// Reads inputs whose format is decided: edge lists into one network, paper records into one
  /// corpus.
  /// - Throws: ``InputError`` when edge lists and paper records are mixed (naming the first edge
  ///   list) or an alias file is given with edge lists, or for unusable table settings;
  ///   `IngestError` for an input that cannot be read.
  public func load(_ inputs: consuming [DetectedInput]) throws -> LoadedInput {
    if inputs.isEmpty { throw InputError(.noInputs) }
    if inputs.allSatisfy({ $0.format == .edges }) {
      if spec.aliasPath != nil { throw InputError(.aliasesWithEdgeLists) }
      var files: [InputFile] = []
      for input in inputs { files.append(try input.file()) }
      return .network(try EdgeListReader().read(files))
    }
    if let edges = inputs.first(where: { $0.format == .edges }) {
      throw InputError(.edgeListWithPaperRecords, file: edges.name)
    }
    return .corpus(try spec.corpusLoader().load(consume inputs))  // the bytes go as each is read
  }

  /// Reads paper records into a corpus.
  /// - Throws: ``InputError/Reason/needsPaperRecords`` for edge lists, and what ``load()``
  ///   throws.
  public func loadCorpus() throws -> Corpus {
    guard case .corpus(let corpus) = try load() else { throw InputError(.needsPaperRecords) }
    return corpus
  }
}
