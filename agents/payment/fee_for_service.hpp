#pragma once
// Fee-for-service (按项目付费): a case is worth its itemised bill. No parameters of its own.
#include "agents/payment/payment_method.hpp"

namespace reformsim::agents {

/// FFS: settlement = itemised bill.
class FfsRule final : public PaymentRule {
 public:
  Settlement settle(const Claim& claim) const override;
  bool bundles() const override { return false; }
};

/// The registered method "ffs".
const PaymentMethod& fee_for_service_method();

}  // namespace reformsim::agents
