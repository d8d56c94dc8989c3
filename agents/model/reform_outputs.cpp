#include "agents/model/reform_outputs.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>

#include "agents/model/city_year_outputs.hpp"
#include "agents/model/declared_metric.hpp"
#include "agents/model/hospital_outputs.hpp"
#include "agents/model/primary_care_outputs.hpp"
#include "agents/model/procurement_outputs.hpp"
#include "agents/model/projection_outputs.hpp"
#include "agents/model/supervision_outputs.hpp"
#include "agents/payment/settlement.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

namespace {

using experiment::OutputLayout;
using experiment::RunValues;
using namespace outputs;

// Sums over the final simulated year (its last 12 months): flows in the summary are "in the final year".
struct FinalYear {
  MonthMetrics total;
  double result_yuan = 0, cost_yuan = 0, bed_days = 0, beds = 0, weight = 0, cases = 0;
};

FinalYear final_year(const ScenarioConfig& s, const RunMetrics& m) {
  FinalYear f;
  const std::size_t months = m.months.size();
  for (std::size_t i = months >= 12 ? months - 12 : 0; i < months; ++i) {
    const MonthMetrics& x = m.months[i];
    f.total.contributions_yuan += x.contributions_yuan;
    f.total.fund_expenditure_yuan += x.fund_expenditure_yuan;
    f.total.admissions += x.admissions;
    f.total.discharges += x.discharges;
    f.total.outpatient_visits += x.outpatient_visits;
    f.total.los_days_sum += x.los_days_sum;
    f.total.bill_yuan_sum += x.bill_yuan_sum;
    f.total.patient_share_yuan_sum += x.patient_share_yuan_sum;
    f.total.settlement_yuan_sum += x.settlement_yuan_sum;
    f.total.weight_sum += x.weight_sum;
    f.total.diversions += x.diversions;
    f.total.wait_days_sum += x.wait_days_sum;
    f.total.waited_admissions += x.waited_admissions;
  }
  const std::size_t y = static_cast<std::size_t>(s.horizon_years - 1);
  for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
    const HospitalYearMetrics& hy = m.hospital_years[h][y];
    f.result_yuan += hy.revenue_yuan - hy.cost_yuan;
    f.cost_yuan += hy.cost_yuan;
    f.bed_days += hy.bed_days;
    f.beds += hy.beds;
  }
  return f;
}

// Yearly totals of the fund's flows, from the monthly records.
struct YearFlows {
  double contributions_yuan = 0;
  double expenditure_yuan = 0;
  double balance_end_yuan = 0;
  double months_of_reserve_end = 0;
};

std::vector<YearFlows> yearly_flows(const RunMetrics& m) {
  std::vector<YearFlows> years((m.months.size() + 11) / 12);
  for (std::size_t i = 0; i < m.months.size(); ++i) {
    YearFlows& y = years[i / 12];
    y.contributions_yuan += m.months[i].contributions_yuan;
    y.expenditure_yuan += m.months[i].fund_expenditure_yuan;
    y.balance_end_yuan = m.months[i].balance_yuan;
    y.months_of_reserve_end = m.months[i].months_of_reserve;
  }
  return years;
}

