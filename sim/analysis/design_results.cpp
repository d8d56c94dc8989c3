#include "sim/analysis/design_results.hpp"

#include <stdexcept>

namespace reformsim::analysis {

namespace {

std::vector<std::vector<double>> rows_of(const std::vector<double>& flat, std::size_t columns) {
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i + columns <= flat.size(); i += columns) {
    rows.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(i),
                      flat.begin() + static_cast<std::ptrdiff_t>(i + columns));
  }
  return rows;
}

}  // namespace

std::size_t DesignResults::arm_index(const std::string& name) const {
  for (std::size_t a = 0; a < arms.size(); ++a) {
    if (arms[a] == name) return a;
  }
  std::string known;
  for (const std::string& a : arms) known += (known.empty() ? "" : ", ") + a;
  throw std::invalid_argument(path + ": no arm is named '" + name + "' (arms: " + known + ")");
}

std::vector<double> DesignResults::per_run_metric(const output::Hdf5Reader& file, std::string metric) const {
  if (!metric.empty() && metric.front() == '/') metric.erase(0, 1);
  if (!file.exists("/" + metric)) throw std::invalid_argument(path + ": it has no dataset '/" + metric + "'");
  const std::vector<std::size_t> shape = file.dims("/" + metric);
  if (shape.size() != 1 || shape[0] != runs()) {
    throw std::invalid_argument(path + ": '/" + metric +
                                "' has more than one value per run: give a per-run metric (e.g. summary/...)");
  }
  return file.double_rows("/" + metric, 0, runs());
}

DesignResults read_design_results(const output::Hdf5Reader& file) {
  DesignResults r;
  r.path = file.path();
  if (!file.exists("/meta/design") || !file.exists("/design/factors")) {
    throw std::invalid_argument(r.path + ": it has no design (nothing was varied): give the experiment ranges or vary");
  }
  r.design = file.strings("/meta/design").at(0);
  r.factors = file.strings("/design/factors");
  const std::size_t d = r.factors.size();
  const std::vector<std::int64_t> numeric = file.int64s("/design/numeric");
  for (std::size_t k = 0; k < d; ++k) {
    r.numeric.push_back(numeric.at(k) != 0);
    r.categories.push_back(r.numeric.back() ? std::vector<std::string>{}
                                            : file.strings("/design/categories/" + r.factors[k]));
  }
  const std::size_t points = file.dims("/design/values").at(0);
  r.values = rows_of(file.double_rows("/design/values", 0, points), d);
  r.unit = file.exists("/design/unit") ? rows_of(file.double_rows("/design/unit", 0, points), d) : r.values;
  r.arms = file.strings("/meta/arms");
  r.reference_arm = file.strings("/meta/reference_arm").at(0);
  r.arm = file.int64s("/runs/arm_index");
  r.point = file.int64s("/runs/point");
  r.replicate = file.int64s("/runs/replicate");
  std::size_t failed = 0;
  for (const std::string& s : file.strings("/runs/status")) failed += s == "complete" ? 0 : 1;
  if (failed > 0) {
    throw std::invalid_argument(r.path + ": " + std::to_string(failed) +
                                " runs failed: their outcomes are unknown (see /runs/message)");
  }
  for (std::size_t i = 0; i < r.runs(); ++i) {
    if (r.point[i] < 0 || static_cast<std::size_t>(r.point[i]) >= points || r.arm[i] < 0 ||
        static_cast<std::size_t>(r.arm[i]) >= r.arms.size()) {
      throw std::invalid_argument(r.path + ": run " + std::to_string(i) + " names a point or arm the file lacks");
    }
  }
  return r;
}

}  // namespace reformsim::analysis
