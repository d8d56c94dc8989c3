#pragma once
// The payment method of `settle` and `audit`: `--method NAME` (any registered method) or the one in force in
// `--year N` — one parser for both commands, its help text and names from the registry.
#include <memory>
#include <string>

#include "agents/app/cli_args.hpp"
#include "agents/payment/payment_method.hpp"
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::app {

/// The chosen method and the simulated year (0-based) whose rule is used.
struct ChosenMethod {
  const agents::PaymentMethod* method = nullptr;
  int year_index = 0;
};

/// Reads --method and --year (UsageError for an unknown name, a year outside the horizon, or a method the scenario
/// lacks parameters for).
ChosenMethod chosen_method(const CliArgs& cli, const agents::ScenarioConfig& scenario);

/// The rule of the chosen method in force in the chosen year, as the simulation would build it.
std::unique_ptr<agents::PaymentRule> chosen_rule(const ChosenMethod& chosen, const agents::ScenarioConfig& scenario);

/// The help lines of --year and --method, listing the registered methods.
std::string method_option_help();

/// "[--year N | --method ffs|drg|…]" for usage lines.
std::string method_option_usage();

}  // namespace reformsim::app
