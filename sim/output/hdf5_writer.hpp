#pragma once
// A small HDF5 writer on the C API (kept out of this header): datasets with `units` and `description`
// attributes, row-extendible datasets for results appended run by run, and a file that only appears under its
// final name when commit() succeeds — until then it is `<name>.partial`, deleted if the writer is destroyed.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

/// Units and one-line description stored on every dataset.
struct DatasetInfo {
  std::string units;
  std::string description;
};

/// Writes one HDF5 file.
class Hdf5Writer {
 public:
  /// Creates `final_path + ".partial"` (replacing a stale one); throws OutputError.
  static Hdf5Writer create(const std::string& final_path);
  Hdf5Writer(Hdf5Writer&&) noexcept;
  Hdf5Writer& operator=(Hdf5Writer&&) noexcept;
  /// Without commit(): closes and deletes the temporary file; the final path is never touched.
  ~Hdf5Writer();

  /// Variable-length UTF-8 string attribute on a group or dataset ("/" = root).
  void set_string_attribute(const std::string& object_path, const std::string& name, const std::string& value);
  /// 1-D dataset of strings.
  void write_strings(const std::string& path, const std::vector<std::string>& values, const DatasetInfo& info);
  /// Row-major doubles of shape `dims`.
  void write_doubles(const std::string& path, const std::vector<double>& values, const std::vector<std::size_t>& dims,
                     const DatasetInfo& info);
  void write_int64s(const std::string& path, const std::vector<std::int64_t>& values,
                    const std::vector<std::size_t>& dims, const DatasetInfo& info);

  /// Dataset of shape [0, row_dims...] that grows by one row per append.
  void create_rows_double(const std::string& path, const std::vector<std::size_t>& row_dims, const DatasetInfo& info);
  void create_rows_int64(const std::string& path, const std::vector<std::size_t>& row_dims, const DatasetInfo& info);
  void create_rows_string(const std::string& path, const DatasetInfo& info);
  /// Appends one row (product of row_dims values).
  void append_row_double(const std::string& path, const double* row_values);
  void append_row_int64(const std::string& path, const std::int64_t* row_values);
  void append_row_string(const std::string& path, const std::string& value);
  /// Rows written so far.
  std::size_t rows(const std::string& path) const;
  /// Flushes buffers to disk.
  void flush();
  /// Flushes, closes and renames the file to its final name.
  void commit();

 private:
  struct Impl;
  explicit Hdf5Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reformsim::output
