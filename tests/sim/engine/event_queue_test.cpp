// Event order: time, then priority class, then insertion order — a total, explicit order.
#include <gtest/gtest.h>

#include <algorithm>
#include <queue>
#include <random>
#include <vector>

#include "sim/engine/event_queue.hpp"

namespace reformsim::sim {
namespace {

std::vector<int> drain_kinds(EventQueue& q) {
  std::vector<int> kinds;
  while (!q.empty()) kinds.push_back(q.pop().kind);
  return kinds;
}

TEST(EventQueueTest, EarlierTimeFirst) {
  EventQueue q;
  for (double t : {5.0, 0.25, 3.0, 1e9, 0.0, 2.5}) q.push(make_event(t, static_cast<std::uint16_t>(t * 4), 0));
  std::vector<double> times;
  while (!q.empty()) times.push_back(q.pop().time_days);
  EXPECT_EQ(times, (std::vector<double>{0.0, 0.25, 2.5, 3.0, 5.0, 1e9}));
}

TEST(EventQueueTest, LowerPriorityFirstAtEqualTime) {
  EventQueue q;
  q.push(make_event(1.0, 30, 0, 0, 3));
  q.push(make_event(1.0, 10, 0, 0, 1));
  q.push(make_event(1.0, 0, 0, 0, 0));
  q.push(make_event(1.0, 20, 0, 0, 2));
  q.push(make_event(0.5, 99, 0, 0, 9));  // time still comes first
  EXPECT_EQ(drain_kinds(q), (std::vector<int>{99, 0, 10, 20, 30}));
}

TEST(EventQueueTest, InsertionOrderAtEqualTimeAndPriority) {
  EventQueue q;
  for (std::uint16_t k = 0; k < 50; ++k) q.push(make_event(7.0, k, 0, 0, 1));
  std::vector<int> expected(50);
  for (int k = 0; k < 50; ++k) expected[static_cast<std::size_t>(k)] = k;
  EXPECT_EQ(drain_kinds(q), expected);
}

TEST(EventQueueTest, SequencesAndCounters) {
  EventQueue q;
  EXPECT_TRUE(q.empty());
  q.reserve(100);
  Event e = make_event(1.0, 1, 0);
  e.sequence = 12345;  // overwritten: the queue owns the sequence
  q.push(e);
  q.push(make_event(2.0, 2, 0));
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.top().sequence, 0u);
  EXPECT_EQ(q.pop().sequence, 0u);
  EXPECT_EQ(q.pop().sequence, 1u);
  q.push(make_event(3.0, 3, 0));
  q.clear();
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_EQ(q.pushed(), 3u);  // clear() forgets events, not the count
  q.push(make_event(0.5, 4, 0));
  EXPECT_EQ(q.top().sequence, 3u);
  EXPECT_EQ(q.top().kind, 4);
}

TEST(EventQueueTest, MatchesASortOfManyEvents) {
  // Coarse times give many ties; negative times and both zeros check the queue's internal order key, which
  // must agree with event_before everywhere (-0.0 and +0.0 are the same time).
  std::mt19937_64 gen(42);
  std::uniform_int_distribution<int> time(-200, 799), priority(0, 3);
  EventQueue q;
  std::vector<Event> reference;
  for (int i = 0; i < 100000; ++i) {
    const int t = time(gen);
    const double time_days = t == 0 ? (i % 2 ? -0.0 : 0.0) : t * 0.5;
    Event e = make_event(time_days, 0, static_cast<std::uint32_t>(i), 0, static_cast<std::uint8_t>(priority(gen)));
    q.push(e);
    e.sequence = static_cast<std::uint64_t>(i);
    reference.push_back(e);
  }
  EXPECT_TRUE(q.is_heap());
  EXPECT_EQ(q.size(), reference.size());
  std::sort(reference.begin(), reference.end(), event_before);
  for (const Event& expected : reference) {
    ASSERT_FALSE(q.empty());
    const Event got = q.pop();
    ASSERT_EQ(got.target, expected.target);
    ASSERT_EQ(got.sequence, expected.sequence);
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueTest, InterleavedPushAndPopMatchAReferenceQueue) {
  std::mt19937_64 gen(7);
  std::uniform_int_distribution<int> step(0, 20), priority(0, 2), action(0, 2);
  auto later = [](const Event& a, const Event& b) { return event_before(b, a); };
  std::priority_queue<Event, std::vector<Event>, decltype(later)> reference(later);
  EventQueue q;
  double now = 0;
  std::uint64_t sequence = 0;
  for (int i = 0; i < 200000; ++i) {
    if (action(gen) != 0 || q.empty()) {  // two pushes per pop on average: the queue grows and shrinks
      Event e = make_event(now + step(gen) * 0.25, 0, static_cast<std::uint32_t>(i), 0,
                           static_cast<std::uint8_t>(priority(gen)));
      q.push(e);
      e.sequence = sequence++;
      reference.push(e);
    } else {
      const Event got = q.pop();
      ASSERT_EQ(got.target, reference.top().target) << "step " << i;
      reference.pop();
      now = got.time_days;
    }
    if (i % 50000 == 0) {
      ASSERT_TRUE(q.is_heap());
    }
    if (i == 120000) {  // and drain most of it, so the heap also shrinks through every level
      while (q.size() > 3) {
        ASSERT_EQ(q.pop().target, reference.top().target);
        reference.pop();
      }
    }
  }
  ASSERT_EQ(q.size(), reference.size());
  while (!q.empty()) {
    ASSERT_EQ(q.pop().target, reference.top().target);
    reference.pop();
  }
}

// replace_top(e) leaves the same pending set, numbered the same way, as pop() then push(e): checked against the
// reference queue over a random mix of pushes, pops and replacements, with replacements both at and after the top.
TEST(EventQueueTest, ReplaceTopIsPopThenPush) {
  std::mt19937_64 gen(11);
  std::uniform_int_distribution<int> step(0, 20), priority(0, 2), action(0, 3);
  auto later = [](const Event& a, const Event& b) { return event_before(b, a); };
  std::priority_queue<Event, std::vector<Event>, decltype(later)> reference(later);
  EventQueue q;
  double now = 0;
  std::uint64_t sequence = 0;
  int replaced = 0;
  for (int i = 0; i < 100000; ++i) {
    const int a = q.empty() ? 0 : action(gen);
    Event e = make_event(now + step(gen) * 0.25, 0, static_cast<std::uint32_t>(i), 0,
                         static_cast<std::uint8_t>(priority(gen)));
    if (a <= 1) {
      q.push(e);
      e.sequence = sequence++;
      reference.push(e);
    } else if (a == 2) {
      ASSERT_EQ(q.top().target, reference.top().target) << "step " << i;
      now = q.top().time_days;
      q.drop_top();
      reference.pop();
    } else {
      ASSERT_EQ(q.top().target, reference.top().target) << "step " << i;
      now = q.top().time_days;
      e.time_days = std::max(e.time_days, now);
      reference.pop();
      q.replace_top(e);
      e.sequence = sequence++;
      reference.push(e);
      ++replaced;
    }
    if (i % 20000 == 0) {
      ASSERT_TRUE(q.is_heap());
    }
  }
  EXPECT_GT(replaced, 20000);
  EXPECT_EQ(q.pushed(), sequence);
  ASSERT_EQ(q.size(), reference.size());
  while (!q.empty()) {
    ASSERT_EQ(q.pop().target, reference.top().target);
    reference.pop();
  }
}

TEST(EventQueueTest, EventBeforeIsAStrictOrder) {
  Event a = make_event(1.0, 0, 0, 0, 2), b = a;
  a.sequence = 1;
  b.sequence = 2;
  EXPECT_FALSE(event_before(a, a));
  EXPECT_TRUE(event_before(a, b));
  EXPECT_FALSE(event_before(b, a));
  b.priority = 1;  // priority outranks sequence
  EXPECT_TRUE(event_before(b, a));
  a.time_days = 0.999;  // time outranks priority
  EXPECT_TRUE(event_before(a, b));
}

}  // namespace
}  // namespace reformsim::sim
