// The population's yearly update: cohorts shift exactly without deaths or entrants, a stationary life table with
// matching births keeps the age structure, China's 2020 structure under the shipped life table ages past a 20%
// 60+ share by 2025, life events are the same in every policy arm, and the retirement rules decide who contributes.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "agents/population/demography.hpp"
#include "agents/scenario/life_table.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/simulation.hpp"
#include "tests/agents/run_fixture.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

// A life table with the same q at every age up to `last_age`, then `q_last` (the open row).
std::string flat_life_table(double q, int last_age, double q_last) {
  std::ostringstream t;
  t << "age,male_qx,female_qx\n";
  for (int a = 0; a < last_age; ++a) t << a << ',' << q << ',' << q << '\n';
  t << last_age << ',' << q_last << ',' << q_last << '\n';
  return t.str();
}

// A scenario of `insured` people in one region over `years`, with `population` lines (indented two spaces) under
// population: and `extra` top-level YAML.
std::string city(int insured, int years, const std::string& population, const std::string& extra = "") {
  return "name: demography test\nwarmup_years: 0\nhorizon_years: " + std::to_string(years) +
         "\ncatalogue: " + testing::city_catalogue() +
         "\ndemand: {outpatient_enabled: false}\n"
         "population:\n  insured: " +
         std::to_string(insured) + "\n  regions: 1\n" + population +
         "hospitals:\n"
         "  - {name: Tertiary, tier: 3, beds: 60}\n"
         "  - {name: Secondary, tier: 2, beds: 40}\n"
         "  - {name: Primary, tier: 1, beds: 10}\n" +
         extra;
}

// Population lines: age bands and demography with the life table `table` written to `dir`.
std::string with_demography(testing::TempDir& dir, const std::string& bands, const std::string& table,
                            const std::string& demography) {
  return "  age_bands:\n" + bands + "  demography:\n    life_table: " + dir.write("life.csv", table) + "\n" +
         demography;
}

// The population's age histogram (living persons) by 10-year group, 90+ open, as shares.
std::vector<double> decade_shares(const Population& p) {
  std::vector<double> shares(10, 0.0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.alive(i)) shares[static_cast<std::size_t>(std::min(p.age(i) / 10, 9))] += 1;
  }
  for (double& s : shares) s /= static_cast<double>(p.insured());
  return shares;
}

// Runs only the demography of a fixture through `years` January updates.
struct DemographyRun {
  explicit DemographyRun(const std::string& yaml) : fixture(yaml), books(fixture.run) {}
  void advance(int years) {
    sim::Simulation sim;
    Demography demography(fixture.run, fixture.population, books);
    for (int y = 1; y <= years; ++y) demography.on_year_start(y, sim);
  }
  testing::RunFixture fixture;
  FundBooks books;
};

TEST(DemographyTest, WithoutDeathsOrEntrantsEveryCohortShiftsOneYearPerYear) {
  testing::TempDir dir;
  DemographyRun run(
      city(20000, 5,
           with_demography(dir, "    - {from_age: 0, to_age: 99, share: 1}\n", flat_life_table(0.0, 100, 0.0), "")));
  std::vector<int> before;
  for (std::size_t p = 0; p < run.fixture.population.size(); ++p) before.push_back(run.fixture.population.age(p));
  run.advance(4);
  ASSERT_EQ(run.fixture.population.size(), before.size());
  EXPECT_EQ(run.fixture.population.insured(), before.size());
  for (std::size_t p = 0; p < before.size(); ++p) ASSERT_EQ(run.fixture.population.age(p), before[p] + 4) << p;
}

