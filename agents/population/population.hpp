#pragma once
// The synthetic insured population (参保人) as columns indexed by person id: no per-person objects, about 30 bytes
// per person. Attributes are drawn once per (seed, replicate), so every policy arm sees the same people.
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
}  // namespace person_flag

/// People who share every attribute that drives their rates and their care (scheme, age band, chronic
/// condition, region). Persons are numbered so each class is a contiguous id range: an onset can pick its
/// person as class + uniform offset, touching no per-person memory.
struct RiskClass {
  std::uint32_t first = 0;  ///< first person id of the class
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

  std::size_t size() const { return core_.size(); }
  int age(std::size_t p) const { return core_[p].age; }
  int region(std::size_t p) const { return core_[p].region; }
  bool has(std::size_t p, std::uint8_t flag) const { return (core_[p].flags & flag) != 0; }
  Scheme scheme(std::size_t p) const { return has(p, person_flag::kResident) ? Scheme::Resident : Scheme::Employee; }
  /// Admissions per day for this person (age band, chronic condition, scheme mean).
  double admission_rate_per_day(std::size_t p) const { return classes_[class_of(p)].admission_rate_per_day; }
  /// Outpatient visits per day for this person.
  double outpatient_rate_per_day(std::size_t p) const { return classes_[class_of(p)].outpatient_rate_per_day; }
  /// The risk classes, in id order.
  const std::vector<RiskClass>& classes() const { return classes_; }
  /// Class of person `p` (binary search over the few class boundaries).
  std::size_t class_of(std::size_t p) const;
  /// The elderly (60+) and the chronic: family doctors' priority population.
  bool key_population(std::size_t p) const { return age(p) >= kElderlyAge || has(p, person_flag::kChronic); }
  /// Age from which a person counts as elderly.
  static constexpr int kElderlyAge = 60;
  /// A uniformly chosen member of risk class `risk_class` (one draw of `rng`).
  std::uint32_t pick_member(std::size_t risk_class, sim::RandomStream& rng) const {
    const RiskClass& c = classes_[risk_class];
    return c.first + static_cast<std::uint32_t>((rng.next_u64() >> 32) * c.count >> 32);
  }
  /// Monthly contribution to the pooled fund in fen (0.01 yuan), employer and individual together.
  std::int64_t monthly_contribution_fen(std::size_t p) const { return monthly_contribution_fen_[p]; }
  /// Bytes held per person by these columns.
  static constexpr std::size_t bytes_per_person();

 private:
  // The attributes every event reads, packed together so a random person costs one cache miss, not three.
  struct Core {
    std::uint8_t age;
    std::uint8_t region;
    std::uint8_t flags;
    std::uint8_t unused;
  };
  std::vector<Core> core_;
  std::vector<RiskClass> classes_;
  std::vector<std::int32_t> monthly_contribution_fen_;
};

constexpr std::size_t Population::bytes_per_person() { return sizeof(Core) + sizeof(std::int32_t); }

/// The individual contribution base: own wage clamped to [floor, ceiling] × the provincial average.
double contribution_base_yuan(double monthly_wage_yuan, const FundConfig& fund, double provincial_average_yuan);

/// Pooled-fund contribution of one contributing employee per month (employer + individual on the clamped base).
double monthly_employee_contribution_yuan(double monthly_wage_yuan, const FundConfig& fund,
                                          double provincial_average_yuan);

}  // namespace reformsim::agents
