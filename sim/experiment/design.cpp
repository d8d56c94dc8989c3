#include "sim/experiment/design.hpp"

#include "sim/config/csv_write.hpp"
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
    case DesignKind::File:
      return "file";
    case DesignKind::Grid:
      break;
  }
  return "grid";
}

std::string design_value_text(double value) { return config::format_number(value); }

std::string design_csv(const DesignTable& design) {
  std::string out;
  for (std::size_t k = 0; k < design.factors.size(); ++k) {
    out += (k ? "," : "") + config::csv_field(design.factors[k].key_path);
  }
  out += "\n";
  for (std::size_t p = 0; p < design.points(); ++p) {
    for (std::size_t k = 0; k < design.factors.size(); ++k) {
      const config::Node& n = design.nodes[p][k];
      out += (k ? "," : "") + config::csv_field(n.is_scalar() ? n.text() : n.to_yaml());
    }
    out += "\n";
  }
  return out;
}

}  // namespace reformsim::experiment
