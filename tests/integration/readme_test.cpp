// The README's parameter reference is the output of `reformsim schema --markdown`, and its validation table the
// output of `reformsim fit --markdown`: documentation that cannot drift from the declarations or the model.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_support.hpp"

namespace reformsim::testing {
namespace {

std::string section(const std::string& text, const std::string& name) {
  const std::string begin = "<!-- parameters:" + name + ":begin -->\n";
  const std::string end = "<!-- parameters:" + name + ":end -->";
  const auto b = text.find(begin), e = text.find(end);
  if (b == std::string::npos || e == std::string::npos) return "<missing section " + name + ">";
  return text.substr(b + begin.size(), e - b - begin.size());
}

TEST(ReadmeTest, ParameterTablesMatchTheDeclarations) {
  Scratch s;
  const std::string readme = slurp(source_path("README.md"));
  EXPECT_EQ(section(readme, "scenario"), reformsim("schema scenario --markdown", s).out)
      << "regenerate with: reformsim schema --markdown";
  EXPECT_EQ(section(readme, "experiment"), reformsim("schema experiment --markdown", s).out)
      << "regenerate with: reformsim schema experiment --markdown";
  EXPECT_EQ(section(readme, "fit"), reformsim("schema fit --markdown", s).out)
      << "regenerate with: scripts/update-readme-params";
}

// The validation table is the model's own output for the calibrated default city: re-run, every number must match.
TEST(ReadmeTest, ValidationTableMatchesTheModel) {
  Scratch s;
  const std::string readme = slurp(source_path("README.md"));
  const CommandResult r = reformsim("fit " + source_path("scenarios/calibration/validation.fit.yaml") + " -o " +
                                        s.path("validation.h5") + " --best " + s.path("best.yaml") + " --markdown",
                                    s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string table;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("|", 0) == 0) table += line + "\n";
  EXPECT_EQ(section(readme, "validation"), table) << "regenerate with: scripts/update-readme-params";
}

}  // namespace
}  // namespace reformsim::testing
