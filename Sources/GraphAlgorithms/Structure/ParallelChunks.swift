import Dispatch
import GraphCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Deterministic parallelism for the per-source measures (betweenness, closeness, harmonic) and for
// triangle counting.
//
// Work is cut into chunks whose boundaries depend only on the amount of work, never on the number
// of threads. Workers take chunks in ascending order from an atomic counter; a chunk's partial
// result is computed sequentially, and partial results that are floating-point vectors are added
// into the total in chunk order (``OrderedVectorSum``). So 1 thread and N threads execute exactly
// the same floating-point operations in the same order, and give bit-identical results.

/// The number of processors currently online (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1.
func activeProcessorCount() -> Int {
  #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return count > 0 ? Int(count) : 1
  #else
    return 1
  #endif
}

/// Throws unless `threads` is a valid thread request (0 = all online processors).
@inline(__always)
func requireThreads(_ threads: Int) throws(GraphError) {
  try requireParameter(threads >= 0, "threads", Double(threads), "must be 0 (all processors) or positive")
}

/// Fixed-size chunks of `0 ..< count`; the size depends on `count` only.
struct ChunkPlan: Sendable {
  let count: Int
  let chunkSize: Int
  var chunkCount: Int { count == 0 ? 0 : (count + chunkSize - 1) / chunkSize }

  /// Chunks of `size` items.
  init(count: Int, size: Int) {
    self.count = count
    self.chunkSize = max(1, size)
  }

  /// About 64 chunks (for load balance and progress granularity), between 1 and `maxSize` items each.
  init(count: Int, maxSize: Int) {
    self.init(count: count, size: min(maxSize, max(1, count / 64)))
  }

  func range(_ chunk: Int) -> Range<Int> {
    let start = chunk * chunkSize
    return start ..< min(count, start + chunkSize)
  }
}

/// Shared state of one parallel run: the next chunk to hand out, the cancellation flag and the
/// serialised progress reports.
final class ChunkScheduler: Sendable {
  let plan: ChunkPlan
  /// The total reported to the progress callback (e.g. the number of sources).
  let total: Int
  let progress: ProgressReporter?
  private let nextChunk = Atomic<Int>(0)
  private let cancelledFlag = Atomic<Bool>(false)
  /// Work completed so far; progress callbacks are made while holding this lock.
  private let completed = PosixMutex<Int>(0)

  init(plan: ChunkPlan, total: Int, progress: ProgressReporter?) {
    self.plan = plan
    self.total = total
    self.progress = progress
  }

  var isCancelled: Bool { cancelledFlag.load(ordering: .relaxed) }

  /// The next chunk to process, or `nil` when all are handed out or the run was cancelled.
  func claim() -> Int? {
    if isCancelled { return nil }
    let c = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
    return c < plan.chunkCount ? c : nil
  }

  /// Records `amount` units of finished work and reports progress.
  func finished(_ amount: Int) {
    guard let progress else { return }
    completed.withLock { done in
      done += amount
      if !cancelledFlag.load(ordering: .relaxed) && !progress(done, total) {
        cancelledFlag.store(true, ordering: .relaxed)
      }
    }
  }

  /// Throws ``GraphError/cancelled`` when the progress callback asked to stop.
  func checkCancelled() throws(GraphError) {
    if isCancelled { throw .cancelled }
  }

  /// Runs `worker(index)` on `threads` threads (on the calling thread when `threads == 1`); each
  /// worker loops over ``claim()`` itself.
  func run(threads: Int, _ worker: (Int) -> Void) {
    let t = max(1, min(threads, plan.chunkCount))
    if t == 1 {
      worker(0)
    } else {
      // The workers share only data that is read-only, written at disjoint indices, or guarded by
      // this scheduler and ``OrderedVectorSum``; the box states that to the compiler.
      withoutActuallyEscaping(worker) { worker in
        let box = UncheckedSendableBox(value: worker)
        DispatchQueue.concurrentPerform(iterations: t) { box.value($0) }
      }
    }
  }
}

private struct UncheckedSendableBox<T>: @unchecked Sendable {
  let value: T
}

/// The thread count to use for `requested` (0 = every online processor).
func resolvedThreads(_ requested: Int) -> Int {
  requested > 0 ? requested : activeProcessorCount()
}

/// Adds per-chunk vectors of length `length` into a total in chunk order, whatever order the chunks
/// finish in, recycling chunk buffers. Memory: one buffer per chunk in flight or waiting for an
/// earlier chunk.
final class OrderedVectorSum: @unchecked Sendable {
  // @unchecked: every mutable field is only touched while holding `lock`.
  /// A chunk buffer; owned by one worker at a time, or by the state while waiting or free.
  private struct Buffer: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Double>
  }

  private struct State: Sendable {
    var nextToAdd = 0
    var waiting: [Buffer?]
    var free: [Buffer] = []
  }

  let length: Int
  /// The sum of every chunk added so far; complete after the run.
  let total: UnsafeMutableBufferPointer<Double>
  private let lock: PosixMutex<State>

  init(length: Int, chunkCount: Int) {
    self.length = length
    total = .allocate(capacity: length)
    total.initialize(repeating: 0)
    lock = PosixMutex(State(waiting: Array(repeating: nil, count: chunkCount)))
  }

  deinit {
    total.deallocate()
    lock.withLock { state in
      for b in state.free { b.pointer.deallocate() }
      for case let b? in state.waiting { b.pointer.deallocate() }
    }
  }

  /// A zeroed buffer of `length` doubles for one chunk.
  func makeBuffer() -> UnsafeMutableBufferPointer<Double> {
    if let b = lock.withLock({ $0.free.popLast() }) { return b.pointer }
    let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: length)
    b.initialize(repeating: 0)
    return b
  }

  /// Returns an unfinished buffer (of a cancelled chunk) to the pool, zeroed.
  func discard(_ buffer: UnsafeMutableBufferPointer<Double>) {
    for i in 0 ..< length { buffer[i] = 0 }
    let b = Buffer(pointer: buffer)
    lock.withLock { $0.free.append(b) }
  }

  /// Hands over the finished buffer of `chunk`; it is added (in chunk order) and recycled.
  func submit(_ buffer: UnsafeMutableBufferPointer<Double>, chunk: Int) {
    let total = Buffer(pointer: self.total)
    let length = self.length
    let submitted = Buffer(pointer: buffer)
    lock.withLock { state in
      state.waiting[chunk] = submitted
      while state.nextToAdd < state.waiting.count, let buffer = state.waiting[state.nextToAdd] {
        let b = buffer.pointer
        let total = total.pointer
        for i in 0 ..< length {
          total[i] += b[i]
          b[i] = 0
        }
        state.waiting[state.nextToAdd] = nil
        state.free.append(buffer)
        state.nextToAdd += 1
      }
    }
  }
}

/// Runs `body(chunk)` for every chunk of `plan`, on up to `threads` threads (dynamic assignment).
/// For data-parallel loops whose chunks write disjoint data; reductions store one partial per
/// chunk and are summed in chunk order by the caller, so results never depend on `threads`.
func forEachChunk(of plan: ChunkPlan, threads: Int, _ body: (Int) -> Void) {
  if threads <= 1 || plan.chunkCount <= 1 {
    for c in 0 ..< plan.chunkCount { body(c) }
    return
  }
  let scheduler = ChunkScheduler(plan: plan, total: plan.count, progress: nil)
  scheduler.run(threads: threads) { _ in
    while let c = scheduler.claim() { body(c) }
  }
}
