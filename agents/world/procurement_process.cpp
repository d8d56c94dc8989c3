// Drugs and volume-based procurement in a run (DOMAIN.md §5). Every case and visit uses the molecules of the drug
// table; their price in force changes the bill (so patient shares, fund payments and hospital margins under
// DRG/DIP follow); each cycle hospitals report, the tender picks winners, the agreed volume is set, hospitals buy
// winners first within their capacity, and at the cycle's end completion is measured and savings are retained.
#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/world/random_purposes.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

void World::init_drugs() {
  drugs_on_ = !scenario_.drugs.empty();
  procurement_on_ = drugs_on_ && scenario_.procurement.active();
  const std::size_t hospitals = hospitals_.size(), groups = scenario_.catalogue->size();
  metrics_.drugs = scenario_.drugs.size();
  if (procurement_on_) {
    const int years = scenario_.horizon_years - (scenario_.procurement.start_year - 1);
    metrics_.cycles =
        static_cast<std::size_t>((years + scenario_.procurement.cycle_years - 1) / scenario_.procurement.cycle_years);
  }
  DrugCycleMetrics none;
  none.winning_price_yuan = std::nan("");  // no tender, no winning price
  metrics_.drug_cycles.assign(metrics_.drugs * metrics_.cycles, none);
  metrics_.hospital_drug_agreed.assign(hospitals * metrics_.drugs * metrics_.cycles, 0.0);
  metrics_.hospital_drug_from_winners.assign(hospitals * metrics_.drugs * metrics_.cycles, 0.0);
  if (!drugs_on_) return;
  procurement_key_ = sim::StreamKey::of(seed_, replicate_, purpose::kProcurement);
  group_drug_use_.assign(groups, {});
  for (std::size_t d = 0; d < scenario_.drugs.size(); ++d) {
    const DrugConfig& drug = scenario_.drugs[d];
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
        if (scenario_.catalogue->group(g).mdc == use.mdc) {
          group_drug_use_[g].push_back({static_cast<std::uint32_t>(d), use.units_per_case});
        }
      }
    }
  }
  inpatient_drug_delta_yuan_.assign(hospitals * groups, 0.0);
  outpatient_drug_delta_fen_.assign(hospitals, 0);
  outpatient_visits_this_month_.assign(hospitals, 0.0);
}

double World::inpatient_drug_use(std::size_t hospital, std::size_t group) {
  for (const GroupDrugUse& use : group_drug_use_[group]) {
    DrugRuntime& d = drugs_[use.drug];
    d.month_inpatient_units[hospital] += use.units_per_case * d.demand_factor[hospital];
  }
  return procurement_on_ ? inpatient_drug_delta_yuan_[hospital * scenario_.catalogue->size() + group] : 0.0;
}

void World::update_drug_prices() {
  const std::size_t hospitals = hospitals_.size(), groups = scenario_.catalogue->size();
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    if (r.tendered) r.market = tender_market(scenario_.drugs[d], r.tender, scenario_.procurement, r.winner_available);
    for (std::size_t h = 0; h < hospitals; ++h) {
      const bool tender_prices = r.tendered && !r.excluded[h];
      r.price_yuan[h] = tender_prices ? r.market.mean_price_yuan() : r.base_price_yuan;
      r.demand_factor[h] = demand_factor(scenario_.drugs[d], r.price_yuan[h], r.base_price_yuan);
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
      inpatient_drug_delta_yuan_[h * groups + g] = delta;
    }
    double outpatient = 0;
    for (std::size_t d = 0; d < drugs_.size(); ++d) {
      const DrugRuntime& r = drugs_[d];
      outpatient +=
          scenario_.drugs[d].outpatient_units_per_visit * (r.demand_factor[h] * r.price_yuan[h] - r.base_price_yuan);
    }
    outpatient_drug_delta_fen_[h] = to_fen(outpatient);
  }
}

