import ArgumentParser
import Foundation
import Analysis
import Reporting

/// A JSON value written with keys in the order given, so output is stable and documented.
enum JSON {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  /// Compact when `indent` is nil, else pretty-printed with two spaces.
  func text(indent: Int? = 2) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int?) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (l: Int) in String(repeating: " ", count: (indent ?? 0) * l) }
    switch self {
    case .string(let s): out += JSON.quote(s)
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)") : "null"
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad(level + 1)
        item.write(into: &out, level: level + 1, indent: indent)
        out += (i < items.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{" + newline
      for (i, (key, value)) in members.enumerated() {
        out += pad(level + 1) + JSON.quote(key) + (indent == nil ? ":" : ": ")
        value.write(into: &out, level: level + 1, indent: indent)
        out += (i < members.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  /// A JSON string literal, escaped the way the report embeds data in `<script>`: quotes,
  /// backslashes and control characters, and `<`, `>`, `&`, U+2028/2029, so it is HTML-safe too.
  static func quote(_ s: String) -> String { ScriptJSON.string(s) }
}

enum CSV {
  /// One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break; a leading
  /// `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
  static func field(_ s: String) -> String {
    var t = s
    if let first = t.first, "=+-@".contains(first), Double(t) == nil { t = "'" + t }
    if t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return t
  }

  static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}

enum TextTable {
  /// Left-aligned columns, numeric columns right-aligned.
  static func render(headers: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
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
    func cleanUp() { for s in staged { try? FileManager.default.removeItem(at: s.temp) } }
    for (path, data) in files {
      let url = URL(fileURLWithPath: path)
      let dir = url.deletingLastPathComponent()
      do {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      } catch {
        cleanUp()
        throw CLIError("cannot write \(path): cannot create the folder \(dir.path)")
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        cleanUp()
        throw CLIError("cannot write \(path): Is a directory")
      }
      removeStaleTemporaries(for: url)
      let temp = temporary(for: url)
      do {
        try data.write(to: temp)
      } catch {
        try? FileManager.default.removeItem(at: temp)
        cleanUp()
        throw CLIError("cannot write \(path): \(error.localizedDescription)")
      }
      staged.append((temp, url))
    }
    if Interrupt.requested {
      cleanUp()
      printError("coauthor: interrupted")
      throw ExitCode(130)
    }
    for (i, s) in staged.enumerated() where rename(s.temp.path, s.target.path) != 0 {
      let reason = String(cString: strerror(errno))
      for rest in staged[i...] { try? FileManager.default.removeItem(at: rest.temp) }
      throw CLIError("cannot write \(s.target.path): \(reason)")
    }
  }
}

/// A failure to report on one line, exit code 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Writes to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
