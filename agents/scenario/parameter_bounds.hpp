#pragma once
// Upper bounds on every number a scenario can hold, so that money stays exact in fen and no count or duration
// overflows the integer it ends up in. Money is kept as 64-bit integers of fen (±9.2e18 fen = ±9.2e16 yuan); with
// prices of at most kMaxAmountYuan, at most 1e8 insured and horizons of decades, no sum comes within a factor of
// ten of that, and an overflow that still happened is an error of the run, never a number.
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// Most any single amount may be: a price, a rate per case, day, visit, unit, month, person or year (yuan).
inline constexpr double kMaxAmountYuan = 1e8;
/// Most a total over a whole fund-year may be (a budget, a pot, an expenditure base), in yuan: about four times
/// China's entire basic medical insurance spending of a year.
inline constexpr double kMaxTotalYuan = 1e13;
/// Most any other number may be, in magnitude (days, minutes, units, cases, ratios): ints of 32 bits hold it.
inline constexpr double kMaxOtherNumber = 1e9;

/// Gives every number of `spec` (recursively) the bounds it lacks: ±kMaxAmountYuan for units in yuan, ±
/// kMaxOtherNumber otherwise. Declared bounds are kept.
void bound_every_number(const config::SpecPtr& spec);

}  // namespace reformsim::agents
