#include "sim/engine/event_queue.hpp"

#include <stdexcept>

namespace reformsim::sim {

void EventQueue::reserve(std::size_t n) { heap_.reserve(kRoot + n); }

void EventQueue::clear() { heap_.resize(kRoot); }

bool EventQueue::is_heap() const {
  // Checked with event_before, not the internal key, so the test also proves the two orders agree.
  for (std::size_t slot = kRoot + 1; slot < heap_.size(); ++slot) {
    if (event_before(heap_[slot], heap_[parent_of(slot)])) return false;
  }
  return true;
}

void EventQueue::throw_sequence_exhausted() {
  throw std::length_error("event queue: 2^56 events pushed; the sequence no longer fits the order key");
}

}  // namespace reformsim::sim
