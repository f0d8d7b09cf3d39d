import Foundation

/// One `String` per distinct byte sequence read: a million-paper table names each researcher on
/// many rows and each tag on thousands, and repeated cells then share one string instead of
/// allocating one per row (less memory, and no time spent making and freeing them). The string
/// kept for a byte sequence is `transform` of its UTF-8 decoding, computed once.
struct StringInterner {
  private var strings: [String] = []
  /// The bytes each string was made from, one after another (`starts[i] ..< starts[i + 1]`).
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Open addressing: index into `strings` + 1, or 0 for an empty slot.
  private var slots = [Int32](repeating: 0, count: 1024)
  private let transform: (String) -> String

  init(transform: @escaping (String) -> String) {
    self.transform = transform
  }

  /// The string for `text` (made on first sight, then shared).
  mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
    for b in text { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    if strings.count * 2 >= slots.count { grow() }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while slots[i] != 0 {
      let s = Int(slots[i]) - 1
      if hashes[s] == hash, starts[s + 1] - starts[s] == text.count,
        text.isEmpty || bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + starts[s], text.baseAddress!, text.count) == 0 })
      {
        return strings[s]
      }
      i = (i + 1) & mask
    }
    let string = transform(String(decoding: text, as: UTF8.self))
    strings.append(string)
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    hashes.append(hash)
    slots[i] = Int32(strings.count)
    return string
  }

  private mutating func grow() {
    slots = openAddressingSlots(hashes: hashes, size: slots.count * 2)
  }
}

/// The slot array of an open-addressing table of `size` slots (a power of two) holding the
/// entries whose hashes are `hashes`, in order: entry *s* sits at the first empty slot from
/// `hash & (size - 1)` on, stored as *s* + 1 (0 is empty). What ``StringInterner`` and
/// ``NameTable`` rebuild when they grow.
func openAddressingSlots(hashes: [UInt64], size: Int) -> [Int32] {
  var slots = [Int32](repeating: 0, count: size)
  let mask = size - 1
  for s in hashes.indices {
    var i = Int(truncatingIfNeeded: hashes[s]) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = Int32(s + 1)
  }
  return slots
}
