#pragma once
// The population's year: on 1 January of every year after the first, each person may die (the life table's q_x for
// their age and sex), move out, age a year (and develop a chronic condition as their new age band's prevalence
// implies), take a job or leave one, and retire; a retiring employee stops contributing with the required
// contribution years, or keeps contributing until they have them, or pays the shortfall (the scenario's rule).
// Births enter the resident scheme, in-migrants either scheme. A person's events come from their own stream for the
// year, so they are the same in every policy arm. Every year's stocks and flows are recorded, demography on or off.
#include <cstdint>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/population/population.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Births, deaths, migration, scheme changes and retirement of one run's population.
class Demography final : public Component {
 public:
  Demography(RunContext& run, Population& population, FundBooks& books);
  /// The year's update (from the second reported year, once each) and the record of the year's population.
  void on_year_start(int year, sim::Simulation& sim) override;

 private:
  /// Life events of person `p` in the update to `year`; false when the person died or left.
  bool live_through(std::size_t p, int year, PopulationYearMetrics& flows);
  /// Births and in-migrants of `year`, into slots freed this year where scheme and region match.
  void admit_entrants(int year, double insured_before, PopulationYearMetrics& flows);

  RunContext& run_;
  Population& population_;
  FundBooks& books_;
  sim::StreamKey person_key_, entrant_key_;
  int updated_to_year_ = 0;
  /// Slots of people who died or left, by scheme × region, reusable by an entrant of the same scheme and region
  /// from the update after the one that freed them: a stay, a queued admission, a follow-up or an audit of the
  /// former occupant still under way then (all far shorter than a year) finds the slot's records unchanged.
  std::vector<std::vector<std::uint32_t>> free_slots_;
  std::vector<std::vector<std::uint32_t>> freed_this_year_;
  std::vector<std::int64_t> lump_sum_by_region_fen_;
};

/// The stocks of `population` as it now is (insured, employees, contributors, retirees, 60+, chronic, ages).
void record_population_stocks(const Population& population, const PopulationConfig& pc, PopulationYearMetrics& out);

}  // namespace reformsim::agents
