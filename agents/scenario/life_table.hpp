#pragma once
// A life table: the probability of dying within the year (q_x) at each age for men and women, read from CSV
// (columns age, male_qx, female_qx; one row per age from 0, consecutive; the last row applies to every older age).
// Loaded with file:line errors like the catalogues.
#include <string>
#include <vector>

#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// Yearly death probabilities by age and sex.
class LifeTable {
 public:
  /// Reads a life table file; problems go to `errors`.
  static LifeTable load(const std::string& path, config::ErrorList& errors);
  /// Parses life-table text (for tests); `file_name` is used in messages.
  static LifeTable parse(const std::string& text, const std::string& file_name, config::ErrorList& errors);
  /// Probability that a person of `age` dies before their next birthday (the last row beyond the table).
  double qx(int age, bool female) const {
    const std::vector<double>& q = female ? female_qx_ : male_qx_;
    return q[static_cast<std::size_t>(age) < q.size() ? static_cast<std::size_t>(age) : q.size() - 1];
  }
  /// Number of rows (ages 0 .. rows − 1).
  std::size_t rows() const { return male_qx_.size(); }
  /// Life expectancy at birth implied by the table (deaths mid-year; the last row's q applied until all have died).
  double life_expectancy_at_birth(bool female) const;
  const std::string& source() const { return source_; }

 private:
  std::vector<double> male_qx_, female_qx_;
  std::string source_;
};

}  // namespace reformsim::agents
