#pragma once
// Named dimensions for the datasets of a file being written: HDF5 dimension scales (H5DS, the convention netCDF-4
// builds on), attached when the file is committed, so that netCDF readers, xarray and R see labelled axes
// (run, month, hospital, ...) instead of anonymous ones.
#include <hdf5.h>

#include <string>
#include <vector>

namespace reformsim::output {

/// A dataset and the names of the dimension scales of its axes (DatasetInfo::dims).
struct DimensionRequest {
  std::string dataset;
  std::vector<std::string> dims;
};

/// Attaches each request's scales. A name equal to a 1-D dataset's own name makes it a coordinate (a scale of
/// itself). Otherwise the scale is the 1-D dataset of that name in the dataset's group or its nearest parent
/// holding one; where there is none, an int64 index 0..n-1 of that name is created in the dataset's group. Throws
/// OutputError when the ranks or lengths disagree.
void attach_dimension_scales(hid_t file, const std::string& file_name, const std::vector<DimensionRequest>& requests,
                             hid_t link_create);

/// Detaches every dataset at or under `path` from the scales its axes are attached to, so that removing `path`
/// leaves no scale referring to a dataset that no longer exists. Throws OutputError, changing nothing, when a scale
/// at or under `path` labels a dataset outside it (removing it would leave that dataset's axis dangling).
void detach_dimension_scales(hid_t file, const std::string& file_name, const std::string& path);

}  // namespace reformsim::output
