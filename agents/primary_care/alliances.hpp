#pragma once
// County alliances (县域医共体) in a run: each year end, an alliance's members' fund spending is settled against
// its per-capita budget — the alliance keeps its share of an under-spend and bears its share of an overspend,
// through its lead hospital, paid from (or back to) the funds of its own insured. Built only when alliances exist.
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The alliances' per-capita budgets.
class Alliances final : public Component {
 public:
  Alliances(RunContext& run, FundBooks& books);
  void on_year_end(int year, double now) override;

 private:
  RunContext& run_;
  FundBooks& books_;
  /// The insured of each alliance's regions now, by region and scheme.
  void count_members();

  std::vector<double> insured_;                 ///< per alliance: insured of its regions
  std::vector<std::vector<double>> by_region_;  ///< … by region (+ the adjustment fund, none)
  std::vector<std::vector<double>> by_scheme_;  ///< … by scheme
};

}  // namespace reformsim::agents
