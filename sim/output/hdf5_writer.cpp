#include "sim/output/hdf5_writer.hpp"

#include <fcntl.h>
#include <hdf5.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <filesystem>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "sim/output/chunk_shape.hpp"
#include "sim/output/dimension_scales.hpp"
#include "sim/output/file_stamp.hpp"
#include "sim/output/hdf5_attributes.hpp"
#include "sim/output/hdf5_errors.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/output_path.hpp"
#include "sim/output/partial_file.hpp"
#include "sim/output/publish_file.hpp"

namespace reformsim::output {

namespace {

// HDF5's exit handler closes every file the library still holds. A file whose close failed (a full disk) is still
// held and the handler then crashes inside HDF5 1.10, turning a reported output failure into a segmentation fault.
// Every writer closes its own file, so the handler has nothing to do: it is switched off before any other HDF5 call.
[[maybe_unused]] const bool kExitHandlerOff = H5dont_atexit() >= 0;

// kCount: whole numbers stored as int64, appended as doubles, a missing (NaN) value stored as kCountFill.
enum class RowKind { kDouble, kInt64, kCount, kString };

const char* kind_name(RowKind kind) {
  switch (kind) {
    case RowKind::kDouble:
      return "double";
    case RowKind::kInt64:
      return "int64";
    case RowKind::kCount:
      return "count";
    case RowKind::kString:
      return "string";
  }
  return "?";
}

// Bytes one element occupies in a chunk; a variable-length string is a 16-byte reference into the global heap.
std::size_t stored_element_bytes(RowKind kind) { return kind == RowKind::kString ? 16 : 8; }

std::size_t element_count(const std::vector<std::size_t>& dims) {
  std::size_t n = 1;
  for (std::size_t d : dims) n *= d;
  return n;
}

std::string shape_text(const std::vector<std::size_t>& dims) {
  std::string text = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

void require_dataset_path(const std::string& path) {
  if (path.size() < 2 || path.front() != '/' || path.back() == '/') {
    throw OutputError("dataset path must be absolute and end in a name, e.g. '/summary/x': '" + path + "'");
  }
}

void require_no_nul(const std::string& text, const std::string& where) {
  if (text.find('\0') != std::string::npos) {
    throw OutputError("string for '" + where + "' contains a NUL byte, which HDF5 strings cannot hold");
  }
}

}  // namespace

struct Hdf5Writer::Impl {
  // An open row-extendible dataset and what an append needs, so appending is a few HDF5 calls.
  struct RowSet {
    Hdf5Handle dataset;
    Hdf5Handle memory_type;
    Hdf5Handle memory_space;      // [1, row_dims...]
    std::vector<hsize_t> extent;  // [rows, row_dims...]
    std::vector<hsize_t> start;   // [row being written, 0...]
    std::vector<hsize_t> count;   // [1, row_dims...]
    std::size_t row_elements = 0;
    RowKind kind = RowKind::kDouble;
    std::vector<std::int64_t> counts;  // kCount: the row converted for writing
  };

  std::string final_path;
  std::string partial_path;
  Hdf5Handle file;
  Hdf5Handle link_create;  // creates missing intermediate groups; UTF-8 link names
  Hdf5Handle string_type;  // variable-length UTF-8
  // Writes convert through a 64 KiB buffer instead of HDF5's 1 MiB default: every variable-length string write
  // would otherwise allocate and free a megabyte, which the C library hands back to the system and faults in again.
  Hdf5Handle transfer;
  std::unordered_map<std::string, RowSet> row_sets;
  std::vector<DimensionRequest> dimension_requests;  // attached on commit, when every scale has its final length
  bool owns_partial = false;  // set once this writer created the temporary file; only then may it delete it
  int lock_fd = -1;           // holds the exclusive lock on the temporary file from before it is truncated
  bool closed = false;
  bool committed = false;
  bool updating = false;                 // update(): the lock is on a copy of an existing file, not on a new output
  std::size_t expected_rows = SIZE_MAX;  // expect_rows(): the most rows a chunk of a row dataset needs

