#pragma once
// The run-time state of provider behaviour: each hospital's strategy (propensity multipliers, the pull of
// performance pay, this year's gains and penalties by violation type), its doctors' own multipliers, and split
// admissions between their two stays.
#include <cstdint>
#include <vector>

#include "agents/behaviour/gaming.hpp"
#include "agents/behaviour/hospital_strategy.hpp"

namespace reformsim::agents {

/// One hospital's strategy and its doctors' propensities.
struct HospitalBehaviour {
  PerViolation<double> multiplier;        ///< the hospital's strategy, reviewed yearly
  double pay_factor = 1;                  ///< from last year's performance pay
  std::vector<double> doctor_multiplier;  ///< per doctor: drawn once per run (the same in every arm), cut when caught
  PerViolation<ViolationYear> year{};     ///< this year's gains and penalties by type
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
  std::uint8_t scheme = 0, region = 0;  ///< the patient's at the first stay's onset
};

}  // namespace reformsim::agents
