// What a violating case cost the fund (DOMAIN.md §6.3: re-settle without the violation, same patient share, and
// compare), the money of shifted care, the second stay of a split, and each hospital's yearly strategy review.
#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/world.hpp"

namespace reformsim::agents {

void World::after_discharge(sim::Simulation& sim, const ActiveCase& c, const CaseFacts& truth,
                            const std::optional<CodingChoice>& coding, const PaidClaim& paid) {
  const double now = sim.now();
  const double fund_yuan = to_yuan(paid.fund_fen);
  const CaseFacts submitted =
      coding ? coding->submitted : CaseFacts{c.group, truth.tier, static_cast<double>(c.bill_yuan), c.los_days};
  std::optional<Violation> violation;
  double loss = 0, gain = c.planned_gain_yuan, excess_points = 0;
  const double points = paid.settlement.points * paid.settlement.coefficient;
  switch (c.stay_kind) {
    case stay_kind::kSplitFirst: {
      SplitRecord& r = splits_[c.split_record];
      r.first_fund_yuan = fund_yuan;
      r.first_patient_share_yuan = paid.patient_share_yuan;
      r.first_points = points;
      sim.schedule(sim::make_event(now + r.gap_days, event_kind::kReadmission, c.hospital, c.split_record,
                                   event_priority::kOnset));
      if (supervision_on_) screen_claim(c, std::nullopt, 0, 0, fund_yuan, submitted, now);
      return;  // the violation is recorded when the second stay ends
    }
    case stay_kind::kSplitSecond: {
      const SplitRecord& r = splits_[c.split_record];
      PaidClaim merged = paid;
      merged.patient_share_yuan = r.first_patient_share_yuan + paid.patient_share_yuan;
      violation = r.violation;
      loss = r.first_fund_yuan + fund_yuan - resettled_fund_yuan(r.truth, merged);
      excess_points = r.first_points + points - resettled_points(r.truth, merged);
      gain = r.gain_yuan;
      break;
    }
    case stay_kind::kLowIndication:
      violation = Violation::LowIndicationAdmission;
      loss = fund_yuan - c.outpatient_fund_yuan;
      excess_points = points;
      break;
    case stay_kind::kPhantom:
      violation = Violation::PhantomBeds;
      loss = resettled_fund_yuan(submitted, paid) - resettled_fund_yuan(truth, paid);
      excess_points = resettled_points(submitted, paid) - resettled_points(truth, paid);
      break;
    default:
      if (coding) {
        violation = coding->violation;
        gain = coding->gain_yuan;
        loss = resettled_fund_yuan(submitted, paid) - resettled_fund_yuan(truth, paid);
        excess_points = resettled_points(submitted, paid) - resettled_points(truth, paid);
        if (coding->violation == Violation::CostShiftingPharmacy) {
          // Bought by the patient at a pharmacy outside the fund's books: the hospital saves the drugs' cost.
          month_at(now).shifted_to_patients_yuan += coding->shifted_yuan;
          month_at(now).shifted_yuan += coding->shifted_yuan;
          metrics_.hospital_years[c.hospital][static_cast<std::size_t>(year_at(now))].cost_yuan -=
              coding->shifted_yuan * scenario_.hospitals[c.hospital].cost_to_charge_ratio;
        } else if (coding->shifted_yuan > 0) {
          // The shifted part is paid outside the claim: as outpatient visits (fund ratio) or by the patient.
          const Scheme scheme = population_.scheme(c.person);
          const std::int64_t shifted_fen = to_fen(coding->shifted_yuan);
          std::int64_t fund_fen = 0;
          if (coding->violation == Violation::CostShiftingOutpatient) {
            fund_fen = to_fen(coding->shifted_yuan * scenario_.benefits.outpatient_ratio[scheme]);
            ledger_.claim(c.hospital, fund_fen);
            schemes_.claim(static_cast<std::size_t>(scheme), c.hospital, fund_fen, false);
            regions_.claim(static_cast<std::size_t>(population_.region(c.person)), c.hospital, fund_fen, false);
            month_at(now).outpatient_fund_yuan += to_yuan(fund_fen);
          }
          ledger_.patient_pays(c.hospital, shifted_fen - fund_fen);
          hospital_revenue_fen_[c.hospital] += shifted_fen;
          metrics_.hospital_years[c.hospital][static_cast<std::size_t>(year_at(now))].revenue_yuan +=
              to_yuan(shifted_fen);
          month_at(now).shifted_to_patients_yuan += to_yuan(shifted_fen - fund_fen);
          month_at(now).shifted_yuan += to_yuan(shifted_fen);
          loss += to_yuan(fund_fen);
        }
      }
  }
  if (violation) record_violation(c, *violation, loss, gain, now);
  if (supervision_on_) screen_claim(c, violation, loss, excess_points, fund_yuan, submitted, now);
}

void World::record_violation(const ActiveCase& c, Violation v, double loss_yuan, double gain_yuan, double now) {
  SupervisionCell& cell = metrics_.supervision_at(c.hospital, month_of(now));
  cell.violations[index_of(v)] += 1;
  cell.loss_yuan[index_of(v)] += loss_yuan;
  behaviour_[c.hospital].year[index_of(v)].gain_yuan += gain_yuan;
}

void World::review_strategies(int year, bool year_end) {
  // The rates are yearly: a quarterly review applies a quarter of each.
  StrategyConfig config = scenario_.behaviour.strategy;
  if (config.review == ReviewFrequency::Quarterly) {
    config.learning_rate /= 4;
    config.margin_pressure /= 4;
    config.cost_control_rate /= 4;
  }
  for (std::size_t h = 0; h < behaviour_.size(); ++h) {
    HospitalBehaviour& hb = behaviour_[h];
    const HospitalYearMetrics& hy = metrics_.hospital_years[h][static_cast<std::size_t>(year)];
    const double margin = hy.cost_yuan > 0 ? (hy.revenue_yuan - hy.cost_yuan) / hy.cost_yuan : 0.0;
    hb.multiplier = review_multipliers(hb.multiplier, hb.year, margin, config);
    hb.year = {};
    // Intensity follows the year-to-date group results at every review; the rest is yearly.
    const double ctc = scenario_.hospitals[h].cost_to_charge_ratio;
    for (std::size_t g = 0; g < hb.intensity.size(); ++g) {
      const CellSums& cell = metrics_.hospital_group_year(year, h, g);
      if (cell.true_cases <= 0) continue;
      // What the group's cases truly cost against what they brought in, whatever they were coded as.
      hb.intensity[g] = static_cast<float>(
          review_intensity(hb.intensity[g], cell.true_settlement_yuan_sum, cell.true_bill_yuan_sum * ctc, config));
    }
    if (!year_end) continue;
    hb.phantom_flags_this_year = 0;
    hb.confirmed_this_year = 0;
    // 12 points a year: the points (and the training they led to) start afresh; suspensions count on.
    for (DoctorState& d : hb.doctors) {
      d.record.points = 0;
      d.record.trained = false;
    }
    hb.pay_factor = 1.0 + config.performance_pay_sensitivity * std::max(0.0, hy.performance_pay_per_doctor_yuan) /
                              config.performance_pay_reference_yuan;
    // Group-mix trend alert: a hospital whose CMI grew too fast is audited first next year.
    const double cmi = hy.cases > 0 ? hy.weight_sum / hy.cases : std::nan("");
    hb.alerted = std::isfinite(hb.previous_cmi) && std::isfinite(cmi) && hb.previous_cmi > 0 &&
                 cmi / hb.previous_cmi - 1.0 > scenario_.supervision.cmi_growth_alert;
    hb.previous_cmi = cmi;
  }
}

void World::record_propensities(std::size_t month, double now) {
  for (std::size_t h = 0; h < behaviour_.size(); ++h) {
    SupervisionCell& cell = metrics_.supervision_at(h, month);
    const auto doctors = static_cast<std::uint32_t>(behaviour_[h].doctors.size());
    for (Violation v : all_violations()) {
      // Over the doctors who may practise: a suspended doctor commits nothing.
      double sum = 0, practising = 0;
      for (std::uint32_t d = 0; d < doctors; ++d) {
        if (!behaviour_[h].doctors[d].record.may_practise(now)) continue;
        sum += effective_propensity(h, d, v);
        practising += 1;
      }
      cell.propensity[index_of(v)] = practising > 0 ? sum / practising : 0.0;
    }
  }
}

}  // namespace reformsim::agents
