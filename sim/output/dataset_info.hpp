#pragma once
// What every dataset in an output file says about itself: stored as the `units`, `description` and CF `long_name`
// string attributes, and its axes as HDF5 dimension scales (what netCDF-4, xarray and R read as named dimensions),
// so h5py, xarray and R users need no code of ours to read a file.
#include <string>
#include <utility>
#include <vector>

namespace reformsim::output {

/// Units, one-line description and dimension names of a dataset; the attributes are always written.
struct DatasetInfo {
  DatasetInfo(std::string units = {}, std::string description = {}, std::vector<std::string> dims = {})
      : units(std::move(units)), description(std::move(description)), dims(std::move(dims)) {}

  std::string units;        ///< e.g. "yuan", "days"; empty for dimensionless values and labels
  std::string description;  ///< one line saying what a value is
  /// One name per axis, each the name of the dimension scale labelling it: a 1-D dataset of that name in the
  /// dataset's group or the nearest parent group holding one (netCDF-4's rule), or else an index 0..n-1 the writer
  /// creates in the dataset's group. Empty: a 1-D fixed dataset is a coordinate (its own dimension); another
  /// dataset gets no dimension scales.
  std::vector<std::string> dims;
};

}  // namespace reformsim::output
