#include "agents/supervision/doctor_points.hpp"

#include <limits>

namespace reformsim::agents {

PointsOutcome deduct_points(DoctorRecord& doctor, int points, double now, const DoctorPointsConfig& config) {
  if (doctor.terminated || points <= 0) return PointsOutcome::None;
  doctor.points += points;
  if (doctor.points >= config.suspension_at) {
    doctor.points = 0;
    doctor.trained = false;
    doctor.suspensions += 1;
    if (doctor.suspensions >= 3) {
      doctor.terminated = true;
      doctor.suspended_until_days = std::numeric_limits<double>::infinity();
      return PointsOutcome::Termination;
    }
    const bool ban = doctor.suspensions == 2;
    doctor.suspended_until_days = now + (ban ? config.ban_years * 365.0 : config.suspension_months * 365.0 / 12.0);
    return ban ? PointsOutcome::Ban : PointsOutcome::Suspension;
  }
  if (doctor.points >= config.training_at && !doctor.trained) {
    doctor.trained = true;
    return PointsOutcome::Training;
  }
  return PointsOutcome::None;
}

}  // namespace reformsim::agents
