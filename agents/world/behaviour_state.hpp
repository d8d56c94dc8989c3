#pragma once
// The run-time state of provider behaviour and supervision (DOMAIN.md §6–7): each hospital's strategy, its doctors'
// propensities and points, split admissions between their two stays, and the claims waiting for audit.
#include <cstdint>
#include <limits>
#include <vector>

#include "agents/behaviour/gaming.hpp"
#include "agents/behaviour/hospital_strategy.hpp"
#include "agents/supervision/doctor_points.hpp"

namespace reformsim::agents {

/// What a stay is to provider behaviour.
namespace stay_kind {
inline constexpr std::uint8_t kOrdinary = 0;
inline constexpr std::uint8_t kSplitFirst = 1;  ///< discharged early; the second stay follows
inline constexpr std::uint8_t kSplitSecond = 2;
inline constexpr std::uint8_t kLowIndication = 3;
inline constexpr std::uint8_t kPhantom = 4;  ///< the bed keeps billing after the patient has left
}  // namespace stay_kind

/// One doctor: a propensity multiplier drawn once per run (the same in every policy arm) and points.
struct DoctorState {
  double multiplier = 1;
  DoctorRecord record;
};

/// One hospital's strategy and staff.
struct HospitalBehaviour {
  PerViolation<double> multiplier;  ///< the hospital's strategy, reviewed yearly
  double pay_factor = 1;            ///< from last year's performance pay
  std::vector<DoctorState> doctors;
  std::vector<float> intensity;        ///< treatment intensity per catalogue group
  PerViolation<ViolationYear> year{};  ///< this year's gains and penalties by type
  int phantom_flags_this_year = 0;
  double last_round_share = 1;
  bool alerted = false;         ///< CMI grew past the alert threshold last year
  int confirmed_this_year = 0;  ///< confirmed violations since the year (or the last suspension) began
  int suspensions = 0;
  double suspended_until_days = 0;  ///< no fund patients before this day (infinite once terminated)
  bool contracted(double now) const { return now >= suspended_until_days; }
  double previous_cmi = std::numeric_limits<double>::quiet_NaN();
};

/// A split (or repeat) admission between its stays.
struct SplitRecord {
  CaseFacts truth;   ///< the merged stay
  CaseFacts second;  ///< the second stay as it will be claimed
  Violation violation = Violation::SplitAdmission;
  double first_fund_yuan = 0, first_patient_share_yuan = 0, first_points = 0;
  double gap_days = 0;   ///< from the first discharge to the readmission
  double gain_yuan = 0;  ///< revenue of both stays − revenue of the merged stay, as planned
  std::uint64_t entity = 0;
  std::uint32_t person = 0, hospital = 0, doctor = 0;
};

}  // namespace reformsim::agents
