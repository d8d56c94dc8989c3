#include "agents/supervision/ward_round.hpp"

namespace reformsim::agents {

WardRoundVerdict judge_ward_round(int present, int registered, double previous_share, const WardRoundConfig& config) {
  WardRoundVerdict v;
  if (registered <= 0) return v;
  v.present_share = static_cast<double>(present) / registered;
  v.institution_flagged = v.present_share < config.institution_flag_below;
  v.leaders_interviewed = v.present_share < config.interview_one_below ||
                          (v.present_share < config.interview_two_below && previous_share < config.interview_two_below);
  return v;
}

bool patient_flagged(int absent, int checks, const WardRoundConfig& config) {
  if (absent <= 0 || checks <= 0) return false;
  return absent >= 2 || static_cast<double>(absent) / checks > config.patient_absent_share_above;
}

double phantom_bed_deduction_yuan(double bill_yuan, double los_days, int earlier_flags_this_year) {
  if (earlier_flags_this_year == 0) return los_days > 0 ? bill_yuan / los_days : bill_yuan;
  return bill_yuan;
}

}  // namespace reformsim::agents
