#pragma once
// The pending-event set: a 4-ary min-heap of Event values in one vector. Four children are shallower than two,
// and the layout below puts each group of four siblings (4 × 32 bytes) on exactly two cache lines, so a level
// of the descent costs two line fetches. Ties are broken by an insertion sequence, so the order is total.
// Under the hold model (bench/event_queue_bench.cpp) it runs about 1.4 times as fast as std::priority_queue.
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include "sim/engine/event.hpp"

namespace reformsim::sim {

namespace detail {

/// Allocator for vectors whose storage must start on a cache line (malloc only promises 16 bytes).
template <class T>
struct CacheLineAllocator {
  /// The element type (allocator requirement).
  using value_type = T;
  /// Alignment of every allocation, in bytes.
  static constexpr std::size_t kAlignment = 64;
  /// Stateless, so default construction is all there is.
  CacheLineAllocator() = default;
  /// Rebinding copy (allocators are stateless).
  template <class U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}
  /// Storage for n objects, aligned to kAlignment.
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{kAlignment})); }
  /// Releases storage from allocate().
  void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{kAlignment}); }
  /// Stateless: any two are interchangeable.
  template <class U>
  bool operator==(const CacheLineAllocator<U>&) const {
    return true;
  }
};

}  // namespace detail

/// Priority queue of events ordered by (time, priority, sequence); see event_before.
class EventQueue {
 public:
  /// Adds an event; its sequence number is assigned here, so equal (time, priority) pairs leave in push order.
  void push(Event e) {
    stamp(e);
    heap_.push_back(e);
    sift_up(heap_.size() - 1, e);
  }
  /// Removes the earliest event and adds `e`, numbered as push(e) would number it: the same pending set as
  /// pop() then push(e), in one descent from the root instead of a descent and a climb. A handler's first new
  /// event often goes straight back to the top (the next onset of a stream), where the descent stops at once.
  void replace_top(Event e) {
    assert(!empty());
    stamp(e);
    sift_down(e);
  }
  /// Removes the earliest event without returning it; the queue must not be empty.
  void drop_top() {
    assert(!empty());
    const Event last = heap_.back();
    heap_.pop_back();
    if (!empty()) sift_down(last);
  }
  /// The earliest event; the queue must not be empty.
  const Event& top() const {
    assert(!empty());
    return heap_[kRoot];
  }
  /// Removes and returns the earliest event; the queue must not be empty.
  Event pop() {
    const Event out = top();
    drop_top();
    return out;
  }
  /// True when no event is pending.
  bool empty() const { return heap_.size() == kRoot; }
  /// Number of pending events.
  std::size_t size() const { return heap_.size() - kRoot; }
  /// Makes room for n pending events, so pushes up to that size never reallocate.
  void reserve(std::size_t n);
  /// Drops every pending event (the sequence counter keeps counting, so order stays insertion order).
  void clear();
  /// Total number of events ever pushed.
  std::uint64_t pushed() const { return next_sequence_; }
  /// Checks the heap property over every pending event (O(n): for tests and debugging).
  bool is_heap() const;

 private:
  using Key = unsigned __int128;  // GCC and Clang, the project's compilers, provide it
  static constexpr int kSequenceBits = 56;
  // Slot of the root. Slots 0..2 are padding so that the children of slot s, slots 4s-8 .. 4s-5, start at a
  // multiple of four slots (128 bytes) from the cache-aligned storage.
  static constexpr std::size_t kRoot = 3;
  // Past this many slots (256 KiB) the lower levels miss the caches, and the descent prefetches a level ahead.
  static constexpr std::size_t kPrefetchAboveSlots = 8192;
  static std::size_t parent_of(std::size_t slot) { return slot / 4 + 2; }
  static std::size_t first_child_of(std::size_t slot) { return 4 * slot - 8; }

  // event_before as one 128-bit integer: the time's bits mapped so that unsigned order is numeric order, then
  // priority, then sequence (56 bits: 7 × 10^16 pushes). Comparing these compiles to a few flag instructions
  // and conditional moves; the three-way branchy comparison mispredicts about every other time in a heap.
  static Key order_key(const Event& e) {
    const auto bits = std::bit_cast<std::uint64_t>(e.time_days);
    const std::uint64_t sign_mask = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
    const std::uint64_t time = bits ^ (sign_mask | (std::uint64_t{1} << 63));
    return (static_cast<Key>(time) << 64) | (std::uint64_t{e.priority} << kSequenceBits | e.sequence);
  }
  [[noreturn]] static void throw_sequence_exhausted();

  // Numbers a new event and normalises its time.
  void stamp(Event& e) {
    if (next_sequence_ >> kSequenceBits) [[unlikely]]
      throw_sequence_exhausted();
    e.sequence = next_sequence_++;
    e.time_days += 0.0;  // -0.0 becomes +0.0, which the order key must see as equal times
  }

  // Moves the hole at `slot` up until `e` fits, then stores `e` there.
  void sift_up(std::size_t slot, const Event& e) {
    const Key key = order_key(e);
    while (slot > kRoot) {
      const std::size_t parent = parent_of(slot);
      if (!(key < order_key(heap_[parent]))) break;
      heap_[slot] = heap_[parent];
      slot = parent;
    }
    heap_[slot] = e;
  }
  // Places `e` (the former last element, or a replacement of the root) by moving the hole down from the root while
  // a child is earlier.
  void sift_down(const Event& e) {
    const std::size_t end = heap_.size();
    const Event* h = heap_.data();
    const Key key = order_key(e);
    const bool prefetch = end > kPrefetchAboveSlots;
    std::size_t slot = kRoot;
    for (;;) {
      const std::size_t first = first_child_of(slot);
      std::size_t best;
      Key best_key;
      if (first + 3 < end) {
        // The children of these four are 16 consecutive slots (8 lines); whichever wins, its group is on the way.
        if (prefetch && first_child_of(first) < end) {
          const char* next = reinterpret_cast<const char*>(h + first_child_of(first));
          for (int line = 0; line < 8; ++line) __builtin_prefetch(next + 64 * line);
        }
        const Key k0 = order_key(h[first]), k1 = order_key(h[first + 1]);
        const Key k2 = order_key(h[first + 2]), k3 = order_key(h[first + 3]);
        const bool take1 = k1 < k0, take3 = k3 < k2;
        const Key left = take1 ? k1 : k0, right = take3 ? k3 : k2;
        const bool take_right = right < left;
        best = take_right ? first + 2 + take3 : first + take1;
        best_key = take_right ? right : left;
      } else if (first < end) {
        best = first;
        best_key = order_key(h[first]);
        for (std::size_t c = first + 1; c < end; ++c) {
          const Key k = order_key(h[c]);
          if (k < best_key) best = c, best_key = k;
        }
      } else {
        break;
      }
      if (!(best_key < key)) break;
      heap_[slot] = h[best];
      slot = best;
    }
    heap_[slot] = e;
  }

  using Storage = std::vector<Event, detail::CacheLineAllocator<Event>>;
  Storage heap_ = Storage(kRoot);
  std::uint64_t next_sequence_ = 0;
};

}  // namespace reformsim::sim
