#include "agents/payment/fee_for_service.hpp"

namespace reformsim::agents {

namespace {

class FeeForService final : public PaymentMethod {
 public:
  std::string name() const override { return "ffs"; }
  std::string description() const override { return "fee-for-service (按项目付费): every case paid its itemised bill"; }
  std::unique_ptr<PaymentRule> rule(const ScenarioConfig&, int, const std::vector<double>&) const override {
    return std::make_unique<FfsRule>();
  }
};

}  // namespace

Settlement FfsRule::settle(const Claim& claim) const {
  Settlement s;
  s.type = SettlementType::Ffs;
  s.settlement_yuan = claim.total_cost_yuan;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

const PaymentMethod& fee_for_service_method() {
  static const FeeForService method;
  return method;
}

}  // namespace reformsim::agents