void World::purchase_drugs(std::size_t month) {
  const std::size_t hospitals = hospitals_.size();
  MonthMetrics& m = metrics_.months[month];
  bool capacity_reached = false;
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    const DrugConfig& drug = scenario_.drugs[d];
    std::vector<double> units(hospitals);
    for (std::size_t h = 0; h < hospitals; ++h) {
      units[h] = r.month_inpatient_units[h] +
                 outpatient_visits_this_month_[h] * drug.outpatient_units_per_visit * r.demand_factor[h];
      r.month_inpatient_units[h] = 0;
    }
    // Each winner serves its share of the tendering hospitals' use while its capacity lasts; what it cannot supply
    // is bought from the other products at their list prices (a shortage).
    // A winner out of stock since an earlier month is out of the market in force; what it would have supplied
    // with every winner in stock is the month's shortage of it.
    const std::vector<char> supplying = r.winner_available;
    std::vector<double> served_share(r.tender.winners.size(), 1.0);
    if (r.tendered) {
      for (std::size_t w = 0; w < r.tender.winners.size(); ++w) {
        if (!supplying[w]) {
          const double full_share = r.full_market.share[r.tender.winners[w].product];
          for (std::size_t h = 0; h < hospitals; ++h) r.shortage_units += r.excluded[h] ? 0.0 : units[h] * full_share;
          continue;
        }
        const double share = r.market.share[r.tender.winners[w].product];
        double demand = 0;
        for (std::size_t h = 0; h < hospitals; ++h) demand += r.excluded[h] ? 0.0 : units[h] * share;
        const double left = r.winner_capacity_units[w] - r.winner_supplied_units[w];
        if (demand > left) {
          served_share[w] = std::max(0.0, left) / demand;
          r.shortage_units += demand - std::max(0.0, left);
          r.winner_available[w] = 0;
          capacity_reached = true;
        }
        r.winner_supplied_units[w] += std::min(demand, std::max(0.0, left));
      }
    }
    double fallback_price = 0, fallback_share = 0;
    for (std::size_t p = 0; p < drug.products.size(); ++p) {
      fallback_price += r.base.share[p] * drug.products[p].list_price_yuan;
      fallback_share += r.base.share[p];
    }
    fallback_price = fallback_share > 0 ? fallback_price / fallback_share : r.base_price_yuan;
    for (std::size_t h = 0; h < hospitals; ++h) {
      double spend = 0, from_winners = 0;
      if (r.tendered && !r.excluded[h]) {
        const MarketShares& market = r.market;
        for (std::size_t p = 0; p < drug.products.size(); ++p)
          spend += units[h] * market.share[p] * market.price_yuan[p];
        for (std::size_t w = 0; w < r.tender.winners.size(); ++w) {
          if (!supplying[w]) continue;
          const double wanted = units[h] * market.share[r.tender.winners[w].product];
          const double served = wanted * served_share[w];
          from_winners += served;
          spend += (wanted - served) * (fallback_price - r.tender.winners[w].price_yuan);
        }
      } else {
        spend = units[h] * r.base_price_yuan;
      }
      r.from_winners[h] += from_winners;
      r.spend_yuan[h] += spend;
      r.use_this_year[h] += units[h];
      r.cycle_units += units[h];
      m.drug_spending_yuan += spend;
      m.drug_units += units[h];
    }
  }
  std::fill(outpatient_visits_this_month_.begin(), outpatient_visits_this_month_.end(), 0.0);
  if (capacity_reached) update_drug_prices();
}

void World::start_cycle(int year) {
  const ProcurementConfig& config = scenario_.procurement;
  ++cycle_;
  cycle_start_year_ = year;
  const std::size_t hospitals = hospitals_.size();
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    const DrugConfig& drug = scenario_.drugs[d];
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
      sim::RandomStream rng(procurement_key_, (static_cast<std::uint64_t>(cycle_) << 40) | (d << 20) | h);
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
  update_drug_prices();
  for (DrugRuntime& r : drugs_) r.full_market = r.market;
}

void World::close_cycle(int year) {
  const std::size_t hospitals = hospitals_.size(), cycles = metrics_.cycles;
  const auto c = static_cast<std::size_t>(cycle_);
  std::vector<double> savings(hospitals, 0.0);
  // A cycle cut short by the horizon is judged on the years it ran.
  const double years_run =
      std::min<double>(scenario_.procurement.cycle_years, static_cast<double>(year - cycle_start_year_ + 1));
  // The budget and the spending are the fund's: the drug bills times the fund's share of what the hospital has
  // been paid (fund + patients) so far.
  std::vector<double> fund_share(hospitals, 0.0);
  for (std::size_t h = 0; h < hospitals; ++h) {
    const double fund = to_yuan(ledger_.hospital_fund_received_fen(h));
    const double all = fund + to_yuan(ledger_.hospital_patient_received_fen(h));
    fund_share[h] = all > 0 ? fund / all : 0.0;
  }
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    if (!scenario_.drugs[d].procured) continue;
    DrugCycleMetrics& x = metrics_.drug_cycles[d * cycles + c];
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
      metrics_.hospital_drug_agreed[(h * metrics_.drugs + d) * cycles + c] = r.agreed[h];
      metrics_.hospital_drug_from_winners[(h * metrics_.drugs + d) * cycles + c] = r.from_winners[h];
      const double kept =
          r.excluded[h]
              ? 0.0
              : retained_savings_yuan(fund_share[h] * r.budget_yuan[h] * years_run / scenario_.procurement.cycle_years,
                                      fund_share[h] * r.spend_yuan[h], scenario_.procurement.retained_savings_share);
      savings[h] += kept;
      x.retained_savings_yuan += kept;
    }
    r.tendered = false;
  }
  for (std::size_t h = 0; h < hospitals; ++h) {
    const std::int64_t fen = to_fen(savings[h]);
    if (fen <= 0) continue;
    ledger_.claim(h, fen);
    schemes_.year_end_claim(h, fen);
    regions_.year_end_claim(h, fen);
    hospital_revenue_fen_[h] += fen;
    HospitalYearMetrics& hy = metrics_.hospital_years[h][static_cast<std::size_t>(year)];
    hy.vbp_retained_savings_yuan += to_yuan(fen);
    hy.revenue_yuan += to_yuan(fen);
  }
  update_drug_prices();
}

}  // namespace reformsim::agents
