#pragma once
// The synthetic insured population (参保人) as columns indexed by person id: no per-person objects, 12 bytes per
// person. Attributes are drawn once per (seed, replicate), so every policy arm sees the same people; with demography
// on (agents/population/demography.hpp) they change once a year, again the same in every arm.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "agents/scenario/scenario_config.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::agents {

/// Bit flags of Population::flags.
namespace person_flag {
inline constexpr std::uint8_t kFemale = 1;
inline constexpr std::uint8_t kResident = 2;  ///< resident scheme (else employee)
inline constexpr std::uint8_t kChronic = 4;
inline constexpr std::uint8_t kContributing = 8;  ///< employee who pays contributions (not an exempt retiree)
inline constexpr std::uint8_t kGone = 16;         ///< died or left: the slot is kept until an entrant reuses it
}  // namespace person_flag

/// People who share every attribute that drives their rates and their care (scheme, age band, chronic
/// condition, region). Every combination is a class, empty or not, so a person who ages or falls ill moves between
/// classes whose indices never change. An onset picks its person as class + uniform offset into the class's
/// members.
struct RiskClass {
  std::uint32_t first = 0;  ///< first index of the class's members in Population's member list
  std::uint32_t count = 0;
  Scheme scheme = Scheme::Employee;
  int region = 0;
  double admission_rate_per_day = 0;   ///< per person
  double outpatient_rate_per_day = 0;  ///< per person
};

/// Columns of the insured population.
class Population {
 public:
  /// Synthesises `scenario.population.insured` persons from the scenario's distributions.
  Population(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate);

  /// Person slots (living and gone): the size of any per-person column.
  std::size_t size() const { return core_.size(); }
  /// Living insured persons.
  std::size_t insured() const { return insured_; }
  bool alive(std::size_t p) const { return !has(p, person_flag::kGone); }
  int age(std::size_t p) const { return core_[p].age; }
  int region(std::size_t p) const { return core_[p].region; }
  bool has(std::size_t p, std::uint8_t flag) const { return (core_[p].flags & flag) != 0; }
  Scheme scheme(std::size_t p) const { return has(p, person_flag::kResident) ? Scheme::Resident : Scheme::Employee; }
  /// Years of contributions to the employee scheme (actual and deemed).
  int contribution_years(std::size_t p) const { return core_[p].contribution_years; }
  /// The risk classes, in a fixed order (scheme, age band, chronic, region).
  const std::vector<RiskClass>& classes() const { return classes_; }
  /// Class of person `p`.
  std::size_t class_of(std::size_t p) const { return class_of_core(core_[p]); }
  /// Admissions per day for this person (age band, chronic condition, scheme mean).
  double admission_rate_per_day(std::size_t p) const { return classes_[class_of(p)].admission_rate_per_day; }
  /// Outpatient visits per day for this person.
  double outpatient_rate_per_day(std::size_t p) const { return classes_[class_of(p)].outpatient_rate_per_day; }
  /// The elderly (60+) and the chronic: family doctors' priority population.
  bool key_population(std::size_t p) const { return age(p) >= kElderlyAge || has(p, person_flag::kChronic); }
  /// Age from which a person counts as elderly.
  static constexpr int kElderlyAge = 60;
  /// A uniformly chosen member of risk class `risk_class` (one draw of `rng`).
  std::uint32_t pick_member(std::size_t risk_class, sim::RandomStream& rng) const {
    const RiskClass& c = classes_[risk_class];
    return members_[c.first + static_cast<std::uint32_t>((rng.next_u64() >> 32) * c.count >> 32)];
  }
  /// Monthly contribution to the pooled fund in fen (0.01 yuan) at first-year levels, employer and individual
  /// together, while the person contributes (0 otherwise).
  std::int64_t monthly_contribution_fen(std::size_t p) const {
    return has(p, person_flag::kContributing) && alive(p) ? wage_contribution_fen_[p] : 0;
  }
  /// Slots filled by entrants at the latest yearly update (their per-person records start afresh).
  const std::vector<std::uint32_t>& entrants() const { return entrants_; }
  /// The age band of `age`: the last band starting at or below it (the first band for younger ages).
  std::size_t band_of_age(int age) const { return band_of_age_[static_cast<std::size_t>(std::clamp(age, 0, 255))]; }
  /// Slots every per-person column should reserve: with demography, 5% beyond the first year's people, so the slots
  /// that entrants add (when they outnumber the slots freed in their scheme and region) rarely reallocate a column.
  std::size_t slot_reserve() const { return slot_reserve_; }
  /// Bytes held per person slot by these columns.
  static constexpr std::size_t bytes_per_person();

 private:
  friend class Demography;
  // The attributes every event reads, packed together so a random person costs one cache miss, not three.
  struct Core {
    std::uint8_t age;
    std::uint8_t region;
    std::uint8_t flags;
    std::uint8_t contribution_years;
  };
  /// Dense index of the class of (scheme, band, chronic, region).
  std::size_t class_index(bool resident, std::size_t band, bool chronic, int region) const {
    return (((resident ? 1u : 0u) * band_count_ + band) * 2 + (chronic ? 1u : 0u)) * regions_ +
           static_cast<std::size_t>(region);
  }
  std::size_t class_of_core(const Core& c) const;
  /// Rebuilds every class's member list from the living persons (a stable counting sort by class).
  void rebuild_members();

  std::vector<Core> core_;
  std::vector<RiskClass> classes_;
  std::vector<std::uint32_t> members_;  ///< living persons grouped by class, in id order within a class
  /// Per person: the contribution on their wage (first-year levels), kept while they do not contribute.
  std::vector<std::int32_t> wage_contribution_fen_;
  std::vector<std::uint32_t> entrants_;
  std::vector<std::uint8_t> band_of_age_;  ///< age 0..255 → band
  std::size_t band_count_ = 0, regions_ = 0, insured_ = 0, slot_reserve_ = 0;
};

constexpr std::size_t Population::bytes_per_person() {
  return sizeof(Core) + sizeof(std::int32_t) + sizeof(std::uint32_t);
}

/// The individual contribution base: own wage clamped to [floor, ceiling] × the provincial average.
double contribution_base_yuan(double monthly_wage_yuan, const FundConfig& fund, double provincial_average_yuan);

/// Pooled-fund contribution of one contributing employee per month (employer + individual on the clamped base).
double monthly_employee_contribution_yuan(double monthly_wage_yuan, const FundConfig& fund,
                                          double provincial_average_yuan);

/// One person's monthly pooled-fund contribution in fen for a wage drawn from the scenario's wage distribution by
/// `rng` (one lognormal draw).
std::int32_t drawn_contribution_fen(const ScenarioConfig& scenario, sim::RandomStream& rng);

/// Contribution years of an employee of `age` whose contribution density is `density` (share of the years since
/// career start, up to the retirement age, with contributions).
int contribution_years_at(const PopulationConfig& pc, int age, bool female, double density);

/// A person's contribution density drawn uniformly around the scenario's mean (one uniform draw).
double drawn_contribution_density(const PopulationConfig& pc, sim::RandomStream& rng);

/// The retirement age of a man or woman; the contribution years they need to stop contributing.
inline int retirement_age(const PopulationConfig& pc, bool female) {
  return female ? pc.retirement_age_female : pc.retirement_age_male;
}
inline int required_contribution_years(const PopulationConfig& pc, bool female) {
  return female ? pc.required_contribution_years_female : pc.required_contribution_years_male;
}

}  // namespace reformsim::agents
