#pragma once
// The violation types the model generates — the nine that bureaus name under DRG and the other frauds they list —
// each with its own mechanism (agents/behaviour/) and its own record per case. Order is the output axis order;
// never reorder.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace reformsim::agents {

enum class Violation : std::uint8_t {
  SplitAdmission,              ///< 分解住院: early discharge, readmission within the window, same condition
  RepeatAdmission,             ///< 重复住院: the same, readmitted just past the window under another group
  PatientSelection,            ///< 选择患者: a loss-making (severe) case turned away
  LowIndicationAdmission,      ///< 低指征住院: an outpatient-treatable visit admitted when beds are idle
  UpcodingMainDiagnosis,       ///< 低码高编: main diagnosis upgraded to a heavier ADRG of the same MDC
  UpcodingSecondaryDiagnosis,  ///< 低码高编: false or irrelevant secondary diagnosis → more severe digit
  DowncodingHighMultiple,      ///< 高码低编: coded lighter so the bill passes the high-multiple threshold
  DeliberateAmbiguity,         ///< 有意歧义: unmatched procedure puts an overspending case into the QY group
  ViolatingCharges,            ///< 违规收费: charges added to lift the case across an outlier threshold
  CostShiftingOutpatient,      ///< 转嫁费用: part of the inpatient bill billed as outpatient visits within ±7 days
  CostShiftingSelfPay,         ///< 转嫁费用: part of the inpatient bill charged to the patient outside the claim
  CostShiftingPharmacy,        ///< 转嫁费用: drugs the patient is sent to buy at an outside pharmacy
  PhantomBeds,                 ///< 挂床住院: the patient leaves, the bed keeps billing
};
inline constexpr std::size_t kViolationCount = 13;

/// Snake-case name used in scenarios and outputs ("split_admission", …).
std::string_view violation_name(Violation v);
/// The violation of a name, if any.
std::optional<Violation> violation_from_name(std::string_view name);
/// Every violation, in axis order.
std::array<Violation, kViolationCount> all_violations();

/// One value per violation type.
template <class T>
using PerViolation = std::array<T, kViolationCount>;

inline std::size_t index_of(Violation v) { return static_cast<std::size_t>(v); }

}  // namespace reformsim::agents
