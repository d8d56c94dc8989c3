#pragma once
// Paths into the source tree, for tests that read shipped files.
#include <string>

namespace reformsim::testing {

/// Absolute path of a file in the source tree.
inline std::string source_path(const std::string& relative) {
  return std::string(REFORMSIM_SOURCE_DIR) + "/" + relative;
}

}  // namespace reformsim::testing
