#pragma once
// The DIP catalogue (按病种分值付费 disease–procedure groups with scores), mapped onto the case catalogue so DIP and
// DRG settle the same simulated cases. Loaded from CSV (format in scenarios/data/README.md) with file:line errors.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "agents/scenario/case_catalogue.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// One DIP group.
struct DipGroup {
  std::string code;
  std::string case_group;  ///< the case-catalogue group whose cases fall into this DIP group
  std::string name;
  double score = 0;           ///< 分值: points of a typical case
  double mean_cost_yuan = 0;  ///< reference mean cost; a case's cost ratio is cost ÷ this
  double coefficient = 1;     ///< special coefficient of the group (e.g. TCM-advantage groups)
  bool basic = false;         ///< basic group: paid at the basic-group coefficient at every level
  int source_line = 0;
};

/// The DIP groups and the case-group → DIP-group map.
class DipCatalogue {
 public:
  /// Reads a DIP catalogue and maps it onto `cases`; every case group must map to exactly one DIP group.
  static DipCatalogue load(const std::string& path, const CaseCatalogue& cases, config::ErrorList& errors);
  /// Parses catalogue text (for tests).
  static DipCatalogue parse(const std::string& text, const std::string& file_name, const CaseCatalogue& cases,
                            config::ErrorList& errors);
  std::size_t size() const { return groups_.size(); }
  const DipGroup& group(std::size_t id) const { return groups_[id]; }
  /// The DIP group of case-catalogue group `case_group`.
  const DipGroup& for_case_group(std::size_t case_group) const { return groups_[by_case_group_[case_group]]; }
  /// Id of a DIP group by code.
  std::optional<std::size_t> find(const std::string& code) const;
  const std::string& source() const { return source_; }

 private:
  static DipCatalogue from_table(const config::CsvTable& table, const CaseCatalogue& cases, config::ErrorList& errors);
  std::string source_;
  std::vector<DipGroup> groups_;
  std::vector<std::size_t> by_case_group_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

}  // namespace reformsim::agents