  ~Impl() {
    QuietHdf5Errors quiet;
    if (!closed) close();
    if (owns_partial && !committed) {
      std::error_code ignored;
      std::filesystem::remove(partial_path, ignored);
    }
    if (lock_fd >= 0) ::close(lock_fd);  // after the removal: no other writer can slip in between
  }

  // Only the lock holder truncates: a second process writing the same output fails in lock_partial_file, before
  // it has touched the first one's data.
  void lock_partial() {
    lock_fd = lock_partial_file(partial_path, final_path,
                                updating ? "wait for it to finish and run the command again"
                                         : "wait for it to finish or choose another output name");
    owns_partial = true;
    if (::ftruncate(lock_fd, 0) != 0) {
      throw OutputError("cannot truncate '" + partial_path + "': " + std::strerror(errno));
    }
  }

  // Creates (or, to update a copy, opens) the HDF5 file in the locked temporary and the property lists writes use.
  void open_partial(bool existing) {
    const std::string& partial = partial_path;
    // Strong close: H5Fclose closes every object still open, so the file is complete before it is renamed.
    const Hdf5Handle access(checked(H5Pcreate(H5P_FILE_ACCESS), partial, "configure", partial));
    check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG), partial, "configure", partial);
    // HDF5's own lock would conflict with ours (a second descriptor of the same file in this process).
    check(H5Pset_file_locking(access.get(), false, true), partial, "configure", partial);
    file = Hdf5Handle(existing ? H5Fopen(partial.c_str(), H5F_ACC_RDWR, access.get())
                               : H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()));
    if (file.get() < 0)
      throw_hdf5_file_error(existing ? "open a copy of the file to update" : "create output file", partial);
    link_create = Hdf5Handle(checked(H5Pcreate(H5P_LINK_CREATE), partial, "configure", partial));
    check(H5Pset_create_intermediate_group(link_create.get(), 1), partial, "configure", partial);
    check(H5Pset_char_encoding(link_create.get(), H5T_CSET_UTF8), partial, "configure", partial);
    string_type = Hdf5Handle(checked(H5Tcopy(H5T_C_S1), partial, "configure", partial));
    check(H5Tset_size(string_type.get(), H5T_VARIABLE), partial, "configure", partial);
    check(H5Tset_cset(string_type.get(), H5T_CSET_UTF8), partial, "configure", partial);
    transfer = Hdf5Handle(checked(H5Pcreate(H5P_DATASET_XFER), partial, "configure", partial));
    check(H5Pset_buffer(transfer.get(), 64 * 1024, nullptr, nullptr), partial, "configure", partial);
  }

  // Closes every handle and the file; returns H5Fclose's status.
  herr_t close() noexcept {
    closed = true;
    row_sets.clear();
    link_create.reset();
    string_type.reset();
    transfer.reset();
    return file.get() >= 0 ? H5Fclose(file.release()) : 0;
  }

  Hdf5Handle create_dataset(const std::string& path, hid_t file_type, hid_t space, hid_t create_list) {
    return Hdf5Handle(
        checked(H5Dcreate2(file.get(), path.c_str(), file_type, space, link_create.get(), create_list, H5P_DEFAULT),
                partial_path, "create dataset", path));
  }

  void write_attribute(hid_t object, const std::string& object_path, const std::string& name,
                       const std::string& value) {
    write_string_attribute(object, string_type.get(), partial_path, object_path, name, value);
  }

  // The attributes every dataset carries (CF's `long_name` and, for doubles, `_FillValue` too) and its dimensions.
  void describe(hid_t dataset, const std::string& path, const DatasetInfo& info, RowKind kind, bool fixed_1d) {
    write_attribute(dataset, path, "units", info.units);
    write_attribute(dataset, path, "description", info.description);
    if (!info.description.empty()) write_attribute(dataset, path, "long_name", info.description);
    if (kind == RowKind::kDouble) {
      const double fill = std::numeric_limits<double>::quiet_NaN();
      write_number_attribute(dataset, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &fill, partial_path, path, "_FillValue");
    } else if (kind == RowKind::kCount) {
      write_number_attribute(dataset, H5T_STD_I64LE, H5T_NATIVE_INT64, &kCountFill, partial_path, path, "_FillValue");
    }
    if (!info.dims.empty()) {
      dimension_requests.push_back({path, info.dims});
    } else if (fixed_1d) {
      dimension_requests.push_back({path, {path.substr(path.rfind('/') + 1)}});
    }
  }

  // Creation properties of a dataset of `kind`: doubles never written (a run that failed mid-way) read as NaN, the
  // CF `_FillValue` every double dataset declares, not as a plausible 0.
  Hdf5Handle creation_list(RowKind kind, const std::string& path) {
    Hdf5Handle list(checked(H5Pcreate(H5P_DATASET_CREATE), partial_path, "configure", path));
    if (kind == RowKind::kDouble) {
      const double fill = std::numeric_limits<double>::quiet_NaN();
      check(H5Pset_fill_value(list.get(), H5T_NATIVE_DOUBLE, &fill), partial_path, "set fill value of", path);
    } else if (kind == RowKind::kCount) {
      check(H5Pset_fill_value(list.get(), H5T_NATIVE_INT64, &kCountFill), partial_path, "set fill value of", path);
    }
    return list;
  }

  void write_fixed(const std::string& path, RowKind kind, hid_t file_type, hid_t memory_type, const void* data,
                   std::size_t value_count, const std::vector<std::size_t>& dims, const DatasetInfo& info) {
    require_dataset_path(path);
    if (dims.empty()) throw OutputError("dataset '" + path + "' needs at least one dimension");
    if (element_count(dims) != value_count) {
      throw OutputError("dataset '" + path + "' of shape " + shape_text(dims) + " holds " +
                        std::to_string(element_count(dims)) + " values but " + std::to_string(value_count) +
                        " were given");
    }
    const std::vector<hsize_t> extent(dims.begin(), dims.end());
    const Hdf5Handle space(checked(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
                                   partial_path, "create dataspace of", path));
    const Hdf5Handle dataset = create_dataset(path, file_type, space.get(), creation_list(kind, path).get());
    if (value_count > 0) {
      check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, transfer.get(), data), partial_path, "write", path);
    }
    describe(dataset.get(), path, info, kind, dims.size() == 1);
  }

  void create_rows(const std::string& path, const std::vector<std::size_t>& row_dims, RowKind kind,
                   const DatasetInfo& info) {
    require_dataset_path(path);
    RowSet rows;
    rows.kind = kind;
    rows.row_elements = element_count(row_dims);
    rows.extent.push_back(0);
    rows.count.push_back(1);
    std::vector<hsize_t> max_extent{H5S_UNLIMITED};
    for (std::size_t d : row_dims) {
      rows.extent.push_back(d);
      rows.count.push_back(d);
      // A zero-size row dimension is declared unlimited: HDF5 forbids a chunk larger than a fixed maximum.
      max_extent.push_back(d == 0 ? H5S_UNLIMITED : d);
    }
    rows.start.assign(rows.extent.size(), 0);
    const int rank = static_cast<int>(rows.extent.size());

    const std::vector<std::size_t> chunk_dims = row_chunk_dims(row_dims, stored_element_bytes(kind), expected_rows);
    const std::vector<hsize_t> chunk(chunk_dims.begin(), chunk_dims.end());
    const Hdf5Handle create_list = creation_list(kind, path);
    check(H5Pset_chunk(create_list.get(), rank, chunk.data()), partial_path, "set chunks of", path);
    if (kind != RowKind::kString) check(H5Pset_deflate(create_list.get(), 4), partial_path, "compress", path);

    const bool integer = kind == RowKind::kInt64 || kind == RowKind::kCount;
    const hid_t file_type = kind == RowKind::kDouble ? H5T_IEEE_F64LE : integer ? H5T_STD_I64LE : string_type.get();
    const hid_t memory_type = kind == RowKind::kDouble ? H5T_NATIVE_DOUBLE
                              : integer                ? H5T_NATIVE_INT64
                                                       : string_type.get();
    if (kind == RowKind::kCount) rows.counts.resize(rows.row_elements);
    const Hdf5Handle space(checked(H5Screate_simple(rank, rows.extent.data(), max_extent.data()), partial_path,
                                   "create dataspace of", path));
    rows.dataset = create_dataset(path, file_type, space.get(), create_list.get());
    describe(rows.dataset.get(), path, info, kind, false);
    rows.memory_type = Hdf5Handle(checked(H5Tcopy(memory_type), partial_path, "copy memory type of", path));
    rows.memory_space = Hdf5Handle(
        checked(H5Screate_simple(rank, rows.count.data(), nullptr), partial_path, "create memory space of", path));
    row_sets.insert_or_assign(path, std::move(rows));
  }

  void append(const std::string& path, RowKind kind, const void* row) {
    const auto it = row_sets.find(path);
    if (it == row_sets.end()) {
      throw OutputError("cannot append to '" + path + "' in '" + partial_path +
                        "': not a row-extendible dataset of this writer (create_rows_* it first)");
    }
    RowSet& rows = it->second;
    if (rows.kind != kind) {
      throw OutputError("cannot append a " + std::string(kind_name(kind)) + " row to '" + path + "', a " +
                        kind_name(rows.kind) + " dataset");
    }
    if (row == nullptr && rows.row_elements > 0) throw OutputError("null row appended to '" + path + "'");
    if (kind == RowKind::kCount) {
      const double* values = static_cast<const double*>(row);
      for (std::size_t i = 0; i < rows.row_elements; ++i) {
        const double v = values[i];
        if (std::isnan(v)) {
          rows.counts[i] = kCountFill;
        } else if (v == std::floor(v) && std::abs(v) < 9.0e15) {
          rows.counts[i] = static_cast<std::int64_t>(v);
        } else {
          throw std::invalid_argument("count '" + path + "' got " + std::to_string(v) + ", not a whole number");
        }
      }
      row = rows.counts.data();
    }
    const hsize_t index = rows.extent[0];
    rows.extent[0] = index + 1;
    if (H5Dset_extent(rows.dataset.get(), rows.extent.data()) < 0) {
      rows.extent[0] = index;
      throw_hdf5_error(partial_path, "extend", path);
    }
    if (rows.row_elements == 0) return;
    rows.start[0] = index;
    const Hdf5Handle file_space(H5Dget_space(rows.dataset.get()));
    const bool written = file_space.get() >= 0 &&
                         H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, rows.start.data(), nullptr,
                                             rows.count.data(), nullptr) >= 0 &&
                         H5Dwrite(rows.dataset.get(), rows.memory_type.get(), rows.memory_space.get(), file_space.get(),
                                  transfer.get(), row) >= 0;
    if (!written) {
      const std::string reason = hdf5_error_reason();
      rows.extent[0] = index;  // best effort: do not leave a row of fill values behind
      H5Dset_extent(rows.dataset.get(), rows.extent.data());
      throw OutputError("cannot append a row to '" + path + "' in '" + partial_path + "': " + reason);
    }
  }
};

