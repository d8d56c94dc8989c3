#include "agents/model/supervision_outputs.hpp"

#include <functional>
#include <string>
#include <tuple>

#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

namespace {

using namespace outputs;

using ByType = PerViolation<double> SupervisionCell::*;
using Scalar = double SupervisionCell::*;

Declared hospital_month_type(std::string name, std::string units, std::string description, ByType field) {
  return {{"supervision/" + name, {"hospital", "month", "violation_type"}, std::move(units), std::move(description)},
          [field](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
            const std::size_t months = layout.axis_size("month");
            for (std::size_t h = 0; h < m.hospitals; ++h) {
              for (std::size_t t = 0; t < m.months.size() && t < months; ++t) {
                const SupervisionCell& cell = m.supervision[h * m.months.size() + t];
                for (std::size_t v = 0; v < kViolationCount; ++v) {
                  row[(h * months + t) * kViolationCount + v] = (cell.*field)[v];
                }
              }
            }
          }};
}

Declared hospital_month(std::string name, std::string units, std::string description, Scalar field) {
  return {{"supervision/" + name, {"hospital", "month"}, std::move(units), std::move(description)},
          [field](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
            const std::size_t months = layout.axis_size("month");
            for (std::size_t h = 0; h < m.hospitals; ++h) {
              for (std::size_t t = 0; t < m.months.size() && t < months; ++t) {
                row[h * months + t] = m.supervision[h * m.months.size() + t].*field;
              }
            }
          }};
}

double sum_types(const PerViolation<double>& values) {
  double s = 0;
  for (double v : values) s += v;
  return s;
}

// Σ over hospitals of one cell quantity in month t.
double month_total(const RunMetrics& m, std::size_t t, const std::function<double(const SupervisionCell&)>& f) {
  double s = 0;
  for (std::size_t h = 0; h < m.hospitals; ++h) s += f(m.supervision[h * m.months.size() + t]);
  return s;
}

// Σ over the final simulated year (its last 12 months).
double final_year_total(const RunMetrics& m, const std::function<double(const RunMetrics&, std::size_t)>& per_month) {
  double s = 0;
  for (std::size_t t = m.months.size() >= 12 ? m.months.size() - 12 : 0; t < m.months.size(); ++t) s += per_month(m, t);
  return s;
}

}  // namespace

