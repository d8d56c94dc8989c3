// `reformsim report RESULTS.h5 [-o REPORT.html]`: the HTML report of a results file, written by the analysis package
// (analysis/reformsim, Python with Debian's numpy, pandas, xarray, h5netcdf and matplotlib), which this command
// finds and runs so that one command does it.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"

extern char** environ;

namespace reformsim::app {

namespace {

const char* kReportHelp = R"(usage: reformsim report RESULTS.h5 [-o REPORT.html]

Writes a self-contained HTML report of a results file (figures embedded): the experiment and its arms, the headline
table with 95% CIs and paired differences, and the figures the file has data for — fund balance and months of
reserve by arm with CI bands, the probability of depletion by year, paired differences as a forest plot, cost per
case, LOS, CMI and out-of-pocket share by year, hospital margins by tier, violations and fund loss by audit budget,
procurement prices and completion, primary-care contracts and referrals, sensitivity indices, PRIM boxes and a
calibration's fit. Default output: RESULTS with .html. Prints the report's path.
Runs the analysis package (python3 -m reformsim report) with /usr/bin/python3, or $REFORMSIM_PYTHON; the package is
looked for in $REFORMSIM_ANALYSIS_DIR, beside the installed program (../share/reformsim/python), then in the source
tree the program was built from.
Exit codes: 0 ok; 2 bad input (no such file, not a results file); 3 the report could not be written; 1 the analysis
package or its Python modules are missing (scripts/setup installs them).
)";

bool has_package(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_regular_file(folder / "reformsim" / "__init__.py", error);
}

// The folder holding the `reformsim` package, or empty when there is none.
std::filesystem::path analysis_folder() {
  if (const char* folder = std::getenv("REFORMSIM_ANALYSIS_DIR"); folder && *folder) return folder;
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = self.parent_path().parent_path() / "share" / "reformsim" / "python";
    if (has_package(installed)) return installed;
  }
#ifdef REFORMSIM_ANALYSIS_SOURCE_DIR
  if (has_package(REFORMSIM_ANALYSIS_SOURCE_DIR)) return REFORMSIM_ANALYSIS_SOURCE_DIR;
#endif
  return {};
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"-o"}, {"--help"}, {{"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kReportHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one results file");
  const std::string& results = cli.positional()[0];
  std::error_code error;
  if (!std::filesystem::is_regular_file(results, error)) throw InputError("'" + results + "': no such file");
  const std::filesystem::path folder = analysis_folder();
  if (folder.empty() || !has_package(folder)) {
    std::fprintf(stderr,
                 "reformsim report: cannot find the analysis package (analysis/reformsim); set REFORMSIM_ANALYSIS_DIR "
                 "to the folder holding it\n");
    return kExitFailure;
  }
  const char* python_env = std::getenv("REFORMSIM_PYTHON");
  const std::string python = python_env && *python_env ? python_env : "/usr/bin/python3";
  std::vector<std::string> command{python, "-m", "reformsim", "report", results};
  if (cli.option("-o")) {
    command.push_back("-o");
    command.push_back(*cli.option("-o"));
  }
  // The package first on the module path; the rest of the environment as it is.
  std::vector<std::string> environment;
  const char* old_path = std::getenv("PYTHONPATH");
  environment.push_back("PYTHONPATH=" + folder.string() + (old_path && *old_path ? ":" + std::string(old_path) : ""));
  environment.push_back("MPLBACKEND=Agg");
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "PYTHONPATH=", 11) != 0 && std::strncmp(*e, "MPLBACKEND=", 11) != 0)
      environment.emplace_back(*e);
  }
  std::vector<char*> argv, envp;
  for (std::string& a : command) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (std::string& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::fflush(stdout);
  pid_t child = 0;
  if (const int failed = posix_spawn(&child, python.c_str(), nullptr, nullptr, argv.data(), envp.data()); failed != 0) {
    std::fprintf(stderr, "reformsim report: cannot run %s: %s (scripts/setup installs Python and its modules)\n",
                 python.c_str(), std::strerror(failed));
    return kExitFailure;
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "reformsim report: lost the report writer: %s\n", std::strerror(errno));
      return kExitFailure;
    }
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  std::fprintf(stderr, "reformsim report: the report writer was killed by signal %d\n", WTERMSIG(status));
  return kExitFailure;
}

}  // namespace reformsim::app
