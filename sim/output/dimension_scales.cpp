#include "sim/output/dimension_scales.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "sim/output/hdf5_attributes.hpp"
#include "sim/output/hdf5_errors.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::output {

namespace {

std::string parent_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string child(const std::string& group, const std::string& name) {
  return group == "/" ? "/" + name : group + "/" + name;
}

// Whether `path` names a dataset (each link on the way must exist before the next is asked about).
bool is_dataset(hid_t file, const std::string& path) {
  for (std::size_t at = path.find('/', 1); at != std::string::npos; at = path.find('/', at + 1)) {
    if (H5Lexists(file, path.substr(0, at).c_str(), H5P_DEFAULT) <= 0) return false;
  }
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0) return false;
  const Hdf5Handle object(H5Oopen(file, path.c_str(), H5P_DEFAULT));
  return object.get() >= 0 && H5Iget_type(object.get()) == H5I_DATASET;
}

std::vector<hsize_t> extent_of(hid_t dataset, const std::string& file, const std::string& path) {
  const Hdf5Handle space(checked(H5Dget_space(dataset), file, "read the shape of", path));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw_hdf5_error(file, "read the shape of", path);
  std::vector<hsize_t> extent(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), extent.data(), nullptr);
  return extent;
}

void make_scale(hid_t dataset, const std::string& file, const std::string& path) {
  const htri_t is_scale = H5DSis_scale(dataset);
  check(is_scale, file, "read the dimension scale of", path);
  if (is_scale == 0) check(H5DSset_scale(dataset, base_name(path).c_str()), file, "make a dimension scale of", path);
}

// The scale of dimension `name` seen from `group` (netCDF-4's rule: the group or its nearest parent holding it).
std::string find_scale(hid_t file, std::string group, const std::string& name) {
  for (;;) {
    const std::string candidate = child(group, name);
    if (is_dataset(file, candidate)) return candidate;
    if (group == "/") return {};
    group = parent_of(group);
  }
}

// An index 0..length-1 labelling a dimension that has no coordinate of its own.
void create_index(hid_t file, const std::string& file_name, const std::string& path, hsize_t length,
                  hid_t link_create) {
  std::vector<std::int64_t> index(length);
  std::iota(index.begin(), index.end(), std::int64_t{0});
  const Hdf5Handle space(checked(H5Screate_simple(1, &length, nullptr), file_name, "create dataspace of", path));
  const Hdf5Handle dataset(
      checked(H5Dcreate2(file, path.c_str(), H5T_STD_I64LE, space.get(), link_create, H5P_DEFAULT, H5P_DEFAULT),
              file_name, "create dataset", path));
  if (length > 0) {
    check(H5Dwrite(dataset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, index.data()), file_name, "write",
          path);
  }
  const Hdf5Handle text(checked(H5Tcopy(H5T_C_S1), file_name, "configure", path));
  check(H5Tset_size(text.get(), H5T_VARIABLE), file_name, "configure", path);
  check(H5Tset_cset(text.get(), H5T_CSET_UTF8), file_name, "configure", path);
  const std::string description = "index along the " + base_name(path) + " dimension";
  write_string_attribute(dataset.get(), text.get(), file_name, path, "units", "");
  write_string_attribute(dataset.get(), text.get(), file_name, path, "description", description);
  write_string_attribute(dataset.get(), text.get(), file_name, path, "long_name", description);
  make_scale(dataset.get(), file_name, path);
}

// The scales one commit attaches, each looked up, opened and checked once: hundreds of datasets share /run and
// /month, and a lookup walks the group chain link by link. A cached answer stays right while indexes are created,
// since one is created only in a group whose whole chain of parents has none.
class ScaleCache {
 public:
  ScaleCache(hid_t file, const std::string& file_name, hid_t link_create)
      : file_(file), file_name_(file_name), link_create_(link_create) {}

  struct Scale {
    std::string path;
    Hdf5Handle handle;
    std::vector<hsize_t> extent;
  };

