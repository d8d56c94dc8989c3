#pragma once
// Numbers as a reader of a results table wants them: one scale per number (thousands separators below a million,
// then M and bn) shared by the value and its confidence interval, shares in percent, and only the digits the
// interval supports (two significant digits of the half-width, at most four of the value; a narrower spread shown as a
// bound, one below a millionth of the value as 0), so no rounding noise from the arithmetic shows.
#include <string>

namespace reformsim::experiment {

/// `value` alone: four significant digits (whole numbers of ten thousand and more in full), with its scale;
/// `units` "fraction" prints percent. "-" when not finite.
std::string format_value(double value, const std::string& units);

/// "value ± half_width" in one scale (the value alone when the half-width is not finite). A `difference` prints
/// its sign, and a fraction's difference in percentage points ("+1.2 ± 0.3 pp"); a fraction's level prints
/// "27.3 ± 0.4%".
std::string format_estimate(double value, double half_width, const std::string& units, bool difference);

/// `digits` decimals with a comma between thousands: 1234567.891, 2 → "1,234,567.89".
std::string with_thousands(double value, int digits);

}  // namespace reformsim::experiment
