#include "agents/primary_care/alliances.hpp"

#include <algorithm>

namespace reformsim::agents {

namespace {

// `fen` split in proportion to `weights`; the last unit with weight takes the rounding remainder.
std::vector<std::int64_t> split_fen(std::int64_t fen, const std::vector<double>& weights) {
  std::vector<std::int64_t> out(weights.size(), 0);
  double total = 0;
  std::size_t last = 0;
  for (std::size_t u = 0; u < weights.size(); ++u) {
    total += weights[u];
    if (weights[u] > 0) last = u;
  }
  if (!(total > 0)) return out;
  std::int64_t given = 0;
  for (std::size_t u = 0; u < weights.size(); ++u) {
    if (u == last) continue;
    out[u] = static_cast<std::int64_t>(static_cast<long double>(fen) * weights[u] / total);
    given += out[u];
  }
  out[last] = fen - given;
  return out;
}

}  // namespace

Alliances::Alliances(RunContext& run, FundBooks& books) : run_(run), books_(books) {}

void Alliances::count_members() {
  const ScenarioConfig& s = run_.scenario;
  const Population& population = run_.population;
  insured_.assign(s.alliances.size(), 0.0);
  by_region_.assign(s.alliances.size(), std::vector<double>(static_cast<std::size_t>(s.population.regions) + 1, 0.0));
  by_scheme_.assign(s.alliances.size(), std::vector<double>(kSchemeCount, 0.0));
  for (std::size_t a = 0; a < s.alliances.size(); ++a) {
    const auto& regions = s.alliances[a].regions;
    for (std::size_t p = 0; p < population.size(); ++p) {
      if (!population.alive(p)) continue;
      if (std::find(regions.begin(), regions.end(), population.region(p)) == regions.end()) continue;
      insured_[a] += 1;
      by_region_[a][static_cast<std::size_t>(population.region(p))] += 1;
      by_scheme_[a][static_cast<std::size_t>(population.scheme(p))] += 1;
    }
  }
}

void Alliances::on_year_end(int year, double) {
  count_members();  // the year's population (it changes only in January)
  const ScenarioConfig& s = run_.scenario;
  const auto y = static_cast<std::size_t>(year);
  for (std::size_t a = 0; a < s.alliances.size(); ++a) {
    const AllianceConfig& alliance = s.alliances[a];
    RunMetrics::AllianceYear& out = run_.metrics.alliance_years[a * static_cast<std::size_t>(s.horizon_years) + y];
    out.budget_yuan = alliance.per_capita_budget_yuan * insured_[a];
    for (std::size_t h : alliance.hospital_ids) {
      const HospitalYearMetrics& hy = run_.metrics.hospital_years[h][y];
      out.spending_yuan +=
          hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.outpatient_fund_yuan + hy.capitation_fund_yuan;
    }
    // The alliance keeps its share of an under-spend and bears its share of an overspend, through its lead.
    const double gap = out.budget_yuan - out.spending_yuan;
    out.settlement_yuan = gap >= 0 ? alliance.surplus_retention * gap : alliance.overspend_share * gap;
    const std::int64_t fen = to_fen(out.settlement_yuan);
    books_.settle_split(alliance.hospital_ids.front(), fen, split_fen(fen, by_scheme_[a]),
                        split_fen(fen, by_region_[a]), year);
  }
}

}  // namespace reformsim::agents
