#include "agents/model/procurement_outputs.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "agents/procurement/tender.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

namespace {

using namespace outputs;

// Index of a run's cycle `c` on the experiment's cycle axis (labelled by calendar start year).
std::size_t cycle_slot(const ScenarioConfig& s, std::size_t c, const OutputLayout& layout) {
  const std::string label = std::to_string(cycle_start_year(s, c));
  for (const experiment::AxisSpec& axis : layout.axes) {
    if (axis.name != "cycle") continue;
    const auto it = std::find(axis.labels.begin(), axis.labels.end(), label);
    return static_cast<std::size_t>(it - axis.labels.begin());
  }
  return layout.axis_size("cycle");
}

Declared drug_cycle(std::string name, std::string units, std::string description,
                    std::function<double(const DrugCycleMetrics&)> f) {
  return {{"procurement/" + name, {"drug", "cycle"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
            const std::size_t cycles = layout.axis_size("cycle"), drugs = layout.axis_size("drug");
            for (std::size_t c = 0; c < m.cycles; ++c) {
              const std::size_t slot = cycle_slot(s, c, layout);
              if (slot >= cycles) continue;
              for (std::size_t d = 0; d < m.drugs && d < drugs; ++d) {
                row[d * cycles + slot] = f(m.drug_cycles[d * m.cycles + c]);
              }
            }
          }};
}

// Completion over the final cycle of a run, all procured drugs together.
double final_cycle_completion(const RunMetrics& m) {
  if (m.cycles == 0) return kNaN;
  double agreed = 0, purchased = 0;
  for (std::size_t d = 0; d < m.drugs; ++d) {
    agreed += m.drug_cycles[d * m.cycles + m.cycles - 1].agreed_units;
    purchased += m.drug_cycles[d * m.cycles + m.cycles - 1].winner_units;
  }
  return completion_rate(purchased, agreed);
}

}  // namespace

int cycle_start_year(const ScenarioConfig& s, std::size_t c) {
  return sim::Calendar(s.start_year)
      .calendar_year(s.procurement.start_year - 1 + static_cast<int>(c) * s.procurement.cycle_years);
}

std::vector<experiment::AxisSpec> procurement_axes(const ScenarioConfig& first,
                                                   const std::vector<const ScenarioConfig*>& all) {
  experiment::AxisSpec drug{"drug", {}, "molecule of the drug table, in scenario order"};
  for (const DrugConfig& d : first.drugs) drug.labels.push_back(d.name);
  experiment::AxisSpec cycle{"cycle", {}, "procurement cycle, by the calendar year it starts"};
  std::set<int> starts;
  for (const ScenarioConfig* s : all) {
    if (!s->procurement.active() || s->drugs.empty()) continue;
    for (int y = s->procurement.start_year - 1, c = 0; y < s->horizon_years; y += s->procurement.cycle_years, ++c) {
      starts.insert(cycle_start_year(*s, static_cast<std::size_t>(c)));
    }
  }
  for (int year : starts) cycle.labels.push_back(std::to_string(year));
  if (drug.labels.empty()) drug.labels.push_back("none");
  if (cycle.labels.empty()) cycle.labels.push_back("none");
  return {drug, cycle};
}

void add_procurement_metrics(std::vector<Declared>& d) {
  const std::size_t first = d.size();
  d.push_back(drug_cycle("reported_units", "units", "hospitals' reported demand (报量)",
                         [](const DrugCycleMetrics& x) { return x.reported_units; }));
  d.push_back(drug_cycle("agreed_units", "units", "agreed volume (约定采购量) = ratio × accepted reports",
                         [](const DrugCycleMetrics& x) { return x.agreed_units; }));
  d.push_back(drug_cycle("winner_units", "units", "purchased from winning products",
                         [](const DrugCycleMetrics& x) { return x.winner_units; }));
  d.push_back(drug_cycle("total_units", "units", "all purchases of the molecule",
                         [](const DrugCycleMetrics& x) { return x.total_units; }));
  d.push_back(drug_cycle("completion", "fraction", "completion rate: purchased from winners ÷ agreed",
                         [](const DrugCycleMetrics& x) { return completion_rate(x.winner_units, x.agreed_units); }));
  d.push_back(
      drug_cycle("winners", "products", "winning products", [](const DrugCycleMetrics& x) { return x.winners; }));
  d.push_back(drug_cycle("winning_price_yuan", "yuan/unit", "lowest winning bid (NaN without a winner)",
                         [](const DrugCycleMetrics& x) { return x.winning_price_yuan; }));
  d.push_back(drug_cycle("mean_price_yuan", "yuan/unit", "spending ÷ units over the cycle",
                         [](const DrugCycleMetrics& x) { return ratio(x.spend_yuan, x.total_units); }));
  d.push_back(drug_cycle("spend_yuan", "yuan", "hospitals' spending on the molecule",
                         [](const DrugCycleMetrics& x) { return x.spend_yuan; }));
  d.push_back(drug_cycle("shortage_units", "units", "winners' share of use they could not supply",
                         [](const DrugCycleMetrics& x) { return x.shortage_units; }));
  d.push_back(drug_cycle("excluded_reports", "hospitals", "reports refused under the growth/decrease rule",
                         [](const DrugCycleMetrics& x) { return x.excluded_reports; }));
  d.push_back(drug_cycle("retained_savings_yuan", "yuan", "集采结余留用 paid to hospitals for the molecule",
                         [](const DrugCycleMetrics& x) { return x.retained_savings_yuan; }));
  d.push_back({{"procurement/hospital_completion",
                {"hospital", "drug", "cycle"},
                "fraction",
                "completion rate per hospital: purchased from winners ÷ its agreed volume (NaN: nothing agreed)"},
               [](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
                 const std::size_t drugs = layout.axis_size("drug"), cycles = layout.axis_size("cycle");
                 for (std::size_t c = 0; c < m.cycles; ++c) {
                   const std::size_t slot = cycle_slot(s, c, layout);
                   if (slot >= cycles) continue;
                   for (std::size_t h = 0; h < m.hospitals; ++h) {
                     for (std::size_t x = 0; x < m.drugs && x < drugs; ++x) {
                       const std::size_t i = (h * m.drugs + x) * m.cycles + c;
                       row[(h * drugs + x) * cycles + slot] =
                           completion_rate(m.hospital_drug_from_winners[i], m.hospital_drug_agreed[i]);
                     }
                   }
                 }
               }});
  d.push_back(
      hospital_year("vbp_retained_savings_yuan", "yuan", "procurement savings retained (集采结余留用)",
                    [](const HospitalYearMetrics& y, const HospitalConfig&) { return y.vbp_retained_savings_yuan; }));
  d.push_back(monthly("drug_spending_yuan", "yuan", "hospitals' purchases of the drug table's molecules",
                      [](const MonthMetrics& x) { return x.drug_spending_yuan; }));
  d.push_back(scalar("drug_spending_yuan", "yuan", "hospitals' purchases of the drug table (final simulated year)",
                     [](const ScenarioConfig&, const RunMetrics& m) {
                       double s = 0;
                       for (std::size_t t = m.months.size() >= 12 ? m.months.size() - 12 : 0; t < m.months.size(); ++t)
                         s += m.months[t].drug_spending_yuan;
                       return s;
                     }));
  d.push_back(scalar("vbp_completion", "fraction", "completion rate of the final procurement cycle, all drugs",
                     [](const ScenarioConfig&, const RunMetrics& m) { return final_cycle_completion(m); }));
  produced_by(d, first, {Mechanism::Procurement});
}

}  // namespace reformsim::agents
