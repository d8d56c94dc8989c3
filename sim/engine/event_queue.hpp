#pragma once
// The pending-event set: a 4-ary min-heap of Event values in one vector (shallower than a binary heap, and the
// four children share a cache line pair). Ties are broken by an insertion sequence, so the order is total.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/event.hpp"

namespace reformsim::sim {

/// Priority queue of events ordered by (time, priority, sequence).
class EventQueue {
 public:
  /// Adds an event; its sequence number is assigned here.
  void push(Event e) {
    e.sequence = next_sequence_++;
    heap_.push_back(e);
    sift_up(heap_.size() - 1);
  }
  /// The earliest event; the queue must not be empty.
  const Event& top() const { return heap_.front(); }
  /// Removes and returns the earliest event; the queue must not be empty.
  Event pop() {
    const Event out = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return out;
  }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) { heap_.reserve(n); }
  /// Drops every event (the sequence counter keeps counting).
  void clear() { heap_.clear(); }
  /// Total number of events ever pushed.
  std::uint64_t pushed() const { return next_sequence_; }

 private:
  static constexpr std::size_t kArity = 4;
  void sift_up(std::size_t i) {
    const Event e = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!event_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }
  // Places `e` (the former last element) starting from the root.
  void sift_down(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = i * kArity + 1;
      if (first >= n) break;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (event_before(heap_[c], heap_[best])) best = c;
      }
      if (!event_before(heap_[best], e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace reformsim::sim
