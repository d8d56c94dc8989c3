#pragma once
// Drugs and volume-based procurement (集中带量采购, DOMAIN.md §5) of a scenario: plain structs filled from the
// `drugs:` and `procurement:` declarations (procurement_schema.cpp). Without drugs nothing changes.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace reformsim::agents {

/// One product of a molecule: the originator or a generic of one firm.
struct DrugProduct {
  std::string firm;
  bool originator = false;
  bool evaluated = true;               ///< generics: passed the consistency evaluation (一致性评价)
  double list_price_yuan = 0;          ///< per unit, before procurement
  double base_share = 0;               ///< share of the molecule's units before procurement
  double unit_cost_yuan = 0;           ///< the firm's cost per unit: its bids never go below it
  double capacity_units_per_year = 0;  ///< what the firm can supply (0: unlimited)
};

/// How many units of a molecule a case of an MDC uses.
struct DrugUse {
  std::string mdc;
  double units_per_case = 0;
};

/// One molecule (generic name).
struct DrugConfig {
  std::string name;
  std::vector<DrugUse> inpatient_use;
  double outpatient_units_per_visit = 0;
  double price_elasticity = 0;     ///< units × (price ÷ pre-procurement price)^−elasticity
  double max_demand_multiple = 5;  ///< cap of that demand response (the seeds: 2–5×)
  double originator_loyalty = 0;   ///< share of use that stays with a non-winning originator
  std::vector<DrugProduct> products;
  bool procured = true;  ///< included in the tenders
};

/// The national winning rules (DOMAIN.md §5).
struct WinningRules {
  double max_ratio_to_lowest = 1.8;             ///< a bid ≤ this × the lowest bid wins
  double min_cut_from_max = 0.5;                ///< … or a cut of at least this from the maximum valid price
  double low_price_yuan = 0.10;                 ///< … or a unit price at or below this
  std::optional<double> circuit_breaker_ratio;  ///< bids above this × the lowest never win
  int max_winners = 10;
};

struct ProcurementConfig {
  int start_year = 0;        ///< 1-based simulated year of the first cycle; 0: no procurement
  int cycle_years = 1;       ///< renewed at the end of each cycle
  double report_bias = 0.1;  ///< hospitals report last cycle's use × (1 − bias) × noise
  double report_noise_cv = 0.1;
  double report_max_growth = 2.0;    ///< Shanxi rule: reports ≥ (1 + this) × history are excluded
  double report_max_decrease = 0.5;  ///< … and reports ≤ (1 − this) × history
  std::array<double, 4> agreed_ratio{0.5, 0.6, 0.7, 0.8};  ///< by number of winners: 1, 2, 3, ≥ 4
  double bid_markup = 0.2;  ///< firms bid unit cost × (1 + markup), never above their list price
  WinningRules winning;
  double nonwinner_share_cap = 0.5;  ///< non-winning products' share of a molecule's units at most this
  bool exclude_unevaluated_generics = true;
  double retained_savings_share = 0.5;  ///< 集采结余留用: share of the procured drugs' budget surplus kept
  bool active() const { return start_year > 0; }
};

}  // namespace reformsim::agents
