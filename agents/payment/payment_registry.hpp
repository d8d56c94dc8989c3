#pragma once
// The registered payment methods, keyed by name: what `payment.method`, `payment.switches[].method`, the sections
// `payment.<name>`, `--method` and the docs accept.
#include <string>
#include <string_view>
#include <vector>

#include "agents/payment/payment_method.hpp"

namespace reformsim::agents {

/// Every method, in registration order (the order of schemas, docs and `--help`).
const std::vector<const PaymentMethod*>& payment_methods();
/// The method named `name`, or nullptr.
const PaymentMethod* find_payment_method(std::string_view name);
/// The method named `name`; std::logic_error when none is (validation refuses unknown names before this).
const PaymentMethod& payment_method(std::string_view name);
/// The registered names, in order.
std::vector<std::string> payment_method_names();
/// "ffs (fee-for-service …), drg (…)": the names with their descriptions, for `--help`.
std::string payment_method_list(const std::string& separator);

}  // namespace reformsim::agents