const std::vector<Declared>& declared() {
  static const std::vector<Declared> metrics = [] {
    std::vector<Declared> d;
    // End of horizon and final-year outcomes.
    d.push_back(scalar("fund_balance_end_yuan", "yuan", "pooled-fund balance at the end of the horizon",
                       [](const ScenarioConfig&, const RunMetrics& m) { return m.final_balance_yuan; }));
    d.push_back(scalar("months_of_reserve_end", "months",
                       "balance ÷ mean monthly fund expenditure over the reserve window, at the end",
                       [](const ScenarioConfig&, const RunMetrics& m) { return m.months.back().months_of_reserve; }));
    d.push_back(scalar("min_months_of_reserve", "months", "lowest month-end months of reserve over the horizon",
                       [](const ScenarioConfig&, const RunMetrics& m) {
                         double low = kNaN;
                         for (const MonthMetrics& x : m.months) {
                           if (std::isfinite(x.months_of_reserve) && !(low <= x.months_of_reserve))
                             low = x.months_of_reserve;
                         }
                         return low;
                       }));
    d.push_back(scalar("year_of_first_deficit", "year",
                       "first calendar year whose contributions fall short of fund expenditure (NaN: none)",
                       [](const ScenarioConfig& s, const RunMetrics& m) {
                         const std::vector<YearFlows> years = yearly_flows(m);
                         for (std::size_t y = 0; y < years.size(); ++y) {
                           if (years[y].contributions_yuan < years[y].expenditure_yuan) return double(s.start_year + y);
                         }
                         return kNaN;
                       }));
    d.push_back(scalar("first_year_below_6_months", "year",
                       "calendar year of the first month-end with under 6 months of reserve (NaN: never)",
                       [](const ScenarioConfig& s, const RunMetrics& m) {
                         for (std::size_t i = 0; i < m.months.size(); ++i) {
                           if (m.months[i].months_of_reserve < 6.0) return double(s.start_year + i / 12);
                         }
                         return kNaN;
                       }));
    d.push_back(scalar("per_capita_expenditure_growth", "fraction/year",
                       "average yearly growth of fund expenditure per insured, first to last year (NaN: one year)",
                       [](const ScenarioConfig&, const RunMetrics& m) {
                         const std::vector<YearFlows> years = yearly_flows(m);
                         if (years.size() < 2 || !(years.front().expenditure_yuan > 0)) return kNaN;
                         const double first = years.front().expenditure_yuan / m.population_years.front().insured;
                         const double last = years.back().expenditure_yuan / m.population_years.back().insured;
                         return std::pow(last / first, 1.0 / static_cast<double>(years.size() - 1)) - 1.0;
                       }));
    auto final_year_metric = [&d](std::string name, std::string units, std::string description,
                                  std::function<double(const FinalYear&, const RunMetrics&)> f) {
      d.push_back(scalar(std::move(name), std::move(units), std::move(description) + " (final simulated year)",
                         [f](const ScenarioConfig& s, const RunMetrics& m) { return f(final_year(s, m), m); }));
    };
    final_year_metric("contributions_yuan", "yuan", "contributions to the pooled fund",
                      [](const FinalYear& f, const RunMetrics&) { return f.total.contributions_yuan; });
    final_year_metric("fund_expenditure_yuan", "yuan", "fund payments to hospitals, inpatient and outpatient",
                      [](const FinalYear& f, const RunMetrics&) { return f.total.fund_expenditure_yuan; });
    final_year_metric("admissions", "cases", "inpatient admissions",
                      [](const FinalYear& f, const RunMetrics&) { return f.total.admissions; });
    final_year_metric("hospitalisation_rate", "1/year", "admissions ÷ insured",
                      [](const FinalYear& f, const RunMetrics& m) {
                        return ratio(f.total.admissions, m.population_years.back().insured);
                      });
    final_year_metric(
        "cost_per_case_yuan", "yuan", "mean itemised bill per discharge (次均费用)",
        [](const FinalYear& f, const RunMetrics&) { return ratio(f.total.bill_yuan_sum, f.total.discharges); });
    final_year_metric("oop_share", "fraction", "inpatient out-of-pocket ÷ itemised bill",
                      [](const FinalYear& f, const RunMetrics&) {
                        return ratio(f.total.patient_share_yuan_sum, f.total.bill_yuan_sum);
                      });
    final_year_metric("oop_per_case_yuan", "yuan", "inpatient out-of-pocket per discharge (patient burden)",
                      [](const FinalYear& f, const RunMetrics&) {
                        return ratio(f.total.patient_share_yuan_sum, f.total.discharges);
                      });
    final_year_metric("time_index", "ratio", "time consumption index of the city against indices.reference_year",
                      [](const FinalYear&, const RunMetrics& m) {
                        return m.city_time_index.empty() ? kNaN : m.city_time_index.back();
                      });
    final_year_metric("cost_index", "ratio", "cost consumption index of the city against indices.reference_year",
                      [](const FinalYear&, const RunMetrics& m) {
                        return m.city_cost_index.empty() ? kNaN : m.city_cost_index.back();
                      });
    final_year_metric(
        "mean_los_days", "days", "mean length of stay of discharges",
        [](const FinalYear& f, const RunMetrics&) { return ratio(f.total.los_days_sum, f.total.discharges); });
    final_year_metric(
        "cmi", "weight", "case-mix index: Σ weights ÷ discharges",
        [](const FinalYear& f, const RunMetrics&) { return ratio(f.total.weight_sum, f.total.discharges); });
    final_year_metric("hospital_margin", "fraction", "all hospitals' (revenue − true cost) ÷ true cost",
                      [](const FinalYear& f, const RunMetrics&) { return ratio(f.result_yuan, f.cost_yuan); });
    final_year_metric("settlement_to_bill_ratio", "fraction",
                      "inpatient settlement ÷ itemised bill (医保补偿率 incl. patient share)",
                      [](const FinalYear& f, const RunMetrics&) {
                        return ratio(f.total.settlement_yuan_sum, f.total.bill_yuan_sum);
                      });
    final_year_metric("bed_occupancy", "fraction", "occupied bed-days ÷ (beds × 365), all hospitals",
                      [](const FinalYear& f, const RunMetrics&) { return ratio(f.bed_days, f.beds * 365.0); });
    final_year_metric(
        "mean_wait_days", "days", "mean wait for a bed per admission",
        [](const FinalYear& f, const RunMetrics&) { return ratio(f.total.wait_days_sum, f.total.admissions); });
    final_year_metric(
        "p_wait", "fraction", "share of admissions that waited for a bed",
        [](const FinalYear& f, const RunMetrics&) { return ratio(f.total.waited_admissions, f.total.admissions); });
    final_year_metric("diversions", "cases", "patients sent to another hospital because all beds were taken",
                      [](const FinalYear& f, const RunMetrics&) { return f.total.diversions; });
    final_year_metric("outpatient_visits", "visits", "outpatient visits",
                      [](const FinalYear& f, const RunMetrics&) { return f.total.outpatient_visits; });

    d.push_back(monthly("contributions_yuan", "yuan", "contributions credited to the pooled fund",
                        [](const MonthMetrics& x) { return x.contributions_yuan; }));
    d.push_back(monthly("fund_expenditure_yuan", "yuan", "claims paid at the month's settlement",
                        [](const MonthMetrics& x) { return x.fund_expenditure_yuan; }));
    d.push_back(monthly("inpatient_fund_yuan", "yuan", "fund claims of the month's discharges",
                        [](const MonthMetrics& x) { return x.inpatient_fund_yuan; }));
    d.push_back(monthly("outpatient_fund_yuan", "yuan", "fund claims of the month's outpatient visits",
                        [](const MonthMetrics& x) { return x.outpatient_fund_yuan; }));
    d.push_back(monthly("balance_yuan", "yuan", "pooled-fund balance at month end",
                        [](const MonthMetrics& x) { return x.balance_yuan; }));
    d.push_back(monthly("months_of_reserve", "months", "balance ÷ mean monthly expenditure over the reserve window",
                        [](const MonthMetrics& x) { return x.months_of_reserve; }));
    d.push_back(
        monthly("admissions", "cases", "admissions (bed taken)", [](const MonthMetrics& x) { return x.admissions; }));
    d.push_back(monthly("discharges", "cases", "discharges (settled cases)",
                        [](const MonthMetrics& x) { return x.discharges; }));
    d.push_back(monthly("outpatient_visits", "visits", "outpatient visits",
                        [](const MonthMetrics& x) { return x.outpatient_visits; }));
    d.push_back(monthly("mean_los_days", "days", "mean LOS of discharges",
                        [](const MonthMetrics& x) { return ratio(x.los_days_sum, x.discharges); }));
    d.push_back(monthly("cost_per_case_yuan", "yuan", "mean itemised bill of discharges",
                        [](const MonthMetrics& x) { return ratio(x.bill_yuan_sum, x.discharges); }));
    d.push_back(monthly("oop_share", "fraction", "inpatient out-of-pocket ÷ itemised bill",
                        [](const MonthMetrics& x) { return ratio(x.patient_share_yuan_sum, x.bill_yuan_sum); }));
    d.push_back(monthly("cmi", "weight", "case-mix index of discharges",
                        [](const MonthMetrics& x) { return ratio(x.weight_sum, x.discharges); }));
    d.push_back(monthly("dip_point_value_yuan", "yuan/point",
                        "DIP point value of the month: provisional for the advances, the cleared value in December "
                        "(NaN outside DIP)",
                        [](const MonthMetrics& x) { return x.dip_point_value_yuan; }));
    d.back().needs = {Mechanism::Dip};
    d.push_back(monthly("diversions", "cases", "diversions to another hospital",
                        [](const MonthMetrics& x) { return x.diversions; }));
    d.push_back(monthly("mean_wait_days", "days", "mean wait for a bed per admission",
                        [](const MonthMetrics& x) { return ratio(x.wait_days_sum, x.admissions); }));
    d.push_back(monthly("p_wait", "fraction", "share of admissions that waited for a bed",
                        [](const MonthMetrics& x) { return ratio(x.waited_admissions, x.admissions); }));

    auto by_scheme = [&d](std::string name, std::string description, double MonthMetrics::*employee,
                          double MonthMetrics::*resident) {
      d.push_back({{"monthly/" + name, {"month", "scheme"}, "yuan", std::move(description)},
                   [employee, resident](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row,
                                        const OutputLayout& l) {
                     const std::size_t schemes = l.axis_size("scheme");
                     for (std::size_t i = 0; i < m.months.size() && (i + 1) * schemes <= row.size(); ++i) {
                       row[i * schemes] = m.months[i].*employee;
                       row[i * schemes + 1] = m.months[i].*resident;
                     }
                   }});
    };
    by_scheme("contributions_by_scheme_yuan", "contributions to the employee and resident funds",
              &MonthMetrics::employee_contributions_yuan, &MonthMetrics::resident_contributions_yuan);
    by_scheme("expenditure_by_scheme_yuan",
              "fund payments for members of each scheme (year-end settlements shared "
              "by each scheme's inpatient claims at the hospital)",
              &MonthMetrics::employee_expenditure_yuan, &MonthMetrics::resident_expenditure_yuan);
    by_scheme("balance_by_scheme_yuan", "employee and resident fund balances at month end (they sum to balance_yuan)",
              &MonthMetrics::employee_balance_yuan, &MonthMetrics::resident_balance_yuan);

    d.push_back({{"monthly/balance_by_region_yuan",
                  {"month", "region"},
                  "yuan",
                  "regional fund balances at month end (with the adjustment fund they sum to balance_yuan)"},
                 [](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout& l) {
                   const std::size_t regions = l.axis_size("region");
                   for (std::size_t i = 0; i < m.months.size(); ++i) {
                     for (std::size_t r = 0; r < m.months[i].region_balance_yuan.size() && r < regions; ++r) {
                       if ((i + 1) * regions <= row.size()) row[i * regions + r] = m.months[i].region_balance_yuan[r];
                     }
                   }
                 }});
    d.push_back(per_year("adjustment_paid_in_yuan", "yuan", "paid by the regions into the provincial adjustment fund",
                         &RunMetrics::adjustment_paid_in_yuan));
    d.push_back(per_year("adjustment_paid_out_yuan", "yuan", "regional deficits covered by the adjustment fund",
                         &RunMetrics::adjustment_paid_out_yuan));
    d.push_back(per_year("adjustment_fund_balance_yuan", "yuan",
                         "adjustment fund at year end (NaN unless province pooling)",
                         &RunMetrics::adjustment_fund_balance_yuan));
    d.push_back(per_year("regions_in_deficit", "regions",
                         "regions whose fund spending exceeded their contributions in the year",
                         &RunMetrics::regions_in_deficit));

    add_hospital_metrics(d);

    d.push_back(group("cases", "cases", "discharges over the horizon", [](const GroupMetrics& g) { return g.cases; }));
    d.push_back(group("mean_cost_yuan", "yuan", "mean itemised bill over the horizon",
                      [](const GroupMetrics& g) { return ratio(g.bill_yuan_sum, g.cases); }));
    d.push_back(group("mean_payment_yuan", "yuan", "mean settlement (fund + patient share) over the horizon",
                      [](const GroupMetrics& g) { return ratio(g.settlement_yuan_sum, g.cases); }));
    d.push_back(group("mean_fund_payment_yuan", "yuan", "mean fund payment over the horizon",
                      [](const GroupMetrics& g) { return ratio(g.fund_yuan_sum, g.cases); }));

    auto yearly = [&d](std::string name, std::string description, double YearFlows::*field,
                       std::string units = "yuan") {
      d.push_back({{"years/" + name, {"year"}, std::move(units), std::move(description)},
                   [field](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                     const std::vector<YearFlows> years = yearly_flows(m);
                     for (std::size_t y = 0; y < years.size() && y < row.size(); ++y) row[y] = years[y].*field;
                   }});
    };
    yearly("contributions_yuan", "contributions credited to the pooled fund in the year",
           &YearFlows::contributions_yuan);
    yearly("fund_expenditure_yuan", "fund payments in the year, year-end settlements included",
           &YearFlows::expenditure_yuan);
    yearly("balance_end_yuan", "pooled-fund balance at the end of the year", &YearFlows::balance_end_yuan);
    yearly("months_of_reserve_end", "months of reserve at the end of the year", &YearFlows::months_of_reserve_end,
           "months");
    d.push_back({{"years/dip_point_value_yuan",
                  {"year"},
                  "yuan/point",
                  "DIP point value of the year: final after clearing, else provisional; NaN when DIP was not in force"},
                 [](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                   for (std::size_t y = 0; y < m.dip_point_value_yuan.size() && y < row.size(); ++y) {
                     row[y] = m.dip_point_value_yuan[y];
                   }
                 },
                 {Mechanism::Dip}});
    d.push_back({{"years/settlement_cases",
                  {"year", "settlement_type"},
                  "cases",
                  "discharges by settlement type (normal, high/low multiple, QY, long stay, FFS)"},
                 [](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout& l) {
                   const std::size_t types = l.axis_size("settlement_type");
                   for (std::size_t y = 0; y < m.settlement_type_counts.size(); ++y) {
                     for (std::size_t t = 0; t < types; ++t) row[y * types + t] = m.settlement_type_counts[y][t];
                   }
                 }});
    add_city_year_metrics(d);
    add_projection_metrics(d);
    add_supervision_metrics(d);
    add_procurement_metrics(d);
    add_primary_care_metrics(d);
    return d;
  }();
  return metrics;
}

}  // namespace

