import Foundation

/// A text input read whole and split into lines, with the checks every reader shares:
/// the file exists, is not empty, is not binary and is valid UTF-8.
public struct TextFile: Sendable {
  /// The path as the user gave it (used in messages).
  public var path: String
  /// The lines, without terminators (LF, CRLF and lone CR all end a line). Line `i` is number `i + 1`.
  public var lines: [String]
  /// The whole text.
  public var text: String

  /// Reads and checks `path`.
  /// - Throws: ``IngestError`` with `.fileNotFound`, `.unreadable`, `.emptyFile`, `.binaryFile`
  ///   or `.invalidEncoding`.
  public init(path: String) throws(IngestError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw IngestError(file: path, reason: .fileNotFound)
    }
    if isDirectory.boolValue { throw IngestError(file: path, reason: .unreadable("it is a directory")) }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw IngestError(file: path, reason: .unreadable(error.localizedDescription))
    }
    try self.init(path: path, bytes: data)
  }

  /// Checks and splits text already in memory; `path` names it in messages.
  public init(path: String, bytes: Data) throws(IngestError) {
    self.path = path
    if bytes.isEmpty { throw IngestError(file: path, reason: .emptyFile) }
    if let nul = bytes.firstIndex(of: 0) {
      throw IngestError(file: path, line: TextFile.lineNumber(of: nul, in: bytes), reason: .binaryFile)
    }
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(data: body, encoding: .utf8) else {
      // Point at the line of the first invalid sequence.
      let line = TextFile.firstInvalidUTF8(in: body).map { TextFile.lineNumber(of: $0, in: body) }
      throw IngestError(file: path, line: line, reason: .invalidEncoding)
    }
    if text.allSatisfy({ $0.isWhitespace }) { throw IngestError(file: path, reason: .emptyFile) }
    self.text = text
    self.lines = TextFile.splitLines(text)
  }

  /// The 1-based number of the line holding the byte at `index`, counting line ends the way
  /// ``splitLines(_:)`` does (LF, CRLF and lone CR), so error lines agree with reader lines.
  static func lineNumber(of index: Data.Index, in bytes: Data) -> Int {
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
  static func firstInvalidUTF8(in bytes: Data) -> Data.Index? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return bytes.startIndex + offset
      }
    }
  }

  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if !previousWasCR { lines.append(String(current)); current = .init() }
        previousWasCR = false
      } else if scalar == "\r" {
        lines.append(String(current))
        current = .init()
        previousWasCR = true
      } else if scalar == "\u{2028}" || scalar == "\u{2029}" {
        lines.append(String(current))
        current = .init()
        previousWasCR = false
      } else {
        current.append(scalar)
        previousWasCR = false
      }
    }
    if !current.isEmpty { lines.append(String(current)) }
    return lines
  }
}
