// The run loop: dispatch, the end boundary, periodic events, scheduling in the past.
#include <gtest/gtest.h>

#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace reformsim::sim {
namespace {

constexpr std::uint16_t kPeriodic = 9;
constexpr std::uint16_t kSpawnNow = 8;

struct Recorder {
  std::vector<double> times;
  std::vector<int> kinds;
  double period = 0;
  void handle(const Event& e, Simulation& sim) {
    EXPECT_EQ(sim.now(), e.time_days);  // the clock is at the event while it is handled
    times.push_back(sim.now());
    kinds.push_back(e.kind);
    if (period > 0 && e.kind == kPeriodic) sim.schedule(make_event(sim.now() + period, kPeriodic, 0));
    if (e.kind == kSpawnNow) sim.schedule(make_event(sim.now(), 1, 0));
  }
};

TEST(SimulationTest, RunsUntilButNotAtTheEnd) {
  Simulation sim;
  Recorder r;
  EXPECT_EQ(sim.now(), 0.0);
  sim.schedule(make_event(1.0, 1, 0));
  sim.schedule(make_event(5.0, 2, 0));
  sim.schedule(make_event(10.0, 3, 0));
  EXPECT_EQ(sim.run_until(10.0, r), 2u);
  EXPECT_EQ(r.kinds, (std::vector<int>{1, 2}));
  EXPECT_EQ(sim.now(), 10.0);
  EXPECT_EQ(sim.queue().size(), 1u);  // the event at the boundary stays queued
  EXPECT_EQ(sim.queue().top().kind, 3);
  EXPECT_EQ(sim.run_until(10.0, r), 0u);  // an empty interval [10, 10) handles nothing
  EXPECT_EQ(sim.run_until(11.0, r), 1u);
  EXPECT_EQ(sim.events_processed(), 3u);
  EXPECT_EQ(sim.run_until(20.0, r), 0u);
  EXPECT_EQ(sim.now(), 20.0);  // the clock reaches the end even with nothing to do
}

TEST(SimulationTest, PriorityClassesOrderAnInstant) {
  Simulation sim;
  Recorder r;
  sim.schedule(make_event(3.0, 30, 0, 0, 2));
  sim.schedule(make_event(3.0, 10, 0, 0, 0));
  sim.schedule(make_event(3.0, 31, 0, 0, 2));
  sim.schedule(make_event(3.0, 20, 0, 0, 1));
  sim.run_until(4.0, r);
  EXPECT_EQ(r.kinds, (std::vector<int>{10, 20, 30, 31}));
}

TEST(SimulationTest, PeriodicEventsRescheduleThemselves) {
  Simulation sim;
  Recorder r;
  r.period = 30.0;
  sim.schedule(make_event(0.0, kPeriodic, 0));
  EXPECT_EQ(sim.run_until(365.0, r), 13u);  // days 0, 30, …, 360
  EXPECT_EQ(r.times.size(), 13u);
  EXPECT_DOUBLE_EQ(r.times.back(), 360.0);
  EXPECT_EQ(sim.queue().size(), 1u);  // the next one, day 390, waits for the next run
  EXPECT_EQ(sim.queue().top().time_days, 390.0);
  EXPECT_EQ(sim.run_until(400.0, r), 1u);
}

TEST(SimulationTest, EventsScheduledForNowRunInTheSameInstant) {
  Simulation sim;
  Recorder r;
  sim.schedule(make_event(2.0, kSpawnNow, 0));
  sim.schedule(make_event(2.0, 5, 0));
  EXPECT_EQ(sim.run_until(2.5, r), 3u);
  EXPECT_EQ(r.kinds, (std::vector<int>{kSpawnNow, 5, 1}));  // the spawned event is last in insertion order
}

TEST(SimulationTest, SchedulingInThePastIsAnError) {
  Simulation sim;
  Recorder r;
  sim.schedule(make_event(5.0, 1, 0));
  sim.run_until(6.0, r);
  try {
    sim.schedule(make_event(4.0, 7, 0));
    FAIL() << "scheduling at day 4 after day 6 should throw";
  } catch (const std::logic_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("kind 7"), std::string::npos) << what;
    EXPECT_NE(what.find("day 4"), std::string::npos) << what;
  }
  EXPECT_THROW(sim.schedule(make_event(std::numeric_limits<double>::quiet_NaN(), 1, 0)), std::logic_error);
  EXPECT_EQ(sim.queue().size(), 0u);  // nothing was queued by the failed calls
  EXPECT_NO_THROW(sim.schedule(make_event(6.0, 1, 0)));
}

