#pragma once
// The run-time state of one hospital: beds in use, the queue for a bed and the bed-occupancy integral.
#include <cstdint>
#include <deque>

namespace reformsim::agents {

/// An admission waiting for a bed; everything about the case was drawn at onset.
struct PendingAdmission {
  std::uint32_t person = 0;
  std::uint32_t onset = 0;  ///< city-wide onset index (random stream entity)
  std::uint32_t group = 0;
  float los_days = 0;
  float bill_yuan = 0;
  double arrival_days = 0;
  /// What the stay is to provider behaviour (agents/world/provider_behaviour.cpp).
  std::uint8_t stay_kind = 0;
  std::uint32_t split_record = 0;  ///< second stays: index of the split's record
  float outpatient_fund_yuan = 0;  ///< low-indication admissions: fund cost of the visit they replaced
  float ratio_adjustment = 0;      ///< gatekeeping: reimbursement bonus (referred) or penalty (bypass)
};

/// Mutable state of one hospital during a run.
struct HospitalState {
  int beds = 0;
  int occupied = 0;
  int doctors = 1;
  std::uint32_t next_doctor = 0;    ///< admissions rotate over the hospital's doctors
  double occupancy_since_days = 0;  ///< time of the last occupancy change
  double occupied_bed_days = 0;     ///< ∫ occupied dt since the last year boundary
  double queue_patient_days = 0;    ///< ∫ queue length dt since the last year boundary
  std::deque<PendingAdmission> waiting;
  bool has_free_bed() const { return occupied < beds; }
  /// Accumulates the occupancy and queue integrals up to `now`; call before any change of either.
  void advance(double now) {
    occupied_bed_days += occupied * (now - occupancy_since_days);
    queue_patient_days += static_cast<double>(waiting.size()) * (now - occupancy_since_days);
    occupancy_since_days = now;
  }
};

}  // namespace reformsim::agents
