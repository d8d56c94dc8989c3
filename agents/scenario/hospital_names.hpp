#pragma once
// Hospitals named by other sections (alliances, villages, links, pilot switches), resolved to their index in
// `hospitals:`; an unknown name is an error at the key that wrote it.
#include <cstddef>
#include <string>
#include <unordered_map>

#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// The scenario's hospitals by name.
struct HospitalNames {
  std::unordered_map<std::string, std::size_t> id;
  explicit HospitalNames(const ScenarioConfig& s) {
    for (std::size_t h = 0; h < s.hospitals.size(); ++h) id[s.hospitals[h].name] = h;
  }
  /// True when `name` is a hospital; otherwise reports it at `path` of `root`.
  bool known(const config::Node& root, const std::string& path, const std::string& name,
             config::ErrorList& errors) const {
    if (id.count(name)) return true;
    config::report_at(errors, root, path, "'" + name + "' is not a hospital of `hospitals:`");
    return false;
  }
};

}  // namespace reformsim::agents
