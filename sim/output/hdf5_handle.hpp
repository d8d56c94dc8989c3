#pragma once
// Internal to reformsim_output (includes hdf5.h, whose include path is private to the library): an owning
// HDF5 identifier that is released at scope exit, so no error path leaks a file, dataset or property list.
#include <hdf5.h>

#include <utility>

namespace reformsim::output {

/// Owns one HDF5 identifier of any kind (file, group, dataset, space, type, property list, attribute).
class Hdf5Handle {
 public:
  /// Takes ownership of `id` (a negative id means "none").
  explicit Hdf5Handle(hid_t id = H5I_INVALID_HID) noexcept : id_(id) {}
  Hdf5Handle(const Hdf5Handle&) = delete;
  Hdf5Handle& operator=(const Hdf5Handle&) = delete;
  /// Transfers ownership; `other` is left empty.
  Hdf5Handle(Hdf5Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  /// Releases the current id and takes over `other`'s.
  Hdf5Handle& operator=(Hdf5Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  /// Releases the id.
  ~Hdf5Handle() { reset(); }

  /// The identifier, for passing to HDF5 calls.
  hid_t get() const noexcept { return id_; }
  /// Gives up ownership without closing.
  hid_t release() noexcept { return std::exchange(id_, H5I_INVALID_HID); }
  /// Closes the id (drops this reference) now.
  void reset() noexcept {
    if (id_ >= 0) H5Idec_ref(id_);
    id_ = H5I_INVALID_HID;
  }

 private:
  hid_t id_;
};

}  // namespace reformsim::output
