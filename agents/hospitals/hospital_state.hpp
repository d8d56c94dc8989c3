#pragma once
// The run-time state of one hospital: beds in use, the queue for a bed and the bed-occupancy integral, its doctors'
// rotation and right to treat fund patients, and its agreement with the fund.
#include <cstdint>
#include <deque>
#include <vector>

#include "agents/hospitals/active_case.hpp"

namespace reformsim::agents {

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
  /// No fund patients before this day (infinite once the agreement is terminated); set by supervision.
  double contracted_from_days = 0;
  /// Per doctor: no fund patients before this day (suspensions, bans, termination); set by supervision.
  std::vector<double> practising_from_days;
  bool has_free_bed() const { return occupied < beds; }
  /// True when the hospital may treat fund patients at `now`.
  bool contracted(double now) const { return now >= contracted_from_days; }
  /// Accumulates the occupancy and queue integrals up to `now`; call before any change of either.
  void advance(double now) {
    occupied_bed_days += occupied * (now - occupancy_since_days);
    queue_patient_days += static_cast<double>(waiting.size()) * (now - occupancy_since_days);
    occupancy_since_days = now;
  }
};

}  // namespace reformsim::agents
