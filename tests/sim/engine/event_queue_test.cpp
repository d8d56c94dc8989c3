// Event order: time, then priority class, then insertion order — a total, explicit order.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sim/engine/event_queue.hpp"

namespace reformsim::sim {
namespace {

TEST(EventQueueTest, OrdersByTimeThenPriorityThenInsertion) {
  EventQueue q;
  q.push(make_event(2.0, 1, 0));
  q.push(make_event(1.0, 2, 0, 0, 3));
  q.push(make_event(1.0, 3, 0, 0, 1));
  q.push(make_event(1.0, 4, 0, 0, 1));
  q.push(make_event(0.5, 5, 0));
  std::vector<int> kinds;
  while (!q.empty()) kinds.push_back(q.pop().kind);
  EXPECT_EQ(kinds, (std::vector<int>{5, 3, 4, 2, 1}));
  EXPECT_EQ(q.pushed(), 5u);
}

TEST(EventQueueTest, MatchesASortOfManyEvents) {
  std::mt19937_64 gen(42);
  std::uniform_int_distribution<int> time(0, 999), priority(0, 3);
  EventQueue q;
  std::vector<Event> reference;
  for (int i = 0; i < 100000; ++i) {
    Event e =
        make_event(time(gen) * 0.5, 0, static_cast<std::uint32_t>(i), 0, static_cast<std::uint8_t>(priority(gen)));
    q.push(e);
    e.sequence = static_cast<std::uint64_t>(i);
    reference.push_back(e);
  }
  std::sort(reference.begin(), reference.end(), event_before);
  for (const Event& expected : reference) {
    ASSERT_FALSE(q.empty());
    const Event got = q.pop();
    ASSERT_EQ(got.target, expected.target);
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueTest, InterleavedPushAndPopStayOrdered) {
  std::mt19937_64 gen(7);
  std::exponential_distribution<double> gap(1.0);
  EventQueue q;
  for (int i = 0; i < 1000; ++i) q.push(make_event(gap(gen), 0, 0));
  double last = 0;
  for (int i = 0; i < 100000; ++i) {
    const Event e = q.pop();
    ASSERT_GE(e.time_days, last);
    last = e.time_days;
    q.push(make_event(last + gap(gen), 0, 0));
  }
}

}  // namespace
}  // namespace reformsim::sim
