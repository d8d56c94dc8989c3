#pragma once
// A simulation event: a small value (32 bytes), no heap, no callback. The world dispatches on `kind`.
#include <cstdint>
#include <type_traits>

namespace reformsim::sim {

/// One scheduled event. Ordered by time, then priority class (lower first), then insertion sequence.
struct Event {
  double time_days;        ///< simulated time in days since day 0
  std::uint64_t sequence;  ///< insertion order, set by the queue (ties resolve first-in first-out)
  std::uint64_t payload;   ///< free for the handler (an index, a counter)
  std::uint32_t target;    ///< entity id the event is about
  std::uint16_t kind;      ///< handler selector
  std::uint8_t priority;   ///< class at equal time: lower runs first
  std::uint8_t flags;      ///< free for the handler
};

// Two events per cache line, copied with plain moves: the queue's speed rests on both.
static_assert(sizeof(Event) == 32, "events must stay small");
static_assert(std::is_trivially_copyable_v<Event> && std::is_standard_layout_v<Event>, "events are plain values");

/// True when `a` must be handled before `b`: earlier time, then lower priority, then lower sequence.
inline bool event_before(const Event& a, const Event& b) {
  // Plain branches: a branch-free form measured slower in the queue, whose speculation down the likely branch
  // doubles as a prefetch of the next heap level. Times are never NaN (Simulation rejects them).
  if (a.time_days != b.time_days) return a.time_days < b.time_days;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

/// Builds an event (the sequence is assigned when it is scheduled; flags start at 0).
inline Event make_event(double time_days, std::uint16_t kind, std::uint32_t target, std::uint64_t payload = 0,
                        std::uint8_t priority = 0) {
  return Event{time_days, 0, payload, target, kind, priority, 0};
}

}  // namespace reformsim::sim
