#pragma once
// Failures of writing the results file: the path and the reason.
#include <stdexcept>

namespace reformsim::output {

/// An output file could not be created, written or completed.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace reformsim::output
