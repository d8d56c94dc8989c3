#pragma once
// The case an admission onset brings: its group (by catalogue frequency) and the noise of its stay and bill, drawn
// from the onset's own stream so the case is the same in every policy arm (common random numbers).
#include <cstddef>
#include <cstdint>

#include "agents/scenario/scenario_config.hpp"
#include "sim/engine/alias_table.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::agents {

/// What an onset's case is before any hospital treats it.
struct DrawnCase {
  std::size_t group = 0;
  double los_noise = 1;   ///< multiplies the group's (and hospital's) mean LOS
  double cost_noise = 1;  ///< multiplies its mean cost
};

/// Case draws of one run.
class CaseDraws {
 public:
  CaseDraws(const ScenarioConfig& scenario, sim::StreamKey key);
  /// The case of onset `onset`.
  DrawnCase draw(std::uint64_t onset) const;

 private:
  const ScenarioConfig& scenario_;
  sim::AliasTable groups_;
  sim::StreamKey key_;
};

}  // namespace reformsim::agents