TEST(DemographyTest, AStationaryLifeTableWithMatchingBirthsKeepsTheAgeStructure) {
  // Constant hazard q: the stationary ages are geometric, share(a) ∝ (1 − q)^a, and births = deaths = q × N.
  const double q = 0.05;
  std::ostringstream bands;
  double total = 0;
  for (int a = 0; a < 99; ++a) total += std::pow(1 - q, a);
  total += std::pow(1 - q, 99) / q;  // the open last band holds every age from 99 on
  for (int a = 0; a < 99; ++a)
    bands << "    - {from_age: " << a << ", to_age: " << a << ", share: " << std::pow(1 - q, a) / total << "}\n";
  bands << "    - {from_age: 99, to_age: 99, share: " << std::pow(1 - q, 99) / q / total << "}\n";
  testing::TempDir dir;
  // The shares are written rounded: the loader's sum check allows 1e-6.
  const std::string yaml = city(100000, 11,
                                with_demography(dir, bands.str(), flat_life_table(q, 100, q),
                                                "    births_per_1000: " + std::to_string(1000 * q) + "\n"));
  DemographyRun run(yaml);
  const std::vector<double> start = decade_shares(run.fixture.population);
  run.advance(10);
  const std::vector<double> end = decade_shares(run.fixture.population);
  for (std::size_t d = 0; d < start.size(); ++d) EXPECT_NEAR(end[d], start[d], 0.006) << "ages " << 10 * d << "+";
  EXPECT_NEAR(static_cast<double>(run.fixture.population.insured()), 100000, 1500);
}

// China's 2020 age structure in 10-year groups, UN World Population Prospects 2019 (as shipped in covasim's
// country_age_data; 70–79 rounded down 0.0001 so the shares sum to 1), ages uniform within each group; the shipped
// life table; births at the 2020 crude birth rate (8.52 per 1,000, NBS statistical communiqué 2020). NBS reports a
// 60+ share of 18.70% in the 2020 census and 22.0% at the end of 2024.
const char* kWpp2019China2020Bands =
    "    - {from_age: 0, to_age: 9, share: 0.1186}\n"
    "    - {from_age: 10, to_age: 19, share: 0.1158}\n"
    "    - {from_age: 20, to_age: 29, share: 0.1286}\n"
    "    - {from_age: 30, to_age: 39, share: 0.1590}\n"
    "    - {from_age: 40, to_age: 49, share: 0.1501}\n"
    "    - {from_age: 50, to_age: 59, share: 0.1544}\n"
    "    - {from_age: 60, to_age: 69, share: 0.1054}\n"
    "    - {from_age: 70, to_age: 79, share: 0.0496}\n"
    "    - {from_age: 80, to_age: 100, share: 0.0185}\n";

TEST(DemographyTest, China2020AgesPastA20PercentSixtyPlusShareBy2025) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      city(50000, 5,
           std::string("  age_bands:\n") + kWpp2019China2020Bands + "  demography:\n    life_table: " +
               testing::source_path("scenarios/data/life_table_china_2020.csv") + "\n    births_per_1000: 8.52\n",
           "start_year: 2021\n"));
  const RunMetrics m = World(s, 3, 0).run();
  const auto share = [&](std::size_t y) { return m.population_years[y].aged_60_plus / m.population_years[y].insured; };
  EXPECT_NEAR(share(0), 0.1735, 0.005);  // 1 January 2021
  EXPECT_GT(share(4), 0.20);             // 1 January 2025 (about 21%)
  for (std::size_t y = 1; y < 5; ++y) EXPECT_GT(share(y), share(y - 1));
  // Deaths per 1,000 stay of the order of the national crude death rate (about 7), not of a synthetic artefact.
  const double deaths_per_1000 = 1000 * m.population_years[1].deaths / m.population_years[0].insured;
  EXPECT_GT(deaths_per_1000, 5);
  EXPECT_LT(deaths_per_1000, 10);
}