Hdf5Writer::Hdf5Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Hdf5Writer::Hdf5Writer(Hdf5Writer&& other) noexcept = default;
Hdf5Writer& Hdf5Writer::operator=(Hdf5Writer&& other) noexcept = default;
Hdf5Writer::~Hdf5Writer() = default;

Hdf5Writer Hdf5Writer::create(const std::string& final_path) {
  QuietHdf5Errors quiet;
  auto impl = std::make_unique<Impl>();
  impl->final_path = resolve_output_path(final_path, false).final_path;
  impl->partial_path = impl->final_path + ".partial";
  impl->lock_partial();
  impl->open_partial(false);
  return Hdf5Writer(std::move(impl));
}

Hdf5Writer Hdf5Writer::update(const std::string& final_path, const FileStamp* expected) {
  QuietHdf5Errors quiet;
  auto impl = std::make_unique<Impl>();
  impl->final_path = resolve_output_path(final_path, false).final_path;
  impl->partial_path = impl->final_path + ".partial";
  impl->updating = true;
  // The lock first: every writer of this name (a run, a merge, another update) commits only while it holds it, so
  // the file opened below stays the file until this update commits or gives up.
  impl->lock_partial();
  const int source = ::open(impl->final_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (source < 0) throw OutputError("cannot open '" + impl->final_path + "' to update it: " + std::strerror(errno));
  const FileDescriptor source_file{source};
  struct stat source_stat {};
  if (::fstat(source, &source_stat) != 0)
    throw OutputError("cannot read '" + impl->final_path + "': " + std::strerror(errno));
  if (expected && file_stamp(source, impl->final_path) != *expected) {
    throw OutputError("'" + impl->final_path +
                      "' was replaced or changed after it was read (another run or analysis wrote it): nothing "
                      "written; run the command again");
  }
  if (source_stat.st_nlink > 1) {
    throw OutputError("'" + impl->final_path +
                      "' has other names (hard links), which an update would leave with the old contents: nothing "
                      "written; copy the file and update the copy");
  }
  copy_contents(source, impl->lock_fd, impl->final_path, impl->partial_path);
  // The updated file keeps the original's permissions (and owner, where this process may set it).
  if (::fchmod(impl->lock_fd, source_stat.st_mode & 07777) != 0)
    throw OutputError("cannot set the permissions of '" + impl->partial_path + "': " + std::strerror(errno));
  [[maybe_unused]] const int ignored = ::fchown(impl->lock_fd, source_stat.st_uid, source_stat.st_gid);
  impl->open_partial(true);
  return Hdf5Writer(std::move(impl));
}

void Hdf5Writer::remove(const std::string& path) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  require_dataset_path(path);
  for (std::size_t at = path.find('/', 1);; at = path.find('/', at + 1)) {
    const std::string prefix = path.substr(0, at);
    if (H5Lexists(impl.file.get(), prefix.c_str(), H5P_DEFAULT) <= 0) return;
    if (at == std::string::npos) break;
  }
  detach_dimension_scales(impl.file.get(), impl.partial_path, path);
  std::erase_if(impl.dimension_requests,
                [&](const DimensionRequest& r) { return r.dataset == path || r.dataset.rfind(path + "/", 0) == 0; });
  check(H5Ldelete(impl.file.get(), path.c_str(), H5P_DEFAULT), impl.partial_path, "remove", path);
}

