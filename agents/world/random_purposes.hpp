#pragma once
// Stable purpose ids of the random streams (sim::RandomStream). A stream is (seed, replicate, purpose, entity,
// substream): the same person gets the same illness and case draws in every policy arm (common random numbers).
// Never renumber an existing purpose: that would change every result.
#include <cstdint>

namespace reformsim::agents::purpose {

inline constexpr std::uint64_t kPopulation = 1;        ///< entity = person: attributes at synthesis
inline constexpr std::uint64_t kAdmissionOnset = 2;    ///< entity = person, substream = onset index
inline constexpr std::uint64_t kCaseDraw = 3;          ///< entity = person, substream = onset index
inline constexpr std::uint64_t kProviderChoice = 4;    ///< entity = person, substream = onset index (behavioural)
inline constexpr std::uint64_t kOutpatientOnset = 5;   ///< entity = person, substream = visit index
inline constexpr std::uint64_t kOutpatientVisit = 6;   ///< entity = person, substream = visit index

}  // namespace reformsim::agents::purpose
