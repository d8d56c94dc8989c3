#pragma once
// The one declaration of every scenario key: type, unit, range, default and a one-line description.
// Validation, defaults, `reformsim schema` and the README's parameter table all derive from it.
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// Current scenario format version; files may state it as `schema_version`.
inline constexpr int kScenarioSchemaVersion = 1;

/// The declaration tree of a scenario file.
config::SpecPtr scenario_spec();

}  // namespace reformsim::agents
