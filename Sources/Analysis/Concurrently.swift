#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `first` and `second` at the same time (the machine this is tuned for has two cores) and
/// returns both results. The two share nothing but read-only input, so each result is exactly
/// what it would be alone: outputs do not depend on the thread count or on which finishes first.
/// When both throw, `first`'s error is the one thrown, whatever the timing.
///
/// `threads` is the thread budget of the caller (``MetricSettings/threads``: 0 = every online
/// processor): with a budget of 1 (or one processor), `first` runs and then `second`, both on
/// the calling thread. Otherwise `second` runs on a thread of its own and `first` on the calling
/// thread. It is a plain thread, not a `DispatchQueue.concurrentPerform` iteration, on purpose:
/// libdispatch runs a `concurrentPerform` nested in another one serially, so the parallel
/// measures (PageRank, eigenvector, the sampled estimates) called inside either closure would
/// get one thread, and a `concurrently` nested in another would run its closures one after the
/// other.
public func concurrently<A, B>(threads: Int = 0, _ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
  let budget = threads > 0 ? threads : onlineProcessorCount()
  if budget <= 1 {
    let a = try first()
    return (a, try second())
  }
  let slots = ResultSlots<A, B>()
  withoutActuallyEscaping(second) { second in
    // `second` runs once, on the new thread, and writes only its slot; the slot is read after
    // the join, which orders the write before the read.
    let work = UncheckedSendable(value: { slots.second = Result { try second() } })
    let thread = SpawnedThread(work.value)
    slots.first = Result { try first() }
    if let thread { thread.join() } else { work.value() }  // no thread to be had: one after the other
  }
  return (try slots.first!.get(), try slots.second!.get())
}

/// The number of processors currently online, at least 1.
private func onlineProcessorCount() -> Int {
  #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return count > 0 ? Int(count) : 1
  #else
    return 1
  #endif
}

/// A POSIX thread that runs one closure; ``join()`` waits for it (once, before it is dropped).
private struct SpawnedThread {
  private var id: pthread_t

  /// Starts `work` on a new thread with an 8 MiB stack, or returns `nil` when the system refuses.
  init?(_ work: @escaping () -> Void) {
    let context = Unmanaged.passRetained(WorkBox(work)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 8 << 20)
    #if canImport(Darwin)
      var thread: pthread_t? = nil
    #else
      var thread = pthread_t()
    #endif
    let status = pthread_create(&thread, &attributes, { raw in
      #if canImport(Darwin)
        let box = Unmanaged<WorkBox>.fromOpaque(raw).takeRetainedValue()
      #else
        let box = Unmanaged<WorkBox>.fromOpaque(raw!).takeRetainedValue()
      #endif
      box.work()
      return nil
    }, context)
    guard status == 0 else {
      Unmanaged<WorkBox>.fromOpaque(context).release()
      return nil
    }
    #if canImport(Darwin)
      id = thread!
    #else
      id = thread
    #endif
  }

  func join() {
    pthread_join(id, nil)
  }
}

private final class WorkBox: @unchecked Sendable {
  let work: () -> Void
  init(_ work: @escaping () -> Void) { self.work = work }
}

private final class ResultSlots<A, B>: @unchecked Sendable {
  var first: Result<A, any Error>?
  var second: Result<B, any Error>?
}

private struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}