OutputLayout reform_output_layout(const ScenarioConfig& longest, const ScenarioConfig& first,
                                  const std::vector<const ScenarioConfig*>& all) {
  OutputLayout layout;
  const sim::Calendar calendar(longest.start_year);
  experiment::AxisSpec month{"month", {}, "calendar month (YYYY-MM) of the scenario's start year onwards"};
  for (int m = 0; m < longest.months(); ++m) month.labels.push_back(calendar.month_label(m));
  experiment::AxisSpec year{"year", {}, "calendar year"};
  for (int y = 0; y < longest.horizon_years; ++y) year.labels.push_back(std::to_string(calendar.calendar_year(y)));
  experiment::AxisSpec hospital{"hospital", {}, "hospital name, in scenario order"};
  for (const HospitalConfig& h : first.hospitals) hospital.labels.push_back(h.name);
  experiment::AxisSpec group_axis{"group", {}, "case-catalogue group code, in catalogue order"};
  for (const CaseGroup& g : first.catalogue->groups()) group_axis.labels.push_back(g.code);
  experiment::AxisSpec types{"settlement_type", {}, "how a case was settled"};
  for (int t = 0; t < settlement_type_count(); ++t) {
    types.labels.push_back(settlement_type_name(static_cast<SettlementType>(t)));
  }
  experiment::AxisSpec scheme{"scheme", {"employee", "resident"}, "insurance scheme (职工 / 城乡居民)"};
  experiment::AxisSpec region{"region", {}, "region (pooling unit under county or province pooling), by index"};
  for (int r = 0; r < first.population.regions; ++r) region.labels.push_back("region " + std::to_string(r));
  experiment::AxisSpec violations{"violation_type", {}, "violation type"};
  for (Violation v : all_violations()) violations.labels.emplace_back(violation_name(v));
  layout.axes = {month, year, hospital, group_axis, types, scheme, region, violations};
  for (experiment::AxisSpec& axis : procurement_axes(first, all)) layout.axes.push_back(std::move(axis));
  layout.axes.push_back(alliance_axis(first));
  // A mechanism's datasets exist when some run has the mechanism; an axis, when some dataset uses it.
  auto some_run_has = [&all](Mechanism m) {
    return std::any_of(all.begin(), all.end(), [m](const ScenarioConfig* s) { return has_mechanism(*s, m); });
  };
  for (const Declared& d : declared()) {
    if (d.needs.empty() || std::any_of(d.needs.begin(), d.needs.end(), some_run_has)) {
      layout.metrics.push_back(d.spec);
      continue;
    }
    std::string why = "no run has " + mechanism_setting(d.needs.front());
    for (std::size_t k = 1; k < d.needs.size(); ++k) why += " or " + mechanism_setting(d.needs[k]);
    layout.omitted.push_back({d.spec.path, why});
  }
  std::erase_if(layout.axes, [&layout](const experiment::AxisSpec& axis) {
    return std::none_of(layout.metrics.begin(), layout.metrics.end(), [&axis](const experiment::MetricSpec& m) {
      return std::find(m.axes.begin(), m.axes.end(), axis.name) != m.axes.end();
    });
  });
  return layout;
}

