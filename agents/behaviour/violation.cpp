#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

namespace {

constexpr std::array<std::string_view, kViolationCount> kNames = {
    "split_admission",
    "repeat_admission",
    "patient_selection",
    "low_indication_admission",
    "upcoding_main_diagnosis",
    "upcoding_secondary_diagnosis",
    "downcoding_high_multiple",
    "deliberate_ambiguity",
    "violating_charges",
    "cost_shifting_outpatient",
    "cost_shifting_self_pay",
    "cost_shifting_pharmacy",
    "phantom_beds",
};

}  // namespace

std::string_view violation_name(Violation v) { return kNames[index_of(v)]; }

std::optional<Violation> violation_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kViolationCount; ++i) {
    if (kNames[i] == name) return static_cast<Violation>(i);
  }
  return std::nullopt;
}

std::array<Violation, kViolationCount> all_violations() {
  std::array<Violation, kViolationCount> out{};
  for (std::size_t i = 0; i < kViolationCount; ++i) out[i] = static_cast<Violation>(i);
  return out;
}

}  // namespace reformsim::agents
