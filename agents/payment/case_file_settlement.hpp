#pragma once
// Settling a CSV file of given inpatient cases under a scenario's rules (`reformsim settle`): the same benefit and
// payment code the simulation uses, applied to cases a user supplies.
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/claim_file.hpp"
#include "agents/payment/payment_rule.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// The layout of a case file: case_id, hospital, group, total_cost_yuan (+ patient_share_yuan, los_days, scheme).
const ClaimFileLayout& case_file_layout();

/// A settled input case.
struct SettledCase {
  ClaimRow input;
  Settlement settlement;
};

/// Settles each case under `rule`; a case without a patient share gets one from the benefit rules as the patient's
/// first admission of the year.
std::vector<SettledCase> settle_cases(const std::vector<ClaimRow>& cases, const ScenarioConfig& scenario,
                                      const PaymentRule& rule);

/// How cases paid in points are valued: at the rule's provisional point value, an explicit one, or cleared against
/// the year's total points (given, or the file's own cases as the whole year) under the rule's pot.
struct PointValuation {
  std::optional<double> point_value_yuan;
  std::optional<double> total_points;
  bool clear_with_file_points = false;
  bool given() const { return point_value_yuan || total_points || clear_with_file_points; }
};

/// Settles under `rule` (PaymentRule::pays_points) with the valuation; throws std::invalid_argument when it cannot
/// be applied.
std::vector<SettledCase> settle_cases_valued(const std::vector<ClaimRow>& cases, const ScenarioConfig& scenario,
                                             const PaymentRule& rule, const PointValuation& valuation);

/// The output CSV: the input columns plus settlement_type, standard_yuan, settlement_yuan, fund_payment_yuan,
/// patient_share_yuan (amounts to the fen); with `point_columns` also points, coefficient and point_value_yuan.
std::string settled_cases_csv(const std::vector<SettledCase>& cases, bool point_columns = false);

}  // namespace reformsim::agents
