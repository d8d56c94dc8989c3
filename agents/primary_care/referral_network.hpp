#pragma once
// The referral network as a Boost.Graph graph: one vertex per hospital and per village clinic,
// undirected edges weighted by travel minutes (village → its township centre, and the `network.links` roads).
// Shortest paths give travel times for provider choice and the targets of upward and downward referrals.
#include <cstddef>
#include <optional>
#include <vector>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

class ReferralNetwork {
 public:
  /// Builds the graph; village townships and link ends must name hospitals (the loader checks them first).
  explicit ReferralNetwork(const ScenarioConfig& scenario);
  /// Shortest travel time between two hospitals (infinite when unconnected).
  double minutes(std::size_t from_hospital, std::size_t to_hospital) const;
  /// Mean shortest travel time from the region's village clinics to a hospital (0 for a region without any).
  double region_minutes(int region, std::size_t hospital) const;
  /// The nearest hospital of a higher tier than `hospital` (ties: lower tier, then scenario order), if reachable.
  std::optional<std::size_t> refer_up_target(std::size_t hospital) const;
  /// The nearest tier-1 hospital, if reachable (a tier-1 hospital is its own).
  std::optional<std::size_t> refer_down_target(std::size_t hospital) const;
  /// The hospitals (and village clinics, as scenario hospitals count + village index) along the shortest path.
  std::vector<std::size_t> path(std::size_t from_vertex, std::size_t to_vertex) const;
  /// Tier-1 hospitals with no path to any tier-2 or tier-3 hospital.
  std::vector<std::size_t> isolated_primary_units() const;

 private:
  std::vector<int> tier_;  ///< per hospital
  std::size_t hospitals_ = 0, vertices_ = 0;
  std::vector<double> distance_;          ///< [from vertex][to vertex]
  std::vector<std::size_t> predecessor_;  ///< [from vertex][to vertex]
  std::vector<std::vector<std::size_t>> villages_by_region_;
  std::optional<std::size_t> nearest(std::size_t hospital, int min_tier, int max_tier) const;
};

}  // namespace reformsim::agents
