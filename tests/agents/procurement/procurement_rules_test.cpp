// The rules of volume-based procurement: winning rules at their edges, agreed volume by number of
// winners, the completion arithmetic of the seeds' Hubei figures, reporting checks, market shares and savings.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "agents/procurement/drug_market.hpp"
#include "agents/procurement/procurement_declarations.hpp"
#include "agents/procurement/tender.hpp"

namespace reformsim::agents {
namespace {

DrugProduct product(std::string firm, double list, double share, double cost, bool originator = false,
                    bool evaluated = true) {
  DrugProduct p;
  p.firm = std::move(firm);
  p.list_price_yuan = list;
  p.base_share = share;
  p.unit_cost_yuan = cost;
  p.originator = originator;
  p.evaluated = evaluated;
  return p;
}

TEST(TenderTest, WinningRulesAtTheirEdges) {
  WinningRules r = config::defaults_of(procurement_binding()).winning;
  // Lowest 4, maximum valid 10: ≤ 1.8 × 4 = 7.2 wins; the 50% cut (≤ 5) is the looser rule only below 7.2.
  EXPECT_TRUE(bid_wins(7.2, 4, 10, r));
  EXPECT_FALSE(bid_wins(7.21, 4, 10, r));
  // Lowest 1, maximum valid 20: 1.8 × 1 = 1.8, but a cut of 50% (≤ 10) wins too.
  EXPECT_TRUE(bid_wins(10, 1, 20, r));
  EXPECT_FALSE(bid_wins(10.01, 1, 20, r));
  // Cheap drugs: ≤ 0.10 yuan a unit always wins.
  EXPECT_TRUE(bid_wins(0.10, 0.02, 0.12, r));
  EXPECT_FALSE(bid_wins(0.11, 0.02, 0.12, r));
  // The circuit breaker overrides the other rules.
  r.circuit_breaker_ratio = 1.5;
  EXPECT_TRUE(bid_wins(6.0, 4, 10, r));
  EXPECT_FALSE(bid_wins(6.01, 4, 10, r));
}

TEST(TenderTest, AgreedVolumeByNumberOfWinners) {
  const ProcurementConfig c = config::defaults_of(procurement_binding());
  EXPECT_EQ(agreed_volume_ratio(0, c), 0);
  EXPECT_EQ(agreed_volume_ratio(1, c), 0.5);
  EXPECT_EQ(agreed_volume_ratio(2, c), 0.6);
  EXPECT_EQ(agreed_volume_ratio(3, c), 0.7);
  EXPECT_EQ(agreed_volume_ratio(4, c), 0.8);
  EXPECT_EQ(agreed_volume_ratio(9, c), 0.8);
}

TEST(TenderTest, CompletionArithmeticOfTheSeeds) {
  // Hubei: 19,788.26万 units at 134% and 32,106.29万 at 116% imply the agreed volumes below.
  EXPECT_NEAR(completion_rate(19788.26e4, 14767.36e4), 1.34, 5e-5);
  EXPECT_NEAR(completion_rate(32106.29e4, 27677.84e4), 1.16, 5e-5);
  EXPECT_EQ(completion_rate(0, 50000), 0);  // Tibet: reported 50,000, bought nothing
  EXPECT_TRUE(std::isnan(completion_rate(10, 0)));
}

TEST(TenderTest, OnlyOriginatorsAndEvaluatedGenericsBidAndTheCheapestWin) {
  DrugConfig d{};
  d.products = {product("O", 10, 0.5, 6, true), product("G1", 4, 0.2, 1), product("G2", 4, 0.1, 1.5),
                product("G3", 3, 0.1, 0.1, false, false), product("G4", 4, 0.1, 3)};
  ProcurementConfig c = config::defaults_of(procurement_binding());
  c.bid_markup = 0.2;
  const TenderResult t = run_tender(d, c);
  ASSERT_EQ(t.bids.size(), 4u);  // G3 is not evaluated
  EXPECT_DOUBLE_EQ(t.lowest_bid_yuan, 1.2);
  EXPECT_DOUBLE_EQ(t.max_valid_price_yuan, 10);
  // Winners: ≤ 1.8 × 1.2 = 2.16 or ≤ 5 (50% below 10): G1 1.2, G2 1.8, G4 3.6; the originator bids 7.2.
  ASSERT_EQ(t.winners.size(), 3u);
  EXPECT_EQ(t.winners[0].product, 1u);
  EXPECT_EQ(t.winners[1].product, 2u);
  EXPECT_EQ(t.winners[2].product, 4u);
  c.winning.max_winners = 2;
  EXPECT_EQ(run_tender(d, c).winners.size(), 2u);
  EXPECT_DOUBLE_EQ(bid_price(product("X", 1.0, 1, 2.0), 0.2), 1.0);  // never above the list price
}

TEST(DrugMarketTest, NonWinnersKeepLoyalUseUpToTheCap) {
  DrugConfig d{};
  d.originator_loyalty = 0.4;
  d.products = {product("O", 10, 0.6, 6, true), product("G1", 4, 0.2, 1), product("G2", 3, 0.2, 0.5, false, false)};
  ProcurementConfig c = config::defaults_of(procurement_binding());
  c.bid_markup = 0.2;
  const TenderResult t = run_tender(d, c);
  ASSERT_EQ(t.winners.size(), 1u);  // G1 at 1.2; the originator's 7.2 fails both rules
  MarketShares m = tender_market(d, t, c, {1});
  EXPECT_NEAR(m.share[0], 0.24, 1e-12);  // 0.4 × 0.6 stays with the originator
  EXPECT_NEAR(m.share[2], 0, 1e-12);     // the unevaluated generic is excluded
  EXPECT_NEAR(m.share[1], 0.76, 1e-12);
  EXPECT_NEAR(m.mean_price_yuan(), 0.24 * 10 + 0.76 * 1.2, 1e-12);
  c.exclude_unevaluated_generics = false;
  c.nonwinner_share_cap = 0.3;
  m = tender_market(d, t, c, {1});
  EXPECT_NEAR(m.share[0] + m.share[2], 0.3, 1e-12);  // 0.24 + 0.2 scaled down to the cap
  EXPECT_NEAR(m.share[0] / m.share[2], 0.24 / 0.2, 1e-12);
  EXPECT_NEAR(std::accumulate(m.share.begin(), m.share.end(), 0.0), 1.0, 1e-12);
  // A winner that cannot supply: the base market comes back.
  m = tender_market(d, t, c, {0});
  EXPECT_EQ(m.share, base_market(d).share);
}

TEST(DrugMarketTest, DemandRespondsToPriceUpToItsCap) {
  DrugConfig d{};
  d.price_elasticity = 0.5;
  d.max_demand_multiple = 3;
  EXPECT_DOUBLE_EQ(demand_factor(d, 1, 1), 1);
  EXPECT_DOUBLE_EQ(demand_factor(d, 0.25, 1), 2);  // (0.25)^−0.5
  EXPECT_DOUBLE_EQ(demand_factor(d, 0.01, 1), 3);
}

TEST(DrugMarketTest, ReportsAndTheShanxiRule) {
  ProcurementConfig c = config::defaults_of(procurement_binding());
  EXPECT_DOUBLE_EQ(reported_units(1000, 0.1, 1.0), 900);
  EXPECT_FALSE(report_accepted(40, 100, c));  // −60%
  EXPECT_TRUE(report_accepted(120, 100, c));
  EXPECT_FALSE(report_accepted(50, 100, c));  // exactly −50%
  EXPECT_TRUE(report_accepted(299, 100, c));
  EXPECT_FALSE(report_accepted(300, 100, c));  // exactly +200%
  EXPECT_TRUE(report_accepted(5, 0, c));       // no history to compare with
}

TEST(DrugMarketTest, RetainedSavingsOfTheSeedExample) {
  // Budget 1 M, spending on the same generic names 0.7 M → a base surplus of 0.3 M.
  EXPECT_DOUBLE_EQ(retained_savings_yuan(1e6, 0.7e6, 1.0), 0.3e6);
  EXPECT_DOUBLE_EQ(retained_savings_yuan(1e6, 0.7e6, 0.5), 0.15e6);
  EXPECT_DOUBLE_EQ(retained_savings_yuan(1e6, 1.2e6, 0.5), 0);
}

}  // namespace
}  // namespace reformsim::agents
