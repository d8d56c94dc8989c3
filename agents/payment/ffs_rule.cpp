#include "agents/payment/ffs_rule.hpp"

namespace reformsim::agents {

Settlement FfsRule::settle(const Claim& claim) const {
  Settlement s;
  s.type = SettlementType::Ffs;
  s.settlement_yuan = claim.total_cost_yuan;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

}  // namespace reformsim::agents
