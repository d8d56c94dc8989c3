#pragma once
// What every dataset in an output file says about itself: stored as the `units` and
// `description` string attributes, so h5py/pandas users need no code of ours to read a file.
#include <string>

namespace reformsim::output {

/// Units and one-line description stored on every dataset; both attributes are always written.
struct DatasetInfo {
  std::string units;        ///< e.g. "yuan", "days"; empty for dimensionless values and labels
  std::string description;  ///< one line saying what a value is
};

}  // namespace reformsim::output
