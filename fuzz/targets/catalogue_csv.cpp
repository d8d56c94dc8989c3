// Fuzz target: the CSV tables a scenario names. The input is a case catalogue, optionally followed by a line
// "====" and a DIP catalogue read against it; the whole input is also read as a life table.
#include "agents/scenario/case_catalogue.hpp"
#include "agents/scenario/dip_catalogue.hpp"
#include "agents/scenario/life_table.hpp"
#include "fuzz/targets/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace reformsim;
  const std::string text = fuzz::as_text(data, size);
  const auto [cases_text, dip_text] = fuzz::split_in_two(text);
  config::ErrorList errors;
  const agents::CaseCatalogue cases = agents::CaseCatalogue::parse(cases_text, "cases.csv", errors);
  if (!dip_text.empty()) (void)agents::DipCatalogue::parse(dip_text, "dip.csv", cases, errors);
  config::ErrorList life_errors;
  (void)agents::LifeTable::parse(text, "life.csv", life_errors);
  (void)errors.to_string();
  (void)life_errors.to_string();
  return 0;
}
