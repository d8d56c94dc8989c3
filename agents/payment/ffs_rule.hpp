#pragma once
// Fee-for-service (按项目付费): the case is worth its itemised bill.
#include "agents/payment/payment_rule.hpp"

namespace reformsim::agents {

/// FFS: settlement = itemised bill.
class FfsRule final : public PaymentRule {
 public:
  Settlement settle(const Claim& claim) const override;
  const char* name() const override { return "ffs"; }
};

}  // namespace reformsim::agents
