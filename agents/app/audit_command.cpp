// `reformsim audit SCENARIO --claims IN.csv`: the fund loss of each submitted claim against its correction.
#include <cstdio>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/method_option.hpp"
#include "agents/app/text_output.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "agents/supervision/claim_audit.hpp"

namespace reformsim::app {

namespace {

std::string audit_help() {
  return "usage: reformsim audit SCENARIO --claims IN.csv [-o OUT.csv] " + method_option_usage() +
         "\n"
         "\n"
         "Re-settles each claim as submitted and as corrected under SCENARIO's rules (the same code the simulation "
         "uses) and\n"
         "reports the fund loss = fund payment(submitted) − fund payment(corrected).\n"
         "IN.csv columns: claim_id, hospital (name or 0-based index), submitted_group, submitted_cost_yuan, "
         "corrected_group,\n"
         "corrected_cost_yuan; optional patient_share_yuan (the same on both sides, at most either cost; default: "
         "the benefit\n"
         "rules on each bill), los_days, scheme (employee|resident), violation (a violation type of the behaviour "
         "section, or\n"
         "other; default: inferred — deliberate_ambiguity, upcoding_secondary_diagnosis, upcoding_main_diagnosis,\n"
         "downcoding_high_multiple, violating_charges or other); any other column is an error.\n"
         "OUT.csv (default stdout): claim_id, violation, submitted/corrected settlement type and fund payment, "
         "loss_yuan.\n"
         "The total loss is printed on stderr.\n"
         "\n" +
         method_option_help();
}

}  // namespace

int audit_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--claims", "--output", "--year", "--method"}, {"--help"},
                    {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(audit_help().c_str(), stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario file");
  if (!cli.option("--claims")) throw UsageError("--claims IN.csv is required");
  const agents::ScenarioConfig scenario = agents::load_scenario(cli.positional()[0]);
  const ChosenMethod chosen = chosen_method(cli, scenario);
  const auto rule = chosen_rule(chosen, scenario);
  config::ErrorList errors;
  const std::string file = *cli.option("--claims");
  const auto claims = agents::read_claim_file(file, scenario, agents::audit_file_layout(), errors);
  if (errors.empty()) agents::check_claims_for(*rule, claims, file, scenario, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  const auto results = agents::audit_claims(claims, scenario, *rule);
  write_text_output(cli.option("--output"), agents::audit_csv(results));
  double total = 0;
  for (const agents::AuditResult& r : results) total += r.loss_yuan();
  std::fprintf(stderr, "audited %zu claims under %s: total fund loss %.2f yuan\n", results.size(),
               chosen.method->name().c_str(), total);
  return kExitOk;
}

}  // namespace reformsim::app
