#include "sim/output/hdf5_errors.hpp"

#include <algorithm>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

QuietHdf5Errors::QuietHdf5Errors() noexcept {
  if (H5Eget_auto2(H5E_DEFAULT, &previous_function_, &previous_data_) < 0) {
    previous_function_ = nullptr;
    previous_data_ = nullptr;
  }
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietHdf5Errors::~QuietHdf5Errors() { H5Eset_auto2(H5E_DEFAULT, previous_function_, previous_data_); }

namespace {

// Keeps the first entry of an upward walk: the function where the error was detected.
herr_t keep_innermost(unsigned n, const H5E_error2_t* error, void* reason) {
  if (n == 0 && error->desc != nullptr) *static_cast<std::string*>(reason) = error->desc;
  return 0;
}

}  // namespace

std::string hdf5_error_reason() {
  std::string reason;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &reason);
  std::replace(reason.begin(), reason.end(), '\n', ' ');
  return reason.empty() ? "unknown HDF5 error" : reason;
}

void throw_hdf5_error(const std::string& file, std::string_view action, const std::string& object) {
  throw OutputError("cannot " + std::string(action) + " '" + object + "' in '" + file + "': " + hdf5_error_reason());
}

void throw_hdf5_file_error(std::string_view action, const std::string& file) {
  throw OutputError("cannot " + std::string(action) + " '" + file + "': " + hdf5_error_reason());
}

}  // namespace reformsim::output
