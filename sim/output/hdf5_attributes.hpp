#pragma once
// Internal to reformsim_output: writing the attributes every dataset carries (string and numeric), replacing one of
// the same name. Failures throw OutputError naming the file, the object and HDF5's reason.
#include <hdf5.h>

#include <string>

namespace reformsim::output {

/// Writes the scalar string attribute `name` = `value` (type `string_type`, a variable-length UTF-8 string).
void write_string_attribute(hid_t object, hid_t string_type, const std::string& file, const std::string& object_path,
                            const std::string& name, const std::string& value);

/// Writes the one-element attribute `name` holding `*value` of `memory_type`, stored as `file_type` (e.g. a CF
/// `_FillValue` of the dataset's own type).
void write_number_attribute(hid_t object, hid_t file_type, hid_t memory_type, const void* value,
                            const std::string& file, const std::string& object_path, const std::string& name);

}  // namespace reformsim::output
