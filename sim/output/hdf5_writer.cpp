#include "sim/output/hdf5_writer.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace reformsim::output {

namespace {

// Closes an HDF5 handle of any kind at scope exit.
class Handle {
 public:
  explicit Handle(hid_t id = H5I_INVALID_HID) : id_(id) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& o) noexcept {
    std::swap(id_, o.id_);
    return *this;
  }
  ~Handle() { reset(); }
  void reset() {
    if (id_ >= 0 && H5Iis_valid(id_) > 0) H5Idec_ref(id_);
    id_ = H5I_INVALID_HID;
  }
  hid_t get() const { return id_; }

 private:
  hid_t id_;
};

void check(herr_t status, const std::string& what) {
  if (status < 0) throw OutputError("HDF5: " + what);
}

hid_t checked(hid_t id, const std::string& what) {
  if (id < 0) throw OutputError("HDF5: " + what);
  return id;
}

hid_t string_type() {
  const hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  return t;
}

std::vector<hsize_t> to_hsize(const std::vector<std::size_t>& dims) { return {dims.begin(), dims.end()}; }

}  // namespace

struct Hdf5Writer::Impl {
  std::string final_path;
  std::string partial_path;
  hid_t file = H5I_INVALID_HID;
  bool committed = false;
  struct Rows {
    hid_t dataset = H5I_INVALID_HID;
    hid_t type = H5I_INVALID_HID;  // memory type
    std::vector<hsize_t> row_dims;
    hsize_t rows = 0;
    bool is_string = false;
  };
  std::map<std::string, Rows> row_sets;

  void ensure_groups(const std::string& path) {
    std::size_t pos = 1;
    while ((pos = path.find('/', pos)) != std::string::npos) {
      const std::string group = path.substr(0, pos);
      if (H5Lexists(file, group.c_str(), H5P_DEFAULT) <= 0) {
        Handle g(checked(H5Gcreate2(file, group.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                         "cannot create group " + group));
      }
      ++pos;
    }
  }

  void attribute(hid_t object, const std::string& name, const std::string& value) {
    Handle type(string_type());
    Handle space(H5Screate(H5S_SCALAR));
    if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
    const hid_t a = checked(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                            "cannot create attribute " + name);
    const char* text = value.c_str();
    const herr_t status = H5Awrite(a, type.get(), &text);
    H5Aclose(a);
    check(status, "cannot write attribute " + name);
  }

  void describe(hid_t dataset, const DatasetInfo& info) {
    attribute(dataset, "units", info.units);
    attribute(dataset, "description", info.description);
  }

  void write_fixed(const std::string& path, hid_t file_type, hid_t memory_type, const void* data,
                   const std::vector<std::size_t>& dims, const DatasetInfo& info) {
    ensure_groups(path);
    const auto h = to_hsize(dims);
    Handle space(checked(H5Screate_simple(static_cast<int>(h.size()), h.data(), nullptr), "dataspace " + path));
    Handle dataset(
        checked(H5Dcreate2(file, path.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                "cannot create dataset " + path));
    std::size_t count = 1;
    for (std::size_t d : dims) count *= d;
    if (count > 0)
      check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "cannot write " + path);
    describe(dataset.get(), info);
  }

  void create_rows(const std::string& path, const std::vector<std::size_t>& row_dims, hid_t file_type,
                   hid_t memory_type, bool is_string, const DatasetInfo& info) {
    ensure_groups(path);
    std::vector<hsize_t> dims{0}, max{H5S_UNLIMITED}, chunk{1};
    std::size_t row_bytes = is_string ? sizeof(char*) : 8;
    for (std::size_t d : row_dims) {
      dims.push_back(d);
      max.push_back(d);
      chunk.push_back(std::max<hsize_t>(1, d));
      row_bytes *= std::max<std::size_t>(1, d);
    }
    // About 16 KiB per chunk; several runs share a chunk when rows are small, one row per chunk above 1 MiB.
    chunk[0] = std::clamp<hsize_t>(static_cast<hsize_t>(16384 / std::max<std::size_t>(1, row_bytes)), 1, 1024);
    if (row_bytes > (1u << 20)) chunk[0] = 1;
    Handle space(checked(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max.data()), "space " + path));
    Handle plist(H5Pcreate(H5P_DATASET_CREATE));
    check(H5Pset_chunk(plist.get(), static_cast<int>(chunk.size()), chunk.data()), "chunking " + path);
    if (!is_string) {
      check(H5Pset_deflate(plist.get(), 4), "compression " + path);
      if (memory_type == H5T_NATIVE_DOUBLE) {
        const double fill = std::nan("");
        check(H5Pset_fill_value(plist.get(), H5T_NATIVE_DOUBLE, &fill), "fill value " + path);
      }
    }
    const hid_t dataset =
        checked(H5Dcreate2(file, path.c_str(), file_type, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT),
                "cannot create dataset " + path);
    describe(dataset, info);
    Rows r;
    r.dataset = dataset;
    r.type = memory_type;
    r.row_dims = to_hsize(row_dims);
    r.is_string = is_string;
    row_sets[path] = r;
  }

