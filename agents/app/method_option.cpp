#include "agents/app/method_option.hpp"

#include "agents/payment/payment_registry.hpp"
#include "agents/world/shock_schedule.hpp"
#include "sim/config/closest_name.hpp"

namespace reformsim::app {

ChosenMethod chosen_method(const CliArgs& cli, const agents::ScenarioConfig& scenario) {
  ChosenMethod chosen;
  chosen.year_index = static_cast<int>(cli.integer("--year", 1, 1, scenario.horizon_years)) - 1;
  std::string name = scenario.payment.method_in_year(chosen.year_index);
  if (const auto m = cli.option("--method")) {
    if (!agents::find_payment_method(*m)) {
      const std::string hint = config::closest_name(*m, agents::payment_method_names());
      std::string names;
      for (const std::string& n : agents::payment_method_names()) names += (names.empty() ? "" : ", ") + n;
      throw UsageError("--method must be one of " + names + ", got '" + *m + "'" +
                       (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    name = *m;
  } else {
    // One rule settles every row: under a pilot the hospitals of the year are not all paid alike.
    for (std::size_t h = 0; h < scenario.hospitals.size(); ++h) {
      const std::string& own = scenario.payment.method_in_year(chosen.year_index, h);
      if (own == name) continue;
      throw UsageError("in year " + std::to_string(chosen.year_index + 1) + " a pilot switch pays '" +
                       scenario.hospitals[h].name + "' by " + own + " and others by " + name +
                       ": choose the rule with --method");
    }
  }
  chosen.method = &agents::payment_method(name);
  if (const std::string missing = chosen.method->missing(scenario); !missing.empty()) throw UsageError(missing);
  return chosen;
}

std::unique_ptr<agents::PaymentRule> chosen_rule(const ChosenMethod& chosen, const agents::ScenarioConfig& scenario) {
  const std::vector<agents::YearLevels> levels = agents::shock_schedule(scenario);
  return chosen.method->rule(scenario, chosen.year_index,
                             levels[static_cast<std::size_t>(chosen.year_index)].group_cost_factor);
}

std::string method_option_help() {
  const std::string indent = "                      ";
  return "  --year N          use the payment method in force in simulated year N (default 1)\n"
         "  --method M        use method M regardless of the scenario's switches:\n" +
         indent + agents::payment_method_list("\n" + indent) + "\n";
}

std::string method_option_usage() {
  std::string names;
  for (const std::string& n : agents::payment_method_names()) names += (names.empty() ? "" : "|") + n;
  return "[--year N | --method " + names + "]";
}

}  // namespace reformsim::app
