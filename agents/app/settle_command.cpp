// `reformsim settle SCENARIO --cases IN.csv`: settle given cases under the scenario's rules.
#include <cstdio>
#include <stdexcept>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/method_option.hpp"
#include "agents/app/text_output.hpp"
#include "agents/payment/case_file_settlement.hpp"
#include "agents/payment/payment_registry.hpp"
#include "agents/scenario/scenario_loader.hpp"

namespace reformsim::app {

namespace {

std::string settle_help() {
  return "usage: reformsim settle SCENARIO --cases IN.csv [-o OUT.csv] " + method_option_usage() +
         "\n"
         "                       [--point-value V | --total-points P | --clear]\n"
         "\n"
         "Settles the inpatient cases of IN.csv under SCENARIO's benefit and payment rules, exactly as the "
         "simulation does.\n"
         "IN.csv columns: case_id, hospital (name or 0-based index), group (catalogue code), total_cost_yuan; "
         "optional\n"
         "patient_share_yuan (default: from the benefit rules, as the patient's first admission of the year), "
         "los_days\n"
         "(default 0) and scheme (employee|resident, default employee); any other column is an error.\n"
         "OUT.csv (default: stdout) adds settlement_type, standard_yuan, settlement_yuan, fund_payment_yuan and\n"
         "patient_share_yuan.\n"
         "\n" +
         method_option_help() +
         "\n"
         "Rules that pay points (dip, or per_diem with other_cases: dip) add the columns points, coefficient and\n"
         "point_value_yuan; their cases are valued at the provisional point value unless one of these is given:\n"
         "  --point-value V   value every point at V yuan\n"
         "  --total-points P  clear at (annual budget − reserve) ÷ P, P being the year's total points × "
         "coefficients\n"
         "  --clear           clear with the file's own cases as the whole year's points\n";
}

}  // namespace

int settle_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--cases", "--output", "--year", "--method", "--point-value", "--total-points"},
                    {"--help", "--clear"}, {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(settle_help().c_str(), stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario file");
  if (!cli.option("--cases")) throw UsageError("--cases IN.csv is required");
  const agents::ScenarioConfig scenario = agents::load_scenario(cli.positional()[0]);
  const ChosenMethod chosen = chosen_method(cli, scenario);
  const auto rule = chosen_rule(chosen, scenario);
  config::ErrorList errors;
  const std::string file = *cli.option("--cases");
  const auto cases = agents::read_claim_file(file, scenario, agents::case_file_layout(), errors);
  if (errors.empty()) agents::check_claims_for(*rule, cases, file, scenario, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  agents::PointValuation valuation;
  valuation.point_value_yuan = cli.positive_real("--point-value");
  valuation.total_points = cli.positive_real("--total-points");
  valuation.clear_with_file_points = cli.flag("--clear");
  const int valuations =
      valuation.point_value_yuan.has_value() + valuation.total_points.has_value() + valuation.clear_with_file_points;
  const bool points = rule->pays_points();
  if (valuations > 1) throw UsageError("give at most one of --point-value, --total-points, --clear");
  if (valuations > 0 && !points) {
    throw UsageError(
        "--point-value, --total-points and --clear apply to rules that pay points (dip, or per_diem "
        "with other_cases: dip); " +
        chosen.method->name() + " here pays none");
  }
  std::vector<agents::SettledCase> settled;
  try {
    settled = agents::settle_cases_valued(cases, scenario, *rule, valuation);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  write_text_output(cli.option("--output"), agents::settled_cases_csv(settled, points));
  std::fprintf(stderr, "settled %zu cases under %s\n", cases.size(), chosen.method->name().c_str());
  return kExitOk;
}

}  // namespace reformsim::app
