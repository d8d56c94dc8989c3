#pragma once
// The World's event kinds and their order at one instant (priority class, lower first): a bed freed by a
// discharge is available to an admission at the same time; claims are settled after both; the new year starts last.
#include <cstdint>

namespace reformsim::agents {

namespace event_kind {
inline constexpr std::uint16_t kAdmissionOnset = 1;   ///< target = person, payload = onset index
inline constexpr std::uint16_t kOutpatientOnset = 2;  ///< target = hospital, payload = bill fen | risk class << 32
inline constexpr std::uint16_t kDischarge = 3;        ///< target = hospital, payload = active-case slot
inline constexpr std::uint16_t kMonthEnd = 4;         ///< payload = index of the month that ends
inline constexpr std::uint16_t kYearStart = 5;        ///< payload = index of the year that starts
inline constexpr std::uint16_t kReadmission = 6;      ///< second stay of a split admission: payload = split record
inline constexpr std::uint16_t kWardRound = 7;        ///< target = hospital
inline constexpr std::uint16_t kFollowUp = 8;         ///< downward referral: target = primary unit, payload = person
inline constexpr std::uint16_t kQueueTimeout =
    9;  ///< the longest wait: target = hospital, payload = onset | kind << 32
}  // namespace event_kind

namespace event_priority {
inline constexpr std::uint8_t kDischarge = 0;
inline constexpr std::uint8_t kOnset = 1;
inline constexpr std::uint8_t kMonthEnd = 2;
inline constexpr std::uint8_t kYearStart = 3;
}  // namespace event_priority

}  // namespace reformsim::agents