  void append(const std::string& path, const void* data) {
    auto it = row_sets.find(path);
    if (it == row_sets.end()) throw OutputError("HDF5: no row dataset " + path);
    Rows& r = it->second;
    std::vector<hsize_t> size{r.rows + 1}, start{r.rows}, count{1};
    for (hsize_t d : r.row_dims) {
      size.push_back(d);
      start.push_back(0);
      count.push_back(d);
    }
    check(H5Dset_extent(r.dataset, size.data()), "cannot extend " + path);
    Handle file_space(H5Dget_space(r.dataset));
    check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
          "select " + path);
    Handle memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr));
    Handle string_memory_type(r.is_string ? string_type() : H5I_INVALID_HID);
    const hid_t type = r.is_string ? string_memory_type.get() : r.type;
    check(H5Dwrite(r.dataset, type, memory_space.get(), file_space.get(), H5P_DEFAULT, data),
          "cannot append to " + path);
    ++r.rows;
  }

  void close_all() {
    for (auto& [path, r] : row_sets) {
      if (r.dataset >= 0) H5Dclose(r.dataset);
      r.dataset = H5I_INVALID_HID;
    }
    row_sets.clear();
    if (file >= 0) H5Fclose(file);
    file = H5I_INVALID_HID;
  }
};

Hdf5Writer::Hdf5Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Hdf5Writer::Hdf5Writer(Hdf5Writer&&) noexcept = default;
Hdf5Writer& Hdf5Writer::operator=(Hdf5Writer&&) noexcept = default;

Hdf5Writer::~Hdf5Writer() {
  if (!impl_) return;
  impl_->close_all();
  if (!impl_->committed) {
    std::error_code ec;
    std::filesystem::remove(impl_->partial_path, ec);
  }
}

Hdf5Writer Hdf5Writer::create(const std::string& final_path) {
  // Errors become exceptions with our own messages; the library's stack printing would only add noise.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  auto impl = std::make_unique<Impl>();
  impl->final_path = final_path;
  impl->partial_path = final_path + ".partial";
  impl->file = H5Fcreate(impl->partial_path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (impl->file < 0) throw OutputError("cannot create output file '" + impl->partial_path + "'");
  return Hdf5Writer(std::move(impl));
}

void Hdf5Writer::set_string_attribute(const std::string& object_path, const std::string& name,
                                      const std::string& value) {
  Handle object(checked(H5Oopen(impl_->file, object_path.c_str(), H5P_DEFAULT), "no object " + object_path));
  impl_->attribute(object.get(), name, value);
}

void Hdf5Writer::write_strings(const std::string& path, const std::vector<std::string>& values,
                               const DatasetInfo& info) {
  std::vector<const char*> pointers;
  for (const std::string& v : values) pointers.push_back(v.c_str());
  Handle type(string_type());
  impl_->write_fixed(path, type.get(), type.get(), pointers.data(), {values.size()}, info);
}

void Hdf5Writer::write_doubles(const std::string& path, const std::vector<double>& values,
                               const std::vector<std::size_t>& dims, const DatasetInfo& info) {
  impl_->write_fixed(path, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.data(), dims, info);
}

void Hdf5Writer::write_int64s(const std::string& path, const std::vector<std::int64_t>& values,
                              const std::vector<std::size_t>& dims, const DatasetInfo& info) {
  impl_->write_fixed(path, H5T_STD_I64LE, H5T_NATIVE_INT64, values.data(), dims, info);
}

void Hdf5Writer::create_rows_double(const std::string& path, const std::vector<std::size_t>& row_dims,
                                    const DatasetInfo& info) {
  impl_->create_rows(path, row_dims, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, false, info);
}

void Hdf5Writer::create_rows_int64(const std::string& path, const std::vector<std::size_t>& row_dims,
                                   const DatasetInfo& info) {
  impl_->create_rows(path, row_dims, H5T_STD_I64LE, H5T_NATIVE_INT64, false, info);
}

void Hdf5Writer::create_rows_string(const std::string& path, const DatasetInfo& info) {
  Handle type(string_type());
  impl_->create_rows(path, {}, type.get(), H5I_INVALID_HID, true, info);
}

void Hdf5Writer::append_row_double(const std::string& path, const double* row) { impl_->append(path, row); }
void Hdf5Writer::append_row_int64(const std::string& path, const std::int64_t* row) { impl_->append(path, row); }
void Hdf5Writer::append_row_string(const std::string& path, const std::string& value) {
  const char* text = value.c_str();
  impl_->append(path, &text);
}

std::size_t Hdf5Writer::rows(const std::string& path) const {
  auto it = impl_->row_sets.find(path);
  return it == impl_->row_sets.end() ? 0 : static_cast<std::size_t>(it->second.rows);
}

void Hdf5Writer::flush() { check(H5Fflush(impl_->file, H5F_SCOPE_GLOBAL), "flush"); }

void Hdf5Writer::commit() {
  flush();
  impl_->close_all();
  std::error_code ec;
  std::filesystem::rename(impl_->partial_path, impl_->final_path, ec);
  if (ec)
    throw OutputError("cannot rename '" + impl_->partial_path + "' to '" + impl_->final_path + "': " + ec.message());
  impl_->committed = true;
}

}  // namespace reformsim::output
