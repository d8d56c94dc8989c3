// Each hospital's review of its strategy (agents/behaviour/hospital_strategy.hpp has the rule): propensity
// multipliers from last year's net gains and margin, treatment intensity from its groups' results, the pull of
// performance pay; and what supervision's findings do to the doctors and hospitals caught.
#include <algorithm>
#include <cmath>

#include "agents/behaviour/provider_behaviour.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

void ProviderBehaviour::on_month_end(std::size_t month, double now) {
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    SupervisionCell& cell = run_.metrics.supervision_at(h, month);
    const HospitalState& state = inpatient_.hospitals()[h];
    const auto doctors = static_cast<std::uint32_t>(hospitals_[h].doctor_multiplier.size());
    for (Violation v : all_violations()) {
      // Over the doctors who may practise: a suspended doctor commits nothing.
      double sum = 0, practising = 0;
      for (std::uint32_t d = 0; d < doctors; ++d) {
        if (!(now >= state.practising_from_days[d])) continue;
        sum += effective_propensity(h, d, v);
        practising += 1;
      }
      cell.propensity[index_of(v)] = practising > 0 ? sum / practising : 0.0;
    }
  }
  const bool quarter_end = month % 3 == 2 && month % sim::Calendar::kMonthsPerYear != 11;
  if (run_.scenario.behaviour.strategy.review == ReviewFrequency::Quarterly && quarter_end) {
    review(static_cast<int>(month) / sim::Calendar::kMonthsPerYear, false);
  }
}

void ProviderBehaviour::on_year_end(int year, double) { review(year, true); }

void ProviderBehaviour::review(int year, bool year_end) {
  // The rates are yearly: a quarterly review applies a quarter of each.
  StrategyConfig config = run_.scenario.behaviour.strategy;
  if (config.review == ReviewFrequency::Quarterly) {
    config.learning_rate /= 4;
    config.margin_pressure /= 4;
    config.cost_control_rate /= 4;
  }
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    HospitalBehaviour& hb = hospitals_[h];
    const HospitalYearMetrics& hy = run_.metrics.hospital_years[h][static_cast<std::size_t>(year)];
    const double margin = hy.cost_yuan > 0 ? (hy.revenue_yuan - hy.cost_yuan) / hy.cost_yuan : 0.0;
    hb.multiplier = review_multipliers(hb.multiplier, hb.year, margin, config);
    hb.year = {};
    // Intensity follows the year-to-date group results at every review; the rest is yearly.
    const double ctc = run_.scenario.hospitals[h].cost_to_charge_ratio;
    std::vector<float>& intensity = inpatient_.intensity(h);
    for (std::size_t g = 0; g < intensity.size(); ++g) {
      const CellSums& cell = run_.metrics.hospital_group_year(year, h, g);
      if (cell.true_cases <= 0) continue;
      // What the group's cases truly cost against what they brought in, whatever they were coded as.
      intensity[g] = static_cast<float>(
          review_intensity(intensity[g], cell.true_settlement_yuan_sum, cell.true_bill_yuan_sum * ctc, config));
    }
    if (!year_end) continue;
    hb.pay_factor = 1.0 + config.performance_pay_sensitivity * std::max(0.0, hy.performance_pay_per_doctor_yuan) /
                              config.performance_pay_reference_yuan;
  }
}

void ProviderBehaviour::on_violation_confirmed(std::size_t hospital, std::uint32_t doctor, Violation v,
                                               double penalties_yuan, PointsOutcome outcome) {
  HospitalBehaviour& hb = hospitals_[hospital];
  hb.year[index_of(v)].penalties_yuan += penalties_yuan;
  const SupervisionConfig& s = run_.scenario.supervision;
  double& m = hb.doctor_multiplier[doctor];
  m *= s.caught_doctor_multiplier;
  if (outcome == PointsOutcome::Training) m *= s.doctor_points.training_multiplier;
}

void ProviderBehaviour::on_leaders_interviewed(std::size_t hospital) {
  hospitals_[hospital].multiplier[index_of(Violation::PhantomBeds)] *= run_.scenario.supervision.interview_multiplier;
}

}  // namespace reformsim::agents
