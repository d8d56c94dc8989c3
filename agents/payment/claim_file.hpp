#pragma once
// Claims files (`reformsim settle` and `audit`): one CSV reader for both. A row names a claim, its hospital and one
// or more sides — the case as billed (settle), or as submitted and as corrected (audit) — each a group and a cost,
// with an optional patient share (the same on every side), LOS, scheme and violation. Every problem is reported
// with file:line and column; unknown columns are errors.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/payment_rule.hpp"
#include "agents/payment/settlement.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// The columns of one kind of claims file.
struct ClaimFileLayout {
  /// A group column and its cost column.
  struct Side {
    std::string group_column;
    std::string cost_column;
  };
  std::string id_column;          ///< unique, non-empty
  std::vector<Side> sides;        ///< required columns, in order
  bool violation_column = false;  ///< an optional `violation` column (a violation type or "other")
};

/// One checked row.
struct ClaimRow {
  /// One side of the claim.
  struct Side {
    std::string group;  ///< as written
    std::size_t group_id = 0;
    double cost_yuan = 0;
  };
  int line = 0;
  std::string id;
  std::string hospital;  ///< as written: a name or a 0-based index
  std::size_t hospital_id = 0;
  std::vector<Side> sides;
  std::optional<double> patient_share_yuan;  ///< given: between 0 and every side's cost
  double los_days = 0;
  Scheme scheme = Scheme::Employee;
  std::string violation;  ///< as given (empty when the column is absent or the cell empty)
};

/// Reads a claims file laid out as `layout`; returns nothing usable when `errors` grew.
std::vector<ClaimRow> read_claim_file(const std::string& path, const ScenarioConfig& scenario,
                                      const ClaimFileLayout& layout, config::ErrorList& errors);
/// The same for CSV text (`file_name` is used in messages).
std::vector<ClaimRow> parse_claim_file(const std::string& text, const std::string& file_name,
                                       const ScenarioConfig& scenario, const ClaimFileLayout& layout,
                                       config::ErrorList& errors);

/// The claim of side `side` of `row`: the hospital's tier, the given patient share or the benefit rules' share of the
/// side's bill (as the patient's first admission of the year), and every qualifying case reviewed as a special case
/// (a file has no yearly quota).
Claim claim_of(const ClaimRow& row, std::size_t side, const ScenarioConfig& scenario);

/// Reports, at its file line, each row with a side `rule` cannot settle meaningfully (PaymentRule::claim_problem),
/// e.g. a stay paid by the bed-day without its days.
void check_claims_for(const PaymentRule& rule, const std::vector<ClaimRow>& rows, const std::string& path,
                      const ScenarioConfig& scenario, config::ErrorList& errors);

}  // namespace reformsim::agents
