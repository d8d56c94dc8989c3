// `reformsim settle SCENARIO --cases IN.csv`: settle given cases under the scenario's rules.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/payment/case_file_settlement.hpp"
#include "agents/scenario/scenario_loader.hpp"

namespace reformsim::app {

namespace {

const char* kSettleHelp =
    R"(usage: reformsim settle SCENARIO --cases IN.csv [-o OUT.csv] [--year N | --method ffs|drg|dip]
                       [--point-value V | --total-points P | --clear]

Settles the inpatient cases of IN.csv under SCENARIO's benefit and payment rules, exactly as the simulation does.
IN.csv columns: case_id, hospital (name or 0-based index), group (catalogue code), total_cost_yuan; optional
patient_share_yuan (default: from the benefit rules, as the patient's first admission of the year), los_days
(default 0) and scheme (employee|resident, default employee).
OUT.csv (default: stdout) adds settlement_type (normal, high_multiple, low_multiple, qy, long_stay, ffs),
standard_yuan, settlement_yuan, fund_payment_yuan and patient_share_yuan.

  --year N          use the payment method in force in simulated year N (default 1)
  --method M        use method M (ffs, drg or dip) regardless of the scenario's switches

DIP (points, coefficient and point_value_yuan columns are added): cases are valued at the provisional point value,
unless one of these is given:
  --point-value V   value every point at V yuan
  --total-points P  clear at (annual budget − reserve) ÷ P, P being the year's total points × coefficients
  --clear           clear with the file's own cases as the whole year's points
)";

}  // namespace

int settle_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--cases", "--output", "--year", "--method", "--point-value", "--total-points"},
                    {"--help", "--clear"}, {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kSettleHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario file");
  if (!cli.option("--cases")) throw UsageError("--cases IN.csv is required");
  const agents::ScenarioConfig scenario = agents::load_scenario(cli.positional()[0]);
  const int year = static_cast<int>(cli.integer("--year", 1, 1, scenario.horizon_years));
  agents::PaymentMethod method = scenario.payment.method_in_year(year - 1);
  if (auto m = cli.option("--method")) {
    if (*m == "ffs")
      method = agents::PaymentMethod::FeeForService;
    else if (*m == "drg")
      method = agents::PaymentMethod::Drg;
    else if (*m == "dip")
      method = agents::PaymentMethod::Dip;
    else
      throw UsageError("--method must be ffs, drg or dip, got '" + *m + "'");
  }
  config::ErrorList errors;
  const auto cases = agents::read_case_file(*cli.option("--cases"), scenario, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  agents::DipValuation valuation;
  valuation.point_value_yuan = cli.positive_real("--point-value");
  valuation.total_points = cli.positive_real("--total-points");
  valuation.clear_with_file_points = cli.flag("--clear");
  const int valuations =
      valuation.point_value_yuan.has_value() + valuation.total_points.has_value() + valuation.clear_with_file_points;
  if (valuations > 1) throw UsageError("give at most one of --point-value, --total-points, --clear");
  if (valuations > 0 && method != agents::PaymentMethod::Dip) {
    throw UsageError("--point-value, --total-points and --clear apply to DIP only");
  }
  if (method == agents::PaymentMethod::Dip && !scenario.payment.dip.catalogue) {
    throw UsageError("the scenario sets no payment.dip.catalogue");
  }
  std::vector<agents::SettledCase> settled;
  try {
    settled = method == agents::PaymentMethod::Dip ? agents::settle_cases_dip(cases, scenario, valuation)
                                                   : agents::settle_cases(cases, scenario, method);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const std::string csv = agents::settled_cases_csv(settled, method == agents::PaymentMethod::Dip);
  if (auto out = cli.option("--output")) {
    const std::string partial = *out + ".partial";
    {
      std::ofstream f(partial, std::ios::binary | std::ios::trunc);
      if (!f) throw std::runtime_error("cannot write " + partial);
      f << csv;
      if (!f.flush()) throw std::runtime_error("cannot write " + partial);
    }
    std::filesystem::rename(partial, *out);
  } else {
    std::fputs(csv.c_str(), stdout);
  }
  std::fprintf(stderr, "settled %zu cases under %s\n", cases.size(), agents::payment_method_name(method));
  return kExitOk;
}

}  // namespace reformsim::app
