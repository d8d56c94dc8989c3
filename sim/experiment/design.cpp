#include "sim/experiment/design.hpp"

#include "sim/config/schema.hpp"

namespace reformsim::experiment {

const char* design_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::Lhs:
      return "lhs";
    case DesignKind::Sobol:
      return "sobol";
    case DesignKind::Morris:
      return "morris";
    case DesignKind::Grid:
      break;
  }
  return "grid";
}

std::string design_value_text(double value) { return config::format_number(value); }

}  // namespace reformsim::experiment
