// Declarations of primary care — the referral network, family doctors, county alliances — and their rules.
#include "agents/primary_care/primary_care_declarations.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "agents/primary_care/referral_network.hpp"
#include "agents/scenario/hospital_names.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;
using config::report_at;

SpecPtr share(double def, std::string doc) {
  return Spec::real()->range(0, 1)->def(def)->unit("fraction")->doc(std::move(doc));
}

Binding<VillageClinic> village_binding() {
  return Binding<VillageClinic>("VillageClinic")
      .field("name", &VillageClinic::name, Spec::string()->doc("village clinic name (unique)"))
      .field("region", &VillageClinic::region, Spec::integer()->range(0, 1000)->doc("region of its patients"))
      .field("township", &VillageClinic::township, Spec::string()->doc("the tier-1 hospital it belongs to"))
      .field("minutes", &VillageClinic::minutes, Spec::real()->min(0)->unit("minutes")->doc("travel to the township"));
}

Binding<NetworkLink> link_binding() {
  return Binding<NetworkLink>("NetworkLink")
      .field("from", &NetworkLink::from, Spec::string()->doc("hospital name"))
      .field("to", &NetworkLink::to, Spec::string()->doc("hospital name"))
      .field("minutes", &NetworkLink::minutes, Spec::real()->greater_than(0)->unit("minutes")->doc("travel time"));
}

// Hospital ids by name; known() reports a name that is not a hospital of the scenario.
void check_network(const Node& root, const ScenarioConfig& s, const HospitalNames& names, config::ErrorList& errors) {
  const NetworkConfig& net = s.network;
  bool names_ok = true;
  std::set<std::string> villages;
  for (std::size_t i = 0; i < net.villages.size(); ++i) {
    const VillageClinic& v = net.villages[i];
    const std::string path = "network.villages[" + std::to_string(i) + "]";
    if (!villages.insert(v.name).second)
      report_at(errors, root, path + ".name", "duplicate village clinic '" + v.name + "'");
    if (v.region >= s.population.regions) {
      names_ok = false;  // the graph is not built over a region that does not exist
      report_at(errors, root, path + ".region",
                "region " + std::to_string(v.region) +
                    " does not exist (population.regions = " + std::to_string(s.population.regions) + ")");
    }
    if (names.known(root, path + ".township", v.township, errors)) {
      if (s.hospitals[names.id.at(v.township)].tier != 1) {
        report_at(errors, root, path + ".township",
                  "'" + v.township + "' is not a tier-1 (township or community) unit");
      }
    } else {
      names_ok = false;
    }
  }
  for (std::size_t i = 0; i < net.links.size(); ++i) {
    const std::string path = "network.links[" + std::to_string(i) + "]";
    names_ok = names.known(root, path + ".from", net.links[i].from, errors) && names_ok;
    names_ok = names.known(root, path + ".to", net.links[i].to, errors) && names_ok;
  }
  if (!net.active() || !names_ok) return;
  for (std::size_t h : ReferralNetwork(s).isolated_primary_units()) {
    report_at(errors, root, "network.links",
              "primary unit '" + s.hospitals[h].name + "' is not connected to any tier-2 or tier-3 hospital");
  }
}

void check_family_doctors(const Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  const FamilyDoctorConfig& f = s.family_doctors;
  if (f.fund_share + f.public_health_share > 1 + 1e-12) {
    report_at(errors, root, std::vector<std::string>{"family_doctors.public_health_share", "family_doctors.fund_share"},
              "fund_share + public_health_share exceed 1: the resident's part would be negative");
  }
  if (f.initial_coverage > f.max_coverage) {
    report_at(errors, root, std::vector<std::string>{"family_doctors.initial_coverage", "family_doctors.max_coverage"},
              "initial_coverage is above max_coverage");
  }
  if (!f.active()) return;
  for (int r = 0; r < s.population.regions; ++r) {
    const bool has_primary = std::any_of(s.hospitals.begin(), s.hospitals.end(),
                                         [r](const HospitalConfig& h) { return h.tier == 1 && h.region == r; });
    if (!has_primary) {
      report_at(errors, root, "family_doctors",
                "region " + std::to_string(r) + " has no tier-1 unit for its family-doctor teams");
    }
  }
}

