#include "agents/payment/payment_cycle.hpp"

#include "agents/payment/payment_registry.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

PaymentCycle::PaymentCycle(RunContext& run, FundBooks& books) : run_(run), books_(books) {
  for (int y = 0; y < run.scenario.horizon_years; ++y) rules_.push_back(rule_for(y));
  rule_ = rules_.front().get();
}

std::unique_ptr<PaymentRule> PaymentCycle::rule_for(int year) const {
  // After its special period a new technology is folded in: its group's weight follows the group's new cost level.
  return make_payment_rule(run_.scenario.payment.method_in_year(year), run_.scenario, year,
                           run_.years[static_cast<std::size_t>(year)].group_cost_factor);
}

void PaymentCycle::on_warmup_year_end() {
  rules_.front() = rule_for(0);
  rule_ = rules_.front().get();
}

void PaymentCycle::on_year_start(int year, sim::Simulation&) { rule_ = rules_[static_cast<std::size_t>(year)].get(); }

void PaymentCycle::on_month_end(std::size_t month, double) {
  PaymentPeriod period{static_cast<int>(month) / sim::Calendar::kMonthsPerYear, month, run_, books_};
  rule_->on_month_end(period);
}

void PaymentCycle::on_year_end(int year, double) {
  PaymentPeriod period{year, static_cast<std::size_t>(year * sim::Calendar::kMonthsPerYear + 11), run_, books_};
  rule_->close_year(period);
}

}  // namespace reformsim::agents
