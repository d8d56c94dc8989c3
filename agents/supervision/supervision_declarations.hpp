#pragma once
// Declarations of the `supervision:` section, bound to SupervisionConfig. Every default leaves the detectors off.
#include "agents/supervision/supervision_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// The `supervision:` section.
config::Binding<SupervisionConfig> supervision_binding();
/// Its `ward_rounds:` object.
config::Binding<WardRoundConfig> ward_round_binding();
/// Its `doctor_points:` object.
config::Binding<DoctorPointsConfig> doctor_points_binding();
/// Cross-field rules of the section (thresholds in order); `root` is the validated scenario.
void check_supervision(const config::Node& root, const SupervisionConfig& supervision, config::ErrorList& errors);

}  // namespace reformsim::agents
