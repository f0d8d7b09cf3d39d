#if canImport(Glibc)
  import Glibc
#endif

/// How freed memory goes back to the system, for runs whose inputs are large (a million papers).
///
/// glibc's allocator keeps freed blocks in its heaps for reuse. Two of its habits keep a large
/// run's resident memory high after the memory was freed: blocks from 128 KiB up to 32 MiB come
/// from the heaps once a block of that size has been freed (its adaptive `mmap` threshold), and
/// freed pages inside a heap are kept (only the top of a heap is given back). At a million papers
/// the per-node arrays (1.3 million `Int32`s are 5 MB, `Double`s 10 MB) and the 1.4 million
/// data-quality notes are such blocks. `coauthor report` at 1M (all other changes of branch
/// million14b in): peak RSS 2,206,984 KB with the adaptive threshold, 1,921,260 KB with a fixed
/// 4 MiB one and 1,905,080 KB with 1 MiB; CPU 104.0, 105.3 and 109.7 s (mapping and zeroing
/// fresh pages for every block above the threshold costs time, so 4 MiB, not less).
///
/// Elsewhere (not glibc) both calls do nothing. Neither changes any result.
public enum MemoryRelease {
  /// The fixed size from which blocks are mapped on their own (and unmapped when freed).
  public static let mappedBlockThreshold: Int32 = 4 << 20

  /// Blocks of ``mappedBlockThreshold`` bytes and more are mapped on their own and given back when
  /// freed (glibc `mallopt(M_MMAP_THRESHOLD, …)`, which also turns its adaptive threshold off).
  /// Called once by the commands that read whole corpora, before reading.
  public static func mapLargeBlocks() {
    #if canImport(Glibc)
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = function("mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
      _ = mallopt(-3, mappedBlockThreshold)  // M_MMAP_THRESHOLD (malloc.h)
    #endif
  }

  /// Gives every whole free page of the heaps back to the system (glibc `malloc_trim(0)`). It
  /// walks the heaps' free blocks (milliseconds per hundred MB), so it is called after a large
  /// release only.
  static func returnFreedPages() {
    #if canImport(Glibc)
      typealias MallocTrim = @convention(c) (Int) -> Int32
      guard let symbol = function("malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    #endif
  }

  #if canImport(Glibc)
    /// The C library's function `name` (glibc's allocator functions are not in the Swift `Glibc`
    /// module, which does not include `malloc.h`), or `nil` when it has none.
    private static func function(_ name: String) -> UnsafeMutableRawPointer? {
      guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
      return dlsym(handle, name)
    }
  #endif
}
