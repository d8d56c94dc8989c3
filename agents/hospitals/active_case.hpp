#pragma once
// A case in a bed, the admissions waiting for one, and what a stay is to provider behaviour. The stay and bill are
// as they will be claimed; the true ones differ only for phantom beds.
#include <cstdint>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// What a stay is (set at admission; provider behaviour makes the non-ordinary kinds).
namespace stay_kind {
inline constexpr std::uint8_t kOrdinary = 0;
inline constexpr std::uint8_t kSplitFirst = 1;  ///< discharged early; the second stay follows
inline constexpr std::uint8_t kSplitSecond = 2;
inline constexpr std::uint8_t kLowIndication = 3;
inline constexpr std::uint8_t kPhantom = 4;  ///< the bed keeps billing after the patient has left
}  // namespace stay_kind

/// An admission waiting for a bed; everything about the case was drawn at onset.
struct PendingAdmission {
  static constexpr std::uint32_t kRotation = 0xFFFFFFFF;  ///< no doctor named: the next in rotation
  /// Sets the patient and their scheme and region as they are now.
  template <class People>
  void set_patient(std::uint32_t p, const People& people) {
    person = p;
    scheme = static_cast<std::uint8_t>(people.scheme(p));
    region = static_cast<std::uint8_t>(people.region(p));
  }
  std::uint32_t person = 0;
  std::uint32_t onset = 0;  ///< city-wide onset index (random stream entity)
  std::uint32_t group = 0;
  float los_days = 0;
  float bill_yuan = 0;
  double arrival_days = 0;
  std::uint8_t stay_kind = stay_kind::kOrdinary;
  std::uint32_t split_record = 0;    ///< second stays: index of the split's record
  std::uint32_t doctor = kRotation;  ///< second stays: the splitting doctor answers for them
  float outpatient_fund_yuan = 0;    ///< low-indication admissions: fund cost of the visit they replaced
  float ratio_adjustment = 0;        ///< gatekeeping: reimbursement bonus (referred) or penalty (bypass)
  /// the patient's scheme and region at onset: the stay is billed to them even if the person later changes scheme
  std::uint8_t scheme = 0;
  std::uint8_t region = 0;
};

/// A case in a bed.
struct ActiveCase {
  Scheme patient_scheme() const { return static_cast<Scheme>(scheme); }
  static constexpr std::uint32_t kFreeSlot = 0xFFFFFFFF;
  std::uint32_t person = 0;
  std::uint32_t group = 0;
  std::uint32_t hospital = 0;  ///< kFreeSlot once discharged
  std::uint32_t doctor = 0;
  float los_days = 0;
  float bill_yuan = 0;
  float true_los_days = 0;
  float true_bill_yuan = 0;
  float phantom_from_days = 0;     ///< phantom beds: the patient is gone from this time on
  float outpatient_fund_yuan = 0;  ///< low-indication admissions: fund cost of the visit they replaced
  float planned_gain_yuan = 0;     ///< admission-time violations: the hospital's expected gain
  float ratio_adjustment = 0;      ///< gatekeeping: reimbursement bonus (referred) or penalty (bypass)
  std::uint64_t entity = 0;        ///< random-stream entity of the case's behavioural and supervision draws
  std::uint32_t split_record = 0;
  std::uint8_t stay_kind = stay_kind::kOrdinary;
  std::uint8_t ward_checks = 0, ward_absences = 0;
  std::uint8_t scheme = 0, region = 0;  ///< the patient's at onset (as PendingAdmission)
  bool readmission_flagged = false;
};

}  // namespace reformsim::agents
