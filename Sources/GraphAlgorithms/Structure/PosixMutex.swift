#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value guarded by a `pthread_mutex_t`: the shared state of the parallel runs
/// (``ChunkScheduler``, ``OrderedVectorSum``).
///
/// The standard library's `Synchronization.Mutex` would do the same job, but ThreadSanitizer
/// cannot see its hand-over on Linux: when the lock is contended, the waiter sleeps in the kernel
/// (`FUTEX_LOCK_PI`) and `unlock` passes ownership to it there, with no user-space atomic that
/// TSan observes. Every correctly locked access after such a hand-over is then reported as a data
/// race (reproduced with a ten-line program: four threads appending to a `Mutex<[Int]>`), which
/// would make the sanitizer run (`scripts/sanitizers.sh thread`) useless for this code. TSan
/// intercepts `pthread_mutex_lock`/`unlock`, so with this lock its reports mean real races.
///
///     let total = PosixMutex(0)
///     total.withLock { $0 += 1 }
///
/// - Complexity: O(1) to lock and unlock, plus `body`.
final class PosixMutex<Value: Sendable>: @unchecked Sendable {
  // @unchecked: `value` is only touched inside `withLock`, while holding `mutex`.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var value: Value

  init(_ value: Value) {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    let status = pthread_mutex_init(mutex, nil)
    precondition(status == 0, "pthread_mutex_init failed (\(status))")
    self.value = value
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` with exclusive access to the value.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value)
  }
}
