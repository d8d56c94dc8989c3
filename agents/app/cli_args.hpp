#pragma once
// A small command-line parser: positional arguments, `--flag`, `--option value` / `-o value`.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace reformsim::app {

/// A command-line usage error (exit code 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parsed arguments of one subcommand.
class CliArgs {
 public:
  /// Parses `args`; `options` take a value, `flags` do not; `aliases` map short to long names ("-o" → "--output").
  CliArgs(const std::vector<std::string>& args, const std::set<std::string>& options,
          const std::set<std::string>& flags, const std::map<std::string, std::string>& aliases = {});
  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
  /// An integer option within [lo, hi], or `fallback` when absent.
  long long integer(const std::string& name, long long fallback, long long lo, long long hi) const;
  /// A finite number option > 0, if given (UsageError otherwise).
  std::optional<double> positive_real(const std::string& name) const;

 private:
  std::vector<std::string> positional_;
  std::set<std::string> flags_;
  std::map<std::string, std::string> options_;
};

}  // namespace reformsim::app
