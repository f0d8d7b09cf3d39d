/// One input with its format decided: the one place where an input's format is detected.
///
/// ``open(_:format:)`` takes a path as the user gave it and decides its format once: the forced
/// format when there is one, else ``InputFormat/detect(path:bytes:)`` on its name and content.
/// Everything after that (``CorpusLoader``, the edge-list reader, the `Analysis` target's
/// `InputLoader`) reads ``format`` and never detects again.
///
/// - `-` reads standard input whole, named ``InputFile/standardInputName`` (`<stdin>`); its
///   format comes from its content (standard input is never streamed).
/// - dblp XML by name (`.xml`, `.xml.gz`) or forced format is not read here: it stays
///   ``Content/onDisk(path:)`` and ``DBLPXMLReader/read(path:)`` streams it, since the dump is
///   often gigabytes.
/// - Any other file is read whole (gzip decompressed, see ``InputFile``) and detected from its
///   first 64 KiB.
///
///     let input = try DetectedInput.open("papers.tsv.gz")
///     input.format    // .table
///     input.name      // "papers.tsv.gz"
public struct DetectedInput: Sendable {
  /// Where the bytes are.
  public enum Content: Sendable {
    /// Read whole (and decompressed).
    case inMemory(InputFile)
    /// Not read yet: a dblp XML dump to stream from disk.
    case onDisk(path: String)
  }

  /// How the input is named in diagnostics and errors: the path, or `<stdin>` for `-`.
  public var name: String
  /// The format the input is read as (forced or detected, decided once).
  public var format: InputFormat
  public var content: Content

  public init(name: String, format: InputFormat, content: Content) {
    self.name = name
    self.format = format
    self.content = content
  }

  /// An input already in memory, read as `format`, or as its name and content suggest when
  /// `format` is `nil`.
  public init(_ file: InputFile, format: InputFormat? = nil) {
    self.init(
      name: file.path, format: format ?? InputFormat.detect(path: file.path, bytes: file.bytes), content: .inMemory(file))
  }

  /// Opens `path` (`-` = standard input) and decides its format once: `format` when given, else
  /// detected from the name and content. dblp XML by name or `format` is left on disk to stream.
  /// - Throws: ``IngestError`` when the file cannot be read (missing, empty, corrupt gzip, …).
  public static func open(_ path: String, format: InputFormat? = nil) throws(IngestError) -> DetectedInput {
    if path == InputFile.standardInputPath { return DetectedInput(try InputFile.standardInput(), format: format) }
    if streamsDBLP(path, format: format) { return DetectedInput(name: path, format: .dblp, content: .onDisk(path: path)) }
    return DetectedInput(try InputFile(path: path), format: format)
  }

  /// Whether `path` is read as dblp XML by its name or the forced format, so it can be streamed
  /// from disk without reading it first (never standard input, `-`, which is read whole).
  public static func streamsDBLP(_ path: String, format: InputFormat?) -> Bool {
    path != InputFile.standardInputPath && (format ?? InputFormat.detect(path: path, text: "")) == .dblp
  }

  /// The input's bytes, reading them from disk if they were left there.
  /// - Throws: ``IngestError`` when the file cannot be read.
  public func file() throws(IngestError) -> InputFile {
    switch content {
    case .inMemory(let file): return file
    case .onDisk(let path): return try InputFile(path: path)
    }
  }
}
