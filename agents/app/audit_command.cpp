// `reformsim audit SCENARIO --claims IN.csv`: the fund loss of each submitted claim against its correction.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "agents/supervision/claim_audit.hpp"

namespace reformsim::app {

namespace {

const char* kAuditHelp =
    R"(usage: reformsim audit SCENARIO --claims IN.csv [-o OUT.csv] [--year N | --method ffs|drg|dip]

Re-settles each claim as submitted and as corrected under SCENARIO's rules (the same code the simulation uses) and
reports the fund loss = fund payment(submitted) − fund payment(corrected) (DOMAIN.md §6.3).
IN.csv columns: claim_id, hospital (name or 0-based index), submitted_group, submitted_cost_yuan, corrected_group,
corrected_cost_yuan; optional patient_share_yuan (the same on both sides; default: the benefit rules on each
bill), los_days, violation (default: inferred — deliberate_ambiguity, upcoding_secondary_diagnosis,
upcoding_main_diagnosis, downcoding_into_high_multiple, violating_charges or other).
OUT.csv (default stdout): claim_id, violation, submitted/corrected settlement type and fund payment, loss_yuan.
The total loss is printed on stderr.
)";

}  // namespace

int audit_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--claims", "--output", "--year", "--method"}, {"--help"},
                    {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kAuditHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario file");
  if (!cli.option("--claims")) throw UsageError("--claims IN.csv is required");
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
  if (method == agents::PaymentMethod::Dip && !scenario.payment.dip.catalogue) {
    throw UsageError("the scenario sets no payment.dip.catalogue");
  }
  config::ErrorList errors;
  const auto claims = agents::read_audit_file(*cli.option("--claims"), scenario, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  const auto results = agents::audit_claims(claims, scenario, method);
  const std::string csv = agents::audit_csv(results);
  if (auto out = cli.option("--output")) {
    const std::string partial = *out + ".partial";
    {
      std::ofstream f(partial, std::ios::binary | std::ios::trunc);
      if (!f || !(f << csv) || !f.flush()) throw std::runtime_error("cannot write " + partial);
    }
    std::filesystem::rename(partial, *out);
  } else {
    std::fputs(csv.c_str(), stdout);
  }
  double total = 0;
  for (const agents::AuditResult& r : results) total += r.loss_yuan();
  std::fprintf(stderr, "audited %zu claims under %s: total fund loss %.2f yuan\n", results.size(),
               agents::payment_method_name(method), total);
  return kExitOk;
}

}  // namespace reformsim::app
