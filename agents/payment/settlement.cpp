#include "agents/payment/settlement.hpp"

#include <stdexcept>
#include <vector>

#include "agents/payment/payment_registry.hpp"

namespace reformsim::agents {

// The core names in enum order, then each registered method's own types in registration order.
const std::vector<std::string>& settlement_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {"normal",    "high_multiple", "low_multiple", "qy",
                                    "long_stay", "ffs",           "special_case", "new_technology"};
    for (const PaymentMethod* m : payment_methods()) {
      for (std::string& t : m->settlement_types()) out.push_back(std::move(t));
    }
    return out;
  }();
  return names;
}

int settlement_type_count() { return static_cast<int>(settlement_type_names().size()); }

const std::string& settlement_type_name(SettlementType t) {
  const auto i = static_cast<std::size_t>(t);
  if (i >= settlement_type_names().size())
    throw std::logic_error("settlement type " + std::to_string(i) + " is not declared");
  return settlement_type_names()[i];
}

SettlementType settlement_type_named(const std::string& name) {
  const std::vector<std::string>& names = settlement_type_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<SettlementType>(i);
  }
  throw std::logic_error("no settlement type is named '" + name + "'");
}

}  // namespace reformsim::agents
