#pragma once
// One inpatient claim and its settlement (结算) under a payment rule.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace reformsim::agents {

/// How a case was settled. These are the core types; payment methods may add their own after them
/// (PaymentMethod::settlement_types), numbered in registration order from kCoreSettlementTypes.
enum class SettlementType : std::uint8_t {
  Normal,
  HighMultiple,
  LowMultiple,
  Qy,
  LongStay,
  Ffs,
  SpecialCase,
  NewTechnology
};
inline constexpr int kCoreSettlementTypes = 8;
/// Core types and every registered method's own: the length of the settlement_type output axis.
int settlement_type_count();
/// Their names, in axis order.
const std::vector<std::string>& settlement_type_names();
/// The lower-case name used in CSV files and outputs ("high_multiple", …).
const std::string& settlement_type_name(SettlementType t);
/// The type named `name` (a core type or a registered method's); std::logic_error when there is none.
SettlementType settlement_type_named(const std::string& name);

/// What the payer knows of a discharged case when it settles it.
struct Claim {
  std::size_t group = 0;          ///< catalogue group id as coded
  int tier = 1;                   ///< hospital tier 1..3
  double total_cost_yuan = 0;     ///< itemised bill
  double patient_share_yuan = 0;  ///< from the benefit rules on the itemised bill
  double los_days = 0;
  bool special_case_allowed = false;  ///< the hospital still has special-case review quota this year
};

/// The result of settling one claim. The hospital receives fund_payment + patient_share.
struct Settlement {
  SettlementType type = SettlementType::Ffs;
  double standard_yuan = 0;      ///< group payment standard (0 under FFS)
  double settlement_yuan = 0;    ///< what the case is worth under the rule
  double fund_payment_yuan = 0;  ///< settlement − patient share, never below zero
  double patient_share_yuan = 0;
  double points = 0;            ///< DIP points of the case (0 under FFS and DRG)
  double coefficient = 0;       ///< DIP level × special coefficient applied to the points
  double point_value_yuan = 0;  ///< DIP point value the settlement used
};

}  // namespace reformsim::agents
