#pragma once
// Internal to reformsim_output (includes hdf5.h): HDF5 failures as OutputError exceptions. The library's
// automatic error-stack printing is switched off for the duration of each writer call (the setting is per
// thread in a thread-safe HDF5 build, so it is set where the call runs and restored afterwards rather than
// changed once for the whole process); the message takes the innermost, most specific entry of the stack.
#include <hdf5.h>

#include <string>
#include <string_view>

namespace reformsim::output {

/// Silences HDF5's automatic error printing on this thread until destroyed, then restores the previous handler.
class QuietHdf5Errors {
 public:
  QuietHdf5Errors() noexcept;
  ~QuietHdf5Errors();
  QuietHdf5Errors(const QuietHdf5Errors&) = delete;
  QuietHdf5Errors& operator=(const QuietHdf5Errors&) = delete;

 private:
  H5E_auto2_t previous_function_ = nullptr;
  void* previous_data_ = nullptr;
};

/// The most specific description on the current thread's HDF5 error stack, e.g. "name already exists".
std::string hdf5_error_reason();

/// Throws OutputError "cannot <action> '<object>' in '<file>': <HDF5 reason>".
[[noreturn]] void throw_hdf5_error(const std::string& file, std::string_view action, const std::string& object);

/// Throws OutputError "cannot <action> '<file>': <HDF5 reason>" for failures of the file as a whole.
[[noreturn]] void throw_hdf5_file_error(std::string_view action, const std::string& file);

/// Returns `id`, or throws (see throw_hdf5_error) when it is negative. Builds no string on success.
inline hid_t checked(hid_t id, const std::string& file, std::string_view action, const std::string& object) {
  if (id < 0) throw_hdf5_error(file, action, object);
  return id;
}

/// Throws (see throw_hdf5_error) when an HDF5 call returned a negative status.
inline void check(herr_t status, const std::string& file, std::string_view action, const std::string& object) {
  if (status < 0) throw_hdf5_error(file, action, object);
}

}  // namespace reformsim::output