TEST(DemographyTest, LifeEventsAreTheSameInEveryPolicyArm) {
  const std::string table = testing::source_path("scenarios/data/life_table_china_2020.csv");
  const std::string base = city(8000, 4,
                                "  demography: {life_table: " + table +
                                    ", births_per_1000: 9, in_migrants_per_1000: 20, out_migration_rate: 0.02, "
                                    "employee_entry_rate: 0.05, employee_exit_rate: 0.03}\n");
  const RunMetrics ffs = World(testing::scenario_from_yaml(base), 5, 0).run();
  const RunMetrics drg =
      World(testing::scenario_from_yaml(base + "payment:\n  switches: [{year: 2, method: drg}]\n"), 5, 0).run();
  for (std::size_t y = 0; y < 4; ++y) {
    const PopulationYearMetrics &a = ffs.population_years[y], &b = drg.population_years[y];
    EXPECT_EQ(a.insured, b.insured);
    EXPECT_EQ(a.deaths, b.deaths);
    EXPECT_EQ(a.in_migrants, b.in_migrants);
    EXPECT_EQ(a.contributing, b.contributing);
    EXPECT_EQ(a.age_sum, b.age_sum);
    EXPECT_EQ(a.chronic, b.chronic);
  }
  EXPECT_GT(ffs.population_years[3].deaths, 0);
  EXPECT_GT(ffs.population_years[3].to_employee, 0);
  EXPECT_GT(ffs.population_years[3].to_resident, 0);
}

TEST(DemographyTest, EntrantsReuseFreedSlotsSoMemoryStaysFlatPerInsured) {
  testing::TempDir dir;
  DemographyRun run(
      city(20000, 11,
           "  demography: {life_table: " + testing::source_path("scenarios/data/life_table_china_2020.csv") +
               ", births_per_1000: 8, in_migrants_per_1000: 10, out_migration_rate: 0.01}\n"));
  run.advance(10);
  const Population& p = run.fixture.population;
  // About 3% of the insured leave each year and as many join: without reuse the slots would grow by a third.
  EXPECT_LT(static_cast<double>(p.size()), 1.02 * static_cast<double>(p.insured()));
  EXPECT_EQ(p.entrants().size(), static_cast<std::size_t>(run.fixture.metrics.population_years[10].births +
                                                          run.fixture.metrics.population_years[10].in_migrants));
}

TEST(DemographyTest, SlotsFreedInAnUpdateAreReusedOnlyFromTheNext) {
  DemographyRun run(
      city(20000, 4,
           "  demography: {life_table: " + testing::source_path("scenarios/data/life_table_china_2020.csv") +
               ", births_per_1000: 12, in_migrants_per_1000: 10, out_migration_rate: 0.02}\n"));
  const std::size_t initial = run.fixture.population.size();
  sim::Simulation sim;
  Demography demography(run.fixture.run, run.fixture.population, run.books);
  demography.on_year_start(1, sim);
  // A stay, a queue or an audit of someone who died this January still reads their slot: no entrant takes it yet.
  for (std::uint32_t slot : run.fixture.population.entrants()) EXPECT_GE(slot, initial);
  demography.on_year_start(2, sim);
  std::size_t reused = 0;
  for (std::uint32_t slot : run.fixture.population.entrants()) reused += slot < initial;
  EXPECT_GT(reused, 0u);
}

TEST(DemographyTest, ASchemeEmptyAtTheStartStillFallsIllWhenPeopleJoinIt) {
  const std::string table = testing::source_path("scenarios/data/life_table_china_2020.csv");
  const ScenarioConfig s = testing::scenario_from_yaml(
      city(20000, 3, "  employee_share: 0\n  demography: {life_table: " + table + ", employee_entry_rate: 0.5}\n"));
  const RunMetrics m = World(s, 5, 0).run();
  EXPECT_GT(m.population_years[2].employees, 5000);
  double employee_spending = 0;
  for (std::size_t i = 24; i < 36; ++i) employee_spending += m.months[i].employee_expenditure_yuan;
  EXPECT_GT(employee_spending, 0);
}

