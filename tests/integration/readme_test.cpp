// The documentation's generated tables, which the README links: the parameter reference (docs/parameters.md) is the
// output of `reformsim schema --markdown`, and the validation table (docs/calibration.md) the output of
// `reformsim fit --markdown` — documentation that cannot drift from the declarations or the model. The tests keep
// their README names, which CI and developers know them by.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_support.hpp"

namespace reformsim::testing {
namespace {

// The files scripts/update-readme-params rewrites; each table sits between its markers.
constexpr const char* kParametersFile = "docs/parameters.md";
constexpr const char* kCalibrationFile = "docs/calibration.md";
constexpr const char* kRegenerate = "regenerate with: scripts/update-readme-params";

std::string section(const std::string& text, const std::string& name) {
  const std::string begin = "<!-- parameters:" + name + ":begin -->\n";
  const std::string end = "<!-- parameters:" + name + ":end -->";
  const auto b = text.find(begin), e = text.find(end);
  if (b == std::string::npos || e == std::string::npos) return "<missing section " + name + ">";
  return text.substr(b + begin.size(), e - b - begin.size());
}

TEST(ReadmeTest, ParameterTablesMatchTheDeclarations) {
  Scratch s;
  const std::string parameters = slurp(source_path(kParametersFile));
  EXPECT_EQ(section(parameters, "scenario"), reformsim("schema scenario --markdown", s).out)
      << kParametersFile << ": " << kRegenerate;
  EXPECT_EQ(section(parameters, "experiment"), reformsim("schema experiment --markdown", s).out)
      << kParametersFile << ": " << kRegenerate;
  EXPECT_EQ(section(parameters, "fit"), reformsim("schema fit --markdown", s).out)
      << kParametersFile << ": " << kRegenerate;
}

// The validation table is the model's own output for the calibrated default city: re-run, every number must match.
TEST(ReadmeTest, ValidationTableMatchesTheModel) {
  Scratch s;
  const std::string calibration = slurp(source_path(kCalibrationFile));
  const CommandResult r = reformsim("fit " + source_path("scenarios/calibration/validation.fit.yaml") + " -o " +
                                        s.path("validation.h5") + " --best " + s.path("best.yaml") + " --markdown",
                                    s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string table;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("|", 0) == 0) table += line + "\n";
  EXPECT_EQ(section(calibration, "validation"), table) << kCalibrationFile << ": " << kRegenerate;
}

}  // namespace
}  // namespace reformsim::testing
