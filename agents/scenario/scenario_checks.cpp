// Second-pass rules of the city and the shocks: what no single declaration can say.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "agents/scenario/scenario_declarations.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

using config::report_at;

void check_city(const config::Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  double share_sum = 0;
  int previous_to = -1;
  for (std::size_t i = 0; i < s.population.age_bands.size(); ++i) {
    const AgeBand& b = s.population.age_bands[i];
    const std::string path = "population.age_bands[" + std::to_string(i) + "]";
    share_sum += b.share;
    if (b.from_age > b.to_age) {
      report_at(errors, root, path + ".to_age",
                "to_age " + std::to_string(b.to_age) + " is below from_age " + std::to_string(b.from_age));
    }
    if (b.from_age <= previous_to) {
      report_at(errors, root, path + ".from_age",
                "age bands must be ascending and must not overlap (previous band ends at " +
                    std::to_string(previous_to) + ")");
    }
    previous_to = b.to_age;
  }
  if (std::abs(share_sum - 1.0) > 1e-6) {
    report_at(errors, root, "population.age_bands", "shares must sum to 1, they sum to " + std::to_string(share_sum));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < s.hospitals.size(); ++i) {
    const HospitalConfig& h = s.hospitals[i];
    const std::string path = "hospitals[" + std::to_string(i) + "]";
    if (!names.insert(h.name).second)
      report_at(errors, root, path + ".name", "duplicate hospital name '" + h.name + "'");
    if (h.region >= s.population.regions) {
      report_at(errors, root, path + ".region",
                "region " + std::to_string(h.region) +
                    " does not exist (population.regions = " + std::to_string(s.population.regions) + ")");
    }
  }
  const CapacityConfig& cap = s.capacity;
  const double leave_sum = cap.leave_to_other_hospital + cap.leave_out_of_region + cap.leave_untreated;
  if (std::abs(leave_sum - 1.0) > 1e-6) {
    report_at(errors, root,
              std::vector<std::string>{"capacity.leave_to_other_hospital", "capacity.leave_out_of_region",
                                       "capacity.leave_untreated"},
              "the shares of those who leave the queue must sum to 1, they sum to " + std::to_string(leave_sum));
  }
  const DemographyConfig& d = s.population.demography;
  if (d.migrant_min_age > d.migrant_max_age) {
    report_at(
        errors, root,
        std::vector<std::string>{"population.demography.migrant_min_age", "population.demography.migrant_max_age"},
        "migrant_min_age must not exceed migrant_max_age");
  }
  if (!d.life_table_file) {
    const std::pair<const char*, double> rates[] = {{"births_per_1000", d.births_per_1000},
                                                    {"in_migrants_per_1000", d.in_migrants_per_1000},
                                                    {"out_migration_rate", d.out_migration_rate},
                                                    {"employee_entry_rate", d.employee_entry_rate},
                                                    {"employee_exit_rate", d.employee_exit_rate}};
    for (const auto& [key, value] : rates) {
      if (value > 0)
        report_at(errors, root, std::string("population.demography.") + key,
                  "has no effect without population.demography.life_table (demography is off)");
    }
  }
  if (s.fund.base_floor_ratio > s.fund.base_ceiling_ratio) {
    report_at(errors, root, std::vector<std::string>{"fund.base_floor_ratio", "fund.base_ceiling_ratio"},
              "base_floor_ratio must not exceed base_ceiling_ratio");
  }
}

namespace {

// The fields a shock type needs, and those it accepts besides.
struct ShockFields {
  std::vector<std::string> needs, allows;
};

ShockFields fields_of(ShockType type) {
  switch (type) {
    case ShockType::AdmissionSurge:
      return {{"factor"}, {"to_year"}};
    case ShockType::AgeingDrift:
    case ShockType::UtilisationTrend:
    case ShockType::WageGrowth:
      return {{"annual_growth"}, {}};
    case ShockType::EmployerRate:
      return {{"employer_rate"}, {}};
    case ShockType::NewTechnology:
      return {{"group", "factor"}, {}};
  }
  return {};
}

}  // namespace

void check_index_reference(const config::Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  if (s.indices.reference_year > s.horizon_years) {
    report_at(errors, root, "indices.reference_year",
              "year " + std::to_string(s.indices.reference_year) +
                  " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
  }
}

void resolve_shocks(const config::Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  for (std::size_t i = 0; i < s.shocks.size(); ++i) {
    Shock& shock = s.shocks[i];
    const std::string path = "shocks[" + std::to_string(i) + "]";
    const std::string type = config::find_at_path(root, path + ".type")->text();
    const ShockFields f = fields_of(shock.type);
    const std::pair<const char*, bool> present[] = {{"to_year", shock.to_year.has_value()},
                                                    {"factor", shock.factor.has_value()},
                                                    {"annual_growth", shock.annual_growth.has_value()},
                                                    {"employer_rate", shock.employer_rate.has_value()},
                                                    {"group", shock.group.has_value()}};
    for (const auto& [key, given] : present) {
      const bool needed = std::find(f.needs.begin(), f.needs.end(), key) != f.needs.end();
      const bool allowed = needed || std::find(f.allows.begin(), f.allows.end(), key) != f.allows.end();
      if (needed && !given) report_at(errors, root, path, "'" + type + "' shocks need '" + key + "'");
      if (!allowed && given) report_at(errors, root, path + "." + key, "does not apply to '" + type + "' shocks");
    }
    if (shock.from_year > s.horizon_years) {
      report_at(errors, root, path + ".from_year",
                "shock in year " + std::to_string(shock.from_year) +
                    " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
    }
    if (shock.to_year && (*shock.to_year < shock.from_year || *shock.to_year > s.horizon_years)) {
      report_at(errors, root, path + ".to_year",
                "must lie between from_year and the horizon (" + std::to_string(s.horizon_years) + ")");
    }
    if (shock.type == ShockType::AgeingDrift && s.population.demography.life_table_file) {
      report_at(errors, root, path + ".type",
                "ageing_drift counts ageing twice when population.demography is on (ages advance and rates follow "
                "them); use utilisation_trend for the growth demography does not explain");
    }
    if (shock.group && s.catalogue) {
      if (const std::optional<std::size_t> g = s.catalogue->find(*shock.group)) {
        shock.group_id = *g;
      } else {
        report_at(errors, root, path + ".group", "group '" + *shock.group + "' is not in the catalogue");
      }
    }
  }
}

}  // namespace reformsim::agents