Hdf5Writer::Impl& Hdf5Writer::open_impl() const {
  if (!impl_) throw OutputError("use of a moved-from Hdf5Writer");
  if (impl_->closed) {
    throw OutputError("'" + impl_->final_path + "' is " +
                      (impl_->committed ? "already committed" : "closed after a failed commit"));
  }
  return *impl_;
}

void Hdf5Writer::set_string_attribute(const std::string& object_path, const std::string& name,
                                      const std::string& value) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  if (object_path.empty() || object_path.front() != '/') {
    throw OutputError("object path must be absolute ('/' is the root): '" + object_path + "'");
  }
  Hdf5Handle object(H5Oopen(impl.file.get(), object_path.c_str(), H5P_DEFAULT));
  if (object.get() < 0) {
    object = Hdf5Handle(
        checked(H5Gcreate2(impl.file.get(), object_path.c_str(), impl.link_create.get(), H5P_DEFAULT, H5P_DEFAULT),
                impl.partial_path, "create group", object_path));
  }
  impl.write_attribute(object.get(), object_path, name, value);
}

void Hdf5Writer::write_strings(const std::string& path, const std::vector<std::string>& values,
                               const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& v : values) {
    require_no_nul(v, path);
    pointers.push_back(v.c_str());
  }
  impl.write_fixed(path, RowKind::kString, impl.string_type.get(), impl.string_type.get(), pointers.data(),
                   values.size(), {values.size()}, info);
}

