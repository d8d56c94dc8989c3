#pragma once
// Failures of writing an output file. The message names the file, the object (dataset, group or attribute)
// and the reason, e.g. `cannot create dataset '/monthly/balance_yuan' in 'out.h5.partial': name already exists`.
#include <stdexcept>

namespace reformsim::output {

/// An output file could not be created, written or completed.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace reformsim::output
