#pragma once
// Reading back what Hdf5Writer wrote (for `reformsim merge`): strings, 64-bit integers and rows of doubles by
// dataset path. Every failure throws InputFileError naming the file, the dataset and the reason; HDF5 prints
// nothing itself. Not thread-safe.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace reformsim::output {

/// A results file that cannot be read as one (missing, not HDF5, missing dataset, wrong type).
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A read-only HDF5 file.
class Hdf5Reader {
 public:
  /// Opens `path` read-only; throws InputFileError when it is missing or not an HDF5 file.
  explicit Hdf5Reader(const std::string& path);
  ~Hdf5Reader();
  Hdf5Reader(Hdf5Reader&&) noexcept;
  Hdf5Reader(const Hdf5Reader&) = delete;
  Hdf5Reader& operator=(const Hdf5Reader&) = delete;

  /// Whether a dataset (or group) exists at `path`.
  bool exists(const std::string& path) const;
  /// Names of the objects stored in the group at `path` (hard links; soft links, other names of objects stored
  /// elsewhere, are left out), in name order (empty when there is no such group).
  std::vector<std::string> children(const std::string& path) const;
  /// Shape of the dataset at `path`.
  std::vector<std::size_t> dims(const std::string& path) const;
  /// A 1-D dataset of strings (variable- or fixed-length).
  std::vector<std::string> strings(const std::string& path) const;
  /// Every value of an integer dataset, row-major.
  std::vector<std::int64_t> int64s(const std::string& path) const;
  /// A string attribute of the object at `path` (as the writer stores `units`); nothing when it has none.
  std::optional<std::string> string_attribute(const std::string& path, const std::string& name) const;
  /// Rows [first, first + count) of a numeric dataset of rank ≥ 1 as doubles, row-major; an integer dataset's
  /// `_FillValue` (a count a run did not produce) reads as NaN.
  std::vector<double> double_rows(const std::string& path, std::size_t first, std::size_t count) const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reformsim::output
