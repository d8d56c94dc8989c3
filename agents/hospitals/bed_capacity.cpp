// Beds over the years (fixed, planned growth, or expansion after a year of high occupancy, opening after a lag) and
// the queue's limit: a patient who has waited the longest wait the scenario allows leaves — for another hospital
// with a free bed, for care outside the region paid by the fund, or untreated — and each outcome is counted.
#include <algorithm>
#include <cmath>

#include "agents/hospitals/inpatient_care.hpp"
#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"

namespace reformsim::agents {

void InpatientCare::open_beds(int year, sim::Simulation& sim) {
  const CapacityConfig& cap = run_.scenario.capacity;
  const auto y = static_cast<std::size_t>(year);
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    HospitalState& state = hospitals_[h];
    const int initial = run_.scenario.hospitals[h].beds;
    double beds = state.beds;
    if (cap.rule == BedRule::Planned) beds = initial * std::pow(1.0 + cap.planned_growth, year);
    if (cap.rule == BedRule::Occupancy && h < bed_openings_.size()) {
      for (const BedOpening& o : bed_openings_[h]) {
        if (o.year == year) beds += o.beds;
      }
    }
    const int capped = static_cast<int>(std::clamp(std::lround(beds), 1L, std::lround(cap.max_beds_ratio * initial)));
    state.advance(sim.now());
    state.beds = capped;
    // Beds close as they empty: the year counts those still occupied.
    run_.metrics.hospital_years[h][y].beds = std::max(capped, state.occupied);
    // New beds take the longest-waiting patients at once.
    while (state.has_free_bed() && !state.waiting.empty()) {
      const PendingAdmission next = state.waiting.front();
      state.waiting.pop_front();
      admit(sim, h, next);
    }
  }
}

void InpatientCare::plan_expansions(int year, double now) {
  const CapacityConfig& cap = run_.scenario.capacity;
  // Warm-up years repeat year 1 and decide nothing.
  if (cap.rule != BedRule::Occupancy || run_.warming_up(now - 1.0)) return;
  bed_openings_.resize(hospitals_.size());
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    const HospitalYearMetrics& hy = run_.metrics.hospital_years[h][static_cast<std::size_t>(year)];
    const double occupancy = hy.bed_days / (hy.beds * 365.0);
    // One expansion at a time: beds already decided and not yet open count as the answer to high occupancy.
    const bool pending = std::any_of(bed_openings_[h].begin(), bed_openings_[h].end(),
                                     [&](const BedOpening& o) { return o.year > year; });
    if (occupancy > cap.occupancy_threshold && !pending) {
      const int added = std::max(1, static_cast<int>(std::lround(cap.expansion_share * hospitals_[h].beds)));
      bed_openings_[h].push_back({year + cap.lag_years, added});
    }
  }
}

void InpatientCare::wait_at_most(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a) {
  const std::optional<double>& limit = run_.scenario.capacity.max_wait_days;
  // A split's second stay is the hospital's own readmission: it does not leave.
  if (!limit || a.stay_kind == stay_kind::kSplitSecond) return;
  sim.schedule(sim::make_event(sim.now() + *limit, event_kind::kQueueTimeout, static_cast<std::uint32_t>(hospital),
                               a.onset | (static_cast<std::uint64_t>(a.stay_kind) << 32), event_priority::kOnset));
}

std::size_t InpatientCare::hospital_with_free_bed(std::size_t except, int region, double now) const {
  // Another contracted hospital with a free bed: in the patient's region first, then the one with most free beds.
  std::size_t best = hospitals_.size();
  auto rank = [&](std::size_t h) {
    const HospitalState& s = hospitals_[h];
    return std::make_pair(run_.scenario.hospitals[h].region == region, s.beds - s.occupied);
  };
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    if (h == except || !hospitals_[h].has_free_bed() || !contracted(h, now)) continue;
    if (best == hospitals_.size() || rank(h) > rank(best)) best = h;
  }
  return best;
}

void InpatientCare::on_queue_timeout(const sim::Event& e, sim::Simulation& sim) {
  const double now = sim.now();
  const std::size_t hospital = e.target;
  HospitalState& h = hospitals_[hospital];
  const auto onset = static_cast<std::uint32_t>(e.payload & 0xFFFFFFFFu);
  const auto kind = static_cast<std::uint8_t>(e.payload >> 32);
  const auto it = std::find_if(h.waiting.begin(), h.waiting.end(),
                               [&](const PendingAdmission& a) { return a.onset == onset && a.stay_kind == kind; });
  if (it == h.waiting.end()) return;  // admitted in time
  h.advance(now);
  PendingAdmission a = *it;
  h.waiting.erase(it);

  const CapacityConfig& cap = run_.scenario.capacity;
  HospitalYearMetrics& left = run_.hospital_year_at(hospital, now);
  left.queue_leavers += 1;
  left.wait_days_sum_leavers += now - a.arrival_days;
  sim::RandomStream rng(queue_leave_key_, a.onset);
  const double u = rng.next_uniform();
  const HospitalConfig& from = run_.scenario.hospitals[hospital];
  if (u < cap.leave_to_other_hospital) {
    const std::size_t other = hospital_with_free_bed(hospital, run_.population.region(a.person), now);
    if (other < hospitals_.size()) {
      // The same case at the other hospital's costs and stays.
      const HospitalConfig& to = run_.scenario.hospitals[other];
      a.los_days = static_cast<float>(a.los_days * to.los_index / from.los_index);
      a.bill_yuan = static_cast<float>(a.bill_yuan * to.cost_index / from.cost_index);
      left.left_to_other_hospital += 1;
      admit(sim, other, a);
      return;
    }
  }
  if (u < cap.leave_to_other_hospital + cap.leave_out_of_region) {
    // Treated outside the region, under the out-of-region benefit: the tertiary ratio less the reduction, on the
    // policy-scope part of a bill at the out-of-region cost level (no deductible is modelled).
    const Scheme scheme = run_.population.scheme(a.person);
    const double bill = a.bill_yuan / from.cost_index * cap.out_of_region_cost_index;
    const BenefitConfig& b = run_.scenario.benefits;
    const double ratio =
        std::max(0.0, b.inpatient(scheme).reimbursement_ratio[kTierCount - 1] - cap.out_of_region_ratio_reduction);
    const std::int64_t bill_fen = to_fen(bill);
    const std::int64_t fund_fen = to_fen(bill * (1.0 - b.self_pay_share) * ratio);
    books_.pay_out_of_region(scheme, run_.population.region(a.person), fund_fen, bill_fen - fund_fen);
    left.left_out_of_region += 1;
    left.out_of_region_fund_yuan += to_yuan(fund_fen);
    left.out_of_region_patient_yuan += to_yuan(bill_fen - fund_fen);
    return;
  }
  left.left_untreated += 1;
}

}  // namespace reformsim::agents
