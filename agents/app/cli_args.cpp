#include "agents/app/cli_args.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "sim/config/closest_name.hpp"

namespace reformsim::app {

CliArgs::CliArgs(const std::vector<std::string>& args, const std::set<std::string>& options,
                 const std::set<std::string>& flags, const std::map<std::string, std::string>& aliases) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (auto it = aliases.find(a); it != aliases.end()) a = it->second;
    if (const auto eq = a.find('=');
        eq != std::string::npos && a.rfind("--", 0) != 0 && aliases.count(a.substr(0, eq))) {
      // `-o=x.h5` would otherwise be an unknown option with no hint of the two spellings that work.
      const std::string name = a.substr(0, eq), value = a.substr(eq + 1);
      if (flags.count(aliases.at(name))) throw UsageError("option " + name + " takes no value");
      throw UsageError("option " + name + " takes its value as the next argument: write " + name + " " + value +
                       " or " + aliases.at(name) + "=" + value);
    }
    if (a.size() > 1 && a[0] == '-') {
      std::string value;
      bool has_value = false;
      if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
        value = a.substr(eq + 1);
        a = a.substr(0, eq);
        has_value = true;
      }
      // The last of two values would silently win, and a script that appends an option believes it took effect.
      if (flags_.count(a) || options_.count(a)) throw UsageError("option " + a + " is given more than once");
      if (flags.count(a)) {
        if (has_value) throw UsageError("option " + a + " takes no value");
        flags_.insert(a);
      } else if (options.count(a)) {
        if (!has_value) {
          if (i + 1 >= args.size()) throw UsageError("option " + a + " needs a value");
          value = args[++i];
        }
        options_[a] = value;
      } else {
        std::vector<std::string> known(options.begin(), options.end());
        known.insert(known.end(), flags.begin(), flags.end());
        const std::string hint = config::closest_name(a, known);
        throw UsageError("unknown option " + args[i] + (hint.empty() ? "" : " (did you mean " + hint + "?)"));
      }
    } else {
      positional_.push_back(a);
    }
  }
}

std::optional<std::string> CliArgs::option(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::optional<double> CliArgs::positive_real(const std::string& name) const {
  const auto text = option(name);
  if (!text) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !(v > 0) || !std::isfinite(v)) {
    throw UsageError(name + " must be a number > 0, got '" + *text + "'");
  }
  return v;
}

long long CliArgs::integer(const std::string& name, long long fallback, long long lo, long long hi) const {
  auto v = option(name);
  if (!v) return fallback;
  long long out = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || end != v->data() + v->size() || out < lo || out > hi) {
    throw UsageError("option " + name + " must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                     "], got '" + *v + "'");
  }
  return out;
}

}  // namespace reformsim::app
