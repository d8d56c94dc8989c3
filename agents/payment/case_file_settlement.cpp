#include "agents/payment/case_file_settlement.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "sim/config/csv_write.hpp"

namespace reformsim::agents {

const ClaimFileLayout& case_file_layout() {
  static const ClaimFileLayout layout{"case_id", {{"group", "total_cost_yuan"}}, false};
  return layout;
}

std::vector<SettledCase> settle_cases(const std::vector<ClaimRow>& cases, const ScenarioConfig& scenario,
                                      const PaymentRule& rule) {
  std::vector<SettledCase> out;
  for (const ClaimRow& c : cases) out.push_back({c, rule.settle(claim_of(c, 0, scenario))});
  return out;
}

std::vector<SettledCase> settle_cases_valued(const std::vector<ClaimRow>& cases, const ScenarioConfig& scenario,
                                             const PaymentRule& rule, const PointValuation& valuation) {
  if (!valuation.given()) return settle_cases(cases, scenario, rule);
  if (!rule.pays_points()) throw std::invalid_argument("the rule pays no claim in points");
  double point_value = 0;
  if (valuation.point_value_yuan) {
    point_value = *valuation.point_value_yuan;
  } else {
    double total = valuation.total_points.value_or(0.0);
    if (!valuation.total_points) {
      for (const ClaimRow& c : cases) {
        const Settlement s = rule.settle(claim_of(c, 0, scenario));
        total += s.points * s.coefficient;
      }
    }
    if (!(total > 0)) throw std::invalid_argument("the year's total points must be > 0");
    const std::optional<double> cleared = rule.cleared_point_value(total);
    if (!cleared) throw std::invalid_argument("clearing needs payment.dip.annual_budget_yuan");
    point_value = *cleared;
  }
  return settle_cases(cases, scenario, *rule.valued_at(point_value));
}

std::string settled_cases_csv(const std::vector<SettledCase>& cases, bool point_columns) {
  std::ostringstream out;
  out << "case_id,hospital,group,total_cost_yuan,los_days,settlement_type,standard_yuan,settlement_yuan,"
         "fund_payment_yuan,patient_share_yuan"
      << (point_columns ? ",points,coefficient,point_value_yuan\n" : "\n");
  for (const SettledCase& c : cases) {
    std::ostringstream los;
    los << c.input.los_days;
    out << config::csv_field(c.input.id) << ',' << config::csv_field(c.input.hospital) << ','
        << config::csv_field(c.input.sides.front().group) << ',' << config::fixed2(c.input.sides.front().cost_yuan)
        << ',' << los.str() << ',' << settlement_type_name(c.settlement.type) << ','
        << config::fixed2(c.settlement.standard_yuan) << ',' << config::fixed2(c.settlement.settlement_yuan) << ','
        << config::fixed2(c.settlement.fund_payment_yuan) << ',' << config::fixed2(c.settlement.patient_share_yuan);
    if (point_columns) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, ",%.4f,%.4f,%.6f", c.settlement.points, c.settlement.coefficient,
                    c.settlement.point_value_yuan);
      out << buffer;
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace reformsim::agents
