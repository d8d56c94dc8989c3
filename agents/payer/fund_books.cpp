#include "agents/payer/fund_books.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

namespace {

// Splits the initial balance over units by their member counts; the last unit takes the rounding remainder.
std::int64_t initial_balance_fen(const ScenarioConfig& s) {
  return to_fen(s.fund.initial_balance_per_insured_yuan * static_cast<double>(s.population.insured));
}

std::vector<std::int64_t> split_initial_balance(const ScenarioConfig& s, const std::vector<std::size_t>& members) {
  const std::int64_t total = initial_balance_fen(s);
  std::size_t all = 0;
  for (std::size_t m : members) all += m;
  std::vector<std::int64_t> out(members.size(), 0);
  std::int64_t given = 0;
  for (std::size_t u = 0; u + 1 < members.size(); ++u) {
    out[u] = static_cast<std::int64_t>(static_cast<long double>(total) * members[u] /
                                       static_cast<long double>(std::max<std::size_t>(1, all)));
    given += out[u];
  }
  out.back() = total - given;
  return out;
}

std::vector<std::int64_t> initial_scheme_balances(const ScenarioConfig& s, const Population& p) {
  std::vector<std::size_t> members(kSchemeCount, 0);
  for (std::size_t i = 0; i < p.size(); ++i) members[static_cast<std::size_t>(p.scheme(i))] += p.alive(i);
  return split_initial_balance(s, members);
}

std::vector<std::int64_t> initial_region_balances(const ScenarioConfig& s, const Population& p) {
  std::vector<std::size_t> members(static_cast<std::size_t>(s.population.regions), 0);
  for (std::size_t i = 0; i < p.size(); ++i) members[static_cast<std::size_t>(p.region(i))] += p.alive(i);
  std::vector<std::int64_t> balances = split_initial_balance(s, members);
  balances.push_back(0);  // the provincial adjustment fund, last; it has no members
  return balances;
}

}  // namespace

FundBooks::FundBooks(RunContext& run)
    : run_(run),
      ledger_(initial_balance_fen(run.scenario), run.hospitals() + 1),
      schemes_(initial_scheme_balances(run.scenario, run.population), run.hospitals() + 1),
      regions_(initial_region_balances(run.scenario, run.population), run.hospitals() + 1) {
  open_books();
}

void FundBooks::open_books() {
  const ScenarioConfig& s = run_.scenario;
  // The last payee is the providers outside the region (patients who left a queue for care elsewhere).
  ledger_ = FundLedger(initial_balance_fen(s), run_.hospitals() + 1);
  schemes_ = SubAccounts(initial_scheme_balances(s, run_.population), run_.hospitals() + 1);
  regions_ = SubAccounts(initial_region_balances(s, run_.population), run_.hospitals() + 1);
  hospital_revenue_fen_.assign(run_.hospitals() + 1, 0);
  const auto regions = static_cast<std::size_t>(s.population.regions);
  region_contributions_this_year_fen_.assign(regions, 0);
  region_contributions_last_year_fen_.assign(regions, 0);
  region_spent_this_year_fen_.assign(regions, 0);
}

void FundBooks::on_warmup_year_end() {
  // December's settlement has just paid every claim, so nothing owed is lost by reopening.
  open_books();
}

void FundBooks::contribute(Scheme scheme, const std::vector<std::int64_t>& by_region_fen) {
  std::int64_t total = 0;
  for (std::int64_t fen : by_region_fen) total += fen;
  ledger_.contribute(total);
  schemes_.contribute(static_cast<std::size_t>(scheme), total);
  for (std::size_t r = 0; r < by_region_fen.size(); ++r) {
    regions_.contribute(r, by_region_fen[r]);
    region_contributions_this_year_fen_[r] += by_region_fen[r];
  }
}

void FundBooks::settle_year_end(std::size_t hospital, std::int64_t fen, int year) {
  ledger_.claim(hospital, fen);
  schemes_.year_end_claim(hospital, fen);
  regions_.year_end_claim(hospital, fen);
  hospital_revenue_fen_[hospital] += fen;
  run_.metrics.hospital_years[hospital][static_cast<std::size_t>(year)].revenue_yuan += to_yuan(fen);
}

