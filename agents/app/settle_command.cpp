// `reformsim settle SCENARIO --cases IN.csv`: settle given cases under the scenario's rules.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/payment/case_file_settlement.hpp"
#include "agents/scenario/scenario_loader.hpp"

namespace reformsim::app {

namespace {

const char* kSettleHelp = R"(usage: reformsim settle SCENARIO --cases IN.csv [-o OUT.csv] [--year N | --method ffs|drg]

Settles the inpatient cases of IN.csv under SCENARIO's benefit and payment rules, exactly as the simulation does.
IN.csv columns: case_id, hospital (name or 0-based index), group (catalogue code), total_cost_yuan; optional
patient_share_yuan (default: from the benefit rules, as the patient's first admission of the year), los_days
(default 0) and scheme (employee|resident, default employee).
OUT.csv (default: stdout) adds settlement_type (normal, high_multiple, low_multiple, qy, long_stay, ffs),
standard_yuan, settlement_yuan, fund_payment_yuan and patient_share_yuan.

  --year N          use the payment method in force in simulated year N (default 1)
  --method M        use method M (ffs or drg) regardless of the scenario's switches
)";

}  // namespace

int settle_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--cases", "--output", "--year", "--method"}, {"--help"},
                    {{"-o", "--output"}, {"-h", "--help"}});
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
    else
      throw UsageError("--method must be ffs or drg, got '" + *m + "'");
  }
  config::ErrorList errors;
  const auto cases = agents::read_case_file(*cli.option("--cases"), scenario, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  const std::string csv = agents::settled_cases_csv(agents::settle_cases(cases, scenario, method));
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