TEST(DemographyTest, ACityWhoseEveryoneDiesRunsToTheEnd) {
  testing::TempDir dir;
  std::string yaml = city(
      2000, 3, with_demography(dir, "    - {from_age: 0, to_age: 100, share: 1}\n", flat_life_table(1.0, 1, 1.0), ""));
  const std::string demand = "demand: {outpatient_enabled: false}";
  yaml.replace(yaml.find(demand), demand.size(), "demand: {outpatient_enabled: false, admissions_per_day: 5}");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  const RunMetrics m = World(s, 5, 0).run();
  EXPECT_EQ(m.population_years[1].insured, 0);
  EXPECT_EQ(m.population_years[1].deaths, 2000);
}

// Everyone aged 55–65, men only: they cross the retirement age (60) during the run.
std::string retiring_city(testing::TempDir& dir, const std::string& contributions) {
  return city(20000, 6,
              with_demography(dir, "    - {from_age: 55, to_age: 65, share: 1}\n", flat_life_table(0.0, 100, 0.0), "") +
                  "  female_share: 0\n  employee_share: 1\n" + contributions);
}

double retirees_contributing(const Population& p) {
  double n = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    n += p.alive(i) && p.age(i) >= 60 && p.scheme(i) == Scheme::Employee && p.has(i, person_flag::kContributing);
  }
  return n;
}

TEST(DemographyTest, RetireesWithTheRequiredYearsStopContributing) {
  testing::TempDir dir;
  DemographyRun run(retiring_city(dir, "  contribution_density: 1\n"));  // 38 years by 60: all exempt
  run.advance(5);
  EXPECT_EQ(retirees_contributing(run.fixture.population), 0);
}

TEST(DemographyTest, RetireesShortOfTheRequiredYearsContributeOnOrPayTheShortfall) {
  testing::TempDir dir;
  // Density 0.5: about 19 years by 60, short of 30.
  DemographyRun continuing(retiring_city(dir, "  contribution_density: 0.5\n"));
  continuing.advance(5);
  EXPECT_GT(retirees_contributing(continuing.fixture.population), 0);

  DemographyRun lump_sum(retiring_city(dir, "  contribution_density: 0.5\n  contribution_shortfall: lump_sum\n"));
  lump_sum.advance(5);
  EXPECT_EQ(retirees_contributing(lump_sum.fixture.population), 0);
  double paid = 0;
  for (const PopulationYearMetrics& y : lump_sum.fixture.metrics.population_years) paid += y.lump_sum_yuan;
  EXPECT_GT(paid, 0);
}

TEST(DemographyTest, LifeTablesAreValidatedWithFileAndLine) {
  config::ErrorList errors;
  LifeTable::parse("age,male_qx,female_qx\n0,0.01,0.01\n2,0.01,0.01\n", "t.csv", errors);
  EXPECT_NE(errors.to_string().find("t.csv:3"), std::string::npos) << errors.to_string();
  EXPECT_NE(errors.to_string().find("expected age 1"), std::string::npos) << errors.to_string();
  config::ErrorList range;
  LifeTable::parse("age,male_qx,female_qx\n0,1.5,0.01\n", "t.csv", range);
  EXPECT_NE(range.to_string().find("male_qx"), std::string::npos) << range.to_string();
  config::ErrorList column;
  LifeTable::parse("age,male_qx,female_q\n0,0.1,0.01\n", "t.csv", column);
  EXPECT_NE(column.to_string().find("female_q"), std::string::npos) << column.to_string();
  config::ErrorList ok;
  const LifeTable t = LifeTable::parse(flat_life_table(0.0, 3, 1.0), "t.csv", ok);
  EXPECT_TRUE(ok.empty()) << ok.to_string();
  EXPECT_DOUBLE_EQ(t.life_expectancy_at_birth(false), 3.5);  // three full years, then half a year of the last
}

TEST(DemographyTest, TheShippedLifeTableGivesThePublishedLifeExpectancy) {
  config::ErrorList errors;
  const LifeTable t = LifeTable::load(testing::source_path("scenarios/data/life_table_china_2020.csv"), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_NEAR(0.5 * (t.life_expectancy_at_birth(false) + t.life_expectancy_at_birth(true)), 77.93, 0.02);
}

}  // namespace
}  // namespace reformsim::agents
