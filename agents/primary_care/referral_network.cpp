#include "agents/primary_care/referral_network.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>
#include <unordered_map>

namespace reformsim::agents {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;

}  // namespace

ReferralNetwork::ReferralNetwork(const ScenarioConfig& s) {
  hospitals_ = s.hospitals.size();
  vertices_ = hospitals_ + s.network.villages.size();
  std::unordered_map<std::string, std::size_t> id;
  for (std::size_t h = 0; h < hospitals_; ++h) {
    id[s.hospitals[h].name] = h;
    tier_.push_back(s.hospitals[h].tier);
  }
  Graph g(vertices_);
  for (const NetworkLink& link : s.network.links) boost::add_edge(id.at(link.from), id.at(link.to), link.minutes, g);
  villages_by_region_.assign(static_cast<std::size_t>(s.population.regions), {});
  for (std::size_t v = 0; v < s.network.villages.size(); ++v) {
    const VillageClinic& village = s.network.villages[v];
    boost::add_edge(hospitals_ + v, id.at(village.township), village.minutes, g);
    villages_by_region_[static_cast<std::size_t>(village.region)].push_back(hospitals_ + v);
  }
  distance_.assign(vertices_ * vertices_, std::numeric_limits<double>::infinity());
  predecessor_.assign(vertices_ * vertices_, 0);
  for (std::size_t from = 0; from < vertices_; ++from) {
    std::vector<double> d(vertices_);
    std::vector<std::size_t> p(vertices_);
    boost::dijkstra_shortest_paths(g, from, boost::predecessor_map(p.data()).distance_map(d.data()));
    for (std::size_t to = 0; to < vertices_; ++to) {
      // Boost marks unreachable vertices with the largest double; keep them infinite.
      if (d[to] < std::numeric_limits<double>::max()) distance_[from * vertices_ + to] = d[to];
      predecessor_[from * vertices_ + to] = p[to];
    }
  }
}

double ReferralNetwork::minutes(std::size_t from, std::size_t to) const { return distance_[from * vertices_ + to]; }

double ReferralNetwork::region_minutes(int region, std::size_t hospital) const {
  const auto& villages = villages_by_region_[static_cast<std::size_t>(region)];
  if (villages.empty()) return 0;
  double sum = 0;
  for (std::size_t v : villages) sum += distance_[v * vertices_ + hospital];
  return sum / static_cast<double>(villages.size());
}

std::optional<std::size_t> ReferralNetwork::nearest(std::size_t hospital, int min_tier, int max_tier) const {
  std::optional<std::size_t> best;
  for (std::size_t h = 0; h < hospitals_; ++h) {
    if (tier_[h] < min_tier || tier_[h] > max_tier) continue;
    const double d = minutes(hospital, h);
    if (d == std::numeric_limits<double>::infinity()) continue;
    if (!best || d < minutes(hospital, *best) || (d == minutes(hospital, *best) && tier_[h] < tier_[*best])) best = h;
  }
  return best;
}

std::optional<std::size_t> ReferralNetwork::refer_up_target(std::size_t hospital) const {
  return nearest(hospital, tier_[hospital] + 1, 3);
}

std::optional<std::size_t> ReferralNetwork::refer_down_target(std::size_t hospital) const {
  return nearest(hospital, 1, 1);
}

std::vector<std::size_t> ReferralNetwork::path(std::size_t from, std::size_t to) const {
  if (distance_[from * vertices_ + to] == std::numeric_limits<double>::infinity()) return {};
  std::vector<std::size_t> reversed{to};
  for (std::size_t v = to; v != from;) reversed.push_back(v = predecessor_[from * vertices_ + v]);
  return {reversed.rbegin(), reversed.rend()};
}

std::vector<std::size_t> ReferralNetwork::isolated_primary_units() const {
  std::vector<std::size_t> out;
  for (std::size_t h = 0; h < hospitals_; ++h) {
    if (tier_[h] == 1 && !nearest(h, 2, 3)) out.push_back(h);
  }
  return out;
}

}  // namespace reformsim::agents
