#include "sim/analysis/design_results.hpp"

#include <algorithm>
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

namespace {

// "-3", "0", "12": an optional minus, then digits without a leading zero.
bool whole_number(const std::string& t) {
  const std::size_t digits = t.size() > 0 && t[0] == '-' ? 1 : 0;
  if (t.size() == digits) return false;
  if (t[digits] == '0' && t.size() > digits + 1) return false;
  return std::all_of(t.begin() + static_cast<std::ptrdiff_t>(digits), t.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<double> DesignResults::per_run_metric(const output::Hdf5Reader& file, std::string metric,
                                                  std::string* canonical) const {
  if (!metric.empty() && metric.front() == '/') metric.erase(0, 1);
  // Trailing [i] pick one value of a run's array: years/months_of_reserve_end[4], hospitals/margin[0][-1].
  std::vector<std::string> index;
  std::string name = metric;
  while (!name.empty() && name.back() == ']') {
    const std::size_t open = name.rfind('[');
    const std::string text = open == std::string::npos ? "" : name.substr(open + 1, name.size() - open - 2);
    if (!whole_number(text)) {
      throw std::invalid_argument(path + ": '" + metric +
                                  "': an index is a whole number in brackets, e.g. [3] or [-1] (counted from 0, "
                                  "negative from the end)");
    }
    index.insert(index.begin(), text);
    name.erase(open);
  }
  if (name.empty() || name.find_first_of("[]") != std::string::npos)
    throw std::invalid_argument(path + ": '" + metric + "': give a dataset, then its indices, e.g. years/x[3]");
  if (!file.exists("/" + name)) throw std::invalid_argument(path + ": it has no dataset '/" + name + "'");
  const std::vector<std::size_t> shape = file.dims("/" + name);
  if (shape.empty() || shape[0] != runs())
    throw std::invalid_argument(path + ": '/" + name + "' is not a per-run dataset (its first axis is not the runs)");
  if (index.size() + 1 != shape.size()) {
    std::string dims, example;
    for (std::size_t k = 1; k < shape.size(); ++k) {
      dims += "[" + std::to_string(shape[k]) + "]";
      example += "[-1]";
    }
    throw std::invalid_argument(
        path + ": '/" + name + "' holds " + (dims.empty() ? "one value" : dims + " values") + " per run: " +
        (dims.empty() ? "give it without an index"
                      : "pick one value per run, e.g. " + name + example + " (counted from 0, negative from the end)"));
  }
  std::size_t offset = 0, stride = 1;
  std::string picked;
  for (std::size_t k = shape.size() - 1; k >= 1; --k) {
    const std::string& text = index[k - 1];
    const bool from_end = text[0] == '-';
    const std::string digits = from_end ? text.substr(1) : text;
    // Longer than any axis can be: out of range without converting (which could overflow).
    const std::size_t n = shape[k];
    std::size_t i = n;
    if (digits.size() <= 18) {
      const auto v = static_cast<std::size_t>(std::stoull(digits));
      if (!from_end && v < n) i = v;
      if (from_end && v >= 1 && v <= n) i = n - v;
    }
    if (i >= n) {
      throw std::invalid_argument(path + ": '" + metric + "': index " + text + " is outside axis " + std::to_string(k) +
                                  " of '/" + name + "' (" + std::to_string(n) + " values)");
    }
    picked = "[" + std::to_string(i) + "]" + picked;
    offset += i * stride;
    stride *= n;
  }
  if (canonical) *canonical = name + picked;
  const std::vector<double> all = file.double_rows("/" + name, 0, runs());
  std::vector<double> out(runs());
  for (std::size_t r = 0; r < runs(); ++r) out[r] = all[r * stride + offset];
  return out;
}

std::string metric_dataset(const std::string& metric) {
  std::string name = metric.empty() || metric.front() != '/' ? "/" + metric : metric;
  const std::size_t open = name.find('[');
  return open == std::string::npos ? name : name.substr(0, open);
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