  // The scale named `name` seen from `group`; when there is none, an index of `length` created in `group`.
  const Scale& find(const std::string& group, const std::string& name, hsize_t length) {
    auto [at, fresh] = scales_.try_emplace(group + '\n' + name);
    if (!fresh) return at->second;
    Scale& scale = at->second;
    scale.path = find_scale(file_, group, name);
    if (scale.path.empty()) {
      scale.path = child(group, name);
      create_index(file_, file_name_, scale.path, length, link_create_);
    }
    scale.handle =
        Hdf5Handle(checked(H5Dopen2(file_, scale.path.c_str(), H5P_DEFAULT), file_name_, "open", scale.path));
    scale.extent = extent_of(scale.handle.get(), file_name_, scale.path);
    if (scale.extent.size() == 1) make_scale(scale.handle.get(), file_name_, scale.path);
    return scale;
  }

 private:
  hid_t file_;
  const std::string& file_name_;
  hid_t link_create_;
  std::unordered_map<std::string, Scale> scales_;
};

void attach(hid_t file, const std::string& file_name, const DimensionRequest& request, ScaleCache& scales) {
  const std::string& path = request.dataset;
  const Hdf5Handle dataset(checked(H5Dopen2(file, path.c_str(), H5P_DEFAULT), file_name, "open", path));
  const std::vector<hsize_t> extent = extent_of(dataset.get(), file_name, path);
  if (request.dims.size() == 1 && request.dims[0] == base_name(path) && extent.size() == 1) {
    make_scale(dataset.get(), file_name, path);
    return;
  }
  if (request.dims.size() != extent.size()) {
    throw OutputError("dataset '" + path + "' in '" + file_name + "' has " + std::to_string(extent.size()) +
                      " dimensions but " + std::to_string(request.dims.size()) + " dimension names");
  }
  for (std::size_t k = 0; k < extent.size(); ++k) {
    const std::string& name = request.dims[k];
    if (name.empty() || name.find('/') != std::string::npos) {
      throw OutputError("dimension name '" + name + "' of '" + path + "' must be a plain, non-empty name");
    }
    const ScaleCache::Scale& scale = scales.find(parent_of(path), name, extent[k]);
    if (scale.path == path) throw OutputError("dataset '" + path + "' cannot be a dimension of itself");
    if (scale.extent.size() != 1 || scale.extent[0] != extent[k]) {
      throw OutputError("dimension '" + name + "' (" + scale.path + ") of '" + path + "' in '" + file_name + "' has " +
                        (scale.extent.size() == 1 ? std::to_string(scale.extent[0]) : "no single") +
                        " values, but axis " + std::to_string(k) + " has " + std::to_string(extent[k]));
    }
    // H5DSis_attached dereferences every entry of the scale's REFERENCE_LIST, so asking it for each of the hundreds
    // of datasets on /run is quadratic; an axis with no scale yet (every fresh dataset) cannot have this one.
    const int scales_on_axis = H5DSget_num_scales(dataset.get(), static_cast<unsigned>(k));
    check(scales_on_axis, file_name, "attach dimension '" + name + "' to", path);
    const htri_t attached =
        scales_on_axis == 0 ? 0 : H5DSis_attached(dataset.get(), scale.handle.get(), static_cast<unsigned>(k));
    check(attached, file_name, "attach dimension '" + name + "' to", path);
    if (attached == 0) {
      check(H5DSattach_scale(dataset.get(), scale.handle.get(), static_cast<unsigned>(k)), file_name,
            "attach dimension '" + name + "' to", path);
    }
  }
}

herr_t collect_scale_name(hid_t, unsigned, hid_t scale, void* names) {
  const ssize_t size = H5Iget_name(scale, nullptr, 0);
  if (size < 0) return -1;
  std::string name(static_cast<std::size_t>(size), '\0');
  H5Iget_name(scale, name.data(), name.size() + 1);
  static_cast<std::vector<std::string>*>(names)->push_back(name);
  return 0;
}

// What removing a subtree touches: its datasets' attachments (dataset, axis, scale path) and its scales with the
// number of attachments each has anywhere in the file.
struct Subtree {
  struct Attachment {
    std::string dataset, scale;
    unsigned axis = 0;
  };
  std::vector<Attachment> attachments;
  std::vector<std::pair<std::string, hssize_t>> scales;
};

