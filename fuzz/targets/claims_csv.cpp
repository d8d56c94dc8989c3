// Fuzz target: the case files of `reformsim settle` and the claim files of `reformsim audit`, read against the
// shipped baseline city, and every row turned into the claim that would be settled.
#include "agents/payment/claim_file.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "fuzz/targets/fuzz_input.hpp"

namespace {

const reformsim::agents::ScenarioConfig& city() {
  static const reformsim::agents::ScenarioConfig scenario =
      reformsim::agents::load_scenario(REFORMSIM_SOURCE_DIR "/scenarios/city/baseline.yaml");
  return scenario;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace reformsim;
  const std::string text = fuzz::as_text(data, size);
  static const agents::ClaimFileLayout settle{"case_id", {{"group", "total_cost_yuan"}}, false};
  static const agents::ClaimFileLayout audit{
      "claim_id", {{"submitted_group", "submitted_cost_yuan"}, {"corrected_group", "corrected_cost_yuan"}}, true};
  for (const agents::ClaimFileLayout* layout : {&settle, &audit}) {
    config::ErrorList errors;
    const std::vector<agents::ClaimRow> rows = agents::parse_claim_file(text, "claims.csv", city(), *layout, errors);
    for (const agents::ClaimRow& row : rows)
      for (std::size_t side = 0; side < row.sides.size(); ++side) (void)agents::claim_of(row, side, city());
    (void)errors.to_string();
  }
  return 0;
}
