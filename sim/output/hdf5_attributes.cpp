#include "sim/output/hdf5_attributes.hpp"

#include "sim/output/hdf5_errors.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::output {

namespace {

// Creates attribute `name` (deleting one of that name first) and writes `value` into it.
void replace_attribute(hid_t object, hid_t file_type, hid_t memory_type, hid_t space, const void* value,
                       const std::string& file, const std::string& object_path, const std::string& name) {
  if (name.empty()) throw OutputError("attribute name on '" + object_path + "' is empty");
  const std::string action = "write attribute '" + name + "' on";
  const htri_t exists = H5Aexists(object, name.c_str());
  check(exists, file, action, object_path);
  if (exists > 0) check(H5Adelete(object, name.c_str()), file, action, object_path);
  const Hdf5Handle attribute(
      checked(H5Acreate2(object, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT), file, action, object_path));
  check(H5Awrite(attribute.get(), memory_type, value), file, action, object_path);
}

}  // namespace

void write_string_attribute(hid_t object, hid_t string_type, const std::string& file, const std::string& object_path,
                            const std::string& name, const std::string& value) {
  if (value.find('\0') != std::string::npos) {
    throw OutputError("string for '" + object_path + " attribute " + name +
                      "' contains a NUL byte, which HDF5 strings cannot hold");
  }
  const Hdf5Handle space(checked(H5Screate(H5S_SCALAR), file, "write attribute '" + name + "' on", object_path));
  const char* text = value.c_str();
  replace_attribute(object, string_type, string_type, space.get(), &text, file, object_path, name);
}

void write_number_attribute(hid_t object, hid_t file_type, hid_t memory_type, const void* value,
                            const std::string& file, const std::string& object_path, const std::string& name) {
  const hsize_t one = 1;
  const Hdf5Handle space(
      checked(H5Screate_simple(1, &one, nullptr), file, "write attribute '" + name + "' on", object_path));
  replace_attribute(object, file_type, memory_type, space.get(), value, file, object_path, name);
}

}  // namespace reformsim::output
