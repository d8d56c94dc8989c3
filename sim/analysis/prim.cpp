// PRIM peeling, box choice and pasting (Friedman & Fisher 1999; Bryant & Lempert 2010).
#include "sim/analysis/prim.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace reformsim::analysis {
namespace {

void check(const PrimInput& input, const PrimOptions& options) {
  auto fail = [](const std::string& what) { throw std::invalid_argument("prim: " + what); };
  if (!(options.peel_alpha > 0 && options.peel_alpha < 0.5)) fail("peel_alpha must lie in (0, 0.5)");
  if (!(options.paste_alpha > 0 && options.paste_alpha < 0.5)) fail("paste_alpha must lie in (0, 0.5)");
  if (!(options.min_mass > 0 && options.min_mass < 1)) fail("min_mass must lie in (0, 1)");
  if (!(options.threshold >= 0 && options.threshold <= 1)) fail("threshold must lie in [0, 1]");
  if (input.x.empty()) fail("no cases");
  if (input.y.size() != input.x.size()) {
    fail("y has " + std::to_string(input.y.size()) + " values for " + std::to_string(input.x.size()) + " cases");
  }
  const auto hits = std::count(input.y.begin(), input.y.end(), true);
  if (hits == 0) fail("no case of interest (y is all false)");
  if (static_cast<std::size_t>(hits) == input.y.size()) fail("every case is of interest (y is all true)");
  for (std::size_t i = 0; i < input.x.size(); ++i) {
    const auto& row = input.x[i];
    if (row.size() != input.factors.size()) {
      fail("case " + std::to_string(i) + " has " + std::to_string(row.size()) + " values for " +
           std::to_string(input.factors.size()) + " factors");
    }
    for (std::size_t j = 0; j < row.size(); ++j) {
      const double v = row[j];
      if (!std::isfinite(v))
        fail("case " + std::to_string(i) + " factor '" + input.factors[j].name + "' is not finite");
      const auto& f = input.factors[j];
      if (f.categorical && (v < 0 || v != std::floor(v) || v >= static_cast<double>(f.categories.size()))) {
        fail("case " + std::to_string(i) + " factor '" + f.name + "' is not a category index");
      }
    }
  }
}

// Exact density order, so that ties (common: many boxes have density 1) break by the stated rules, not by rounding.
int compare_density(std::size_t hits_a, std::size_t cases_a, std::size_t hits_b, std::size_t cases_b) {
  const auto a = static_cast<std::uint64_t>(hits_a) * cases_b;
  const auto b = static_cast<std::uint64_t>(hits_b) * cases_a;
  return a < b ? -1 : (a > b ? 1 : 0);
}

class Prim {
 public:
  Prim(const PrimInput& input, const PrimOptions& options) : in_(input), opt_(options), n_(input.x.size()) {
    const std::size_t k = in_.factors.size();
    min_.assign(k, 0);
    max_.assign(k, 0);
    for (std::size_t j = 0; j < k; ++j) {
      min_[j] = max_[j] = in_.x[0][j];
      for (const auto& row : in_.x) {
        min_[j] = std::min(min_[j], row[j]);
        max_[j] = std::max(max_[j], row[j]);
      }
    }
    total_hits_ = static_cast<std::size_t>(std::count(in_.y.begin(), in_.y.end(), true));
  }

  PrimResult run() {
    PrimResult result;
    result.total_hits = total_hits_;
    result.base_density = static_cast<double>(total_hits_) / static_cast<double>(n_);

    std::vector<PrimLimit> limits(in_.factors.size());
    for (std::size_t j = 0; j < limits.size(); ++j) {
      limits[j].factor = j;
      if (in_.factors[j].categorical) {
        for (std::size_t c = 0; c < in_.factors[j].categories.size(); ++c) limits[j].categories.push_back(c);
      } else {
        limits[j].low = min_[j];
        limits[j].high = max_[j];
      }
    }
    std::vector<std::size_t> members(n_);
    for (std::size_t i = 0; i < n_; ++i) members[i] = i;
    result.trajectory.push_back(make_box(limits, members));

    std::vector<std::vector<std::size_t>> member_sets{members};
    while (peel(limits, members)) {
      result.trajectory.push_back(make_box(limits, members));
      member_sets.push_back(members);
    }

    result.chosen = choose(result.trajectory);
    limits = result.trajectory[result.chosen].limits;
    members = member_sets[result.chosen];
    while (paste(limits, members)) {
    }
    result.trajectory[result.chosen] = make_box(limits, members);
    return result;
  }

 private:
  std::size_t hits_of(const std::vector<std::size_t>& cases) const {
    std::size_t h = 0;
    for (auto i : cases) h += in_.y[i] ? 1 : 0;
    return h;
  }

