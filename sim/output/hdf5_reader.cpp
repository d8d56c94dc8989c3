#include "sim/output/hdf5_reader.hpp"

#include <filesystem>
#include <limits>

#include "sim/output/hdf5_errors.hpp"
#include "sim/output/hdf5_handle.hpp"

namespace reformsim::output {

struct Hdf5Reader::Impl {
  std::string path;
  Hdf5Handle file;
};

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) {
  throw InputFileError("cannot read '" + file + "': " + what);
}

hid_t must(hid_t id, const std::string& file, const std::string& what) {
  if (id < 0) fail(file, what + " (" + hdf5_error_reason() + ")");
  return id;
}

}  // namespace

Hdf5Reader::Hdf5Reader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  const QuietHdf5Errors quiet;
  impl_->path = path;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) fail(path, "no such file");
  if (H5Fis_hdf5(path.c_str()) <= 0) fail(path, "it is not an HDF5 file");
  impl_->file = Hdf5Handle(must(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), path, "cannot open it"));
}

Hdf5Reader::~Hdf5Reader() = default;
Hdf5Reader::Hdf5Reader(Hdf5Reader&&) noexcept = default;

const std::string& Hdf5Reader::path() const { return impl_->path; }

bool Hdf5Reader::exists(const std::string& path) const {
  const QuietHdf5Errors quiet;
  // Each link on the way must exist before the next is asked about.
  std::size_t at = 0;
  while ((at = path.find('/', at + 1)) != std::string::npos) {
    if (H5Lexists(impl_->file.get(), path.substr(0, at).c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return H5Lexists(impl_->file.get(), path.c_str(), H5P_DEFAULT) > 0;
}

std::vector<std::string> Hdf5Reader::children(const std::string& path) const {
  const QuietHdf5Errors quiet;
  std::vector<std::string> names;
  if (!exists(path)) return names;
  // Soft links are other names of objects stored elsewhere (the run coordinates each metric group links in).
  const auto collect = [](hid_t, const char* name, const H5L_info_t* info, void* out) -> herr_t {
    if (info->type == H5L_TYPE_HARD) static_cast<std::vector<std::string>*>(out)->emplace_back(name);
    return 0;
  };
  const Hdf5Handle group(must(H5Gopen2(impl_->file.get(), path.c_str(), H5P_DEFAULT), impl_->path, "group " + path));
  if (H5Literate(group.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names) < 0)
    fail(impl_->path, "group '" + path + "': " + hdf5_error_reason());
  return names;
}

std::vector<std::size_t> Hdf5Reader::dims(const std::string& path) const {
  const QuietHdf5Errors quiet;
  if (!exists(path)) fail(impl_->path, "it has no dataset '" + path + "'");
  const Hdf5Handle set(must(H5Dopen2(impl_->file.get(), path.c_str(), H5P_DEFAULT), impl_->path, "dataset " + path));
  const Hdf5Handle space(must(H5Dget_space(set.get()), impl_->path, "dataset " + path));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) fail(impl_->path, "dataset '" + path + "' has no simple shape");
  std::vector<hsize_t> d(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), d.data(), nullptr);
  return {d.begin(), d.end()};
}

std::optional<std::string> Hdf5Reader::string_attribute(const std::string& path, const std::string& name) const {
  const QuietHdf5Errors quiet;
  if (!exists(path) || H5Aexists_by_name(impl_->file.get(), path.c_str(), name.c_str(), H5P_DEFAULT) <= 0)
    return std::nullopt;
  const std::string what = "attribute " + name + " of " + path;
  const Hdf5Handle attribute(must(
      H5Aopen_by_name(impl_->file.get(), path.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), impl_->path, what));
  const Hdf5Handle type(must(H5Aget_type(attribute.get()), impl_->path, what));
  if (H5Tget_class(type.get()) != H5T_STRING) fail(impl_->path, what + " is not a string");
  if (H5Tis_variable_str(type.get()) > 0) {
    const Hdf5Handle memory(must(H5Tcopy(H5T_C_S1), impl_->path, "string type"));
    H5Tset_size(memory.get(), H5T_VARIABLE);
    H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
    char* raw = nullptr;
    if (H5Aread(attribute.get(), memory.get(), &raw) < 0) fail(impl_->path, what + ": " + hdf5_error_reason());
    std::string out = raw ? raw : "";
    H5free_memory(raw);
    return out;
  }
  std::vector<char> raw(H5Tget_size(type.get()) + 1, '\0');
  if (H5Aread(attribute.get(), type.get(), raw.data()) < 0) fail(impl_->path, what + ": " + hdf5_error_reason());
  return std::string(raw.data());
}

std::vector<std::string> Hdf5Reader::strings(const std::string& path) const {
  const std::vector<std::size_t> shape = dims(path);
  const QuietHdf5Errors quiet;
  if (shape.size() != 1) fail(impl_->path, "dataset '" + path + "' is not a list of strings");
  const Hdf5Handle set(must(H5Dopen2(impl_->file.get(), path.c_str(), H5P_DEFAULT), impl_->path, "dataset " + path));
  const Hdf5Handle type(must(H5Dget_type(set.get()), impl_->path, "dataset " + path));
  if (H5Tget_class(type.get()) != H5T_STRING) fail(impl_->path, "dataset '" + path + "' does not hold strings");
  std::vector<std::string> out(shape[0]);
  if (shape[0] == 0) return out;
  if (H5Tis_variable_str(type.get()) > 0) {
    const Hdf5Handle memory(must(H5Tcopy(H5T_C_S1), impl_->path, "string type"));
    H5Tset_size(memory.get(), H5T_VARIABLE);
    H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
    std::vector<char*> raw(shape[0], nullptr);
    if (H5Dread(set.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) < 0)
      fail(impl_->path, "dataset '" + path + "': " + hdf5_error_reason());
    for (std::size_t i = 0; i < raw.size(); ++i) out[i] = raw[i] ? raw[i] : "";
    const Hdf5Handle space(must(H5Dget_space(set.get()), impl_->path, "dataset " + path));
    H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, raw.data());
  } else {
    const std::size_t width = H5Tget_size(type.get());
    std::vector<char> raw(width * shape[0]);
    if (H5Dread(set.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) < 0)
      fail(impl_->path, "dataset '" + path + "': " + hdf5_error_reason());
    for (std::size_t i = 0; i < shape[0]; ++i) {
      const char* s = raw.data() + i * width;
      std::size_t n = 0;
      while (n < width && s[n] != '\0') ++n;
      out[i].assign(s, n);
    }
  }
  return out;
}

