import Analysis
import Bibliography
import FuzzSupport

/// libFuzzer target: EdgeListReader (SNAP edge lists, parsed on the bytes).
///
/// Any input must either read or fail with an ``IngestError`` naming the input and a line inside
/// it; a trap, an AddressSanitizer report, a leak or a timeout is a bug. Returns `-1` (keep out of
/// the corpus) for inputs that look like gzip, see ``FuzzInput``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }  // size 0: nothing to read
  guard let input = FuzzInput.file(data, size) else { return -1 }
  do {
    _ = try EdgeListReader().read([input])
  } catch {
    FuzzInput.check(error, lineCount: FuzzInput.lineCount(data, size))
  }
  return 0
}

FuzzDriver.run(fuzzOneInput)
