#include "sim/experiment/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reformsim::experiment {

namespace {

struct Scale {
  double divisor = 1;
  const char* suffix = "";
};

// One scale for a value and its interval, chosen by the larger of the two.
Scale scale_for(double magnitude) {
  if (magnitude >= 1e9) return {1e9, "bn"};
  if (magnitude >= 1e6) return {1e6, "M"};
  return {};
}

// Decimals that give `x` `significant` significant digits (none for |x| ≥ 10^significant).
int decimals_for(double x, int significant) {
  if (!(std::abs(x) > 0)) return 0;
  return std::max(0, significant - 1 - static_cast<int>(std::floor(std::log10(std::abs(x)))));
}

// The text of `v` with `digits` decimals, signed for a difference (no sign when it rounds to zero).
std::string signed_text(double v, int digits, bool with_sign) {
  std::string text = with_thousands(v, digits);
  const bool zero = text.find_first_not_of("-0.,") == std::string::npos;
  if (with_sign && !zero && text.front() != '-') text = "+" + text;
  return text;
}

struct Layout {
  Scale scale;
  int digits = 0;
};

// The scale (by the larger of value and interval) and the decimals: two significant digits of the half-width, at
// most four of the value, whole numbers from ten thousand up (a count or a yuan amount in full).
Layout layout_for(double v, double h, bool interval, bool percent) {
  Layout l;
  l.scale = percent ? Scale{} : scale_for(std::max(std::abs(v), interval ? std::abs(h) : 0.0));
  const double sv = v / l.scale.divisor, sh = h / l.scale.divisor;
  const int most = std::abs(sv) >= 1e4 ? 0 : (sv == 0 ? 2 : decimals_for(sv, 4));
  l.digits = interval && sh > 0 ? std::min(decimals_for(sh, 2), most) : most;
  return l;
}

}  // namespace

std::string with_thousands(double value, int digits) {
  digits = std::max(0, digits);
  const int size = std::snprintf(nullptr, 0, "%.*f", digits, value);
  std::string text(static_cast<std::size_t>(std::max(size, 0)), '\0');
  std::snprintf(text.data(), text.size() + 1, "%.*f", digits, value);
  if (text.find_first_not_of("-0.") == std::string::npos && text.front() == '-') text.erase(0, 1);
  const std::size_t begin = text.front() == '-' ? 1 : 0;
  std::size_t end = text.find('.');
  if (end == std::string::npos) end = text.size();
  for (std::size_t at = end; at > begin + 3; at -= 3) text.insert(at - 3, ",");
  return text;
}

std::string format_value(double value, const std::string& units) {
  return format_estimate(value, std::nan(""), units, false);
}

std::string format_estimate(double value, double half_width, const std::string& units, bool difference) {
  if (!std::isfinite(value)) return "-";
  const bool percent = units == "fraction";
  const double factor = percent ? 100 : 1;
  const double v = value * factor;
  double h = half_width * factor;
  const bool interval = !std::isnan(h);
  // A spread below a millionth of the value is the arithmetic's rounding, not the model's: an exact zero.
  if (interval && std::isfinite(h) && h < std::abs(v) * 1e-6) h = 0;
  Layout l = layout_for(v, std::isfinite(h) ? h : 0, interval && std::isfinite(h), percent);
  // Rounding can carry into the next scale or magnitude (999,999.7 is 1.000M, 99.996 is 100.0): lay out again.
  const double step = std::pow(10.0, l.digits);
  const double rounded = std::round(v / l.scale.divisor * step) / step * l.scale.divisor;
  if (rounded != v) l = layout_for(rounded, std::isfinite(h) ? h : 0, interval && std::isfinite(h), percent);
  const double sv = v / l.scale.divisor, sh = h / l.scale.divisor;
  const std::string unit = percent ? (difference ? " pp" : "%") : l.scale.suffix;
  std::string text = signed_text(sv, l.digits, difference);
  // Without an interval to set the precision (one run, or an exactly zero spread) trailing zeros say nothing.
  const bool exact = !interval || h == 0;
  if (exact && text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  if (!interval) return text + unit;
  std::string spread;
  if (!std::isfinite(h)) {
    spread = "inf";
  } else if (exact) {
    spread = "0";
  } else {
    spread = with_thousands(std::abs(sh), l.digits);
    // A real spread narrower than the digits shown is bounded, not printed as zero.
    if (spread.find_first_not_of("0.,") == std::string::npos)
      spread = "<" + with_thousands(0.5 * std::pow(10.0, -l.digits), l.digits + 1);
  }
  if (percent) return text + " ± " + spread + unit;
  return text + unit + " ± " + spread + unit;
}

}  // namespace reformsim::experiment