void Hdf5Writer::write_doubles(const std::string& path, const std::vector<double>& values,
                               const std::vector<std::size_t>& dims, const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.write_fixed(path, RowKind::kDouble, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.data(), values.size(), dims, info);
}

void Hdf5Writer::write_int64s(const std::string& path, const std::vector<std::int64_t>& values,
                              const std::vector<std::size_t>& dims, const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.write_fixed(path, RowKind::kInt64, H5T_STD_I64LE, H5T_NATIVE_INT64, values.data(), values.size(), dims, info);
}

void Hdf5Writer::expect_rows(std::size_t rows) { open_impl().expected_rows = rows; }

void Hdf5Writer::create_rows_double(const std::string& path, const std::vector<std::size_t>& row_dims,
                                    const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.create_rows(path, row_dims, RowKind::kDouble, info);
}

void Hdf5Writer::create_rows_int64(const std::string& path, const std::vector<std::size_t>& row_dims,
                                   const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.create_rows(path, row_dims, RowKind::kInt64, info);
}

void Hdf5Writer::create_rows_string(const std::string& path, const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.create_rows(path, {}, RowKind::kString, info);
}

void Hdf5Writer::append_row_double(const std::string& path, const double* row_values) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.append(path, RowKind::kDouble, row_values);
}

