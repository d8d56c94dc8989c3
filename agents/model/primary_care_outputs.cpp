#include "agents/model/primary_care_outputs.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace reformsim::agents {

namespace {

using namespace outputs;

using YearField = double HospitalYearMetrics::*;
using AllianceField = double RunMetrics::AllianceYear::*;

Declared per_alliance(std::string name, std::string units, std::string description, AllianceField field) {
  return {{"alliances/" + name, {"alliance", "year"}, std::move(units), std::move(description)},
          [field](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
            const std::size_t years = layout.axis_size("year"), alliances = layout.axis_size("alliance");
            const auto run_years = static_cast<std::size_t>(s.horizon_years);
            for (std::size_t a = 0; a < s.alliances.size() && a < alliances; ++a) {
              for (std::size_t y = 0; y < run_years && y < years; ++y) {
                row[a * years + y] = m.alliance_years[a * run_years + y].*field;
              }
            }
          }};
}

double final_year_hospitals(const RunMetrics& m, YearField field) {
  double s = 0;
  for (const auto& years : m.hospital_years) s += years.back().*field;
  return s;
}

// Contracts, capitation and chronic-care management come from family doctors; referrals from the network.
const std::vector<Mechanism> kContracts{Mechanism::FamilyDoctors};
const std::vector<Mechanism> kNetwork{Mechanism::Referrals};

}  // namespace

experiment::AxisSpec alliance_axis(const ScenarioConfig& first) {
  experiment::AxisSpec axis{"alliance", {}, "county alliance (医共体), in scenario order"};
  for (const AllianceConfig& a : first.alliances) axis.labels.push_back(a.name);
  if (axis.labels.empty()) axis.labels.push_back("none");
  return axis;
}

void add_primary_care_metrics(std::vector<Declared>& d) {
  const std::tuple<const char*, const char*, const char*, YearField, std::vector<Mechanism>> per_unit[] = {
      {"contracts", "residents", "family-doctor contracts of the unit's teams", &HospitalYearMetrics::contracts,
       kContracts},
      {"key_contracts", "residents", "… of elderly (60+) or chronic residents", &HospitalYearMetrics::key_contracts,
       kContracts},
      {"follow_ups", "visits", "follow-ups owed to contracted elderly and chronic residents",
       &HospitalYearMetrics::follow_ups, kContracts},
      {"capitation_fund_yuan", "yuan", "the fund's part of the contract fees (capitation)",
       &HospitalYearMetrics::capitation_fund_yuan, kContracts},
      {"capitation_resident_yuan", "yuan", "the residents' part of the contract fees",
       &HospitalYearMetrics::capitation_resident_yuan, kContracts},
      {"public_health_yuan", "yuan", "the public-health funds' part of the fees (outside the insurance fund)",
       &HospitalYearMetrics::public_health_yuan, kContracts},
      {"team_pay_yuan", "yuan", "the teams' share of the fee pool", &HospitalYearMetrics::team_pay_yuan, kContracts},
      {"referrals_up", "cases", "severe cases the unit referred up the network", &HospitalYearMetrics::referrals_up,
       kNetwork},
      {"referrals_down", "visits", "follow-ups the unit received from tier-2/3 discharges",
       &HospitalYearMetrics::referrals_down, kNetwork},
      {"avoided_admissions", "cases", "admissions of contracted chronic residents avoided by chronic-care management",
       &HospitalYearMetrics::avoided_admissions, kContracts},
      {"outpatient_fund_yuan",
       "yuan",
       "fund payments for outpatient visits",
       &HospitalYearMetrics::outpatient_fund_yuan,
       {}},
  };
  for (const auto& [name, units, description, field, needs] : per_unit) {
    d.push_back(hospital_year(name, units, description,
                              [f = field](const HospitalYearMetrics& y, const HospitalConfig&) { return y.*f; }));
    d.back().needs = needs;
  }
  const std::size_t alliances = d.size();
  d.push_back(per_alliance("budget_yuan", "yuan", "per-capita global budget of the year",
                           &RunMetrics::AllianceYear::budget_yuan));
  d.push_back(per_alliance("spending_yuan", "yuan",
                           "members' fund payments (inpatient net of claw-backs, outpatient, capitation)",
                           &RunMetrics::AllianceYear::spending_yuan));
  d.push_back(per_alliance("settlement_yuan", "yuan",
                           "year-end settlement: retained surplus (+) or borne overspend (−), through the lead",
                           &RunMetrics::AllianceYear::settlement_yuan));
  produced_by(d, alliances, {Mechanism::Alliances});
  const std::size_t coverage = d.size();
  d.push_back(scalar("contract_coverage", "fraction", "contracted ÷ insured (final simulated year)",
                     [](const ScenarioConfig&, const RunMetrics& m) {
                       return ratio(m.contracted_insured.back(), m.population_years.back().insured);
                     }));
  d.push_back(scalar("key_population_coverage", "fraction",
                     "contracted elderly and chronic ÷ all elderly and chronic (final simulated year)",
                     [](const ScenarioConfig&, const RunMetrics& m) {
                       return ratio(m.contracted_key.back(), m.population_years.back().key_insured);
                     }));
  produced_by(d, coverage, {Mechanism::FamilyDoctors});
  for (const auto& [name, description, field, needs] :
       {std::tuple{"referrals_up", "severe cases referred up the network", &HospitalYearMetrics::referrals_up,
                   kNetwork},
        std::tuple{"referrals_down", "follow-ups referred down the network", &HospitalYearMetrics::referrals_down,
                   kNetwork},
        std::tuple{"avoided_admissions", "admissions avoided by chronic-care management",
                   &HospitalYearMetrics::avoided_admissions, kContracts}}) {
    d.push_back(scalar(name, "cases", std::string(description) + " (final simulated year)",
                       [f = field](const ScenarioConfig&, const RunMetrics& m) { return final_year_hospitals(m, f); }));
    d.back().needs = needs;
  }
  d.push_back(scalar("primary_groups_in_tertiary_share", "fraction",
                     "discharges of primary-level (basic) groups treated in tier-3 hospitals ÷ all of them (final "
                     "simulated year)",
                     [](const ScenarioConfig&, const RunMetrics& m) {
                       double basic = 0, tertiary = 0;
                       for (std::size_t t = m.months.size() >= 12 ? m.months.size() - 12 : 0; t < m.months.size();
                            ++t) {
                         basic += m.months[t].basic_group_cases;
                         tertiary += m.months[t].basic_group_cases_tertiary;
                       }
                       return ratio(tertiary, basic);
                     }));
}

}  // namespace reformsim::agents