RunValues reform_output_values(const OutputLayout& layout, const ScenarioConfig& scenario, const RunMetrics& metrics) {
  RunValues values;
  values.events = static_cast<double>(metrics.events);
  values.metrics.resize(layout.metrics.size());
  // The layout's metrics are the declared ones in order, less those of mechanisms no run has.
  std::size_t i = 0;
  for (const Declared& d : declared()) {
    if (i == layout.metrics.size() || d.spec.path != layout.metrics[i].path) continue;
    values.metrics[i].assign(layout.row_size(i), kNaN);
    d.fill(scenario, metrics, values.metrics[i], layout);
    ++i;
  }
  if (i != layout.metrics.size()) throw std::logic_error("output layout " + layout.metrics[i].path + " not declared");
  return values;
}

std::vector<experiment::HeadlineMetric> reform_headline_metrics(const OutputLayout& layout) {
  const std::pair<const char*, const char*> rows[] = {
      {"summary/fund_balance_end_yuan", "fund balance at end (yuan)"},
      {"summary/months_of_reserve_end", "months of reserve at end"},
      {"summary/fund_expenditure_yuan", "fund expenditure, final year (yuan)"},
      {"summary/cost_per_case_yuan", "cost per inpatient case (yuan)"},
      {"summary/oop_per_case_yuan", "out-of-pocket per case (yuan)"},
      {"summary/oop_share", "out-of-pocket share"},
      {"summary/mean_los_days", "mean LOS (days)"},
      {"summary/cmi", "CMI"},
      {"summary/time_index", "time index"},
      {"summary/cost_index", "cost index"},
      {"summary/hospital_margin", "hospital margin"},
      {"summary/settlement_to_bill_ratio", "settlement ÷ itemised bill"},
      {"summary/hospitalisation_rate", "hospitalisation rate (per year)"},
      {"summary/mean_wait_days", "mean wait for a bed (days)"},
  };
  std::vector<experiment::HeadlineMetric> out;
  for (const auto& [path, label] : rows) {
    const std::size_t i = layout.metric_index(path);
    out.push_back({label, i, layout.metrics[i].units});
  }
  return out;
}

}  // namespace reformsim::agents
