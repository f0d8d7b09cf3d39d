internal import CZlib
import Foundation

/// Reads a file in fixed-size chunks, gzip-decompressing it when it is gzip-compressed (zlib's
/// `gzread` passes other files through), for readers that stream (``DBLPXMLReader``) instead of
/// holding a whole file like ``InputFile``.
///
/// The same checks as ``InputFile`` apply: a missing file, a directory, an empty file (or empty
/// after decompression), a `.gz` name on a file that is not gzip and corrupt gzip data are
/// ``IngestError``s naming the file.
///
/// C calls: `gzopen` (through `cz_open_read`), `gzbuffer`, `gzread`, `gzdirect`, `gzerror`,
/// `gzclose` (in `deinit`).
///
/// - Complexity: O(``chunkSize``) memory, plus zlib's 128 KiB input buffer.
final class FileChunkReader {
  let path: String
  let chunkSize: Int
  private let handle: gzFile
  private var buffer: [UInt8]
  private var sawData = false
  private var done = false
  /// Whether the file is gzip-compressed (known after the first ``next()``).
  private(set) var wasCompressed = false

  init(path: String, chunkSize: Int = 1 << 20) throws(IngestError) {
    self.path = path
    self.chunkSize = chunkSize
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw IngestError(file: path, reason: .fileNotFound)
    }
    if isDirectory.boolValue { throw IngestError(file: path, reason: .unreadable("it is a directory")) }
    guard let handle = cz_open_read(path) else {
      throw IngestError(file: path, reason: .unreadable("gzopen: " + String(cString: strerror(errno))))
    }
    self.handle = handle
    _ = gzbuffer(handle, 1 << 17)
    buffer = [UInt8](repeating: 0, count: chunkSize)
  }

  deinit { gzclose(handle) }

  /// The next chunk (valid until the next call), or `nil` at the end of the file.
  func next() throws(IngestError) -> ArraySlice<UInt8>? {
    if done { return nil }
    let n = buffer.withUnsafeMutableBufferPointer { gzread(handle, $0.baseAddress!, UInt32(chunkSize)) }
    if n < 0 {
      var code: Int32 = 0
      let message = gzerror(handle, &code)
      if code == Z_ERRNO { throw IngestError(file: path, reason: .unreadable("gzread: " + String(cString: strerror(errno)))) }
      throw IngestError(file: path, reason: .invalidGzip(Self.zlibMessage(message, code: code, path: path)))
    }
    if !sawData {
      sawData = true
      if n == 0 { throw IngestError(file: path, reason: .emptyFile) }
      // gzread passes non-gzip files through unchanged ("transparent" mode).
      let isPlain = gzdirect(handle) == 1
      if isPlain && path.lowercased().hasSuffix(".gz") {
        throw IngestError(file: path, reason: .invalidGzip("the name ends in .gz but the file is not gzip-compressed"))
      }
      wasCompressed = !isPlain
    }
    if n == 0 {
      done = true
      // A truncated stream shows up in gzerror at the end, not as a read error.
      var code: Int32 = 0
      let message = gzerror(handle, &code)
      if code != Z_OK { throw IngestError(file: path, reason: .invalidGzip(Self.zlibMessage(message, code: code, path: path))) }
      return nil
    }
    return buffer[0 ..< Int(n)]
  }

  /// zlib's gzerror text without the `<path>: ` prefix zlib puts in front (the error names the
  /// file already).
  private static func zlibMessage(_ message: UnsafePointer<CChar>?, code: Int32, path: String) -> String {
    guard let message else { return "zlib error \(code)" }
    let text = String(cString: message)
    return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
  }
}
