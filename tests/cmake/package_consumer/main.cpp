// Loads the installed baseline scenario and simulates one year through the installed library.
#include <cstdio>
#include <exception>

#include "agents/scenario/scenario_loader.hpp"
#include "agents/world/world.hpp"

int main() {
  try {
    reformsim::agents::ScenarioConfig scenario = reformsim::agents::load_scenario(SCENARIOS_DIR "/city/baseline.yaml");
    scenario.horizon_years = 1;
    const reformsim::agents::RunMetrics metrics = reformsim::agents::World(scenario, 1, 0).run();
    double expenditure_yuan = 0;
    for (const reformsim::agents::MonthMetrics& month : metrics.months) expenditure_yuan += month.fund_expenditure_yuan;
    std::printf("months %zu, fund expenditure %.0f yuan\n", metrics.months.size(), expenditure_yuan);
    return metrics.months.size() >= 12 && expenditure_yuan > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
}
