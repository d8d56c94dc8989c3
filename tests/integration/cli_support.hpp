#pragma once
// Runs the reformsim binary (or another command) and captures its exit code, stdout and stderr.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/source_path.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A scratch directory for one test.
using Scratch = TempDir;

/// Runs a shell command line; stdout and stderr are captured through files in `scratch`.
inline CommandResult run_shell(const std::string& command, const Scratch& scratch) {
  const std::string out = scratch.path("stdout.txt"), err = scratch.path("stderr.txt");
  const int status = std::system((command + " >" + out + " 2>" + err).c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// Runs `reformsim ARGS`.
inline CommandResult reformsim(const std::string& args, const Scratch& scratch) {
  return run_shell(std::string(REFORMSIM_BINARY) + " " + args, scratch);
}

/// True when Debian's python3 with h5py is available (the reference reader of the output format).
inline bool have_h5py() { return std::system("/usr/bin/python3 -c 'import h5py, numpy' >/dev/null 2>&1") == 0; }

}  // namespace reformsim::testing
