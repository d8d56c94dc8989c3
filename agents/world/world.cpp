#include "agents/world/world.hpp"

#include <algorithm>
#include <cmath>

#include "agents/payer/global_budget.hpp"
#include "agents/payment/dip.hpp"
#include "agents/payment/drg.hpp"
#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

std::vector<double> group_frequencies(const CaseCatalogue& catalogue) {
  std::vector<double> f;
  f.reserve(catalogue.size());
  for (const CaseGroup& g : catalogue.groups()) f.push_back(g.frequency);
  return f;
}

}  // namespace

World::World(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate)
    : scenario_(scenario),
      seed_(seed),
      replicate_(replicate),
      calendar_(scenario.start_year),
      horizon_days_(calendar_.year_start_day(scenario.horizon_years)),
      population_(scenario, seed, replicate),
      group_table_(group_frequencies(*scenario.catalogue)),
      choice_(scenario_),
      ledger_(to_fen(scenario.fund.initial_balance_per_insured_yuan * static_cast<double>(scenario.population.insured)),
              scenario.hospitals.size()),
      schemes_(initial_scheme_balances(scenario, population_), scenario.hospitals.size()),
      regions_(initial_region_balances(scenario, population_), scenario.hospitals.size()) {
  const std::vector<YearLevels> levels = shock_schedule(scenario);
  for (int y = 0; y < scenario.horizon_years; ++y) {
    // After its special period a new technology is folded in: its group's weight follows the group's new cost level.
    rule_by_year_.push_back(make_payment_rule(scenario.payment.method_in_year(y), scenario, y,
                                              levels[static_cast<std::size_t>(y)].group_cost_factor));
  }
  for (const HospitalConfig& h : scenario.hospitals) {
    HospitalState state;
    state.beds = h.beds;
    state.doctors = h.doctors;
    hospitals_.push_back(std::move(state));
  }
  std::vector<double> admission_rates, outpatient_rates;
  for (const RiskClass& c : population_.classes()) {
    admission_rates.push_back(c.admission_rate_per_day * c.count);
    outpatient_rates.push_back(c.outpatient_rate_per_day * c.count);
    admission_rate_per_day_ += admission_rates.back();
    outpatient_rate_per_day_ += outpatient_rates.back();
  }
  if (scenario.demand.admissions_per_day) {
    // A fixed city-wide rate: people are still chosen by relative risk, or uniformly if every risk is zero.
    admission_rate_per_day_ = *scenario.demand.admissions_per_day;
    if (std::all_of(admission_rates.begin(), admission_rates.end(), [](double r) { return r <= 0; })) {
      for (std::size_t k = 0; k < admission_rates.size(); ++k) admission_rates[k] = population_.classes()[k].count;
    }
  }
  base_admission_rate_per_day_ = admission_rate_per_day_;
  years_ = shock_schedule(scenario);
  if (admission_rate_per_day_ > 0) admission_classes_ = std::make_unique<sim::AliasTable>(admission_rates);
  if (outpatient_rate_per_day_ > 0) outpatient_classes_ = std::make_unique<sim::AliasTable>(outpatient_rates);
  admission_key_ = sim::StreamKey::of(seed, replicate, purpose::kAdmissionOnset);
  case_key_ = sim::StreamKey::of(seed, replicate, purpose::kCaseDraw);
  choice_key_ = sim::StreamKey::of(seed, replicate, purpose::kProviderChoice);
  outpatient_key_ = sim::StreamKey::of(seed, replicate, purpose::kOutpatientVisit);
  const double cv = scenario.demand.outpatient_cost_cv;
  outpatient_noise_sigma_ = std::sqrt(std::log1p(cv * cv));
  outpatient_noise_mu_ = -0.5 * outpatient_noise_sigma_ * outpatient_noise_sigma_;
  special_case_quota_ = scenario.payment.section<DrgConfig>("drg").special_case_quota;
  hospital_revenue_fen_.assign(scenario.hospitals.size(), 0);
  dip_points_.assign(scenario.hospitals.size(), 0.0);
  special_cases_used_.assign(scenario.hospitals.size(), 0);
  metrics_.dip_point_value_yuan.assign(static_cast<std::size_t>(scenario.horizon_years), std::nan(""));
  usage_.resize(population_.size());
  const auto regions = static_cast<std::size_t>(scenario.population.regions);
  monthly_employee_contributions_by_region_fen_.assign(regions, 0);
  employee_contributions_by_region_fen_.assign(regions, 0);
  annual_resident_contributions_by_region_fen_.assign(regions, 0);
  region_contributions_this_year_fen_.assign(regions, 0);
  region_contributions_last_year_fen_.assign(regions, 0);
  region_spent_this_year_fen_.assign(regions, 0);
  metrics_.adjustment_paid_in_yuan.assign(static_cast<std::size_t>(scenario.horizon_years), 0.0);
  metrics_.adjustment_paid_out_yuan.assign(static_cast<std::size_t>(scenario.horizon_years), 0.0);
  metrics_.adjustment_fund_balance_yuan.assign(static_cast<std::size_t>(scenario.horizon_years), std::nan(""));
  metrics_.regions_in_deficit.assign(static_cast<std::size_t>(scenario.horizon_years), 0.0);
  for (std::size_t p = 0; p < population_.size(); ++p) {
    const auto r = static_cast<std::size_t>(population_.region(p));
    monthly_employee_contributions_fen_ += population_.monthly_contribution_fen(p);
    monthly_employee_contributions_by_region_fen_[r] += population_.monthly_contribution_fen(p);
    if (population_.scheme(p) == Scheme::Resident) {
      const std::int64_t fen = to_fen(scenario.fund.resident_premium_yuan + scenario.fund.resident_subsidy_yuan);
      annual_resident_contributions_fen_ += fen;
      annual_resident_contributions_by_region_fen_[r] += fen;
    }
  }
  metrics_.months.resize(static_cast<std::size_t>(scenario.months()));
  metrics_.hospital_years.assign(scenario.hospitals.size(),
                                 std::vector<HospitalYearMetrics>(static_cast<std::size_t>(scenario.horizon_years)));
  metrics_.groups.resize(scenario.catalogue->size());
  metrics_.settlement_type_counts.assign(static_cast<std::size_t>(scenario.horizon_years),
                                         std::vector<double>(static_cast<std::size_t>(settlement_type_count()), 0.0));
  metrics_.insured = static_cast<double>(population_.size());
  metrics_.hospitals = scenario.hospitals.size();
  metrics_.groups_count = scenario.catalogue->size();
  metrics_.hospital_group_years.resize(static_cast<std::size_t>(scenario.horizon_years) * metrics_.hospitals *
                                       metrics_.groups_count);
  metrics_.supervision.resize(metrics_.hospitals * metrics_.months.size());
  init_behaviour();
  init_drugs();
  init_primary_care();
}

