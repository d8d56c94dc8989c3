#include "agents/payment/settlement.hpp"

namespace reformsim::agents {

const char* settlement_type_name(SettlementType t) {
  switch (t) {
    case SettlementType::Normal:
      return "normal";
    case SettlementType::HighMultiple:
      return "high_multiple";
    case SettlementType::LowMultiple:
      return "low_multiple";
    case SettlementType::Qy:
      return "qy";
    case SettlementType::LongStay:
      return "long_stay";
    case SettlementType::SpecialCase:
      return "special_case";
    case SettlementType::NewTechnology:
      return "new_technology";
    case SettlementType::Ffs:
      return "ffs";
  }
  return "unknown";
}

}  // namespace reformsim::agents