void Hdf5Writer::create_rows_count(const std::string& path, const std::vector<std::size_t>& row_dims,
                                   const DatasetInfo& info) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.create_rows(path, row_dims, RowKind::kCount, info);
}

void Hdf5Writer::append_row_count(const std::string& path, const double* row_values) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.append(path, RowKind::kCount, row_values);
}

void Hdf5Writer::append_row_int64(const std::string& path, const std::int64_t* row_values) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  impl.append(path, RowKind::kInt64, row_values);
}

void Hdf5Writer::append_row_string(const std::string& path, const std::string& value) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  require_no_nul(value, path);
  const char* text = value.c_str();
  impl.append(path, RowKind::kString, &text);
}

std::size_t Hdf5Writer::rows(const std::string& path) const {
  const Impl& impl = open_impl();
  const auto it = impl.row_sets.find(path);
  if (it == impl.row_sets.end()) {
    throw OutputError("'" + path + "' is not a row-extendible dataset of '" + impl.partial_path + "'");
  }
  return static_cast<std::size_t>(it->second.extent[0]);
}

void Hdf5Writer::flush() {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  if (H5Fflush(impl.file.get(), H5F_SCOPE_LOCAL) < 0) throw_hdf5_file_error("flush", impl.partial_path);
}

void Hdf5Writer::link(const std::string& link_path, const std::string& target_path) {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  require_dataset_path(link_path);
  require_dataset_path(target_path);
  check(H5Lcreate_soft(target_path.c_str(), impl.file.get(), link_path.c_str(), impl.link_create.get(), H5P_DEFAULT),
        impl.partial_path, "link '" + target_path + "' as", link_path);
}

void Hdf5Writer::commit() {
  Impl& impl = open_impl();
  QuietHdf5Errors quiet;
  attach_dimension_scales(impl.file.get(), impl.partial_path, impl.dimension_requests, impl.link_create.get());
  if (H5Fflush(impl.file.get(), H5F_SCOPE_LOCAL) < 0) throw_hdf5_file_error("flush", impl.partial_path);
  if (impl.close() < 0) throw_hdf5_file_error("close", impl.partial_path);
  publish_file(impl.partial_path, impl.final_path);
  impl.committed = true;
  // The published file is complete: readers (which take HDF5's shared lock) may open it at once.
  ::close(impl.lock_fd);
  impl.lock_fd = -1;
}

}  // namespace reformsim::output
