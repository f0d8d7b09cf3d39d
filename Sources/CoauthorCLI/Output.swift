import ArgumentParser
import Foundation
import Analysis
import Reporting
import TextEscaping

// JSON and CSV output use the shared escapers of TextEscaping (`JSON`, `CSV`), after its one rule
// for control and bidi characters.

/// Prints text output (`--format text`, tables, notes) with the shared rule for control and bidi
/// characters applied (``TextSanitizer``), so a name can neither reorder nor restyle the terminal's
/// text; the line breaks of the text itself are kept.
func printText(_ text: String, terminator: String = "\n") {
  print(TextSanitizer.sanitize(text), terminator: terminator)
}

enum TextTable {
  /// Left-aligned columns, numeric columns right-aligned. Cells are sanitised by the shared rule
  /// (``TextSanitizer``; a line break becomes a space), so a name cannot reorder or restyle the
  /// terminal's text.
  static func render(headers: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
    let headers = headers.map { TextSanitizer.sanitize($0, lineBreak: " ") }
    let rows = rows.map { $0.map { TextSanitizer.sanitize($0, lineBreak: " ") } }
    var widths = headers.map(\.count)
    for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      var text = cells.enumerated().map { i, c in
        let padding = String(repeating: " ", count: widths[i] - c.count)
        return numeric.contains(i) ? padding + c : c + padding
      }.joined(separator: "  ")
      // Trailing white space dropped (a plain loop: a regular expression per line took seconds
      // for a 100k-row ranking).
      while let last = text.last, last.isWhitespace { text.removeLast() }
      return text + "\n"
    }
    return line(headers) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
  }
}

/// Writes files by writing each to a temporary file beside it and renaming it into place
/// (rename(2) replaces the target atomically), so a failure or an interrupt never leaves a
/// half-written file:
///
/// * The temporary file is `.NAME.tmp-PID` (hidden, in the target's folder, so the rename never
///   crosses file systems). Staging installs the Ctrl-C handler (``Interrupt``), so a SIGINT while
///   files are written only sets a flag: after staging, a pending interrupt removes the temporary
///   files, prints `coauthor: interrupted` and exits with 130, leaving every previous file as it
///   was; once the renames start they all complete.
/// * A process killed outright (SIGKILL, a second Ctrl-C) can leave its `.NAME.tmp-PID` files; the
///   next write of `NAME` in that folder removes those whose process no longer runs.
/// * Several files (``writeAll(_:)``) are all staged before the first rename, so a failure while
///   staging changes none of them; only a SIGKILL during the renames themselves (microseconds)
///   can leave some files new and some old, each of them whole.
/// * A target that is a symbolic link is written through: the temporary file goes beside the file
///   the link names and replaces that file, so the link stays a link. A target that exists and is
///   not a regular file (`/dev/null`, a named pipe, a terminal), or is reached through `/dev` or
///   `/proc` (`/dev/stdout`), is a stream, not a file to replace: its bytes are appended to it
///   directly, after every regular file is staged and before the renames (renaming over it would replace, say, `/dev/stdout` itself).
enum AtomicFile {
  static func write(_ data: Data, to path: String) throws { try writeAll([(path, data)]) }

  static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

  /// The temporary name for `url` in this process.
  static func temporary(for url: URL) -> URL {
    url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
  }

  /// Removes `.NAME.tmp-PID` files beside `url` left by processes that no longer run.
  static func removeStaleTemporaries(for url: URL) {
    let dir = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
    for name in names.sorted() where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0 else { continue }
      // kill(pid, 0) fails with ESRCH when no such process exists.
      if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
    }
  }

  /// Writes several files as one step: every file is first written to a temporary file beside
  /// its target; only when all are written (and no Ctrl-C is pending) are they renamed into place.
  /// A failure while staging leaves every previous file untouched and removes the temporary files.
  static func writeAll(_ files: [(path: String, data: Data)]) throws {
    Interrupt.install()
    var staged: [(temp: URL, target: URL)] = []
    var streams: [(path: String, data: Data)] = []
    func cleanUp() { for s in staged { try? FileManager.default.removeItem(at: s.temp) } }
    for (path, data) in files {
      switch target(of: path) {
      case .stream:
        streams.append((path, data))
      case .file(let resolved):
        do { staged.append(try stage(data, for: path, at: URL(fileURLWithPath: resolved))) } catch {
          cleanUp()
          throw error
        }
      }
    }
    if Interrupt.requested {
      cleanUp()
      printError("coauthor: interrupted")
      throw ExitCode(130)
    }
    for (path, data) in streams {
      do { try writeStream(data, to: path) } catch {
        cleanUp()
        throw error
      }
    }
    for (i, s) in staged.enumerated() where rename(s.temp.path, s.target.path) != 0 {
      let reason = String(cString: strerror(errno))
      for rest in staged[i...] { try? FileManager.default.removeItem(at: rest.temp) }
      throw CLIError("cannot write \(s.target.path): \(reason)")
    }
  }

  /// What a path to write names: a stream (an existing file that is not a regular file or a
  /// folder, such as `/dev/null` or a named pipe, or any existing path reached through `/dev` or
  /// `/proc`, such as `/dev/stdout` when standard output is redirected to a file), or a file to
  /// replace, at the path its symbolic links lead to.
  enum Target: Equatable { case stream, file(String) }

  static func target(of path: String) -> Target {
    var info = stat()
    // stat(2) follows links: the kind of what is finally there.
    let exists = stat(path, &info) == 0
    if exists {
      let kind = info.st_mode & S_IFMT
      if kind != S_IFREG && kind != S_IFDIR { return .stream }
    }
    func isSystem(_ p: String) -> Bool {
      let absolute = URL(fileURLWithPath: p).standardized.path
      return absolute.hasPrefix("/dev/") || absolute.hasPrefix("/proc/")
    }
    // A link (or a chain of links) to a regular file, or a dangling one: write where it leads.
    var resolved = path
    for _ in 0 ..< 40 {
      if exists && isSystem(resolved) { return .stream }
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: resolved) else { break }
      resolved = destination.hasPrefix("/")
        ? destination : ((resolved as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
    }
    return exists && isSystem(resolved) ? .stream : .file(resolved)
  }

  /// Writes `data` to an existing stream (a device, a pipe) as it is.
  static func writeStream(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_APPEND)
    guard fd >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += n
      }
    }
  }

  /// Writes `data` to the temporary file beside `url`; the pair to rename. On failure nothing of
  /// this file is left (the caller removes the files staged before).
  private static func stage(_ data: Data, for path: String, at url: URL) throws -> (temp: URL, target: URL) {
    let dir = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    } catch {
      throw CLIError("cannot write \(path): cannot create the folder \(dir.path)")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw CLIError("cannot write \(path): Is a directory")
    }
    removeStaleTemporaries(for: url)
    let temp = temporary(for: url)
    do {
      try data.write(to: temp)
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw CLIError("cannot write \(path): \(error.localizedDescription)")
    }
    return (temp, url)
  }
}

/// A failure to report on one line, exit code 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Writes to standard error, with the shared rule for control and bidi characters applied
/// (``TextSanitizer``), as on standard output.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((TextSanitizer.sanitize(text) + "\n").utf8))
}
