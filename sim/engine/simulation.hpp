#pragma once
// The run loop: owns the clock and the queue and hands each event to a dispatcher by template (no virtual call
// and no std::function per event). Periodic events are ordinary events that reschedule themselves.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "sim/engine/event_queue.hpp"

namespace reformsim::sim {

/// Clock plus pending events of one single-threaded run.
class Simulation {
 public:
  /// Current simulated time in days.
  double now() const { return now_; }
  /// Schedules an event; scheduling in the past is a logic error.
  void schedule(Event e) {
    if (e.time_days < now_) [[unlikely]]
      scheduled_in_the_past(e);
    queue_.push(e);
  }
  /// Handles every event with time < end_days in order by calling `d.handle(event, *this)`; events at end_days
  /// or later stay queued. Afterwards now() == end_days. Returns the number of events handled.
  template <class Dispatcher>
  std::uint64_t run_until(double end_days, Dispatcher& d) {
    std::uint64_t handled = 0;
    while (!queue_.empty() && queue_.top().time_days < end_days) {
      const Event e = queue_.pop();
      now_ = e.time_days;
      d.handle(e, *this);
      ++handled;
    }
    if (end_days > now_) now_ = end_days;
    processed_ += handled;
    return handled;
  }
  /// Events handled so far.
  std::uint64_t events_processed() const { return processed_; }
  EventQueue& queue() { return queue_; }
  const EventQueue& queue() const { return queue_; }

 private:
  // Out of line and cold, so schedule() stays small enough to inline on the hot path.
  [[noreturn, gnu::cold, gnu::noinline]] void scheduled_in_the_past(const Event& e) const {
    throw std::logic_error("event of kind " + std::to_string(e.kind) + " scheduled at day " +
                           std::to_string(e.time_days) + ", before now (day " + std::to_string(now_) + ")");
  }
  EventQueue queue_;
  double now_ = 0;
  std::uint64_t processed_ = 0;
};

}  // namespace reformsim::sim
