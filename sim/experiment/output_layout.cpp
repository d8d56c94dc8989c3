#include "sim/experiment/output_layout.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace reformsim::experiment {

std::size_t OutputLayout::axis_size(const std::string& name) const {
  for (const AxisSpec& a : axes) {
    if (a.name == name) return a.labels.size();
  }
  throw std::out_of_range("undeclared output axis '" + name + "'");
}

std::vector<std::size_t> OutputLayout::row_dims(std::size_t i) const {
  std::vector<std::size_t> dims;
  for (const std::string& a : metrics.at(i).axes) dims.push_back(axis_size(a));
  return dims;
}

std::size_t OutputLayout::row_size(std::size_t i) const {
  std::size_t n = 1;
  for (std::size_t d : row_dims(i)) n *= d;
  return n;
}

bool counts_whole_things(const std::string& units) {
  static const char* const kCounts[] = {"cases",   "visits",   "persons", "residents", "beds",   "hospitals",
                                        "regions", "products", "claims",  "rounds",    "doctors"};
  return std::find(std::begin(kCounts), std::end(kCounts), units) != std::end(kCounts);
}

std::size_t OutputLayout::metric_index(const std::string& path) const {
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (metrics[i].path == path) return i;
  }
  throw std::out_of_range("undeclared output metric '" + path + "'");
}

}  // namespace reformsim::experiment
