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

std::string signed_text(double v, int digits, bool with_sign) {
  std::string text = with_thousands(v, digits);
  if (with_sign && text.front() != '-' && v > 0) text = "+" + text;
  return text;
}

}  // namespace

std::string with_thousands(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", std::max(0, digits), value);
  std::string text = buffer;
  if (text == "-0" || text.find_first_not_of("-0.") == std::string::npos) text.erase(0, text.front() == '-');
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
  double v = value * factor, h = half_width * factor;
  const bool interval = std::isfinite(h);
  const Scale scale = percent ? Scale{} : scale_for(std::max(std::abs(v), interval ? std::abs(h) : 0.0));
  v /= scale.divisor;
  h /= scale.divisor;
  // Four significant digits at most, and whole numbers from ten thousand up (a count or yuan amount in full).
  const int most = std::abs(v) >= 1e4 ? 0 : (v == 0 ? 2 : decimals_for(v, 4));
  const int digits = interval && h > 0 ? std::min(decimals_for(h, 2), most) : most;
  const std::string unit = percent ? (difference ? " pp" : "%") : scale.suffix;
  std::string text = signed_text(v, digits, difference);
  // Without an interval to set the precision (one run, or an exactly zero spread) trailing zeros say nothing.
  const bool exact = !interval || h == 0;
  if (exact && text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  if (!interval) return text + unit;
  const std::string spread = exact ? "0" : with_thousands(std::abs(h), digits);
  if (percent) return text + " ± " + spread + unit;
  return text + unit + " ± " + spread + unit;
}

}  // namespace reformsim::experiment
