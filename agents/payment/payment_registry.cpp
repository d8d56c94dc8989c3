// The registry of payment methods: adding one is its file pair and one line in the list below.
#include "agents/payment/payment_registry.hpp"

#include <stdexcept>

#include "agents/payment/dip.hpp"
#include "agents/payment/drg.hpp"
#include "agents/payment/fee_for_service.hpp"
#include "agents/payment/per_diem.hpp"

namespace reformsim::agents {

const std::vector<const PaymentMethod*>& payment_methods() {
  static const std::vector<const PaymentMethod*> methods = {
      &fee_for_service_method(),
      &drg_method(),
      &dip_method(),
      &per_diem_method(),
  };
  return methods;
}

const PaymentMethod* find_payment_method(std::string_view name) {
  for (const PaymentMethod* m : payment_methods()) {
    if (m->name() == name) return m;
  }
  return nullptr;
}

const PaymentMethod& payment_method(std::string_view name) {
  const PaymentMethod* m = find_payment_method(name);
  if (!m) throw std::logic_error("no payment method is registered as '" + std::string(name) + "'");
  return *m;
}

std::vector<std::string> payment_method_names() {
  std::vector<std::string> names;
  for (const PaymentMethod* m : payment_methods()) names.push_back(m->name());
  return names;
}

std::string payment_method_list(const std::string& separator) {
  std::string out;
  for (const PaymentMethod* m : payment_methods()) {
    if (!out.empty()) out += separator;
    out += m->name() + " — " + m->description();
  }
  return out;
}

std::unique_ptr<PaymentRule> make_payment_rule(std::string_view name, const ScenarioConfig& scenario, int year_index,
                                               const std::vector<double>& cost_factor) {
  return payment_method(name).rule(scenario, year_index, cost_factor);
}

double fund_payment_for(double settlement_yuan, double patient_share_yuan) {
  return std::max(0.0, settlement_yuan - patient_share_yuan);
}

}  // namespace reformsim::agents