  PrimBox make_box(std::vector<PrimLimit> limits, const std::vector<std::size_t>& members) const {
    for (auto& l : limits) {
      l.restricted = in_.factors[l.factor].categorical ? l.categories.size() < in_.factors[l.factor].categories.size()
                                                       : (l.low > min_[l.factor] || l.high < max_[l.factor]);
    }
    PrimBox box;
    box.limits = std::move(limits);
    box.cases = members.size();
    box.hits = hits_of(members);
    box.coverage = static_cast<double>(box.hits) / static_cast<double>(total_hits_);
    box.density = static_cast<double>(box.hits) / static_cast<double>(box.cases);
    box.mass = static_cast<double>(box.cases) / static_cast<double>(n_);
    return box;
  }

  // One peel or paste considered: which factor, which side (0 low, 1 high) or category, and its effect.
  struct Move {
    std::size_t factor = 0, side = 0;
    std::size_t cases = 0, hits = 0;  // of the box after the move
    std::size_t changed = 0;          // cases removed or added
  };

  // Applies the best peel, if its box keeps enough mass; false when peeling stops.
  bool peel(std::vector<PrimLimit>& limits, std::vector<std::size_t>& members) const {
    const std::size_t box_hits = hits_of(members);
    bool found = false;
    Move best;
    auto consider = [&](const Move& m) {
      if (m.changed == 0 || m.cases == 0) return;  // a peel must remove something and leave something
      if (found) {
        const int d = compare_density(m.hits, m.cases, best.hits, best.cases);
        if (d < 0 || (d == 0 && m.changed >= best.changed)) return;  // earlier factor / low side win the ties
      }
      best = m;
      found = true;
    };
    for (std::size_t j = 0; j < limits.size(); ++j) {
      if (in_.factors[j].categorical) {
        if (limits[j].categories.size() < 2) continue;
        for (auto c : limits[j].categories) {
          Move m{j, c, 0, 0, 0};
          for (auto i : members) {
            if (static_cast<std::size_t>(in_.x[i][j]) == c) {
              ++m.changed;
              m.hits += in_.y[i] ? 1 : 0;
            }
          }
          m.cases = members.size() - m.changed;
          m.hits = box_hits - m.hits;
          consider(m);
        }
        continue;
      }
      std::vector<double> values;
      values.reserve(members.size());
      for (auto i : members) values.push_back(in_.x[i][j]);
      std::sort(values.begin(), values.end());
      const auto k = static_cast<std::size_t>(opt_.peel_alpha * static_cast<double>(values.size()));
      for (std::size_t side = 0; side < 2; ++side) {
        const double cut = side == 0 ? values[k] : values[values.size() - 1 - k];
        const double extreme = side == 0 ? values.front() : values.back();
        // Below the quantile (or above it); when that removes nothing, the most extreme distinct value.
        auto removed = [&](double v) {
          if (cut == extreme) return v == extreme;
          return side == 0 ? v < cut : v > cut;
        };
        Move m{j, side, 0, 0, 0};
        std::size_t removed_hits = 0;
        for (auto i : members) {
          if (removed(in_.x[i][j])) {
            ++m.changed;
            removed_hits += in_.y[i] ? 1 : 0;
          }
        }
        m.cases = members.size() - m.changed;
        m.hits = box_hits - removed_hits;
        consider(m);
      }
    }
    if (!found || static_cast<double>(best.cases) < opt_.min_mass * static_cast<double>(n_)) return false;

    const std::size_t j = best.factor;
    auto& l = limits[j];
    std::vector<std::size_t> kept;
    if (in_.factors[j].categorical) {
      for (auto i : members) {
        if (static_cast<std::size_t>(in_.x[i][j]) != best.side) kept.push_back(i);
      }
      l.categories.erase(std::find(l.categories.begin(), l.categories.end(), best.side));
    } else {
      // Recompute the cut as above, then keep the survivors and move the limit to their extreme observed value.
      std::vector<double> values;
      for (auto i : members) values.push_back(in_.x[i][j]);
      std::sort(values.begin(), values.end());
      const auto k = static_cast<std::size_t>(opt_.peel_alpha * static_cast<double>(values.size()));
      const double cut = best.side == 0 ? values[k] : values[values.size() - 1 - k];
      const double extreme = best.side == 0 ? values.front() : values.back();
      for (auto i : members) {
        const double v = in_.x[i][j];
        const bool out = cut == extreme ? v == extreme : (best.side == 0 ? v < cut : v > cut);
        if (!out) kept.push_back(i);
      }
      double lo = in_.x[kept.front()][j], hi = lo;
      for (auto i : kept) {
        lo = std::min(lo, in_.x[i][j]);
        hi = std::max(hi, in_.x[i][j]);
      }
      if (best.side == 0)
        l.low = lo;
      else
        l.high = hi;
    }
    members = std::move(kept);
    return true;
  }

  bool inside_except(const std::vector<PrimLimit>& limits, std::size_t i, std::size_t skip) const {
    for (std::size_t j = 0; j < limits.size(); ++j) {
      if (j == skip) continue;
      const double v = in_.x[i][j];
      if (in_.factors[j].categorical) {
        const auto& cats = limits[j].categories;
        if (!std::binary_search(cats.begin(), cats.end(), static_cast<std::size_t>(v))) return false;
      } else if (v < limits[j].low || v > limits[j].high) {
        return false;
      }
    }
    return true;
  }

