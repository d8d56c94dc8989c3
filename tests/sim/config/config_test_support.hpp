#pragma once
// Temporary files for the config tests.
#include "tests/support/temp_dir.hpp"

namespace reformsim::config::testing {
using reformsim::testing::TempDir;
}  // namespace reformsim::config::testing
