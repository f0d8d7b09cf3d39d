import Dispatch

/// `(0 ..< count).map(body)`, computed on up to `threads` threads at once (the calls share
/// nothing but what `body` reads), the results in index order: the same array whatever the
/// number of threads or the order the calls finish in. One thread, or one item, runs inline.
///
/// - Complexity: the calls of `body`, plus O(`count`).
func orderedParallelMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
  if count <= 1 || threads <= 1 { return (0 ..< count).map(body) }
  let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer { slots.deallocate() }
  withoutActuallyEscaping(body) { body in
    // Each index is written by one call only, and read after concurrentPerform returns.
    let shared = UncheckedSendableBox(value: (body, slots))
    let batches = Swift.min(threads, count)
    DispatchQueue.concurrentPerform(iterations: batches) { b in
      var k = b
      while k < count {
        shared.value.1[k] = shared.value.0(k)
        k += batches
      }
    }
  }
  let out = slots.map { $0! }
  _ = slots.deinitialize()
  return out
}

/// A value handed to other threads by code that guarantees they do not race on it.
struct UncheckedSendableBox<T>: @unchecked Sendable {
  let value: T
}