hssize_t attachments_of_scale(hid_t scale, const std::string& file_name, const std::string& path) {
  const htri_t has = H5Aexists(scale, "REFERENCE_LIST");
  check(has, file_name, "read the dimensions labelled by", path);
  if (has == 0) return 0;
  const Hdf5Handle list(checked(H5Aopen(scale, "REFERENCE_LIST", H5P_DEFAULT), file_name, "read", path));
  const Hdf5Handle space(checked(H5Aget_space(list.get()), file_name, "read", path));
  return H5Sget_simple_extent_npoints(space.get());
}

void survey_dataset(hid_t dataset, const std::string& file_name, const std::string& path, Subtree& out) {
  const htri_t is_scale = H5DSis_scale(dataset);
  check(is_scale, file_name, "read the dimensions of", path);
  if (is_scale > 0) {
    out.scales.emplace_back(path, attachments_of_scale(dataset, file_name, path));
    return;  // a coordinate: nothing is attached to its own axis
  }
  const std::vector<hsize_t> extent = extent_of(dataset, file_name, path);
  for (unsigned k = 0; k < extent.size(); ++k) {
    std::vector<std::string> scales;
    if (H5DSget_num_scales(dataset, k) <= 0) continue;
    check(H5DSiterate_scales(dataset, k, nullptr, collect_scale_name, &scales), file_name, "read the dimensions of",
          path);
    for (const std::string& scale : scales) out.attachments.push_back({path, scale, k});
  }
}

// Names of the hard links in a group (a soft link's target lives, and is detached, elsewhere). Collected before any
// is visited: the visit throws on failure, which must not unwind through HDF5's iteration.
herr_t collect_hard_link(hid_t, const char* name, const H5L_info_t* info, void* names) {
  if (info->type == H5L_TYPE_HARD) static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

void survey(hid_t file, const std::string& file_name, const std::string& path, Subtree& out) {
  const Hdf5Handle object(checked(H5Oopen(file, path.c_str(), H5P_DEFAULT), file_name, "open", path));
  if (H5Iget_type(object.get()) == H5I_DATASET) {
    survey_dataset(object.get(), file_name, path, out);
    return;
  }
  if (H5Iget_type(object.get()) != H5I_GROUP) return;
  std::vector<std::string> names;
  check(H5Literate(object.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_hard_link, &names), file_name,
        "read group", path);
  for (const std::string& name : names) survey(file, file_name, child(path, name), out);
}

}  // namespace

void attach_dimension_scales(hid_t file, const std::string& file_name, const std::vector<DimensionRequest>& requests,
                             hid_t link_create) {
  ScaleCache scales(file, file_name, link_create);
  for (const DimensionRequest& request : requests) attach(file, file_name, request, scales);
}

void detach_dimension_scales(hid_t file, const std::string& file_name, const std::string& path) {
  H5L_info_t info{};
  check(H5Lget_info(file, path.c_str(), &info, H5P_DEFAULT), file_name, "read link", path);
  if (info.type != H5L_TYPE_HARD) return;
  Subtree tree;
  survey(file, file_name, path, tree);
  // A scale in the subtree that labels datasets outside it would leave them pointing at nothing: refused, before
  // anything is changed.
  for (const auto& [scale, total] : tree.scales) {
    const auto inside = std::count_if(tree.attachments.begin(), tree.attachments.end(),
                                      [&](const Subtree::Attachment& a) { return a.scale == scale; });
    if (total > inside) {
      throw OutputError("cannot remove '" + path + "' from '" + file_name + "': '" + scale +
                        "' labels dimensions of datasets outside it");
    }
  }
  for (const Subtree::Attachment& a : tree.attachments) {
    const Hdf5Handle dataset(checked(H5Dopen2(file, a.dataset.c_str(), H5P_DEFAULT), file_name, "open", a.dataset));
    const Hdf5Handle scale(checked(H5Dopen2(file, a.scale.c_str(), H5P_DEFAULT), file_name, "open", a.scale));
    check(H5DSdetach_scale(dataset.get(), scale.get(), a.axis), file_name, "detach a dimension from", a.dataset);
  }
}

}  // namespace reformsim::output