TEST(SimulationTest, TheClockNeverRunsBackwards) {
  Simulation sim;
  Recorder r;
  sim.run_until(10.0, r);
  EXPECT_THROW(sim.run_until(9.0, r), std::logic_error);
  EXPECT_THROW(sim.run_until(std::numeric_limits<double>::quiet_NaN(), r), std::logic_error);
  EXPECT_EQ(sim.now(), 10.0);
}

struct Thrower {
  int handled = 0;
  void handle(const Event& e, Simulation&) {
    if (e.kind == 2) throw std::runtime_error("handler failed");
    ++handled;
  }
};

TEST(SimulationTest, AFailingHandlerLeavesTheClockAtItsEvent) {
  Simulation sim;
  Thrower t;
  sim.schedule(make_event(1.0, 1, 0));
  sim.schedule(make_event(2.0, 2, 0));
  sim.schedule(make_event(3.0, 1, 0));
  EXPECT_THROW(sim.run_until(10.0, t), std::runtime_error);
  EXPECT_EQ(sim.now(), 2.0);  // the caller can report where it failed
  EXPECT_EQ(sim.events_processed(), 1u);
  EXPECT_EQ(sim.queue().size(), 1u);
}

// Handlers that schedule nothing, one event or several, at and after the current time: the events run in the order
// of a reference loop that pops each event before its handler runs, and the queue ends empty.
struct Spawner {
  std::vector<std::uint32_t> order;
  std::uint32_t next_id = 100;
  // Event `e` at `now` spawns e.payload children, alternately now and a day later, each spawning one fewer.
  template <class Schedule>
  void spawn(const Event& e, double now, Schedule&& schedule) {
    order.push_back(e.target);
    for (std::uint64_t k = 0; k < e.payload; ++k) {
      schedule(make_event(now + static_cast<double>(k % 2), 1, next_id++, e.payload - 1));
    }
  }
  void handle(const Event& e, Simulation& sim) {
    spawn(e, sim.now(), [&sim](const Event& child) { sim.schedule(child); });
  }
};

TEST(SimulationTest, HandlersSchedulingNoneOneOrManyKeepTheOrder) {
  const std::vector<Event> initial = {make_event(1.0, 1, 1, 3), make_event(1.0, 1, 2, 0), make_event(2.5, 1, 3, 1),
                                      make_event(1.0, 1, 4, 2)};
  Simulation sim;
  Spawner s;
  for (const Event& e : initial) sim.schedule(e);
  const std::uint64_t handled = sim.run_until(10.0, s);
  EXPECT_TRUE(sim.queue().empty());

  auto later = [](const Event& a, const Event& b) { return event_before(b, a); };
  std::priority_queue<Event, std::vector<Event>, decltype(later)> reference(later);
  std::uint64_t sequence = 0;
  auto push = [&](Event e) {
    e.sequence = sequence++;
    reference.push(e);
  };
  for (const Event& e : initial) push(e);
  Spawner r;
  while (!reference.empty()) {
    const Event e = reference.top();
    reference.pop();
    r.spawn(e, e.time_days, push);
  }
  EXPECT_EQ(handled, r.order.size());
  EXPECT_EQ(s.order, r.order);
  EXPECT_EQ(sim.queue().pushed(), sequence);
}

}  // namespace
}  // namespace reformsim::sim
