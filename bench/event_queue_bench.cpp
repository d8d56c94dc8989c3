// Kernel micro-benchmarks: the event queue under the hold model, and random-number throughput.
#include <benchmark/benchmark.h>

#include <queue>
#include <vector>

#include "sim/engine/alias_table.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::sim {
namespace {

// Hold model (Jones 1986): the queue keeps its size; each step pops the earliest event and pushes one an
// exponential delay later, which is what a simulation's steady state does to its pending-event set.
void BM_EventQueueHold(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, 0, 0);
  EventQueue q;
  q.reserve(size);
  for (std::size_t i = 0; i < size; ++i) q.push(make_event(exponential(rng, 1.0), 0, 0));
  for (auto _ : state) {
    const Event e = q.pop();
    q.push(make_event(e.time_days + exponential(rng, 1.0), 0, 0));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHold)->Arg(1000)->Arg(100000)->Arg(400000);

// The same with the increments drawn beforehand, to separate the queue's cost from the sampler's.
void BM_EventQueueHoldQueueOnly(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, 0, 0);
  std::vector<double> increments(1 << 16);
  for (double& x : increments) x = exponential(rng, 1.0);
  EventQueue q;
  q.reserve(size);
  for (std::size_t i = 0; i < size; ++i) q.push(make_event(exponential(rng, 1.0), 0, 0));
  std::size_t next = 0;
  for (auto _ : state) {
    const Event e = q.pop();
    q.push(make_event(e.time_days + increments[next++ & 0xFFFF], 0, 0));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHoldQueueOnly)->Arg(1000)->Arg(100000)->Arg(400000);

// Baseline for the two above: the standard library's binary heap under the same load.
void BM_StdPriorityQueueHoldQueueOnly(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, 0, 0);
  std::vector<double> increments(1 << 16);
  for (double& x : increments) x = exponential(rng, 1.0);
  const auto later = [](const Event& a, const Event& b) { return event_before(b, a); };
  std::priority_queue<Event, std::vector<Event>, decltype(later)> q(later);
  std::uint64_t sequence = 0;
  auto push = [&](Event e) {
    e.sequence = sequence++;
    q.push(e);
  };
  for (std::size_t i = 0; i < size; ++i) push(make_event(exponential(rng, 1.0), 0, 0));
  std::size_t next = 0;
  for (auto _ : state) {
    const Event e = q.top();
    q.pop();
    push(make_event(e.time_days + increments[next++ & 0xFFFF], 0, 0));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StdPriorityQueueHoldQueueOnly)->Arg(1000)->Arg(100000)->Arg(400000);

void BM_RandomUniform(benchmark::State& state) {
  RandomStream rng(1, 0, 0, 0);
  double sum = 0;
  for (auto _ : state) sum += rng.next_uniform();
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomUniform);

// Opening a stream per entity from a precomputed key, then one draw: the per-event pattern of the world.
void BM_OpenStreamAndDraw(benchmark::State& state) {
  const StreamKey key = StreamKey::of(1, 0, 2);
  std::uint64_t entity = 0;
  double sum = 0;
  for (auto _ : state) {
    RandomStream rng(key, entity++);
    sum += rng.next_uniform();
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OpenStreamAndDraw);

void BM_Exponential(benchmark::State& state) {
  RandomStream rng(1, 0, 0, 0);
  double sum = 0;
  for (auto _ : state) sum += exponential(rng, 2.0);
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Exponential);

void BM_AliasSample(benchmark::State& state) {
  std::vector<double> weights(static_cast<std::size_t>(state.range(0)));
  RandomStream init(2, 0, 0, 0);
  for (double& w : weights) w = init.next_uniform();
  const AliasTable table(weights);
  RandomStream rng(3, 0, 0, 0);
  std::size_t sum = 0;
  for (auto _ : state) sum += table.sample(rng);
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AliasSample)->Arg(200)->Arg(200000)->Arg(1000000);

}  // namespace
}  // namespace reformsim::sim
