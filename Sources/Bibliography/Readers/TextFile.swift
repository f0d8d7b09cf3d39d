import Foundation
import Synchronization

/// A text input read whole and split into lines, with the checks every reader shares:
/// the file exists, is not empty, is not binary and is valid UTF-8.
public struct TextFile: Sendable {
  /// The path as the user gave it (used in messages).
  public var path: String
  /// The lines, without terminators (LF, CRLF and lone CR all end a line). Line `i` is number `i + 1`.
  /// Split on first use and kept (readers that work on the bytes, such as the table reader,
  /// never pay for a million line strings).
  public var lines: [String] { linesCache.lines(of: text) }
  /// The whole text.
  public let text: String
  private let linesCache = LinesCache()

  /// Reads and checks `path`; gzip-compressed files (by magic bytes, see ``InputFile``) are
  /// decompressed first.
  /// - Throws: ``IngestError`` with `.fileNotFound`, `.unreadable`, `.emptyFile`, `.binaryFile`,
  ///   `.invalidEncoding` or `.invalidGzip`.
  public init(path: String) throws(IngestError) {
    try self.init(InputFile(path: path))
  }

  /// Checks and splits an input already read.
  public init(_ input: InputFile) throws(IngestError) {
    try self.init(path: input.path, utf8: input.bytes)
  }

  /// Checks and splits text already in memory; `path` names it in messages. Gzip data is
  /// decompressed.
  public init(path: String, bytes: Data) throws(IngestError) {
    try self.init(InputFile(path: path, bytes: [UInt8](bytes)))
  }

  private init(path: String, utf8 bytes: [UInt8]) throws(IngestError) {
    self.path = path
    if bytes.isEmpty { throw IngestError(file: path, reason: .emptyFile) }
    if let nul = bytes.firstIndex(of: 0) {
      throw IngestError(file: path, line: TextFile.lineNumber(of: nul, in: bytes), reason: .binaryFile)
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    guard let text = String(validating: body, as: UTF8.self) else {
      // Point at the line of the first invalid sequence.
      let line = TextFile.firstInvalidUTF8(in: body).map { TextFile.lineNumber(of: $0, in: body) }
      throw IngestError(file: path, line: line, reason: .invalidEncoding)
    }
    if text.allSatisfy({ $0.isWhitespace }) { throw IngestError(file: path, reason: .emptyFile) }
    self.text = text
  }

  /// The 1-based number of the line holding the byte at `index`, counting line ends the way
  /// ``splitLines(_:)`` does (LF, CRLF and lone CR), so error lines agree with reader lines.
  static func lineNumber<C: Collection<UInt8>>(of index: C.Index, in bytes: C) -> Int {
    var line = 1
    var previousWasCR = false
    for byte in bytes[bytes.startIndex ..< index] {
      if byte == 0x0A {
        if !previousWasCR { line += 1 }
        previousWasCR = false
      } else {
        if byte == 0x0D { line += 1 }
        previousWasCR = byte == 0x0D
      }
    }
    return line
  }

  /// The index of the first byte that does not start a valid UTF-8 sequence, if any.
  static func firstInvalidUTF8<C: Collection<UInt8>>(in bytes: C) -> C.Index? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return bytes.index(bytes.startIndex, offsetBy: offset)
      }
    }
  }

  /// Splits at LF, CRLF, lone CR, U+2028 and U+2029, working on UTF-8 bytes (a 20 MB file
  /// splits in tens of milliseconds). A final line end does not start an empty line.
  static func splitLines(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { buffer -> [String] in
      var lines: [String] = []
      let n = buffer.count
      var start = 0
      var i = 0
      func cut(_ end: Int) { lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start ..< end]), as: UTF8.self)) }
      while i < n {
        let b = buffer[i]
        if b == 0x0A {
          cut(i)
          i += 1
          start = i
        } else if b == 0x0D {
          cut(i)
          i += (i + 1 < n && buffer[i + 1] == 0x0A) ? 2 : 1
          start = i
        } else if b == 0xE2, i + 2 < n, buffer[i + 1] == 0x80, buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9 {
          cut(i)
          i += 3
          start = i
        } else {
          i += 1
        }
      }
      if start < n { cut(n) }
      return lines
    }
  }
}

/// The lines of a ``TextFile``, split once on first use (copies of the file share them).
private final class LinesCache: Sendable {
  private let storage = Mutex<[String]?>(nil)

  func lines(of text: String) -> [String] {
    storage.withLock { lines in
      if let lines { return lines }
      let split = TextFile.splitLines(text)
      lines = split
      return split
    }
  }
}
