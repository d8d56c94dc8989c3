// The procurement cycle: drug use counted per case and visit, tenders at each cycle's start, completion and
// retained savings at its end (purchases in procurement_purchases.cpp).
#include "agents/procurement/procurement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/procurement/tender.hpp"
#include "agents/world/random_purposes.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

Procurement::Procurement(RunContext& run, FundBooks& books)
    : run_(run), books_(books), key_(run.key(purpose::kProcurement)) {
  const std::size_t hospitals = run_.hospitals(), groups = run_.scenario.catalogue->size();
  run_.metrics.drugs = run_.scenario.drugs.size();
  if (procuring()) {
    const int years = run_.scenario.horizon_years - (run_.scenario.procurement.start_year - 1);
    run_.metrics.cycles = static_cast<std::size_t>((years + run_.scenario.procurement.cycle_years - 1) /
                                                   run_.scenario.procurement.cycle_years);
  }
  DrugCycleMetrics none;
  none.winning_price_yuan = std::nan("");  // no tender, no winning price
  run_.metrics.drug_cycles.assign(run_.metrics.drugs * run_.metrics.cycles, none);
  run_.metrics.hospital_drug_agreed.assign(hospitals * run_.metrics.drugs * run_.metrics.cycles, 0.0);
  run_.metrics.hospital_drug_from_winners.assign(hospitals * run_.metrics.drugs * run_.metrics.cycles, 0.0);
  group_drug_use_.assign(groups, {});
  for (std::size_t d = 0; d < run_.scenario.drugs.size(); ++d) {
    const DrugConfig& drug = run_.scenario.drugs[d];
    DrugRuntime r;
    r.base = base_market(drug);
    r.base_price_yuan = r.base.mean_price_yuan();
    r.market = r.base;
    for (auto* v : {&r.price_yuan}) v->assign(hospitals, r.base_price_yuan);
    for (auto* v : {&r.demand_factor}) v->assign(hospitals, 1.0);
    for (auto* v : {&r.month_inpatient_units, &r.use_this_year, &r.use_last_year, &r.reported, &r.agreed,
                    &r.from_winners, &r.spend_yuan, &r.budget_yuan}) {
      v->assign(hospitals, 0.0);
    }
    r.excluded.assign(hospitals, 0);
    drugs_.push_back(std::move(r));
    for (const DrugUse& use : drug.inpatient_use) {
      for (std::size_t g = 0; g < groups; ++g) {
        if (run_.scenario.catalogue->group(g).mdc == use.mdc) {
          group_drug_use_[g].push_back({static_cast<std::uint32_t>(d), use.units_per_case});
        }
      }
    }
  }
  inpatient_delta_yuan_.assign(hospitals * groups, 0.0);
  outpatient_delta_fen_.assign(hospitals, 0);
  outpatient_visits_this_month_.assign(hospitals, 0.0);
}

void Procurement::treat(std::size_t hospital, PendingAdmission& a) {
  for (const GroupDrugUse& use : group_drug_use_[a.group]) {
    DrugRuntime& d = drugs_[use.drug];
    d.month_inpatient_units[hospital] += use.units_per_case * d.demand_factor[hospital];
  }
  if (!procuring()) return;
  const double drug_delta = inpatient_delta_yuan_[hospital * run_.scenario.catalogue->size() + a.group];
  // A cheaper drug cannot make the stay free: the rest of the bill stays.
  if (drug_delta != 0) a.bill_yuan = static_cast<float>(std::max(0.1 * a.bill_yuan, a.bill_yuan + drug_delta));
}

void Procurement::on_visit(std::size_t hospital, std::int64_t& bill_fen) {
  outpatient_visits_this_month_[hospital] += 1;
  if (procuring()) bill_fen = std::max<std::int64_t>(0, bill_fen + outpatient_delta_fen_[hospital]);
}

void Procurement::on_year_start(int year, sim::Simulation& sim) {
  for (DrugRuntime& d : drugs_) {
    d.use_last_year.swap(d.use_this_year);
    std::fill(d.use_this_year.begin(), d.use_this_year.end(), 0.0);
  }
  // Tenders are held from the first reported year on: the warm-up is the world before procurement.
  const int first = run_.scenario.procurement.start_year - 1;
  if (procuring() && !run_.warming_up(sim.now()) && year >= first &&
      (year - first) % run_.scenario.procurement.cycle_years == 0) {
    start_cycle(year);
  }
}

void Procurement::on_month_end(std::size_t m, double) {
  purchase(m);
  if (!procuring() || cycle_ < 0 || m % 12 != 11) return;
  // The cycle's last December (or the horizon's): completion and retained savings, paid in this settlement.
  const int year = static_cast<int>(m) / 12;
  const int first = run_.scenario.procurement.start_year - 1;
  if ((year - first + 1) % run_.scenario.procurement.cycle_years == 0 || year == run_.scenario.horizon_years - 1) {
    close_cycle(year);
  }
}

