#pragma once
// The synthetic insured population (参保人) as columns indexed by person id: no per-person objects, about 30 bytes
// per person. Attributes are drawn once per (seed, replicate), so every policy arm sees the same people.
#include <cstdint>
#include <vector>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// Bit flags of Population::flags.
namespace person_flag {
inline constexpr std::uint8_t kFemale = 1;
inline constexpr std::uint8_t kResident = 2;           ///< resident scheme (else employee)
inline constexpr std::uint8_t kChronic = 4;
inline constexpr std::uint8_t kContributing = 8;       ///< employee who pays contributions (not an exempt retiree)
}  // namespace person_flag

/// Columns of the insured population.
class Population {
 public:
  /// Synthesises `scenario.population.insured` persons from the scenario's distributions.
  Population(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate);

  std::size_t size() const { return age_.size(); }
  int age(std::size_t p) const { return age_[p]; }
  int region(std::size_t p) const { return region_[p]; }
  bool has(std::size_t p, std::uint8_t flag) const { return (flags_[p] & flag) != 0; }
  Scheme scheme(std::size_t p) const { return has(p, person_flag::kResident) ? Scheme::Resident : Scheme::Employee; }
  /// Admissions per day for this person (age, chronic condition, scheme mean).
  double admission_rate_per_day(std::size_t p) const { return admission_rate_per_day_[p]; }
  /// Outpatient visits per day for this person.
  double outpatient_rate_per_day(std::size_t p) const { return outpatient_rate_per_day_[p]; }
  /// Monthly contribution to the pooled fund in fen (0.01 yuan), employer and individual together.
  std::int64_t monthly_contribution_fen(std::size_t p) const { return monthly_contribution_fen_[p]; }
  /// Bytes held per person by these columns.
  static constexpr std::size_t bytes_per_person();

 private:
  std::vector<std::uint8_t> age_;
  std::vector<std::uint8_t> region_;
  std::vector<std::uint8_t> flags_;
  std::vector<float> admission_rate_per_day_;
  std::vector<float> outpatient_rate_per_day_;
  std::vector<std::int32_t> monthly_contribution_fen_;
};

constexpr std::size_t Population::bytes_per_person() { return 3 * sizeof(std::uint8_t) + 2 * sizeof(float) + 4; }

/// The individual contribution base: own wage clamped to [floor, ceiling] × the provincial average (DOMAIN.md §2).
double contribution_base_yuan(double monthly_wage_yuan, const FundConfig& fund, double provincial_average_yuan);

/// Pooled-fund contribution of one contributing employee per month (employer + individual on the clamped base).
double monthly_employee_contribution_yuan(double monthly_wage_yuan, const FundConfig& fund,
                                          double provincial_average_yuan);

}  // namespace reformsim::agents
