#pragma once
// One run's frame without a World — a scenario, its population, its records and the context — for unit tests of
// single components.
#include <cstdint>
#include <string>

#include "agents/population/population.hpp"
#include "agents/world/run_context.hpp"
#include "agents/world/run_metrics.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::testing {

struct RunFixture {
  explicit RunFixture(const std::string& yaml, std::uint64_t seed = 1)
      : scenario(scenario_from_yaml(yaml)),
        population(scenario, seed, 0),
        metrics(agents::make_run_metrics(scenario, population)),
        run(scenario, seed, 0, population, metrics) {}
  agents::ScenarioConfig scenario;
  agents::Population population;
  agents::RunMetrics metrics;
  agents::RunContext run;
};

}  // namespace reformsim::testing
