import Dispatch

/// Runs `first` and `second` at the same time (the machine this is tuned for has two cores) and
/// returns both results. The two share nothing but read-only input, so each result is exactly
/// what it would be alone: outputs do not depend on the thread count or on which finishes first.
/// When both throw, `first`'s error is the one thrown, whatever the timing.
public func concurrently<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
  let slots = ResultSlots<A, B>()
  withoutActuallyEscaping(first) { first in
    withoutActuallyEscaping(second) { second in
      // Each closure runs once, on one thread, and writes only its own slot.
      let work = UncheckedSendable(value: (first, second, slots))
      DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 {
          work.value.2.first = Result { try work.value.0() }
        } else {
          work.value.2.second = Result { try work.value.1() }
        }
      }
    }
  }
  // concurrentPerform returns after both iterations: the slots are filled.
  return (try slots.first!.get(), try slots.second!.get())
}

private final class ResultSlots<A, B> {
  var first: Result<A, any Error>?
  var second: Result<B, any Error>?
}

private struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}
