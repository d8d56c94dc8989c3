#pragma once
// Declarations of the `behaviour:` (DOMAIN.md §6) and `supervision:` (§7) sections.
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// The declaration tree of `behaviour:`.
config::SpecPtr behaviour_spec();
/// The declaration tree of `supervision:`.
config::SpecPtr supervision_spec();

}  // namespace reformsim::agents
