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
      let line = bytes[bytes.startIndex ..< nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      throw IngestError(file: path, line: line, reason: .binaryFile)
    }
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(data: body, encoding: .utf8) else {
      // Find the first line with an invalid sequence, to point at it.
      var line = 1
      var start = body.startIndex
      var found: Int?
      for i in body.indices where body[i] == 0x0A {
        if String(data: body[start ..< i], encoding: .utf8) == nil { found = line; break }
        line += 1
        start = i + 1
      }
      throw IngestError(file: path, line: found ?? line, reason: .invalidEncoding)
    }
    if text.allSatisfy({ $0.isWhitespace }) { throw IngestError(file: path, reason: .emptyFile) }
    self.text = text
    self.lines = TextFile.splitLines(text)
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
