#pragma once
// A small HDF5 writer (C API, kept out of this header) for the experiment file (docs/output.md): fixed
// datasets, row-extendible datasets whose first dimension is the run index, string attributes, and every
// dataset carrying `units`, `description`, CF's `long_name` (and `_FillValue` NaN for doubles) and, where named,
// dimension scales (netCDF-4 compatible). The file only appears under its final name when commit()
// succeeds; until then it is `<final>.partial`, deleted when an uncommitted writer is destroyed, so neither
// an exception nor a crash leaves a file at the final path that looks complete.
//
// Paths are absolute ("/monthly/balance_yuan"); missing groups on the way are created. Strings are stored as
// variable-length UTF-8 (the caller supplies UTF-8; a NUL byte inside a string is rejected). Doubles are
// stored as IEEE little-endian binary64 and round-trip bit-exactly, NaN payloads included. Every failure
// throws OutputError naming the file, the object path and HDF5's reason; HDF5 prints nothing itself.
// Not thread-safe: one writer is used by one thread at a time.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/output/dataset_info.hpp"
#include "sim/output/file_stamp.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::output {

/// The int64 a count dataset stores where a run has no value (netCDF's default int64 fill, NC_FILL_INT64); readers
/// (Hdf5Reader::double_rows, xarray through `_FillValue`) see NaN.
inline constexpr std::int64_t kCountFill = -9223372036854775806LL;

/// Writes one HDF5 file under a temporary name and publishes it atomically on commit().
class Hdf5Writer {
 public:
  /// Creates `final_path + ".partial"` (truncating a stale one); throws OutputError with the path and reason.
  static Hdf5Writer create(const std::string& final_path);
  /// Copies the finished file `final_path` to `final_path + ".partial"` (under the lock every writer of the name
  /// takes; permissions kept) and opens the copy for writing: commit() replaces the file by the updated copy in one
  /// rename, and without commit() the file is left as it was. With `expected`, refuses (OutputError) unless the
  /// file is still the one stamped when it was read; also refuses a file with other (hard-linked) names. Removed
  /// objects leave free space behind in the file (`h5repack` reclaims it).
  static Hdf5Writer update(const std::string& final_path, const FileStamp* expected = nullptr);
  /// Takes over `other`'s file; `other` can then only be destroyed or assigned to.
  Hdf5Writer(Hdf5Writer&& other) noexcept;
  /// Discards this writer's uncommitted file (as the destructor does), then takes over `other`'s.
  Hdf5Writer& operator=(Hdf5Writer&& other) noexcept;
  Hdf5Writer(const Hdf5Writer&) = delete;
  Hdf5Writer& operator=(const Hdf5Writer&) = delete;
  /// Without commit(): closes and deletes the temporary file; the final path is never touched.
  ~Hdf5Writer();

  /// Sets (or replaces) a UTF-8 string attribute on a group or dataset ("/" = root; a missing group is created).
  void set_string_attribute(const std::string& object_path, const std::string& name, const std::string& value);

  /// Writes a 1-D dataset of variable-length UTF-8 strings.
  void write_strings(const std::string& path, const std::vector<std::string>& values, const DatasetInfo& info);
  /// Writes doubles of shape `dims` (rank ≥ 1, row-major; values.size() must equal the product of dims).
  void write_doubles(const std::string& path, const std::vector<double>& values, const std::vector<std::size_t>& dims,
                     const DatasetInfo& info);
  /// Writes 64-bit integers of shape `dims` (rank ≥ 1, row-major; values.size() must equal the product of dims).
  void write_int64s(const std::string& path, const std::vector<std::int64_t>& values,
                    const std::vector<std::size_t>& dims, const DatasetInfo& info);

  /// The number of rows the create_rows datasets created from now on are expected to reach (default: unknown):
  /// their chunks hold no more rows than that. More rows may still be appended.
  void expect_rows(std::size_t rows);
  /// Creates a chunked, deflated double dataset of shape [0, row_dims...] (NaN fill) that grows one row per append.
  void create_rows_double(const std::string& path, const std::vector<std::size_t>& row_dims, const DatasetInfo& info);
  /// Creates a chunked, deflated int64 dataset of shape [0, row_dims...] that grows one row per append.
  void create_rows_int64(const std::string& path, const std::vector<std::size_t>& row_dims, const DatasetInfo& info);
  /// Creates a chunked, deflated int64 dataset of shape [0, row_dims...] for whole-number counts (cases, visits,
  /// persons) that grows one row per append_row_count; a missing value is stored as kCountFill, its `_FillValue`.
  void create_rows_count(const std::string& path, const std::vector<std::size_t>& row_dims, const DatasetInfo& info);
  /// Creates a chunked 1-D dataset of variable-length UTF-8 strings that grows one row per append.
  void create_rows_string(const std::string& path, const DatasetInfo& info);
  /// Extends a create_rows_double dataset by one row and writes the row's product(row_dims) values into it.
  void append_row_double(const std::string& path, const double* row_values);
  /// Extends a create_rows_int64 dataset by one row and writes the row's product(row_dims) values into it.
  void append_row_int64(const std::string& path, const std::int64_t* row_values);
  /// Extends a create_rows_count dataset by one row: each value a whole number (std::invalid_argument otherwise, a
  /// bug of the caller) or NaN (stored as kCountFill).
  void append_row_count(const std::string& path, const double* row_values);
  /// Extends a create_rows_string dataset by one row holding `value`.
  void append_row_string(const std::string& path, const std::string& value);
  /// Adds `link_path` as another name (an HDF5 soft link) of the object at `target_path`, e.g. a coordinate shared
  /// by several groups; readers that list a group's own datasets skip such links.
  void link(const std::string& link_path, const std::string& target_path);
  /// Removes the dataset or group at `path` (with everything under it), if there is one, first detaching it from
  /// the dimension scales it was attached to.
  void remove(const std::string& path);
  /// Rows appended so far to a row-extendible dataset; throws OutputError for any other path.
  std::size_t rows(const std::string& path) const;

  /// Writes all buffered data and metadata to the operating system (H5Fflush); the file stays open.
  void flush();
  /// Attaches the dimension scales named by each dataset's DatasetInfo::dims (see there; throws OutputError when a
  /// scale's length does not match its axis, leaving no file), then flushes, closes, syncs and renames the file to
  /// its final name; afterwards the writer accepts no writes.
  void commit();

 private:
  struct Impl;
  explicit Hdf5Writer(std::unique_ptr<Impl> impl);
  Impl& open_impl() const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reformsim::output
