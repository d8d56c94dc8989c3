#pragma once
// Declarations of `network:`, `family_doctors:` and `alliances:` (DOMAIN.md §9).
#include "sim/config/schema.hpp"

namespace reformsim::agents {

config::SpecPtr network_spec();
config::SpecPtr family_doctor_spec();
config::SpecPtr alliance_spec();

}  // namespace reformsim::agents
