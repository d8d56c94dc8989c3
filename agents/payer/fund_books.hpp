#pragma once
// The fund's books of one run: every posting — contributions, claims, patient payments, year-end settlements,
// recoveries, pooling transfers — goes through here, in fen, into the pooled ledger and its scheme and regional
// sub-accounts at once, and into each hospital's revenue. Each month end it pays the pending claims, moves money
// between the regions under province pooling, records the balances and checks that the books add up.
#include <cstdint>
#include <vector>

#include "agents/payer/fund_ledger.hpp"
#include "agents/payer/sub_accounts.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The pooled fund, its sub-accounts and what each hospital is owed.
class FundBooks final : public Component {
 public:
  explicit FundBooks(RunContext& run);

  /// Contributions credited to `scheme`'s fund, by region (the total is their sum).
  void contribute(Scheme scheme, const std::vector<std::int64_t>& by_region_fen);
  /// Payment for care of a member of (`scheme`, `region`) at `hospital`: the fund's part is a claim paid at the next
  /// settlement (inpatient claims also set the year's shares by which year-end settlements are split), the patient's
  /// part is paid directly; the hospital's revenue of simulated year `year` grows by both. A negative fund part is a
  /// recovery (claw-back, fine) returned to the member's scheme and region.
  void pay_for_care(std::size_t hospital, Scheme scheme, int region, std::int64_t fund_fen, std::int64_t patient_fen,
                    bool inpatient, int year) {
    ledger_.claim(hospital, fund_fen);
    schemes_.claim(static_cast<std::size_t>(scheme), hospital, fund_fen, inpatient);
    regions_.claim(static_cast<std::size_t>(region), hospital, fund_fen, inpatient);
    ledger_.patient_pays(hospital, patient_fen);
    hospital_revenue_fen_[hospital] += fund_fen + patient_fen;
    run_.metrics.hospital_years[hospital][static_cast<std::size_t>(year)].revenue_yuan +=
        to_yuan(fund_fen + patient_fen);
  }
  /// Care a member of (`scheme`, `region`) received outside the region: the fund's part is a claim of the providers
  /// outside the region, paid at the next settlement; the patient pays them the rest directly.
  void pay_out_of_region(Scheme scheme, int region, std::int64_t fund_fen, std::int64_t patient_fen) {
    const std::size_t outside = run_.hospitals();
    ledger_.claim(outside, fund_fen);
    schemes_.claim(static_cast<std::size_t>(scheme), outside, fund_fen, false);
    regions_.claim(static_cast<std::size_t>(region), outside, fund_fen, false);
    ledger_.patient_pays(outside, patient_fen);
    hospital_revenue_fen_[outside] += fund_fen + patient_fen;
  }
  /// A year-end settlement with `hospital` (paid +, recovered −): shared over the schemes and regions by the year's
  /// inpatient claims at the hospital.
  void settle_year_end(std::size_t hospital, std::int64_t fen, int year);
  /// A settlement with `hospital` split over the schemes and regions as given (each split sums to `fen`).
  void settle_split(std::size_t hospital, std::int64_t fen, const std::vector<std::int64_t>& by_scheme,
                    const std::vector<std::int64_t>& by_region, int year);

  /// The pooled balance.
  std::int64_t balance_fen() const { return ledger_.balance_fen(); }
  /// What the fund has paid `hospital` at the settlements so far.
  std::int64_t fund_received_fen(std::size_t hospital) const { return ledger_.hospital_fund_received_fen(hospital); }
  /// What patients have paid `hospital` so far.
  std::int64_t patient_received_fen(std::size_t hospital) const {
    return ledger_.hospital_patient_received_fen(hospital);
  }
  /// Every identity of the books at the end of a run; MoneyConservationError naming the first that fails.
  void check_conservation() const;

  /// January: province pooling pays each region's share into the adjustment fund.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// December: the year's shares of inpatient claims start afresh.
  void on_year_end(int year, double now) override;
  /// Pays the month's claims, closes December's regional accounts, records balances and months of reserve.
  void on_settlement(std::size_t month, double now) override;
  /// After a warm-up year: the books reopen at the initial balances, with no history.
  void on_warmup_year_end() override;

 private:
  /// Province pooling: each January the regions pay a share of last year's contributions to the adjustment fund.
  void fund_adjustment_fund(int year);
  /// The initial balances, no claims, no history.
  void open_books();
  /// At year end the adjustment fund covers part of each region's annual deficit; records regions in deficit.
  void cover_regional_deficits(int year);
  void record_month(std::size_t month, const std::vector<std::int64_t>& paid_by_scheme);

  RunContext& run_;
  FundLedger ledger_;
  SubAccounts schemes_;  ///< employee and resident funds
  SubAccounts regions_;  ///< one pooling unit per region, then the provincial adjustment fund
  std::vector<std::int64_t> hospital_revenue_fen_;  ///< what each hospital is owed, checked against the ledger
  std::vector<std::int64_t> region_contributions_this_year_fen_, region_contributions_last_year_fen_;
  std::vector<std::int64_t> region_spent_this_year_fen_;
};

}  // namespace reformsim::agents
