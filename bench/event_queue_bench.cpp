// Kernel micro-benchmarks: the event queue under the hold model, and random-number throughput.
#include <benchmark/benchmark.h>

#include "sim/engine/alias_table.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::sim {
namespace {

// Hold model: the queue keeps its size; each step pops the earliest event and pushes one a random delay later.
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

void BM_RandomUniform(benchmark::State& state) {
  RandomStream rng(1, 0, 0, 0);
  double sum = 0;
  for (auto _ : state) sum += rng.next_uniform();
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomUniform);

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
