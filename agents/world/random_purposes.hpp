#pragma once
// Stable purpose ids of the random streams (sim::RandomStream). A stream is (seed, replicate, purpose, entity,
// substream): the same onsets reach the same people with the same cases in every policy arm (common random numbers).
// Never renumber an existing purpose: that would change every result.
#include <cstdint>

namespace reformsim::agents::purpose {

inline constexpr std::uint64_t kPopulation = 1;       ///< entity = person: attributes at synthesis
inline constexpr std::uint64_t kAdmissionOnset = 2;   ///< entity = city-wide onset index: its time and person
inline constexpr std::uint64_t kCaseDraw = 3;         ///< entity = onset index: group, LOS and cost noise
inline constexpr std::uint64_t kProviderChoice = 4;   ///< entity = onset index (behavioural)
inline constexpr std::uint64_t kOutpatientVisit = 5;  ///< entity = city-wide visit index: time, class, hospital, cost
inline constexpr std::uint64_t kBehaviour = 6;        ///< entity = case (onset index, or visit index | 1 << 40)
inline constexpr std::uint64_t kDoctor = 7;           ///< entity = hospital << 32 | doctor: propensity multiplier
inline constexpr std::uint64_t kFamilyDoctor = 10;    ///< entity = person (contracting) or onset | 1 << 40 (care)
inline constexpr std::uint64_t kReferral = 11;        ///< entity = case (as kBehaviour): downward referral
inline constexpr std::uint64_t kProcurement = 9;      ///< entity = cycle << 40 | drug << 20 | hospital: reports
inline constexpr std::uint64_t kSupervision = 8;      ///< entity = case as kBehaviour; ward rounds 1 << 41 | …
inline constexpr std::uint64_t kDemography = 12;      ///< entity = year << 32 | person; 1 << 63 | year: entrant counts
inline constexpr std::uint64_t kEntrant = 13;         ///< entity = year << 32 | entrant index: the entrant's attributes
inline constexpr std::uint64_t kQueueLeave = 14;  ///< entity = onset index: where a patient goes after waiting too long

}  // namespace reformsim::agents::purpose
