#include "agents/scenario/primary_care_loader.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "agents/network/referral_network.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/read.hpp"

namespace reformsim::agents {

namespace {

using config::as_int;
using config::get_child;
using config::get_int;
using config::get_real;
using config::get_string;
using config::location_at_path;
using config::Node;

// Hospital ids by name; `unknown` reports a name that is not a hospital of the scenario.
struct HospitalNames {
  std::unordered_map<std::string, std::size_t> id;
  explicit HospitalNames(const ScenarioConfig& s) {
    for (std::size_t h = 0; h < s.hospitals.size(); ++h) id[s.hospitals[h].name] = h;
  }
  bool known(const Node& root, const std::string& path, const std::string& name, config::ErrorList& errors) const {
    if (id.count(name)) return true;
    errors.add(location_at_path(root, path), path, "'" + name + "' is not a hospital of `hospitals:`");
    return false;
  }
};

void read_network(const Node& root, ScenarioConfig& s, const HospitalNames& names, config::ErrorList& errors) {
  const Node& n = get_child(root, "network");
  NetworkConfig& net = s.network;
  net.travel_utility_per_hour = get_real(n, "travel_utility_per_hour");
  net.refer_up_weight = get_real(n, "refer_up_weight");
  net.refer_down_share = get_real(n, "refer_down_share");
  net.follow_up_cost_yuan = get_real(n, "follow_up_cost_yuan");
  bool names_ok = true;
  std::set<std::string> villages;
  const auto& village_nodes = get_child(n, "villages").items();
  for (std::size_t i = 0; i < village_nodes.size(); ++i) {
    const std::string path = "network.villages[" + std::to_string(i) + "]";
    VillageClinic v{get_string(village_nodes[i], "name"), static_cast<int>(get_int(village_nodes[i], "region")),
                    get_string(village_nodes[i], "township"), get_real(village_nodes[i], "minutes")};
    if (!villages.insert(v.name).second) {
      errors.add(location_at_path(root, path + ".name"), path + ".name", "duplicate village clinic '" + v.name + "'");
    }
    if (v.region >= s.population.regions) {
      names_ok = false;  // the graph is not built over a region that does not exist
      errors.add(location_at_path(root, path + ".region"), path + ".region",
                 "region " + std::to_string(v.region) +
                     " does not exist (population.regions = " + std::to_string(s.population.regions) + ")");
    }
    if (names.known(root, path + ".township", v.township, errors)) {
      if (s.hospitals[names.id.at(v.township)].tier != 1) {
        errors.add(location_at_path(root, path + ".township"), path + ".township",
                   "'" + v.township + "' is not a tier-1 (township or community) unit");
      }
    } else {
      names_ok = false;
    }
    net.villages.push_back(v);
  }
  const auto& links = get_child(n, "links").items();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const std::string path = "network.links[" + std::to_string(i) + "]";
    NetworkLink link{get_string(links[i], "from"), get_string(links[i], "to"), get_real(links[i], "minutes")};
    names_ok = names.known(root, path + ".from", link.from, errors) && names_ok;
    names_ok = names.known(root, path + ".to", link.to, errors) && names_ok;
    net.links.push_back(link);
  }
  if (!net.active() || !names_ok) return;
  for (std::size_t h : ReferralNetwork(s).isolated_primary_units()) {
    errors.add(location_at_path(root, "network.links"), "network.links",
               "primary unit '" + s.hospitals[h].name + "' is not connected to any tier-2 or tier-3 hospital");
  }
}

void read_family_doctors(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  const Node& n = get_child(root, "family_doctors");
  FamilyDoctorConfig& f = s.family_doctors;
  f.initial_coverage = get_real(n, "initial_coverage");
  f.coverage_growth = get_real(n, "coverage_growth");
  f.max_coverage = get_real(n, "max_coverage");
  f.priority_weight = get_real(n, "priority_weight");
  f.annual_fee_yuan = get_real(n, "annual_fee_yuan");
  f.fund_share = get_real(n, "fund_share");
  f.public_health_share = get_real(n, "public_health_share");
  f.team_pay_share = get_real(n, "team_pay_share");
  f.follow_ups_per_year = static_cast<int>(get_int(n, "follow_ups_per_year"));
  f.chronic_admission_reduction = get_real(n, "chronic_admission_reduction");
  f.primary_first_utility = get_real(n, "primary_first_utility");
  f.referred_ratio_bonus = get_real(n, "referred_ratio_bonus");
  f.bypass_ratio_penalty = get_real(n, "bypass_ratio_penalty");
  if (f.fund_share + f.public_health_share > 1 + 1e-12) {
    errors.add(location_at_path(root, "family_doctors.public_health_share"), "family_doctors.public_health_share",
               "fund_share + public_health_share exceed 1: the resident's part would be negative");
  }
  if (f.initial_coverage > f.max_coverage) {
    errors.add(location_at_path(root, "family_doctors.initial_coverage"), "family_doctors.initial_coverage",
               "above family_doctors.max_coverage");
  }
  if (!f.active()) return;
  for (int r = 0; r < s.population.regions; ++r) {
    const bool has_primary = std::any_of(s.hospitals.begin(), s.hospitals.end(),
                                         [r](const HospitalConfig& h) { return h.tier == 1 && h.region == r; });
    if (!has_primary) {
      errors.add(location_at_path(root, "family_doctors"), "family_doctors",
                 "region " + std::to_string(r) + " has no tier-1 unit for its family-doctor teams");
    }
  }
}

void read_alliances(const Node& root, ScenarioConfig& s, const HospitalNames& names, config::ErrorList& errors) {
  std::set<std::string> alliance_names;
  std::set<std::size_t> taken;
  const auto& list = get_child(root, "alliances").items();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Node& n = list[i];
    const std::string path = "alliances[" + std::to_string(i) + "]";
    AllianceConfig a;
    a.name = get_string(n, "name");
    a.lead = get_string(n, "lead");
    for (const Node& m : get_child(n, "members").items()) a.members.push_back(m.text());
    for (const Node& r : get_child(n, "regions").items()) a.regions.push_back(static_cast<int>(as_int(r)));
    a.per_capita_budget_yuan = get_real(n, "per_capita_budget_yuan");
    a.surplus_retention = get_real(n, "surplus_retention");
    a.overspend_share = get_real(n, "overspend_share");
    a.outreach_quality = get_real(n, "outreach_quality");
    a.outreach_beds = static_cast<int>(get_int(n, "outreach_beds"));
    if (!alliance_names.insert(a.name).second) {
      errors.add(location_at_path(root, path + ".name"), path + ".name", "duplicate alliance '" + a.name + "'");
    }
    std::vector<std::pair<std::string, std::string>> hospitals{{path + ".lead", a.lead}};
    for (std::size_t m = 0; m < a.members.size(); ++m) {
      hospitals.push_back({path + ".members[" + std::to_string(m) + "]", a.members[m]});
    }
    for (const auto& [key, name] : hospitals) {
      if (!names.known(root, key, name, errors)) continue;
      const std::size_t id = names.id.at(name);
      if (!taken.insert(id).second) {
        errors.add(location_at_path(root, key), key, "'" + name + "' already belongs to an alliance");
      }
      a.hospital_ids.push_back(id);
    }
    for (std::size_t r = 0; r < a.regions.size(); ++r) {
      if (a.regions[r] < s.population.regions) continue;
      const std::string key = path + ".regions[" + std::to_string(r) + "]";
      errors.add(location_at_path(root, key), key, "region " + std::to_string(a.regions[r]) + " does not exist");
    }
    // Specialist outreach: the lead's specialists sit in the members' primary units.
    for (std::size_t id : a.hospital_ids) {
      HospitalConfig& h = s.hospitals[id];
      if (h.tier != 1 || id == a.hospital_ids.front()) continue;
      h.quality = std::min(1.0, h.quality + a.outreach_quality);
      h.beds += a.outreach_beds;
    }
    s.alliances.push_back(std::move(a));
  }
}

}  // namespace

void read_primary_care(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  const HospitalNames names(s);
  read_network(root, s, names, errors);
  read_family_doctors(root, s, errors);
  read_alliances(root, s, names, errors);
  if (!s.alliances.empty() && s.payment.global_budget.mode != BudgetMode::None) {
    errors.add(location_at_path(root, "alliances"), "alliances",
               "county alliances and payment.global_budget cannot be combined: their members would be settled against "
               "two budgets");
  }
}

}  // namespace reformsim::agents
