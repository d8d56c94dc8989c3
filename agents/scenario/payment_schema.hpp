#pragma once
// Declarations of the `payment:` section: method and switches, DRG, DIP and the global budget.
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// The declaration tree of `payment:`.
config::SpecPtr payment_spec();

}  // namespace reformsim::agents
