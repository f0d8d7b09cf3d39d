import Foundation

/// An `InputStream` that pulls chunks of bytes from a source, passes them through an
/// ``XMLEntityRewriter`` and hands the result to whoever reads it (Foundation's `XMLParser`,
/// which reads a stream in 128 KiB pieces and feeds libxml2's push parser).
///
/// Memory is one source chunk and its rewritten copy, whatever the size of the input
/// (``largestBuffer`` reports the high-water mark). A failure of the source or of the rewriter
/// makes `read` return -1 and is kept in ``failure`` for the caller, because `XMLParser` only
/// sees that the stream failed.
///
/// Verified with swift-corelibs-foundation (Swift 6.3, Linux): `XMLParser(stream:)` calls only
/// `open()`, `read(_:maxLength:)`, `close()` and, after a failed read, `streamError`; the base
/// class's `streamError` traps on a subclass, so all four are overridden.
final class EntityRewritingInputStream: InputStream {
  /// The next chunk of the input, or `nil` at its end.
  typealias Source = () throws(IngestError) -> ArraySlice<UInt8>?

  private var rewriter: XMLEntityRewriter
  private let source: Source
  private var buffer: [UInt8] = []
  private var position = 0
  private var finished = false
  /// The error that stopped the stream, if any.
  private(set) var failure: IngestError?
  /// The most bytes held in the rewritten buffer at once.
  private(set) var largestBuffer = 0

  init(file: String, source: @escaping Source) {
    self.rewriter = XMLEntityRewriter(file: file)
    self.source = source
    super.init(data: Data())
  }

  override func open() {}
  override func close() {}
  override var hasBytesAvailable: Bool { failure == nil && (!finished || position < buffer.count) }
  override var streamStatus: Stream.Status {
    if failure != nil { return .error }
    return finished && position == buffer.count ? .atEnd : .open
  }
  /// `XMLParser` asks for this when `read` fails; the base class's getter traps for a subclass
  /// (its CFReadStream was never opened), so it must be overridden.
  override var streamError: Error? {
    failure.map { NSError(domain: "Coauthor.IngestError", code: 1, userInfo: [NSLocalizedDescriptionKey: $0.description]) }
  }

  override func read(_ out: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
    if failure != nil { return -1 }
    while position == buffer.count {
      if finished { return 0 }
      buffer.removeAll(keepingCapacity: true)
      position = 0
      do throws(IngestError) {
        if let chunk = try source() {
          try rewriter.rewrite(chunk, isLast: false, into: &buffer)
        } else {
          try rewriter.rewrite([], isLast: true, into: &buffer)
          finished = true
        }
      } catch {
        failure = error
        return -1
      }
      largestBuffer = max(largestBuffer, buffer.count)
    }
    let n = min(maxLength, buffer.count - position)
    buffer.withUnsafeBufferPointer { bytes in
      out.update(from: bytes.baseAddress! + position, count: n)
    }
    position += n
    return n
  }
}
