#pragma once
// Declarations of the `drugs:` table and the `procurement:` section (DOMAIN.md §5).
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// The declaration tree of one entry of `drugs:`.
config::SpecPtr drug_spec();
/// The declaration tree of `procurement:`.
config::SpecPtr procurement_spec();

}  // namespace reformsim::agents