void resolve_alliances(const Node& root, ScenarioConfig& s, const HospitalNames& names, config::ErrorList& errors) {
  std::set<std::string> alliance_names;
  std::set<std::size_t> taken;
  for (std::size_t i = 0; i < s.alliances.size(); ++i) {
    AllianceConfig& a = s.alliances[i];
    const std::string path = "alliances[" + std::to_string(i) + "]";
    if (!alliance_names.insert(a.name).second)
      report_at(errors, root, path + ".name", "duplicate alliance '" + a.name + "'");
    std::vector<std::pair<std::string, std::string>> hospitals{{path + ".lead", a.lead}};
    for (std::size_t m = 0; m < a.members.size(); ++m) {
      hospitals.push_back({path + ".members[" + std::to_string(m) + "]", a.members[m]});
    }
    a.hospital_ids.clear();
    for (const auto& [key, name] : hospitals) {
      if (!names.known(root, key, name, errors)) continue;
      const std::size_t id = names.id.at(name);
      if (!taken.insert(id).second) report_at(errors, root, key, "'" + name + "' already belongs to an alliance");
      a.hospital_ids.push_back(id);
    }
    for (std::size_t r = 0; r < a.regions.size(); ++r) {
      if (a.regions[r] < s.population.regions) continue;
      report_at(errors, root, path + ".regions[" + std::to_string(r) + "]",
                "region " + std::to_string(a.regions[r]) + " does not exist");
    }
    // Specialist outreach: the lead's specialists sit in the members' primary units.
    for (std::size_t id : a.hospital_ids) {
      HospitalConfig& h = s.hospitals[id];
      if (h.tier != 1 || id == a.hospital_ids.front()) continue;
      h.quality = std::min(1.0, h.quality + a.outreach_quality);
      h.beds += a.outreach_beds;
    }
  }
}

}  // namespace

Binding<NetworkConfig> network_binding() {
  return Binding<NetworkConfig>("NetworkConfig")
      .list("villages", &NetworkConfig::villages, village_binding(),
            [](SpecPtr s) {
              return s->def_node(Node::sequence())->doc("village clinics (村卫生室): where a region's patients start");
            })
      .list(
          "links", &NetworkConfig::links, link_binding(),
          [](SpecPtr s) {
            return s->def_node(Node::sequence())->doc("roads between hospitals (undirected): township → county → city");
          })
      .field("travel_utility_per_hour", &NetworkConfig::travel_utility_per_hour,
             Spec::real()->range(-100, 0)->def(0.0)->unit("1/hour")->doc(
                 "choice utility per hour of travel from the region's village clinics"))
      .field("refer_up_weight", &NetworkConfig::refer_up_weight,
             Spec::real()->min(0)->def(0.0)->unit("weight")->doc(
                 "cases at least this heavy admitted at a tier-1 unit are referred to the nearest higher-tier hospital "
                 "(0: never)"))
      .field("refer_down_share", &NetworkConfig::refer_down_share,
             share(0.0, "share of tier-2/3 discharges referred down for a follow-up at the nearest tier-1 unit"))
      .field("follow_up_cost_yuan", &NetworkConfig::follow_up_cost_yuan,
             Spec::real()->min(0)->def(80.0)->unit("yuan")->doc("bill of that follow-up visit"));
}