std::vector<std::int64_t> Hdf5Reader::int64s(const std::string& path) const {
  const std::vector<std::size_t> shape = dims(path);
  const QuietHdf5Errors quiet;
  std::size_t n = 1;
  for (std::size_t d : shape) n *= d;
  const Hdf5Handle set(must(H5Dopen2(impl_->file.get(), path.c_str(), H5P_DEFAULT), impl_->path, "dataset " + path));
  const Hdf5Handle type(must(H5Dget_type(set.get()), impl_->path, "dataset " + path));
  if (H5Tget_class(type.get()) != H5T_INTEGER) fail(impl_->path, "dataset '" + path + "' does not hold integers");
  std::vector<std::int64_t> out(n);
  if (n > 0 && H5Dread(set.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    fail(impl_->path, "dataset '" + path + "': " + hdf5_error_reason());
  return out;
}

std::vector<double> Hdf5Reader::double_rows(const std::string& path, std::size_t first, std::size_t count) const {
  const std::vector<std::size_t> shape = dims(path);
  const QuietHdf5Errors quiet;
  if (shape.empty() || first + count > shape[0] || first + count < first)
    fail(impl_->path, "dataset '" + path + "' has " + std::to_string(shape.empty() ? 0 : shape[0]) +
                          " rows, not rows " + std::to_string(first) + " to " + std::to_string(first + count));
  std::size_t row = 1;
  for (std::size_t i = 1; i < shape.size(); ++i) row *= shape[i];
  std::vector<double> out(row * count);
  if (out.empty()) return out;
  const Hdf5Handle set(must(H5Dopen2(impl_->file.get(), path.c_str(), H5P_DEFAULT), impl_->path, "dataset " + path));
  const Hdf5Handle type(must(H5Dget_type(set.get()), impl_->path, "dataset " + path));
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (type_class != H5T_FLOAT && type_class != H5T_INTEGER)
    fail(impl_->path, "dataset '" + path + "' does not hold numbers");
  const Hdf5Handle space(must(H5Dget_space(set.get()), impl_->path, "dataset " + path));
  std::vector<hsize_t> start(shape.size(), 0), size(shape.begin(), shape.end());
  start[0] = first;
  size[0] = count;
  if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, size.data(), nullptr) < 0)
    fail(impl_->path, "dataset '" + path + "': " + hdf5_error_reason());
  const Hdf5Handle memory(
      must(H5Screate_simple(static_cast<int>(size.size()), size.data(), nullptr), impl_->path, "dataset " + path));
  if (H5Dread(set.get(), H5T_NATIVE_DOUBLE, memory.get(), space.get(), H5P_DEFAULT, out.data()) < 0)
    fail(impl_->path, "dataset '" + path + "': " + hdf5_error_reason());
  // A count a run did not produce is stored as the integer `_FillValue`: it reads as NaN, as a double's would.
  if (type_class == H5T_INTEGER && H5Aexists(set.get(), "_FillValue") > 0) {
    std::int64_t fill = 0;
    const Hdf5Handle attribute(
        must(H5Aopen(set.get(), "_FillValue", H5P_DEFAULT), impl_->path, "dataset " + path + " _FillValue"));
    if (H5Aread(attribute.get(), H5T_NATIVE_INT64, &fill) < 0) fail(impl_->path, "dataset '" + path + "' _FillValue");
    const double missing = static_cast<double>(fill);
    for (double& v : out) {
      if (v == missing) v = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

}  // namespace reformsim::output
