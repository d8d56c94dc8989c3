#pragma once
// The case catalogue (病组目录): every DRG group with its weight, frequency, LOS and cost model.
// Loaded from a CSV data file (format in scenarios/data/README.md) with file:line errors.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/config/csv.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// Groups are normal DRGs or the ungroupable QY (歧义组) groups paid at a ratio of items.
enum class GroupKind : std::uint8_t { Normal, Qy };

/// One DRG group of the catalogue.
struct CaseGroup {
  std::string code;  ///< e.g. "KD15": MDC + ADRG + severity digit
  std::string mdc;
  std::string adrg;
  std::string name;
  GroupKind kind = GroupKind::Normal;
  double weight = 0;     ///< relative weight RW (权重)
  double frequency = 0;  ///< relative case frequency
  double mean_los_days = 0;
  double los_cv = 0;
  double mean_cost_yuan = 0;  ///< at a reference hospital (cost_index 1)
  double cost_cv = 0;
  std::optional<double> standard_yuan;  ///< explicitly published payment standard
  bool basic = false;                   ///< basic group (基础病组): same payment at every level
  int source_line = 0;                  ///< line in the catalogue file
  /// Severity digit of the code (1 = MCC, 3 = CC, 5 = none; 0 when the code has none).
  int severity() const;
};

/// The immutable catalogue, indexed by group id (row order of the file).
class CaseCatalogue {
 public:
  /// Reads and checks a catalogue file; every problem goes to `errors` with file and line.
  static CaseCatalogue load(const std::string& path, config::ErrorList& errors);
  /// Parses catalogue text (for tests).
  static CaseCatalogue parse(const std::string& text, const std::string& file_name, config::ErrorList& errors);
  /// Number of groups.
  std::size_t size() const { return groups_.size(); }
  /// Group by id.
  const CaseGroup& group(std::size_t id) const { return groups_[id]; }
  /// All groups in file order.
  const std::vector<CaseGroup>& groups() const { return groups_; }
  /// Group id by code, if present.
  std::optional<std::size_t> find(const std::string& code) const;
  /// Path the catalogue was read from.
  const std::string& source() const { return source_; }

 private:
  static CaseCatalogue from_table(const config::CsvTable& table, config::ErrorList& errors);

  std::string source_;
  std::vector<CaseGroup> groups_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

}  // namespace reformsim::agents
