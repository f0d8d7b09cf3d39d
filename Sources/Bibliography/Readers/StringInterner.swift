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
  /// Open addressing (``TaggedSlots``): the upper 32 bits of the hash and index into `strings`
  /// + 1, or 0 for an empty slot.
  private var slots = [UInt64](repeating: 0, count: 1024)
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
    let tag = TaggedSlots.tag(hash)
    var i = Int(truncatingIfNeeded: hash) & mask
    while slots[i] != 0 {
      let slot = slots[i]
      if slot & TaggedSlots.tagMask == tag {
        let s = TaggedSlots.entry(slot)
        if starts[s + 1] - starts[s] == text.count,
          text.isEmpty || bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + starts[s], text.baseAddress!, text.count) == 0 })
        {
          return strings[s]
        }
      }
      i = (i + 1) & mask
    }
    let string = transform(String(decoding: text, as: UTF8.self))
    strings.append(string)
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    hashes.append(hash)
    slots[i] = TaggedSlots.slot(id: strings.count - 1, hash: hash)
    return string
  }

  private mutating func grow() {
    slots = TaggedSlots.make(hashes: hashes, size: slots.count * 2)
  }
}

/// The slots of the open-addressing tables ``StringInterner`` and ``NameTable``: one `UInt64`
/// per slot, 0 when empty, else the upper 32 bits of the entry's 64-bit hash (its *tag*) over the
/// entry's index + 1. A probe compares tags in the slot it has read anyway, and looks at the
/// entry itself only when they agree; the slot index comes from the hash's low bits.
enum TaggedSlots {
  /// The bits of a slot that hold the tag.
  static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

  /// The tag of `hash`, in place (its upper 32 bits).
  @inline(__always) static func tag(_ hash: UInt64) -> UInt64 { hash & tagMask }

  /// The slot of entry `id` (from 0) whose hash is `hash`.
  @inline(__always) static func slot(id: Int, hash: UInt64) -> UInt64 { tag(hash) | UInt64(id + 1) }

  /// The entry index a non-empty slot holds.
  @inline(__always) static func entry(_ slot: UInt64) -> Int { Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1 }

  /// The slot array of `size` slots (a power of two) holding the entries whose hashes are
  /// `hashes`, in order: entry *s* sits at the first empty slot from `hash & (size - 1)` on.
  /// What the tables rebuild when they grow.
  static func make(hashes: [UInt64], size: Int) -> [UInt64] {
    var slots = [UInt64](repeating: 0, count: size)
    let mask = size - 1
    for s in hashes.indices {
      var i = Int(truncatingIfNeeded: hashes[s]) & mask
      while slots[i] != 0 { i = (i + 1) & mask }
      slots[i] = slot(id: s, hash: hashes[s])
    }
    return slots
  }
}
