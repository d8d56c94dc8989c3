#pragma once
// The `reformsim` subcommands. Each returns the process exit code: 0 ok, 1 a run failed, 2 bad input, 3 an output
// could not be written (main.cpp maps what they throw to these codes).
#include <stdexcept>
#include <string>
#include <vector>

namespace reformsim::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitOutputFailure = 3;

/// Input that is well formed but cannot serve the command (e.g. a scenario whose base period has no admissions to
/// calibrate from): exit code 2, like any bad input.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

int run_command(const std::vector<std::string>& args, const std::string& command_line);
int merge_command(const std::vector<std::string>& args, const std::string& command_line);
int validate_command(const std::vector<std::string>& args);
int design_command(const std::vector<std::string>& args);
int sensitivity_command(const std::vector<std::string>& args);
int discover_command(const std::vector<std::string>& args);
int schema_command(const std::vector<std::string>& args);
int settle_command(const std::vector<std::string>& args);
int calibrate_command(const std::vector<std::string>& args);
int audit_command(const std::vector<std::string>& args);
int fit_command(const std::vector<std::string>& args, const std::string& command_line);
int report_command(const std::vector<std::string>& args);

}  // namespace reformsim::app
