#pragma once
// Weights and scores from data, as bureaus derive them: from a base period of itemised cases,
// each group's mean cost — trimmed of outliers — divided by the overall mean gives the DRG weight; the DIP score is
// the weight on a points scale; the base rate (and point value) follow from the budget.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "agents/scenario/case_catalogue.hpp"
#include "agents/world/component.hpp"

namespace reformsim::agents {

/// One settled base-period case.
struct CaseRecord {
  std::size_t group = 0;
  double bill_yuan = 0;
};

/// How to calibrate.
struct CalibrationOptions {
  double trim_iqr = 1.5;              ///< drop cases outside [Q1 − k·IQR, Q3 + k·IQR] of their group (Tukey)
  std::size_t min_cases = 10;         ///< groups with fewer kept cases keep their prior weight
  double score_scale = 100;           ///< DIP score = weight × scale
  std::optional<double> budget_yuan;  ///< pot the base rate must spend on the base period (default: its cost)
};

/// The estimate of one group.
struct GroupEstimate {
  std::size_t cases = 0;      ///< base-period cases
  std::size_t kept = 0;       ///< after trimming
  double mean_cost_yuan = 0;  ///< trimmed mean (the prior mean cost when kept_prior)
  double weight = 0;
  double score = 0;
  bool kept_prior = false;  ///< too few cases: the catalogue's weight is kept
};

/// The calibrated catalogue parameters.
struct CalibrationResult {
  std::vector<GroupEstimate> groups;  ///< by case-catalogue group id
  double overall_mean_cost_yuan = 0;  ///< mean over all kept cases
  double budget_yuan = 0;
  double base_rate_yuan = 0;    ///< budget ÷ Σ weights of the base-period cases
  double point_value_yuan = 0;  ///< budget ÷ Σ scores of the base-period cases
  std::size_t cases = 0, trimmed = 0;
};

/// A world component that records every discharged case as claimed: the base period of a calibration.
class CaseRecorder final : public Component {
 public:
  /// Every claim of the run, in discharge order.
  const std::vector<CaseRecord>& cases() const { return cases_; }
  void on_claim_paid(sim::Simulation&, ClaimOutcome& claim) override {
    cases_.push_back({claim.submitted.group, claim.submitted.bill_yuan});
  }
  /// Warm-up claims are not part of the base period.
  void on_warmup_year_end() override { cases_.clear(); }

 private:
  std::vector<CaseRecord> cases_;
};

/// Derives weights, scores, base rate and point value; throws std::invalid_argument without usable cases.
CalibrationResult calibrate(const CaseCatalogue& catalogue, const std::vector<CaseRecord>& cases,
                            const CalibrationOptions& options);

/// The catalogue CSV with the calibrated weights and mean costs (same columns as the input format).
std::string calibrated_catalogue_csv(const CaseCatalogue& catalogue, const CalibrationResult& result);
/// A DIP catalogue CSV with one group per case group, scored from the calibration.
std::string calibrated_dip_csv(const CaseCatalogue& catalogue, const CalibrationResult& result);

}  // namespace reformsim::agents
