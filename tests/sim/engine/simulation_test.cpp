// The run loop: dispatch, the end boundary, periodic events, scheduling in the past.
#include <gtest/gtest.h>

#include <vector>

#include "sim/engine/simulation.hpp"

namespace reformsim::sim {
namespace {

struct Recorder {
  std::vector<double> times;
  std::vector<int> kinds;
  double period = 0;
  void handle(const Event& e, Simulation& sim) {
    times.push_back(sim.now());
    kinds.push_back(e.kind);
    if (period > 0 && e.kind == 9) sim.schedule(make_event(sim.now() + period, 9, 0));
  }
};

TEST(SimulationTest, RunsUntilButNotAtTheEnd) {
  Simulation sim;
  Recorder r;
  sim.schedule(make_event(1.0, 1, 0));
  sim.schedule(make_event(5.0, 2, 0));
  sim.schedule(make_event(10.0, 3, 0));
  EXPECT_EQ(sim.run_until(10.0, r), 2u);
  EXPECT_EQ(r.kinds, (std::vector<int>{1, 2}));
  EXPECT_DOUBLE_EQ(sim.now(), 10.0);
  EXPECT_EQ(sim.queue().size(), 1u);  // the event at the boundary stays queued
  EXPECT_EQ(sim.run_until(11.0, r), 1u);
  EXPECT_EQ(sim.events_processed(), 3u);
}

TEST(SimulationTest, PeriodicEventsRescheduleThemselves) {
  Simulation sim;
  Recorder r;
  r.period = 30.0;
  sim.schedule(make_event(0.0, 9, 0));
  sim.run_until(365.0, r);
  EXPECT_EQ(r.times.size(), 13u);  // days 0, 30, …, 360
  EXPECT_DOUBLE_EQ(r.times.back(), 360.0);
}

TEST(SimulationTest, SchedulingInThePastIsAnError) {
  Simulation sim;
  Recorder r;
  sim.schedule(make_event(5.0, 1, 0));
  sim.run_until(6.0, r);
  EXPECT_THROW(sim.schedule(make_event(4.0, 1, 0)), std::logic_error);
  EXPECT_NO_THROW(sim.schedule(make_event(6.0, 1, 0)));
}

}  // namespace
}  // namespace reformsim::sim
