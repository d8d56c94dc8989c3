#include "sim/config/source_location.hpp"

namespace reformsim::config {

std::string SourceLocation::to_string() const {
  if (file.empty()) return "<default>";
  if (line <= 0) return file;
  if (column <= 0) return file + ":" + std::to_string(line);
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace reformsim::config
