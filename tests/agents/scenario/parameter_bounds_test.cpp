// Every number of the scenario format has finite bounds, and amounts of money stay within the range that keeps the
// books exact in fen; an overflow that still happens is an error, not a wrapped-around balance.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "agents/payer/fund_ledger.hpp"
#include "agents/scenario/parameter_bounds.hpp"
#include "agents/scenario/scenario_declarations.hpp"

namespace reformsim::agents {
namespace {

void for_each_number(const config::Spec& spec, const std::string& path,
                     const std::function<void(const config::Spec&, const std::string&)>& visit) {
  if (spec.type() == config::ValueType::Integer || spec.type() == config::ValueType::Real) visit(spec, path);
  for (const config::Field& f : spec.fields())
    for_each_number(*f.spec, path.empty() ? f.key : path + "." + f.key, visit);
  if (spec.item()) for_each_number(*spec.item(), path + "[]", visit);
}

TEST(ParameterBoundsTest, EveryNumberHasFiniteBoundsAndMoneyStaysExactInFen) {
  int numbers = 0, money = 0;
  for_each_number(*scenario_spec(), "", [&](const config::Spec& s, const std::string& path) {
    ++numbers;
    ASSERT_TRUE(s.lower() && s.upper()) << path;
    EXPECT_TRUE(std::isfinite(*s.lower()) && std::isfinite(*s.upper())) << path;
    EXPECT_LE(std::fabs(*s.lower()), kMaxTotalYuan) << path;
    EXPECT_LE(std::fabs(*s.upper()), kMaxTotalYuan) << path;
    if (s.unit().rfind("yuan", 0) == 0) {
      ++money;
      // An amount of kMaxTotalYuan is 1e15 fen: exact in a double (below 2^53) and 9,000 times inside int64 fen.
      EXPECT_LT(*s.upper() * 100, 9007199254740992.0) << path;
    }
  });
  EXPECT_GT(numbers, 200);
  EXPECT_GT(money, 20);
}

TEST(ParameterBoundsTest, MoneyOutsideTheBooksRangeThrowsInsteadOfWrapping) {
  EXPECT_THROW(to_fen(1e308), MoneyOverflow);
  EXPECT_THROW(to_fen(std::nan("")), MoneyOverflow);
  EXPECT_EQ(to_fen(1e13), 1'000'000'000'000'000);
  FundLedger ledger(0, 1);
  ledger.contribute(9'000'000'000'000'000'000);
  EXPECT_THROW(ledger.contribute(9'000'000'000'000'000'000), MoneyOverflow);
}

}  // namespace
}  // namespace reformsim::agents
