#pragma once
// The `reformsim` subcommands. Each returns the process exit code: 0 ok, 1 a run failed, 2 bad input, 3 an output
// could not be written (main.cpp maps what they throw to these codes).
#include <string>
#include <vector>

namespace reformsim::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitOutputFailure = 3;

int run_command(const std::vector<std::string>& args, const std::string& command_line);
int validate_command(const std::vector<std::string>& args);
int schema_command(const std::vector<std::string>& args);
int settle_command(const std::vector<std::string>& args);
int calibrate_command(const std::vector<std::string>& args);
int audit_command(const std::vector<std::string>& args);

}  // namespace reformsim::app
