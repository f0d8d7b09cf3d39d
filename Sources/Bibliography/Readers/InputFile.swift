internal import CZlib  // with FileChunkReader.swift, the only `import CZlib` in the package
import Foundation

/// The bytes of one input file, gzip-decompressed when the file is gzip-compressed.
///
/// Every reader starts here, so every format can be given as `name.gz`: a file whose first bytes
/// are the gzip magic number (`1f 8b`) is decompressed, whatever its name; a file named `*.gz`
/// that is not gzip is an error. Concatenated gzip members are read as one stream (as `zcat`
/// does). Decompression streams through zlib in 1 MiB chunks, so memory is the decompressed size
/// (plus at most one doubling of the buffer), never the compressed and decompressed copies at
/// once beyond zlib's 128 KiB input buffer.
///
///     let input = try InputFile(path: "papers.tsv.gz")
///     input.bytes.count          // decompressed size
///     input.wasCompressed        // true
///
/// Reading goes through ``FileChunkReader`` (`gzopen`, `gzbuffer`, `gzread`, `gzdirect`,
/// `gzerror`, `gzclose`), the chunk loop the streaming readers use; ``Gzip/compress(_:level:)``
/// calls `deflateInit2`, `deflate`, `deflateEnd`. Each failure becomes an ``IngestError`` naming
/// the file.
public struct InputFile: Sendable {
  /// The path as the user gave it (used in messages).
  public var path: String
  /// The (decompressed) content.
  public var bytes: [UInt8]
  /// Whether the file was gzip-compressed.
  public var wasCompressed: Bool

  /// Wraps bytes already in memory; `path` names them in messages. Gzip data is decompressed.
  public init(path: String, bytes: [UInt8]) throws(IngestError) {
    self.path = path
    if Gzip.hasMagic(bytes) {
      self.bytes = try Gzip.decompress(bytes, file: path)
      self.wasCompressed = true
    } else {
      self.bytes = bytes
      self.wasCompressed = false
    }
  }

  /// Wraps bytes that are already decompressed (or a placeholder once they are let go).
  init(path: String, decoded bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.wasCompressed = false
  }

  /// The path that means standard input on the command line: `-`.
  public static let standardInputPath = "-"
  /// How standard input is named in diagnostics and errors: `<stdin>`.
  public static let standardInputName = "<stdin>"

  /// Reads standard input to its end, named ``standardInputName``; gzip data (by its magic
  /// number) is decompressed.
  /// - Throws: ``IngestError`` with `.emptyFile` when standard input holds nothing, `.unreadable`
  ///   when it cannot be read, `.invalidGzip` for corrupt gzip data.
  public static func standardInput() throws(IngestError) -> InputFile {
    try read(FileHandle.standardInput, name: standardInputName)
  }

  /// Reads an open file handle (standard input, a pipe) to its end; `name` names it in messages.
  static func read(_ handle: FileHandle, name: String) throws(IngestError) -> InputFile {
    let data: Data?
    do { data = try handle.readToEnd() } catch {
      throw IngestError(file: name, reason: .unreadable(error.localizedDescription))
    }
    guard let data, !data.isEmpty else { throw IngestError(file: name, reason: .emptyFile) }
    let file = try InputFile(path: name, bytes: [UInt8](data))
    if file.bytes.isEmpty { throw IngestError(file: name, reason: .emptyFile) }
    return file
  }

  /// Reads `path`, decompressing gzip.
  /// - Throws: ``IngestError`` with `.fileNotFound`, `.unreadable`, `.emptyFile` (an empty file,
  ///   or a gzip file that decompresses to nothing) or `.invalidGzip` (corrupt or truncated gzip
  ///   data, or a `.gz` name on a file that is not gzip).
  public init(path: String) throws(IngestError) {
    // The same chunked gzread loop the streaming readers use, kept whole.
    let reader = try FileChunkReader(path: path)
    var out: [UInt8] = []
    while let chunk = try reader.next() { out.append(contentsOf: chunk) }
    self.path = path
    self.bytes = out
    self.wasCompressed = reader.wasCompressed
  }
}

/// In-memory gzip (RFC 1952) helpers.
public enum Gzip {
  /// Whether `bytes` start with the gzip magic number `1f 8b`.
  public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
    var i = bytes.makeIterator()
    return i.next() == 0x1F && i.next() == 0x8B
  }

  /// Decompresses gzip data held in memory (all members). `file` names it in errors.
  public static func decompress(_ bytes: [UInt8], file: String) throws(IngestError) -> [UInt8] {
    // Through a temporary file so that one code path (gzread) decodes every gzip input.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-gunzip-\(UUID().uuidString).gz")
    do { try Data(bytes).write(to: url) } catch {
      throw IngestError(file: file, reason: .unreadable("cannot stage gzip data: \(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      return try InputFile(path: url.path).bytes
    } catch {
      throw IngestError(file: file, line: error.line, reason: error.reason)
    }
  }

  /// Gzip-compresses `bytes` (one member, no file name or time stamp, so output is reproducible):
  /// ``GzipCompressor`` given them in one piece.
  public static func compress(_ bytes: [UInt8], level: Int32 = 9) -> [UInt8] {
    let compressor = GzipCompressor(level: level)
    bytes.withUnsafeBufferPointer { compressor.append($0) }
    return compressor.finish()
  }
}

/// Gzip-compresses data given piece by piece (one member, no file name or time stamp): the same
/// bytes however the input is cut (``Gzip/compress(_:level:)`` is one piece), without holding the joined
/// input, a copy of it, or an output buffer of the input's size. The report's people file at a
/// million researchers is 66 MB of JSON: compressed at once it needed the text, a byte array of
/// it, a copy of that and a 66 MB output buffer together.
public final class GzipCompressor {
  // The z_stream has a fixed address: zlib keeps a pointer back to it.
  private let stream: UnsafeMutablePointer<z_stream>
  private var output: [UInt8] = []
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private var finished = false

  public init(level: Int32 = 9) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    guard cz_deflate_init_gzip(stream, level) == Z_OK else { preconditionFailure("deflateInit2 failed") }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses `bytes` after the pieces given before.
  public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    precondition(!finished, "GzipCompressor: append after finish")
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    run(UnsafeMutablePointer(mutating: base), count: bytes.count, flush: Z_NO_FLUSH)
  }

  /// Compresses the UTF-8 bytes of `text` after the pieces given before.
  public func append(_ text: inout String) {
    text.withUTF8 { append($0) }
  }

  /// Ends the member and returns the compressed bytes.
  public func finish() -> [UInt8] {
    precondition(!finished, "GzipCompressor: finish twice")
    finished = true
    run(nil, count: 0, flush: Z_FINISH)
    return output
  }

  private func run(_ input: UnsafeMutablePointer<UInt8>?, count: Int, flush: Int32) {
    stream.pointee.next_in = input
    stream.pointee.avail_in = UInt32(count)
    chunk.withUnsafeMutableBufferPointer { out in
      while true {
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(out.count)
        let status = deflate(stream, flush)
        precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
        output.append(contentsOf: out[0 ..< out.count - Int(stream.pointee.avail_out)])
        if status == Z_STREAM_END { return }
        // Without Z_FINISH all input is taken once deflate leaves room in the output.
        if flush != Z_FINISH && stream.pointee.avail_out != 0 { return }
      }
    }
  }
}
