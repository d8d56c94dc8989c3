#pragma once
// Where a dishonest coder can move a case in the catalogue: a heavier ADRG of the same MDC
// (upgraded main diagnosis), a more severe digit of the same ADRG (false or irrelevant secondary diagnosis),
// lighter groups of the same MDC (down-coding into a high multiple) and the MDC's QY group (deliberate ambiguity).
#include <cstdint>
#include <optional>
#include <vector>

#include "agents/scenario/case_catalogue.hpp"

namespace reformsim::agents {

/// Coding targets of one group; a missing target means the catalogue offers none.
struct GroupTargets {
  std::optional<std::uint32_t> upcode_main;       ///< lightest group of another ADRG, same MDC, heavier
  std::optional<std::uint32_t> upcode_secondary;  ///< same ADRG, more severe digit, lightest heavier one
  std::vector<std::uint32_t> downcode;            ///< up to three lighter normal groups of the same MDC
  std::optional<std::uint32_t> qy;                ///< the MDC's QY group, else any QY group
};

/// Targets for every group of a catalogue, computed once per run.
class CodeTargets {
 public:
  explicit CodeTargets(const CaseCatalogue& catalogue);
  const GroupTargets& of(std::size_t group) const { return targets_[group]; }

 private:
  std::vector<GroupTargets> targets_;
};

}  // namespace reformsim::agents
