#pragma once
// Reads a written file back through the HDF5 C API, independently of the writer's code paths, so the tests
// check what is on disk. Every failure throws (GoogleTest reports a thrown test as failed).
#include <hdf5.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/output/hdf5_handle.hpp"

namespace reformsim::output::testing {

/// One HDF5 file opened read-only.
class H5Reader {
 public:
  /// Opens `file`; throws when it is not a readable HDF5 file.
  explicit H5Reader(const std::string& file) : file_(ok(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), file)) {}

  /// Current dimensions of a dataset.
  std::vector<hsize_t> dims(const std::string& path) const { return extent(path, false); }
  /// Maximum dimensions of a dataset (H5S_UNLIMITED for extendible ones).
  std::vector<hsize_t> max_dims(const std::string& path) const { return extent(path, true); }

  /// All values of a dataset as doubles (row-major).
  std::vector<double> doubles(const std::string& path) const {
    std::vector<double> v(size(path));
    read(path, H5T_NATIVE_DOUBLE, v.data(), v.size());
    return v;
  }
  /// All values of a dataset as int64 (row-major).
  std::vector<std::int64_t> int64s(const std::string& path) const {
    std::vector<std::int64_t> v(size(path));
    read(path, H5T_NATIVE_INT64, v.data(), v.size());
    return v;
  }
  /// All values of a variable-length string dataset.
  std::vector<std::string> strings(const std::string& path) const {
    const Hdf5Handle type = vlen_string_type();
    std::vector<char*> raw(size(path), nullptr);
    read(path, type.get(), raw.data(), raw.size());
    std::vector<std::string> v;
    for (char* s : raw) v.emplace_back(s ? s : "");
    if (!raw.empty()) {
      const Hdf5Handle d(ok(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), path));
      const Hdf5Handle space(ok(H5Dget_space(d.get()), path));
#if H5_VERSION_GE(1, 12, 0)
      H5Treclaim(type.get(), space.get(), H5P_DEFAULT, raw.data());
#else
      H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, raw.data());
#endif
    }
    return v;
  }

  /// A string attribute's value, or nullopt when the object has no such attribute.
  std::optional<std::string> attribute(const std::string& object, const std::string& name) const {
    if (H5Aexists_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT) <= 0) return std::nullopt;
    const Hdf5Handle a(ok(H5Aopen_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), name));
    const Hdf5Handle type = vlen_string_type();
    char* raw = nullptr;
    ok(H5Aread(a.get(), type.get(), &raw), name);
    std::string value = raw ? raw : "";
    H5free_memory(raw);
    return value;
  }
  /// True when the attribute is stored as a variable-length UTF-8 string.
  bool attribute_is_vlen_utf8(const std::string& object, const std::string& name) const {
    const Hdf5Handle a(ok(H5Aopen_by_name(file_.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), name));
    const Hdf5Handle type(ok(H5Aget_type(a.get()), name));
    return H5Tis_variable_str(type.get()) > 0 && H5Tget_cset(type.get()) == H5T_CSET_UTF8;
  }
  /// True when a dataset's strings are variable-length UTF-8.
  bool dataset_is_vlen_utf8(const std::string& path) const {
    const Hdf5Handle d(ok(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), path));
    const Hdf5Handle type(ok(H5Dget_type(d.get()), path));
    return H5Tis_variable_str(type.get()) > 0 && H5Tget_cset(type.get()) == H5T_CSET_UTF8;
  }
  /// True when there is an object at `path` (its parent group must exist).
  bool exists(const std::string& path) const { return H5Lexists(file_.get(), path.c_str(), H5P_DEFAULT) > 0; }
  /// True when `path` names a group.
  bool is_group(const std::string& path) const {
    if (H5Lexists(file_.get(), path.c_str(), H5P_DEFAULT) <= 0) return false;
    const Hdf5Handle object(ok(H5Oopen(file_.get(), path.c_str(), H5P_DEFAULT), path));
    return H5Iget_type(object.get()) == H5I_GROUP;
  }
  /// Chunk dimensions of a dataset (empty when it is not chunked).
  std::vector<hsize_t> chunk(const std::string& path) const {
    const Hdf5Handle plist = create_list(path);
    if (H5Pget_layout(plist.get()) != H5D_CHUNKED) return {};
    std::vector<hsize_t> c(32);
    c.resize(static_cast<std::size_t>(H5Pget_chunk(plist.get(), 32, c.data())));
    return c;
  }
  /// True when the deflate filter is in the dataset's pipeline.
  bool deflated(const std::string& path) const {
    const Hdf5Handle plist = create_list(path);
    unsigned flags = 0;
    size_t n = 0;
    return H5Pget_filter_by_id2(plist.get(), H5Z_FILTER_DEFLATE, &flags, &n, nullptr, 0, nullptr, nullptr) >= 0;
  }
  /// The dataset's fill value read as a double.
  double double_fill_value(const std::string& path) const {
    const Hdf5Handle plist = create_list(path);
    double fill = 0;
    ok(H5Pget_fill_value(plist.get(), H5T_NATIVE_DOUBLE, &fill), path);
    return fill;
  }

 private:
  static hid_t ok(hid_t id, const std::string& what) {
    if (id < 0) throw std::runtime_error("HDF5 read failed: " + what);
    return id;
  }
  static Hdf5Handle vlen_string_type() {
    Hdf5Handle t(ok(H5Tcopy(H5T_C_S1), "string type"));
    H5Tset_size(t.get(), H5T_VARIABLE);
    H5Tset_cset(t.get(), H5T_CSET_UTF8);
    return t;
  }
  std::vector<hsize_t> extent(const std::string& path, bool maximum) const {
    const Hdf5Handle d(ok(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), path));
    const Hdf5Handle space(ok(H5Dget_space(d.get()), path));
    std::vector<hsize_t> current(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
    std::vector<hsize_t> max(current.size());
    ok(H5Sget_simple_extent_dims(space.get(), current.data(), max.data()), path);
    return maximum ? max : current;
  }
  std::size_t size(const std::string& path) const {
    std::size_t n = 1;
    for (hsize_t d : dims(path)) n *= static_cast<std::size_t>(d);
    return n;
  }
  void read(const std::string& path, hid_t memory_type, void* out, std::size_t n) const {
    if (n == 0) return;
    const Hdf5Handle d(ok(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), path));
    ok(H5Dread(d.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out), path);
  }
  Hdf5Handle create_list(const std::string& path) const {
    const Hdf5Handle d(ok(H5Dopen2(file_.get(), path.c_str(), H5P_DEFAULT), path));
    return Hdf5Handle(ok(H5Dget_create_plist(d.get()), path));
  }

  Hdf5Handle file_;
};

}  // namespace reformsim::output::testing