  // The cases a paste on factor j's side (or category) would add, and the factor's new limit.
  std::vector<std::size_t> paste_cases(const std::vector<PrimLimit>& limits, std::size_t j, std::size_t side,
                                       std::size_t box_cases, double& new_bound) const {
    const auto& l = limits[j];
    std::vector<std::size_t> outside;
    for (std::size_t i = 0; i < n_; ++i) {
      const double v = in_.x[i][j];
      if (in_.factors[j].categorical ? static_cast<std::size_t>(v) != side : (side == 0 ? v >= l.low : v <= l.high)) {
        continue;
      }
      if (inside_except(limits, i, j)) outside.push_back(i);
    }
    if (in_.factors[j].categorical || outside.empty()) return outside;
    // The next values beyond the limit, nearest first; all cases of the last value taken, so the limit is exact.
    std::sort(outside.begin(), outside.end(), [&](std::size_t a, std::size_t b) {
      const double va = in_.x[a][j], vb = in_.x[b][j];
      if (va != vb) return side == 0 ? va > vb : va < vb;
      return a < b;
    });
    const auto k =
        std::max<std::size_t>(1, static_cast<std::size_t>(opt_.paste_alpha * static_cast<double>(box_cases)));
    new_bound = in_.x[outside[std::min(k, outside.size()) - 1]][j];
    std::vector<std::size_t> added;
    for (auto i : outside) {
      const double v = in_.x[i][j];
      if (side == 0 ? v >= new_bound : v <= new_bound) added.push_back(i);
    }
    return added;
  }

  // Applies the best paste that does not lower density; false when none qualifies.
  bool paste(std::vector<PrimLimit>& limits, std::vector<std::size_t>& members) const {
    const std::size_t box_hits = hits_of(members);
    bool found = false;
    Move best;
    double best_bound = 0;
    std::vector<std::size_t> best_added;
    auto consider = [&](std::size_t j, std::size_t side, std::vector<std::size_t> added, double bound) {
      if (added.empty()) return;
      Move m{j, side, members.size() + added.size(), box_hits + hits_of(added), added.size()};
      if (compare_density(m.hits, m.cases, box_hits, members.size()) < 0) return;
      if (found) {
        const int d = compare_density(m.hits, m.cases, best.hits, best.cases);
        if (d < 0 || (d == 0 && m.hits <= best.hits)) return;
      }
      best = m;
      best_bound = bound;
      best_added = std::move(added);
      found = true;
    };
    for (std::size_t j = 0; j < limits.size(); ++j) {
      double bound = 0;
      if (in_.factors[j].categorical) {
        const auto& cats = limits[j].categories;
        for (std::size_t c = 0; c < in_.factors[j].categories.size(); ++c) {
          if (std::binary_search(cats.begin(), cats.end(), c)) continue;
          consider(j, c, paste_cases(limits, j, c, members.size(), bound), 0);
        }
        continue;
      }
      for (std::size_t side = 0; side < 2; ++side) {
        if (side == 0 ? limits[j].low <= min_[j] : limits[j].high >= max_[j]) continue;
        auto added = paste_cases(limits, j, side, members.size(), bound);  // sets bound, so not inside the call
        consider(j, side, std::move(added), bound);
      }
    }
    if (!found) return false;
    auto& l = limits[best.factor];
    if (in_.factors[best.factor].categorical) {
      l.categories.insert(std::lower_bound(l.categories.begin(), l.categories.end(), best.side), best.side);
    } else if (best.side == 0) {
      l.low = best_bound;
    } else {
      l.high = best_bound;
    }
    members.insert(members.end(), best_added.begin(), best_added.end());
    std::sort(members.begin(), members.end());
    return true;
  }

  // Boxes of enough density compete on coverage; failing any, the densest box wins. Coverage ties go to the denser box.
  std::size_t choose(const std::vector<PrimBox>& boxes) const {
    std::size_t chosen = 0;
    bool reached = false;
    for (std::size_t b = 0; b < boxes.size(); ++b) {
      const auto& box = boxes[b];
      const auto& cur = boxes[chosen];
      const bool ok = box.density >= opt_.threshold;
      if (ok && !reached) {
        chosen = b;
        reached = true;
      } else if (ok) {
        const bool denser = compare_density(box.hits, box.cases, cur.hits, cur.cases) > 0;
        if (box.hits > cur.hits || (box.hits == cur.hits && denser)) chosen = b;
      } else if (!reached) {
        const int d = compare_density(box.hits, box.cases, cur.hits, cur.cases);
        if (d > 0 || (d == 0 && box.hits > cur.hits)) chosen = b;
      }
    }
    return chosen;
  }

  const PrimInput& in_;
  const PrimOptions& opt_;
  std::size_t n_;
  std::vector<double> min_, max_;
  std::size_t total_hits_ = 0;
};

}  // namespace

PrimResult prim(const PrimInput& input, const PrimOptions& options) {
  check(input, options);
  return Prim(input, options).run();
}

}  // namespace reformsim::analysis