void FundBooks::settle_split(std::size_t hospital, std::int64_t fen, const std::vector<std::int64_t>& by_scheme,
                             const std::vector<std::int64_t>& by_region, int year) {
  ledger_.claim(hospital, fen);
  for (std::size_t u = 0; u < by_scheme.size(); ++u) schemes_.claim(u, hospital, by_scheme[u], false);
  for (std::size_t u = 0; u < by_region.size(); ++u) regions_.claim(u, hospital, by_region[u], false);
  hospital_revenue_fen_[hospital] += fen;
  run_.metrics.hospital_years[hospital][static_cast<std::size_t>(year)].revenue_yuan += to_yuan(fen);
}

void FundBooks::check_conservation() const {
  std::vector<std::string> names;
  for (const HospitalConfig& h : run_.scenario.hospitals) names.push_back(h.name);
  names.push_back("providers outside the region");
  ledger_.check_conservation(hospital_revenue_fen_, names);
}

void FundBooks::on_year_start(int year, sim::Simulation&) { fund_adjustment_fund(year); }

void FundBooks::on_year_end(int, double) {
  schemes_.new_year();
  regions_.new_year();
}

void FundBooks::on_settlement(std::size_t m, double) {
  MonthMetrics& month = run_.metrics.months[m];
  month.fund_expenditure_yuan = to_yuan(ledger_.settle_pending_claims());
  const std::vector<std::int64_t> paid = schemes_.settle_pending();
  const std::vector<std::int64_t> region_paid = regions_.settle_pending();
  for (std::size_t r = 0; r < region_spent_this_year_fen_.size(); ++r) region_spent_this_year_fen_[r] += region_paid[r];
  // December: the year's regional accounts are closed after its last settlement.
  if (m % sim::Calendar::kMonthsPerYear == sim::Calendar::kMonthsPerYear - 1) {
    cover_regional_deficits(static_cast<int>(m) / sim::Calendar::kMonthsPerYear);
  }
  record_month(m, paid);
}

void FundBooks::record_month(std::size_t m, const std::vector<std::int64_t>& paid) {
  MonthMetrics& month = run_.metrics.months[m];
  month.employee_expenditure_yuan = to_yuan(paid[0]);
  month.resident_expenditure_yuan = to_yuan(paid[1]);
  month.balance_yuan = to_yuan(ledger_.balance_fen());
  month.employee_balance_yuan = to_yuan(schemes_.balance_fen(0));
  month.resident_balance_yuan = to_yuan(schemes_.balance_fen(1));
  month.region_balance_yuan.resize(regions_.units() - 1);
  for (std::size_t r = 0; r + 1 < regions_.units(); ++r)
    month.region_balance_yuan[r] = to_yuan(regions_.balance_fen(r));
  if (schemes_.total_fen() != ledger_.balance_fen() || regions_.total_fen() != ledger_.balance_fen()) {
    throw MoneyConservationError("money not conserved: the scheme funds (" + format_yuan(schemes_.total_fen()) +
                                 ") or the regional funds (" + format_yuan(regions_.total_fen()) +
                                 ") do not add up to the pool (" + format_yuan(ledger_.balance_fen()) + ")");
  }
  // Months of reserve = balance ÷ mean monthly expenditure over the trailing window.
  const std::size_t window =
      std::min<std::size_t>(m + 1, static_cast<std::size_t>(run_.scenario.fund.reserve_window_months));
  double spent = 0;
  for (std::size_t i = m + 1 - window; i <= m; ++i) spent += run_.metrics.months[i].fund_expenditure_yuan;
  // Undefined (NaN) while the fund has spent nothing in the window.
  month.months_of_reserve = spent > 0 ? month.balance_yuan / (spent / static_cast<double>(window)) : std::nan("");
}

}  // namespace reformsim::agents
