#include "agents/payment/payment_cycle.hpp"

#include <string>

#include "agents/payment/payment_registry.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

PaymentCycle::PaymentCycle(RunContext& run, FundBooks& books) : run_(run), books_(books) {
  for (int y = 0; y < run.scenario.horizon_years; ++y) years_.push_back(rules_for(y));
}

PaymentCycle::YearRules PaymentCycle::rules_for(int year) const {
  const ScenarioConfig& s = run_.scenario;
  YearRules out;
  std::vector<std::string> methods;
  for (std::size_t h = 0; h < s.hospitals.size(); ++h) {
    const std::string& method = s.payment.method_in_year(year, h);
    std::size_t k = 0;
    while (k < methods.size() && methods[k] != method) ++k;
    if (k == methods.size()) {
      methods.push_back(method);
      // After its special period a new technology is folded in: its group's weight follows its new cost level.
      out.rules.push_back(
          make_payment_rule(method, s, year, run_.years[static_cast<std::size_t>(year)].group_cost_factor));
      out.paid_by.emplace_back();
    }
    out.paid_by[k].push_back(h);
    out.of_hospital.push_back(out.rules[k].get());
  }
  return out;
}

bool PaymentCycle::any_rule_has_own_pot() const {
  for (const auto& rule : year().rules) {
    if (rule->has_own_pot()) return true;
  }
  return false;
}

void PaymentCycle::on_warmup_year_end() { years_.front() = rules_for(0); }

void PaymentCycle::on_year_start(int year, sim::Simulation&) {
  current_ = year;
  for (std::size_t h = 0; h < run_.hospitals(); ++h) {
    run_.metrics.hospital_years[h][static_cast<std::size_t>(year)].bundled_payment = rule(h).bundles() ? 1 : 0;
  }
}

void PaymentCycle::on_month_end(std::size_t month, double) {
  const YearRules& y = year();
  for (std::size_t k = 0; k < y.rules.size(); ++k) {
    PaymentPeriod period{static_cast<int>(month) / sim::Calendar::kMonthsPerYear, month, run_, books_, y.paid_by[k]};
    y.rules[k]->on_month_end(period);
  }
}

void PaymentCycle::on_year_end(int year, double) {
  const YearRules& y = this->year();
  for (std::size_t k = 0; k < y.rules.size(); ++k) {
    PaymentPeriod period{year, static_cast<std::size_t>(year * sim::Calendar::kMonthsPerYear + 11), run_, books_,
                         y.paid_by[k]};
    y.rules[k]->close_year(period);
  }
}

}  // namespace reformsim::agents
