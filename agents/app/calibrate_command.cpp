// `reformsim calibrate SCENARIO`: simulate a base period under fee-for-service and derive DRG weights, DIP scores,
// the base rate and the point value from it, as a bureau does from its historical claims.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/text_output.hpp"
#include "agents/calibration/calibration.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "agents/world/world.hpp"

namespace reformsim::app {

namespace {

const char* kCalibrateHelp = R"(usage: reformsim calibrate SCENARIO [-o CATALOGUE.csv] [--dip-out DIP.csv] [--seed S]
                          [--trim-iqr K] [--min-cases N] [--score-scale X] [--budget-yuan B]

Runs SCENARIO once under fee-for-service (its payment settings are ignored) as the base period, then derives for
every case group: the trimmed mean cost (cases outside [Q1 − K·IQR, Q3 + K·IQR] of their group dropped, default
K = 1.5), the DRG weight = trimmed mean ÷ overall mean, and the DIP score = weight × X (default 100). Groups with
fewer than N kept cases (default 10) keep their catalogue weight. The base rate is B ÷ Σ weights of the base-period
cases and the point value B ÷ Σ scores, B being --budget-yuan or the base period's total itemised cost.
Writes the recalibrated case catalogue (-o, default stdout) and optionally a DIP catalogue (--dip-out);
prints the base rate, point value and trimming summary on stderr.
)";

}  // namespace

int calibrate_command(const std::vector<std::string>& args) {
  const CliArgs cli(args,
                    {"--output", "--dip-out", "--seed", "--trim-iqr", "--min-cases", "--score-scale", "--budget-yuan"},
                    {"--help"}, {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kCalibrateHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario file");
  agents::ScenarioConfig scenario = agents::load_scenario(cli.positional()[0]);
  // The base period is paid by items: weights describe what care costs, not what a rule paid.
  scenario.payment.method = "ffs";
  scenario.payment.switches.clear();
  scenario.payment.global_budget.mode = agents::BudgetMode::None;
  agents::CalibrationOptions options;
  options.trim_iqr = cli.positive_real("--trim-iqr").value_or(options.trim_iqr);
  options.min_cases = static_cast<std::size_t>(cli.integer("--min-cases", 10, 1, 1'000'000'000));
  options.score_scale = cli.positive_real("--score-scale").value_or(options.score_scale);
  options.budget_yuan = cli.positive_real("--budget-yuan");
  const auto seed = static_cast<std::uint64_t>(cli.integer("--seed", 1, 0, 9'000'000'000'000'000));

  agents::CaseRecorder recorder;
  agents::World world(scenario, seed, 0);
  world.attach(recorder);
  world.run();
  const std::vector<agents::CaseRecord>& cases = recorder.cases();
  agents::CalibrationResult result;
  try {
    result = agents::calibrate(*scenario.catalogue, cases, options);
  } catch (const std::invalid_argument& e) {
    throw InputError(cli.positional()[0] + ": cannot calibrate: " + e.what());
  }
  const std::string csv = agents::calibrated_catalogue_csv(*scenario.catalogue, result);
  std::vector<TextOutput> outputs{{cli.option("--output"), csv}};
  if (auto dip = cli.option("--dip-out"))
    outputs.push_back({dip, agents::calibrated_dip_csv(*scenario.catalogue, result)});
  write_text_outputs(outputs);
  std::size_t prior = 0;
  for (const agents::GroupEstimate& g : result.groups) prior += g.kept_prior;
  std::fprintf(stderr,
               "calibrated %zu groups from %zu base-period cases (%zu trimmed; %zu groups kept their prior weight)\n"
               "overall mean cost %.2f yuan; budget %.2f yuan; base rate %.2f yuan; point value %.4f yuan\n",
               result.groups.size(), result.cases, result.trimmed, prior, result.overall_mean_cost_yuan,
               result.budget_yuan, result.base_rate_yuan, result.point_value_yuan);
  return kExitOk;
}

}  // namespace reformsim::app
