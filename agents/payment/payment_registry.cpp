// The registry of payment rules: adding a method is one header/source pair and one line here.
#include <algorithm>
#include <functional>
#include <stdexcept>
#include <utility>

#include "agents/payment/dip_rule.hpp"
#include "agents/payment/drg_rule.hpp"
#include "agents/payment/ffs_rule.hpp"

namespace reformsim::agents {

namespace {

using Factory = std::function<std::unique_ptr<PaymentRule>(const ScenarioConfig&, int, const std::vector<double>&)>;

const std::pair<PaymentMethod, Factory> kRegistry[] = {
    {PaymentMethod::FeeForService,
     [](const ScenarioConfig&, int, const std::vector<double>&) { return std::make_unique<FfsRule>(); }},
    {PaymentMethod::Drg,
     [](const ScenarioConfig& s, int year, const std::vector<double>& weights) {
       return std::make_unique<DrgRule>(s.catalogue, s.payment.drg, year, weights);
     }},
    {PaymentMethod::Dip,
     [](const ScenarioConfig& s, int, const std::vector<double>&) { return std::make_unique<DipRule>(s.payment.dip); }},
};

}  // namespace

std::unique_ptr<PaymentRule> make_payment_rule(PaymentMethod method, const ScenarioConfig& scenario) {
  return make_payment_rule(method, scenario, 0, {});
}

std::unique_ptr<PaymentRule> make_payment_rule(PaymentMethod method, const ScenarioConfig& scenario, int year_index,
                                               const std::vector<double>& weight_factor) {
  for (const auto& [m, factory] : kRegistry) {
    if (m == method) return factory(scenario, year_index, weight_factor);
  }
  throw std::logic_error(std::string("no payment rule registered for ") + payment_method_name(method));
}

double fund_payment_for(double settlement_yuan, double patient_share_yuan) {
  return std::max(0.0, settlement_yuan - patient_share_yuan);
}

}  // namespace reformsim::agents
