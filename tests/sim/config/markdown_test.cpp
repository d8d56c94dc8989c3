// The Markdown parameter table: one row per leaf, with type, unit, default, range and description.
#include <gtest/gtest.h>

#include <sstream>

#include "config_test_support.hpp"
#include "sim/config/markdown.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;

TEST(MarkdownTest, OneRowPerLeaf) {
  const std::string md = to_markdown_table(*test_support::test_spec());
  std::istringstream in(md);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "| key path | type | unit | default | range | description |");
  EXPECT_EQ(lines[1], "|---|---|---|---|---|---|");
  EXPECT_EQ(lines[2], "| `name` | string |  | **required** |  | scenario name |");
  EXPECT_TRUE(contains(md, "| `seed` | integer |  | `1` | [0, ∞) | master seed |\n")) << md;
  EXPECT_TRUE(contains(md, "| `population.insured` | integer | persons | **required** | (0, ∞) | insured persons |\n"))
      << md;
  EXPECT_TRUE(contains(md, "| `population.employee_share` | number | fraction | `0.4` | [0, 1] | share of employees |"))
      << md;
  EXPECT_TRUE(contains(md, "| `population.age_bands` | list |  | (optional) | 1–3 items | age structure |")) << md;
  EXPECT_TRUE(contains(md, "| `population.age_bands[].share` | number | fraction | **required** | (0, 1] |")) << md;
  EXPECT_TRUE(contains(md, "| `fund.growth` | number | per year | `0.05` | (-1, 1) | growth |")) << md;
  EXPECT_TRUE(contains(md, "| `fund.reserve_months` | integer | months | `6` | [0, 120] | reserve \\| window |")) << md;
  EXPECT_TRUE(contains(md, "| `method` | ffs \\| drg \\| dip |  | `ffs` |  | payment method |")) << md;
  EXPECT_TRUE(contains(md, "| `weights` | map |  | `{}` |  | named weights |")) << md;
  EXPECT_FALSE(contains(md, "| `population` |")) << md;  // sections are not leaves
  EXPECT_EQ(lines.size(), 2u + 16u) << md;
}

TEST(MarkdownTest, RootPrefix) {
  const std::string md = to_markdown_table(*Spec::object({{"x", Spec::real()->less_than(2)->doc("x")}}), "cfg");
  EXPECT_TRUE(contains(md, "| `cfg.x` | number |  | **required** | (−∞, 2) | x |")) << md;
}

}  // namespace
}  // namespace reformsim::config
