// --runs A:B and --shard K/N: the runs they name, and the mistakes they refuse.
#include "agents/app/run_selection_option.hpp"

#include <gtest/gtest.h>

#include "agents/app/cli_args.hpp"

namespace reformsim::app {
namespace {

using experiment::RunSelection;

TEST(RunSelectionTest, RangesNameRunIdsFromAToBMinusOne) {
  EXPECT_EQ(run_selection(std::nullopt, std::nullopt, 12), (RunSelection{0, 12}));
  EXPECT_EQ(run_selection(std::string("3:7"), std::nullopt, 12), (RunSelection{3, 7}));
  EXPECT_EQ(run_selection(std::string(":5"), std::nullopt, 12), (RunSelection{0, 5}));
  EXPECT_EQ(run_selection(std::string("5:"), std::nullopt, 12), (RunSelection{5, 12}));
  EXPECT_EQ(run_selection(std::string("11:12"), std::nullopt, 12), (RunSelection{11, 12}));
}

TEST(RunSelectionTest, ShardsCoverEveryRunOnceInNearlyEqualParts) {
  for (std::size_t total : {1u, 7u, 12u, 100001u}) {
    for (std::size_t n = 1; n <= std::min<std::size_t>(total, 9); ++n) {
      std::size_t next = 0, smallest = total, largest = 0;
      for (std::size_t k = 1; k <= n; ++k) {
        const RunSelection s = run_selection(std::nullopt, std::to_string(k) + "/" + std::to_string(n), total);
        EXPECT_EQ(s.first, next) << k << "/" << n << " of " << total;
        next = s.end;
        smallest = std::min(smallest, s.size());
        largest = std::max(largest, s.size());
      }
      EXPECT_EQ(next, total);
      EXPECT_LE(largest - smallest, 1u);
      EXPECT_GE(smallest, 1u);
    }
  }
}

TEST(RunSelectionTest, MalformedOrEmptyOrOutOfRangeChoicesAreUsageErrors) {
  for (const char* runs : {"", "5", "a:b", "-1:3", "3:3", "7:3", "0:13", "1:2:3", "99999999999999999999:1"})
    EXPECT_THROW(run_selection(std::string(runs), std::nullopt, 12), UsageError) << runs;
  for (const char* shard : {"", "1", "0/4", "5/4", "1/0", "1/13", "x/2", "1/2/3"})
    EXPECT_THROW(run_selection(std::nullopt, std::string(shard), 12), UsageError) << shard;
  EXPECT_THROW(run_selection(std::string("0:1"), std::string("1/2"), 12), UsageError);
  try {
    run_selection(std::string("0:13"), std::nullopt, 12);
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("has 12 runs (run ids 0 to 11)"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace reformsim::app