void add_supervision_metrics(std::vector<Declared>& d) {
  // Violations come from provider behaviour, detections, audits and penalties from supervision; without both,
  // none of these has anything to count.
  const std::vector<Mechanism> gaming_or_audits{Mechanism::Behaviour, Mechanism::Supervision};
  const std::size_t per_hospital = d.size();
  d.push_back(hospital_month_type("violations", "cases", "violations committed (the model's truth)",
                                  &SupervisionCell::violations));
  d.push_back(hospital_month_type("detected", "cases", "violations confirmed by an audit, ward round or face check",
                                  &SupervisionCell::detected));
  d.push_back(hospital_month_type("loss_yuan", "yuan", "fund loss: fund payment as submitted − as corrected",
                                  &SupervisionCell::loss_yuan));
  d.push_back(hospital_month_type("recovered_yuan", "yuan", "losses clawed back and ward-round deductions",
                                  &SupervisionCell::recovered_yuan));
  d.push_back(
      hospital_month_type("fines_yuan", "yuan", "fines (multiple × confirmed loss)", &SupervisionCell::fines_yuan));
  d.push_back(hospital_month_type("propensity", "probability",
                                  "mean effective propensity of the hospital's practising doctors at month end",
                                  &SupervisionCell::propensity));
  d.push_back(hospital_month("flagged", "claims", "claims flagged by a detector", &SupervisionCell::flagged));
  d.push_back(hospital_month("audits", "claims", "flagged claims audited", &SupervisionCell::audits));
  d.push_back(
      hospital_month("audit_cost_yuan", "yuan", "cost of audits and ward rounds", &SupervisionCell::audit_cost_yuan));
  d.push_back(hospital_month("ward_rounds", "rounds", "unannounced ward rounds", &SupervisionCell::ward_rounds));
  d.push_back(hospital_month("institution_flags", "rounds", "ward rounds with too few inpatients present",
                             &SupervisionCell::institution_flags));
  d.push_back(hospital_month("interviews", "rounds", "ward rounds that led to the leaders' interview",
                             &SupervisionCell::interviews));
  d.push_back(hospital_month("doctors_suspended", "doctors", "doctors suspended, banned or terminated by points",
                             &SupervisionCell::doctors_suspended));
  d.push_back(hospital_month("hospital_suspensions", "events", "the hospital's fund agreement suspended or terminated",
                             &SupervisionCell::hospital_suspensions));
  produced_by(d, per_hospital, gaming_or_audits);

  auto monthly_indicator = [&d](std::string name, std::string units, std::string description, double MonthMetrics::*f) {
    d.push_back(monthly(std::move(name), std::move(units), std::move(description),
                        [f](const MonthMetrics& x) { return x.*f; }));
  };
  monthly_indicator("readmissions_7d", "cases", "admissions within 7 days of the same person's discharge",
                    &MonthMetrics::readmissions_7d);
  monthly_indicator("turned_away_severe", "cases", "loss-making cases turned away (推诿)",
                    &MonthMetrics::turned_away_severe);
  monthly_indicator("mortality_proxy", "deaths", "expected deaths in low-risk groups", &MonthMetrics::mortality_proxy);
  monthly_indicator("los_over_30_days", "cases", "discharges after more than 30 days", &MonthMetrics::los_over_30_days);
  monthly_indicator("shifted_to_patients_yuan", "yuan", "inpatient costs shifted onto patients",
                    &MonthMetrics::shifted_to_patients_yuan);
  auto monthly_total = [&d](std::string name, std::string units, std::string description,
                            std::function<double(const SupervisionCell&)> f) {
    d.push_back({{"monthly/" + name, {"month"}, units, description},
                 [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                   for (std::size_t t = 0; t < m.months.size() && t < row.size(); ++t) row[t] = month_total(m, t, f);
                 }});
    // Per year too: targets and before/after comparisons read years (a calibration's "up after the switch").
    d.push_back({{"years/" + name, {"year"}, units, description + " (per year)"},
                 [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                   for (std::size_t t = 0; t < m.months.size() && t / sim::Calendar::kMonthsPerYear < row.size(); ++t) {
                     if (t % sim::Calendar::kMonthsPerYear == 0) row[t / sim::Calendar::kMonthsPerYear] = 0;
                     row[t / sim::Calendar::kMonthsPerYear] += month_total(m, t, f);
                   }
                 }});
    d.push_back(
        scalar(name, units, description + " (final simulated year)", [f](const ScenarioConfig&, const RunMetrics& m) {
          return final_year_total(m, [&f](const RunMetrics& r, std::size_t t) { return month_total(r, t, f); });
        }));
  };
  const std::size_t totals = d.size();
  monthly_total("violations", "cases", "violations committed, all types",
                [](const SupervisionCell& c) { return sum_types(c.violations); });
  monthly_total("violations_detected", "cases", "violations confirmed, all types",
                [](const SupervisionCell& c) { return sum_types(c.detected); });
  monthly_total("fund_loss_yuan", "yuan", "fund loss of violations, all types",
                [](const SupervisionCell& c) { return sum_types(c.loss_yuan); });
  monthly_total("recovered_yuan", "yuan", "losses recovered, all types",
                [](const SupervisionCell& c) { return sum_types(c.recovered_yuan); });
  monthly_total("fines_yuan", "yuan", "fines, all types",
                [](const SupervisionCell& c) { return sum_types(c.fines_yuan); });
  monthly_total("audit_cost_yuan", "yuan", "cost of audits and ward rounds",
                [](const SupervisionCell& c) { return c.audit_cost_yuan; });
  produced_by(d, totals, gaming_or_audits);

  auto final_year_sum = [](const RunMetrics& m, double MonthMetrics::*f) {
    return final_year_total(m, [f](const RunMetrics& r, std::size_t t) { return r.months[t].*f; });
  };
  d.push_back(scalar("readmission_7d_rate", "fraction", "7-day readmissions ÷ admissions (final simulated year)",
                     [final_year_sum](const ScenarioConfig&, const RunMetrics& m) {
                       return ratio(final_year_sum(m, &MonthMetrics::readmissions_7d),
                                    final_year_sum(m, &MonthMetrics::admissions));
                     }));
  // Expected deaths are a sum of probabilities, not a count of cases.
  for (const auto& [name, field, units, description] :
       {std::tuple{"turned_away_severe", &MonthMetrics::turned_away_severe, "cases", "loss-making cases turned away"},
        std::tuple{"mortality_proxy", &MonthMetrics::mortality_proxy, "deaths", "expected deaths in low-risk groups"},
        std::tuple{"los_over_30_days", &MonthMetrics::los_over_30_days, "cases",
                   "discharges after more than 30 days"}}) {
    d.push_back(scalar(
        name, units, std::string(description) + " (final simulated year)",
        [final_year_sum, f = field](const ScenarioConfig&, const RunMetrics& m) { return final_year_sum(m, f); }));
  }
  d.push_back(scalar(
      "oop_share_incl_shifted", "fraction",
      "(inpatient out-of-pocket + costs shifted onto patients) ÷ (bill + all shifted costs) (final simulated year)",
      [final_year_sum](const ScenarioConfig&, const RunMetrics& m) {
        return ratio(final_year_sum(m, &MonthMetrics::patient_share_yuan_sum) +
                         final_year_sum(m, &MonthMetrics::shifted_to_patients_yuan),
                     final_year_sum(m, &MonthMetrics::bill_yuan_sum) + final_year_sum(m, &MonthMetrics::shifted_yuan));
      }));
}

}  // namespace reformsim::agents