namespace {

// Splits the initial balance over units by their member counts; the last unit takes the rounding remainder.
std::vector<std::int64_t> split_initial_balance(const ScenarioConfig& s, const std::vector<std::size_t>& members) {
  const std::int64_t total =
      to_fen(s.fund.initial_balance_per_insured_yuan * static_cast<double>(s.population.insured));
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

}  // namespace

std::vector<std::int64_t> World::initial_scheme_balances(const ScenarioConfig& s, const Population& p) {
  std::vector<std::size_t> members(kSchemeCount, 0);
  for (std::size_t i = 0; i < p.size(); ++i) members[static_cast<std::size_t>(p.scheme(i))] += 1;
  return split_initial_balance(s, members);
}

std::vector<std::int64_t> World::initial_region_balances(const ScenarioConfig& s, const Population& p) {
  std::vector<std::size_t> members(static_cast<std::size_t>(s.population.regions), 0);
  for (std::size_t i = 0; i < p.size(); ++i) members[static_cast<std::size_t>(p.region(i))] += 1;
  std::vector<std::int64_t> balances = split_initial_balance(s, members);
  balances.push_back(0);  // the provincial adjustment fund, last; it has no members
  return balances;
}

std::size_t World::bytes_per_person() const {
  // Population columns and benefit usage; onsets and risk classes cost nothing per person.
  return Population::bytes_per_person() + sizeof(BenefitYearUsage);
}

MonthMetrics& World::month_at(double t) {
  if (t >= cached_month_start_ && t < cached_month_end_) {
    return metrics_.months[static_cast<std::size_t>(cached_month_)];
  }
  const int m = std::clamp(calendar_.month_index(t), 0, scenario_.months() - 1);
  cached_month_ = m;
  cached_month_start_ = calendar_.month_start_day(m);
  cached_month_end_ = m + 1 < scenario_.months() ? calendar_.month_start_day(m + 1) : horizon_days_ + 1;
  return metrics_.months[static_cast<std::size_t>(m)];
}

int World::year_at(double t) const {
  const int year = cached_month_ / sim::Calendar::kMonthsPerYear;
  if (t >= cached_month_start_ && t < cached_month_end_) return year;
  return std::clamp(calendar_.year_index(t), 0, scenario_.horizon_years - 1);
}

std::uint32_t World::pick_person(const sim::AliasTable& classes, sim::RandomStream& rng) const {
  return pick_member(classes.sample(rng), rng);
}

std::uint32_t World::pick_member(std::size_t risk_class, sim::RandomStream& rng) const {
  const RiskClass& c = population_.classes()[risk_class];
  const auto offset = static_cast<std::uint32_t>((rng.next_u64() >> 32) * c.count >> 32);
  return c.first + offset;
}

void World::schedule_admission_onset(sim::Simulation& sim, double after) {
  if (!admission_classes_ || admission_rate_per_day_ <= 0) return;
  const std::uint64_t onset = next_admission_onset_++;
  // Onset k's stream gives its time and its person; both are independent of the policy in force.
  sim::RandomStream rng(admission_key_, onset);
  const double t = after + sim::exponential(rng, admission_rate_per_day_);
  const std::uint32_t person = pick_person(*admission_classes_, rng);
  if (t < horizon_days_) {
    sim::Event e = sim::make_event(t, event_kind::kAdmissionOnset, person, onset, event_priority::kOnset);
    e.flags = admission_generation_;
    sim.schedule(e);
  }
}

void World::handle(const sim::Event& e, sim::Simulation& sim) {
  switch (e.kind) {
    case event_kind::kAdmissionOnset:
      on_admission_onset(e, sim);
      break;
    case event_kind::kOutpatientOnset:
      on_outpatient_onset(e, sim);
      break;
    case event_kind::kDischarge:
      on_discharge(e, sim);
      break;
    case event_kind::kMonthEnd:
      on_month_end(e, sim);
      break;
    case event_kind::kYearStart:
      on_year_start(e, sim);
      break;
    case event_kind::kReadmission:
      on_readmission(e, sim);
      break;
    case event_kind::kWardRound:
      on_ward_round(e, sim);
      break;
    case event_kind::kFollowUp:
      on_follow_up(e, sim);
      break;
    default:
      throw std::logic_error("unknown event kind " + std::to_string(e.kind));
  }
}

RunMetrics World::run() {
  sim::Simulation sim;
  schedule_outpatient_visit(sim, 0.0);
  if (supervision_on_) {
    for (std::size_t h = 0; h < hospitals_.size(); ++h) schedule_ward_round(sim, h, 0.0);
  }
  sim.schedule(sim::make_event(0.0, event_kind::kYearStart, 0, 0, event_priority::kYearStart));
  sim.schedule(sim::make_event(calendar_.month_start_day(1), event_kind::kMonthEnd, 0, 0, event_priority::kMonthEnd));
  sim.run_until(horizon_days_, *this);
  // The horizon's own boundary: the last month's settlement and the last year's accounts.
  on_month_end(sim::make_event(horizon_days_, event_kind::kMonthEnd, 0,
                               static_cast<std::uint64_t>(scenario_.months() - 1), event_priority::kMonthEnd),
               sim);
  ledger_.check_conservation(hospital_revenue_fen_);
  metrics_.events = sim.events_processed() + 1;
  metrics_.final_balance_yuan = to_yuan(ledger_.balance_fen());
  finish_metrics();
  return std::move(metrics_);
}

void World::on_month_end(const sim::Event& e, sim::Simulation& sim) {
  const auto m = static_cast<std::size_t>(e.payload);
  MonthMetrics& month = metrics_.months[m];
  if (drugs_on_) purchase_drugs(m);
  if (procurement_on_ && cycle_ >= 0 && m % sim::Calendar::kMonthsPerYear == sim::Calendar::kMonthsPerYear - 1) {
    // The cycle's last December (or the horizon's): completion and retained savings, paid in this settlement.
    const int year = static_cast<int>(m) / sim::Calendar::kMonthsPerYear;
    const int first = scenario_.procurement.start_year - 1;
    if ((year - first + 1) % scenario_.procurement.cycle_years == 0 || year == scenario_.horizon_years - 1) {
      close_cycle(year);
    }
  }
  if (behaviour_on_ || supervision_on_) {
    // Audits first, so their recoveries are deducted in this month's settlement.
    run_audits(m, e.time_days);
    record_propensities(m, e.time_days);
    if (scenario_.behaviour.strategy.review == ReviewFrequency::Quarterly && m % 3 == 2 &&
        m % sim::Calendar::kMonthsPerYear != 11) {
      review_strategies(static_cast<int>(m) / sim::Calendar::kMonthsPerYear, false);
    }
  }
  // December closes the year first, so its DIP clearing is paid in this settlement.
  if (m % sim::Calendar::kMonthsPerYear == sim::Calendar::kMonthsPerYear - 1) {
    close_year(static_cast<int>(m) / sim::Calendar::kMonthsPerYear, e.time_days);
  }
  ledger_.contribute(employee_contributions_this_year_fen_);
  schemes_.contribute(0, employee_contributions_this_year_fen_);
  for (std::size_t r = 0; r < employee_contributions_by_region_fen_.size(); ++r) {
    regions_.contribute(r, employee_contributions_by_region_fen_[r]);
    region_contributions_this_year_fen_[r] += employee_contributions_by_region_fen_[r];
  }
  month.contributions_yuan += to_yuan(employee_contributions_this_year_fen_);
  month.employee_contributions_yuan += to_yuan(employee_contributions_this_year_fen_);
  month.fund_expenditure_yuan = to_yuan(ledger_.settle_pending_claims());
  const std::vector<std::int64_t> paid = schemes_.settle_pending();
  const std::vector<std::int64_t> region_paid = regions_.settle_pending();
  for (std::size_t r = 0; r < region_spent_this_year_fen_.size(); ++r) region_spent_this_year_fen_[r] += region_paid[r];
  // December: the year's regional accounts are closed after its last settlement.
  if (m % sim::Calendar::kMonthsPerYear == sim::Calendar::kMonthsPerYear - 1) {
    cover_regional_deficits(static_cast<int>(m) / sim::Calendar::kMonthsPerYear);
  }
  month.employee_expenditure_yuan = to_yuan(paid[0]);
  month.resident_expenditure_yuan = to_yuan(paid[1]);
  month.balance_yuan = to_yuan(ledger_.balance_fen());
  {
    // Monthly advances use the provisional point value; December carries the year's final (cleared) value.
    const int year = static_cast<int>(m) / sim::Calendar::kMonthsPerYear;
    const bool december = m % sim::Calendar::kMonthsPerYear == sim::Calendar::kMonthsPerYear - 1;
    month.dip_point_value_yuan = scenario_.payment.method_in_year(year) != "dip" ? std::nan("")
                                 : december ? metrics_.dip_point_value_yuan[static_cast<std::size_t>(year)]
                                            : scenario_.payment.section<DipConfig>("dip").provisional_point_value_yuan;
  }
  month.employee_balance_yuan = to_yuan(schemes_.balance_fen(0));
  month.resident_balance_yuan = to_yuan(schemes_.balance_fen(1));
  month.region_balance_yuan.resize(regions_.units() - 1);
  for (std::size_t r = 0; r + 1 < regions_.units(); ++r)
    month.region_balance_yuan[r] = to_yuan(regions_.balance_fen(r));
  if (schemes_.total_fen() != ledger_.balance_fen() || regions_.total_fen() != ledger_.balance_fen()) {
    throw MoneyConservationError("money not conserved: the scheme or regional funds do not add up to the pool");
  }
  // Months of reserve = balance ÷ mean monthly expenditure over the trailing window (DOMAIN.md §4).
  const std::size_t window =
      std::min<std::size_t>(m + 1, static_cast<std::size_t>(scenario_.fund.reserve_window_months));
  double spent = 0;
  for (std::size_t i = m + 1 - window; i <= m; ++i) spent += metrics_.months[i].fund_expenditure_yuan;
  // Undefined (NaN) while the fund has spent nothing in the window.
  month.months_of_reserve = spent > 0 ? month.balance_yuan / (spent / static_cast<double>(window)) : std::nan("");
  if (m + 1 < metrics_.months.size() && e.time_days < horizon_days_) {
    const double next = calendar_.month_start_day(static_cast<int>(m) + 2);
    if (next < horizon_days_) {
      sim.schedule(sim::make_event(next, event_kind::kMonthEnd, 0, m + 1, event_priority::kMonthEnd));
    }
  }
}

void World::on_year_start(const sim::Event& e, sim::Simulation& sim) {
  const int year = static_cast<int>(e.payload);
  std::fill(usage_.begin(), usage_.end(), BenefitYearUsage{});
  if (drugs_on_) {
    for (DrugRuntime& d : drugs_) {
      d.use_last_year.swap(d.use_this_year);
      std::fill(d.use_this_year.begin(), d.use_this_year.end(), 0.0);
    }
    const int first = scenario_.procurement.start_year - 1;
    if (procurement_on_ && year >= first && (year - first) % scenario_.procurement.cycle_years == 0) {
      start_cycle(year);
    }
  }
  rule_ = rule_by_year_[static_cast<std::size_t>(year)].get();
  const YearLevels& level = years_[static_cast<std::size_t>(year)];
  if (family_on_) sign_contracts(year);
  employee_contributions_this_year_fen_ =
      to_fen(to_yuan(monthly_employee_contributions_fen_) * level.employee_contribution_scale);
  {
    std::int64_t given = 0;
    for (std::size_t r = 0; r + 1 < employee_contributions_by_region_fen_.size(); ++r) {
      employee_contributions_by_region_fen_[r] =
          to_fen(to_yuan(monthly_employee_contributions_by_region_fen_[r]) * level.employee_contribution_scale);
      given += employee_contributions_by_region_fen_[r];
    }
    employee_contributions_by_region_fen_.back() = employee_contributions_this_year_fen_ - given;
  }
  // Resident premiums and subsidies are collected for the whole year in January.
  const std::int64_t resident_fen =
      to_fen(to_yuan(annual_resident_contributions_fen_) * level.resident_contribution_scale);
  ledger_.contribute(resident_fen);
  schemes_.contribute(1, resident_fen);
  {
    // Residents' premiums by region (the last region takes the rounding remainder).
    std::int64_t given = 0;
    const std::size_t last = annual_resident_contributions_by_region_fen_.size() - 1;
    for (std::size_t r = 0; r < last; ++r) {
      const std::int64_t part =
          to_fen(to_yuan(annual_resident_contributions_by_region_fen_[r]) * level.resident_contribution_scale);
      regions_.contribute(r, part);
      region_contributions_this_year_fen_[r] += part;
      given += part;
    }
    regions_.contribute(last, resident_fen - given);
    region_contributions_this_year_fen_[last] += resident_fen - given;
    fund_adjustment_fund(year);
  }
  month_at(e.time_days).resident_contributions_yuan += to_yuan(resident_fen);
  month_at(e.time_days).contributions_yuan += to_yuan(resident_fen);
  // A new admission rate (ageing, epidemics): drop the onset drawn at the old rate and draw afresh from now.
  const double rate = base_admission_rate_per_day_ * level.admission_multiplier;
  if (rate != admission_rate_per_day_ || year == 0) {
    admission_rate_per_day_ = rate;
    ++admission_generation_;
    schedule_admission_onset(sim, e.time_days);
  }
  if (year + 1 < scenario_.horizon_years) {
    sim.schedule(sim::make_event(calendar_.year_start_day(year + 1), event_kind::kYearStart, 0,
                                 static_cast<std::uint64_t>(year + 1), event_priority::kYearStart));
  }
}

void World::close_year(int year, double boundary_days) {
  std::fill(special_cases_used_.begin(), special_cases_used_.end(), 0);
  clear_dip_year(year);
  settle_global_budget(year);
  record_surplus_and_performance_pay(year);
  if (behaviour_on_ || supervision_on_) review_strategies(year, true);
  if (!scenario_.alliances.empty()) settle_alliances(year);
  schemes_.new_year();
  regions_.new_year();
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    hospitals_[h].advance(boundary_days);
    HospitalYearMetrics& hy = metrics_.hospital_years[h][static_cast<std::size_t>(year)];
    hy.bed_days = hospitals_[h].occupied_bed_days;
    hy.queue_patient_days = hospitals_[h].queue_patient_days;
    hospitals_[h].occupied_bed_days = 0;
    hospitals_[h].queue_patient_days = 0;
  }
}

}  // namespace reformsim::agents
