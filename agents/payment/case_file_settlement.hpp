#pragma once
// Settling a CSV file of given inpatient cases under a scenario's rules (`reformsim settle`): the same
// benefit and payment code the simulation uses, applied to cases a user supplies.
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/settlement.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// One input case. Columns: case_id, hospital (name or 0-based index), group, total_cost_yuan, and optionally
/// patient_share_yuan (else computed from the benefit rules), los_days (else 0) and scheme (employee|resident).
struct InputCase {
  int line = 0;
  std::string case_id;
  std::string hospital;
  std::string group;
  double total_cost_yuan = 0;
  std::optional<double> patient_share_yuan;
  double los_days = 0;
  Scheme scheme = Scheme::Employee;
};

/// A settled input case.
struct SettledCase {
  InputCase input;
  Settlement settlement;
};

/// Reads and checks a case file (all problems reported with file:line) against the scenario's hospitals and
/// catalogue; returns nothing usable when `errors` grew.
std::vector<InputCase> read_case_file(const std::string& path, const ScenarioConfig& scenario,
                                      config::ErrorList& errors);

/// Settles each case under `method`; a case without a patient share gets one from the benefit rules as the
/// patient's first admission of the year.
std::vector<SettledCase> settle_cases(const std::vector<InputCase>& cases, const ScenarioConfig& scenario,
                                      PaymentMethod method);

/// How DIP cases are valued: at the provisional point value, an explicit one, or cleared against the year's
/// total points (given, or the file's own cases as the whole year) under the scenario's annual budget.
struct DipValuation {
  std::optional<double> point_value_yuan;
  std::optional<double> total_points;
  bool clear_with_file_points = false;
};

/// Settles under DIP with the valuation; throws std::invalid_argument when it cannot be applied.
std::vector<SettledCase> settle_cases_dip(const std::vector<InputCase>& cases, const ScenarioConfig& scenario,
                                          const DipValuation& valuation);

/// The output CSV: the input columns plus settlement_type, standard_yuan, settlement_yuan, fund_payment_yuan,
/// patient_share_yuan (amounts to the fen); with `dip_columns` also points, coefficient and point_value_yuan.
std::string settled_cases_csv(const std::vector<SettledCase>& cases, bool dip_columns = false);

}  // namespace reformsim::agents