void Procurement::update_prices() {
  const std::size_t hospitals = run_.hospitals(), groups = run_.scenario.catalogue->size();
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    if (r.tendered)
      r.market = tender_market(run_.scenario.drugs[d], r.tender, run_.scenario.procurement, r.winner_available);
    for (std::size_t h = 0; h < hospitals; ++h) {
      const bool tender_prices = r.tendered && !r.excluded[h];
      r.price_yuan[h] = tender_prices ? r.market.mean_price_yuan() : r.base_price_yuan;
      r.demand_factor[h] = demand_factor(run_.scenario.drugs[d], r.price_yuan[h], r.base_price_yuan);
    }
  }
  // Drug charges pass through at purchase price (zero mark-up): the bill changes by what the case's drugs cost
  // now, at the use the price induces, minus what they cost before procurement.
  for (std::size_t h = 0; h < hospitals; ++h) {
    for (std::size_t g = 0; g < groups; ++g) {
      double delta = 0;
      for (const GroupDrugUse& use : group_drug_use_[g]) {
        const DrugRuntime& r = drugs_[use.drug];
        delta += use.units_per_case * (r.demand_factor[h] * r.price_yuan[h] - r.base_price_yuan);
      }
      inpatient_delta_yuan_[h * groups + g] = delta;
    }
    double outpatient = 0;
    for (std::size_t d = 0; d < drugs_.size(); ++d) {
      const DrugRuntime& r = drugs_[d];
      outpatient += run_.scenario.drugs[d].outpatient_units_per_visit *
                    (r.demand_factor[h] * r.price_yuan[h] - r.base_price_yuan);
    }
    outpatient_delta_fen_[h] = to_fen(outpatient);
  }
}

void Procurement::start_cycle(int year) {
  const ProcurementConfig& config = run_.scenario.procurement;
  ++cycle_;
  cycle_start_year_ = year;
  const std::size_t hospitals = run_.hospitals();
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    const DrugConfig& drug = run_.scenario.drugs[d];
    if (!drug.procured) continue;
    r.tender = run_tender(drug, config);
    r.tendered = !r.tender.winners.empty();
    r.winner_available.assign(r.tender.winners.size(), 1);
    r.winner_supplied_units.assign(r.tender.winners.size(), 0.0);
    r.winner_capacity_units.clear();
    for (const Bid& b : r.tender.winners) {
      const double per_year = drug.products[b.product].capacity_units_per_year;
      r.winner_capacity_units.push_back(per_year > 0 ? per_year * config.cycle_years
                                                     : std::numeric_limits<double>::infinity());
    }
    r.shortage_units = 0;
    r.cycle_units = 0;
    const double ratio = agreed_volume_ratio(r.tender.winners.size(), config);
    for (std::size_t h = 0; h < hospitals; ++h) {
      const double history = r.use_last_year[h];
      sim::RandomStream rng(key_, (static_cast<std::uint64_t>(cycle_) << 40) | (d << 20) | h);
      const double noise = config.report_noise_cv > 0 ? sim::lognormal_mean_cv(rng, 1.0, config.report_noise_cv) : 1.0;
      // The report covers the whole cycle: last year's use for each of its years.
      r.reported[h] = reported_units(history * config.cycle_years, config.report_bias, noise);
      r.excluded[h] = !report_accepted(r.reported[h], history * config.cycle_years, config);
      r.agreed[h] = r.excluded[h] ? 0.0 : ratio * r.reported[h];
      // The budget of the generic name: last year's use at pre-procurement prices, for every year of the cycle.
      r.budget_yuan[h] = history * r.base_price_yuan * config.cycle_years;
      r.from_winners[h] = 0;
      r.spend_yuan[h] = 0;
    }
  }
  update_prices();
  for (DrugRuntime& r : drugs_) r.full_market = r.market;
}

void Procurement::close_cycle(int year) {
  const std::size_t hospitals = run_.hospitals(), cycles = run_.metrics.cycles;
  const auto c = static_cast<std::size_t>(cycle_);
  std::vector<double> savings(hospitals, 0.0);
  // A cycle cut short by the horizon is judged on the years it ran.
  const double years_run =
      std::min<double>(run_.scenario.procurement.cycle_years, static_cast<double>(year - cycle_start_year_ + 1));
  // The budget and the spending are the fund's: the drug bills times the fund's share of what the hospital has
  // been paid (fund + patients) so far.
  std::vector<double> fund_share(hospitals, 0.0);
  for (std::size_t h = 0; h < hospitals; ++h) {
    const double fund = to_yuan(books_.fund_received_fen(h));
    const double all = fund + to_yuan(books_.patient_received_fen(h));
    fund_share[h] = all > 0 ? fund / all : 0.0;
  }
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    if (!run_.scenario.drugs[d].procured) continue;
    DrugCycleMetrics& x = run_.metrics.drug_cycles[d * cycles + c];
    x.winners = static_cast<double>(r.tender.winners.size());
    x.winning_price_yuan = r.tender.winners.empty() ? std::nan("") : r.tender.winners.front().price_yuan;
    x.shortage_units = r.shortage_units;
    x.total_units = r.cycle_units;
    for (std::size_t h = 0; h < hospitals; ++h) {
      x.reported_units += r.reported[h];
      x.agreed_units += r.agreed[h];
      x.winner_units += r.from_winners[h];
      x.spend_yuan += r.spend_yuan[h];
      x.excluded_reports += r.excluded[h];
      run_.metrics.hospital_drug_agreed[(h * run_.metrics.drugs + d) * cycles + c] = r.agreed[h];
      run_.metrics.hospital_drug_from_winners[(h * run_.metrics.drugs + d) * cycles + c] = r.from_winners[h];
      const double kept =
          r.excluded[h] ? 0.0
                        : retained_savings_yuan(
                              fund_share[h] * r.budget_yuan[h] * years_run / run_.scenario.procurement.cycle_years,
                              fund_share[h] * r.spend_yuan[h], run_.scenario.procurement.retained_savings_share);
      savings[h] += kept;
      x.retained_savings_yuan += kept;
    }
    r.tendered = false;
  }
  for (std::size_t h = 0; h < hospitals; ++h) {
    const std::int64_t fen = to_fen(savings[h]);
    if (fen <= 0) continue;
    books_.settle_year_end(h, fen, year);
    run_.metrics.hospital_years[h][static_cast<std::size_t>(year)].vbp_retained_savings_yuan += to_yuan(fen);
  }
  update_prices();
}

}  // namespace reformsim::agents
