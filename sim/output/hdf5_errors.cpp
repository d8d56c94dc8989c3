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

struct Reasons {
  std::string innermost;  // the description where the error was detected
  std::string system;     // the operating system's message, when HDF5 quotes one
};

// HDF5 reports a failed system call as "..., errno = 28, error message = 'No space left on device', flags = ...":
// the quoted message is what a user needs, the rest is the library's internals.
herr_t collect(unsigned n, const H5E_error2_t* error, void* data) {
  auto& reasons = *static_cast<Reasons*>(data);
  if (error->desc == nullptr) return 0;
  const std::string desc = error->desc;
  if (n == 0) reasons.innermost = desc;
  const std::string tag = "error message = '";
  if (const std::size_t at = desc.find(tag); at != std::string::npos && reasons.system.empty()) {
    const std::size_t begin = at + tag.size();
    const std::size_t end = desc.find('\'', begin);
    if (end != std::string::npos) reasons.system = desc.substr(begin, end - begin);
  }
  return 0;
}

}  // namespace

std::string hdf5_error_reason() {
  Reasons reasons;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, collect, &reasons);
  std::string reason = reasons.system.empty() ? reasons.innermost : reasons.system;
  // Internals such as "name = '...', tent_flags = 13" follow a comma; the sentence before them is the reason.
  if (const std::size_t comma = reason.find(", ");
      reasons.system.empty() && comma != std::string::npos && reason.find(" = ", comma) != std::string::npos)
    reason.resize(comma);
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
