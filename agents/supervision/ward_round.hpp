#pragma once
// Phantom-bed ward rounds (Xian'an rule): at an unannounced check the institution is flagged when
// fewer than 70% of its inpatients are present; its leaders are interviewed when fewer than 50% are present at one
// check or fewer than 60% at two consecutive checks. A patient is flagged when absent at two checks or absent at
// more than 30% of them (the third criterion, absence without leave papers, needs papers the model does not have).
#include "agents/supervision/supervision_config.hpp"

namespace reformsim::agents {

/// The outcome of one round at one hospital.
struct WardRoundVerdict {
  double present_share = 1;  ///< present ÷ registered inpatients (1 when the ward is empty)
  bool institution_flagged = false;
  bool leaders_interviewed = false;
};

/// Judges a round with `present` of `registered` inpatients found; `previous_share` is the last round's share.
WardRoundVerdict judge_ward_round(int present, int registered, double previous_share, const WardRoundConfig& config);

/// True when a patient absent at `absent` of `checks` rounds is flagged (absent at two, or above the share).
bool patient_flagged(int absent, int checks, const WardRoundConfig& config);

/// The deduction for a flagged patient (Xian'an): the admission's daily average cost the first time a hospital is
/// caught in the year, the whole admission from the second time on.
double phantom_bed_deduction_yuan(double bill_yuan, double los_days, int earlier_flags_this_year);

}  // namespace reformsim::agents
