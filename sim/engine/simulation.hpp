#pragma once
// The run loop: owns the clock and the queue and hands each event to a dispatcher by template (no virtual call
// and no std::function per event). Periodic events are ordinary events that reschedule themselves.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "sim/engine/event.hpp"
#include "sim/engine/event_queue.hpp"

namespace reformsim::sim {

/// Clock plus pending events of one single-threaded run. A Dispatcher is any type with
/// `void handle(const Event&, Simulation&)`; make_event (event.hpp) builds the events it schedules.
class Simulation {
 public:
  /// Current simulated time in days: the time of the event being handled, or the end of the last run_until.
  double now() const { return now_; }
  /// Schedules an event at e.time_days >= now(); earlier (or NaN) times throw std::logic_error.
  void schedule(Event e) {
    // Written as !(t >= now) so that NaN, which would corrupt the heap order, is rejected too.
    if (!(e.time_days >= now_)) [[unlikely]]
      throw_scheduled_in_the_past(e);
    if (handled_on_top_) {
      // The event being handled is still on top of the queue: the first event its handler schedules takes its
      // place (see run_until).
      queue_.replace_top(e);
      handled_on_top_ = false;
    } else {
      queue_.push(e);
    }
  }
  /// Handles every event with time < end_days in order by calling `d.handle(event, *this)`; events at end_days
  /// or later stay queued, so consecutive runs [a, b), [b, c) never handle an event twice. Afterwards
  /// now() == end_days. Returns the number of events handled; end_days < now() throws std::logic_error.
  template <class Dispatcher>
  std::uint64_t run_until(double end_days, Dispatcher& d) {
    if (!(end_days >= now_)) [[unlikely]]
      throw_end_in_the_past(end_days);
    const std::uint64_t before = processed_;
    // The event is handled while still on top of the queue and leaves it when its handler schedules its first
    // event (replace_top) or, if it schedules none, when it returns: the pending set and the order are those of a
    // pop before handling, without a climb to the top for the many handlers that schedule the event after them.
    struct LeavesTheQueue {
      Simulation& sim;
      ~LeavesTheQueue() {
        if (sim.handled_on_top_) {
          sim.handled_on_top_ = false;
          sim.queue_.drop_top();
        }
      }
    };
    while (!queue_.empty() && queue_.top().time_days < end_days) {
      const Event e = queue_.top();
      now_ = e.time_days;
      {
        const LeavesTheQueue leaves{*this};
        handled_on_top_ = true;
        d.handle(e, *this);
      }
      ++processed_;  // counted as it goes, so the total stays right if a handler throws
    }
    now_ = end_days;
    return processed_ - before;
  }
  /// Events handled so far, over all run_until calls.
  std::uint64_t events_processed() const { return processed_; }
  /// The pending events (for inspection, reserve(), or pushing without the past-time check). Inside a handler the
  /// event being handled may still be on top; push to the queue directly only between runs.
  EventQueue& queue() { return queue_; }
  /// The pending events, read-only.
  const EventQueue& queue() const { return queue_; }

 private:
  // Out of line and cold, so schedule() and the loop stay small enough to inline on the hot path.
  [[noreturn, gnu::cold, gnu::noinline]] void throw_scheduled_in_the_past(const Event& e) const {
    throw std::logic_error("event of kind " + std::to_string(e.kind) + " for target " + std::to_string(e.target) +
                           " scheduled at day " + std::to_string(e.time_days) + ", before now (day " +
                           std::to_string(now_) + ")");
  }
  [[noreturn, gnu::cold, gnu::noinline]] void throw_end_in_the_past(double end_days) const {
    throw std::logic_error("run_until(day " + std::to_string(end_days) + ") would move the clock back from day " +
                           std::to_string(now_));
  }
  EventQueue queue_;
  bool handled_on_top_ = false;  ///< the event being handled has not left the queue yet
  double now_ = 0;
  std::uint64_t processed_ = 0;
};

}  // namespace reformsim::sim
