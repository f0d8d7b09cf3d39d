public import Bibliography
import Foundation

/// Turns one libFuzzer input into an ``InputFile`` held in memory, the way every reader starts.
///
/// Inputs that start with the gzip magic number are rejected (the caller returns `-1`, so
/// libFuzzer keeps them out of the corpus): ``Gzip/decompress(_:file:)`` stages gzip data in a
/// temporary file, which would make the campaign measure the disk, and zlib is not what is
/// fuzzed here (it is not instrumented, and is fuzzed by OSS-Fuzz).
public enum FuzzInput {
  /// The path the readers name in their messages.
  public static let path = "fuzz-input"

  /// The input as an in-memory file, or `nil` for a gzip-looking input.
  public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, path: String = FuzzInput.path) -> InputFile? {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if Gzip.hasMagic(bytes) { return nil }
    do {
      return try InputFile(path: path, bytes: bytes)
    } catch {
      // Only the gzip path throws; a non-gzip input is wrapped as it is.
      preconditionFailure("InputFile(path:bytes:) threw on non-gzip bytes: \(error)")
    }
  }

  /// Checks that an error a reader threw is a proper one: it names the file, and a line (when it
  /// gives one) is a line of the input. A violation traps, so libFuzzer reports it as a crash.
  public static func check(_ error: IngestError, lineCount: Int, path: String = FuzzInput.path) {
    if error.file != path { fail("the error names \(error.file), not \(path): \(error)") }
    if let line = error.line, !(1 ... max(lineCount, 1)).contains(line) {
      fail("the error's line \(line) is outside the input's lines 1...\(lineCount): \(error)")
    }
  }

  /// Prints `message` (a release build drops `precondition` messages) and traps.
  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("FuzzInput.check: " + message + "\n").utf8))
    fatalError(message)
  }

  /// The number of lines in `bytes`, counted as ``TextFile`` counts them (LF, CRLF, lone CR, and
  /// U+2028/U+2029, counted here by their first two bytes `E2 80` as a bound) plus one for a
  /// last line without a terminator; an upper bound for any line an error names.
  public static func lineCount(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int {
    var lines = 1
    var previousWasCR = false
    for i in 0 ..< size {
      let byte = data[i]
      if byte == 0xE2, i + 1 < size, data[i + 1] == 0x80 { lines += 1 }
      if byte == 0x0A {
        if !previousWasCR { lines += 1 }
        previousWasCR = false
      } else {
        if byte == 0x0D { lines += 1 }
        previousWasCR = byte == 0x0D
      }
    }
    return lines
  }
}