Binding<FamilyDoctorConfig> family_doctor_binding() {
  return Binding<FamilyDoctorConfig>("FamilyDoctorConfig")
      .field("initial_coverage", &FamilyDoctorConfig::initial_coverage,
             share(0.0, "share of the insured contracted in year 1"))
      .field("coverage_growth", &FamilyDoctorConfig::coverage_growth,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.0)
                 ->unit("fraction/year")
                 ->doc("coverage added each year (1–3 points in the 2022 guidance)"))
      .field("max_coverage", &FamilyDoctorConfig::max_coverage,
             share(0.75, "the coverage target (≥ 75% by 2035); at most 100%"))
      .field("priority_weight", &FamilyDoctorConfig::priority_weight,
             Spec::real()->range(1, 100)->def(3.0)->unit("ratio")->doc(
                 "the elderly (60+) and the chronic sign up this many times as readily"))
      .field("annual_fee_yuan", &FamilyDoctorConfig::annual_fee_yuan,
             Spec::real()->min(0)->def(120.0)->unit("yuan/year")->doc("contract fee per resident"))
      .field("fund_share", &FamilyDoctorConfig::fund_share,
             share(0.5, "part of the fee the insurance fund pays (capitation)"))
      .field("public_health_share", &FamilyDoctorConfig::public_health_share,
             share(0.3, "part paid from public-health funds; the resident pays the rest"))
      .field("team_pay_share", &FamilyDoctorConfig::team_pay_share,
             share(0.7, "part of the fee pool that goes to the team's pay"))
      .field("follow_ups_per_year", &FamilyDoctorConfig::follow_ups_per_year,
             Spec::integer()
                 ->range(0, 52)
                 ->def(4)
                 ->unit("visits/year")
                 ->doc("follow-ups of each contracted elderly or chronic resident"))
      .field("chronic_admission_reduction", &FamilyDoctorConfig::chronic_admission_reduction,
             share(0.0, "contracted chronic residents' admission rate falls by this"))
      .field("primary_first_utility", &FamilyDoctorConfig::primary_first_utility,
             Spec::real()->range(-10, 10)->def(0.0)->unit("utility")->doc(
                 "choice utility of tier-1 units for contracted residents (first contact)"))
      .field("referred_ratio_bonus", &FamilyDoctorConfig::referred_ratio_bonus,
             share(0.0, "reimbursement ratio added when a contracted resident is referred up"))
      .field("bypass_ratio_penalty", &FamilyDoctorConfig::bypass_ratio_penalty,
             share(0.0,
                   "reimbursement ratio taken off when a contracted resident goes to a tier-2/3 hospital without "
                   "referral"));
}

Binding<AllianceConfig> alliance_binding() {
  return Binding<AllianceConfig>("AllianceConfig")
      .field("name", &AllianceConfig::name, Spec::string()->doc("alliance name (unique)"))
      .field("lead", &AllianceConfig::lead, Spec::string()->doc("the lead (county) hospital"))
      .field("members", &AllianceConfig::members,
             Spec::array(Spec::string())->def_node(Node::sequence())->doc("member hospitals besides the lead"))
      .field("regions", &AllianceConfig::regions,
             Spec::array(Spec::integer()->range(0, 1000))
                 ->min_items(1)
                 ->doc("regions whose insured the budget is per head of"))
      .field("per_capita_budget_yuan", &AllianceConfig::per_capita_budget_yuan,
             Spec::real()
                 ->greater_than(0)
                 ->unit("yuan/person/year")
                 ->doc("the fund's yearly budget for the members' fund payments, per insured"))
      .field("surplus_retention", &AllianceConfig::surplus_retention,
             share(1.0, "share of an under-spend the alliance keeps"))
      .field("overspend_share", &AllianceConfig::overspend_share,
             share(1.0, "share of an overspend the alliance bears"))
      .field("outreach_quality", &AllianceConfig::outreach_quality,
             Spec::real()->range(0, 1)->def(0.0)->unit("quality")->doc(
                 "specialist outreach: perceived quality added at member tier-1 units"))
      .field("outreach_beds", &AllianceConfig::outreach_beds,
             Spec::integer()->range(0, 10000)->def(0)->unit("beds")->doc("… and beds added at each of them"));
}

void resolve_primary_care(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  const HospitalNames names(s);
  check_network(root, s, names, errors);
  check_family_doctors(root, s, errors);
  resolve_alliances(root, s, names, errors);
  if (!s.alliances.empty() && s.payment.global_budget.mode != BudgetMode::None) {
    report_at(errors, root, "alliances",
              "county alliances and payment.global_budget cannot be combined: their members would be settled against "
              "two budgets");
  }
}

}  // namespace reformsim::agents
