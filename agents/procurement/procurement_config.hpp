#pragma once
// Drugs and volume-based procurement (集中带量采购) of a scenario: the `drugs:` table and the `procurement:` section
// (procurement_declarations.cpp). Without drugs nothing changes.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace reformsim::agents {

/// One product of a molecule: the originator or a generic of one firm.
struct DrugProduct {
  std::string firm;                ///< the firm making the product (unique within the drug)
  bool originator;                 ///< the originator (原研) rather than a generic
  bool evaluated;                  ///< a generic that passed the consistency evaluation
  double list_price_yuan;          ///< price before procurement
  double base_share;               ///< share of the molecule's units before procurement (the shares of a drug sum to 1)
  double unit_cost_yuan;           ///< the firm's cost per unit, below which it never bids
  double capacity_units_per_year;  ///< what the firm can supply in a year (0: unlimited)
};

/// How many units of a molecule a case of an MDC uses.
struct DrugUse {
  std::string mdc;        ///< major diagnostic category of the catalogue
  double units_per_case;  ///< units a case of the MDC uses
};

/// One molecule (generic name).
struct DrugConfig {
  std::string name;                    ///< generic name of the molecule (unique)
  std::vector<DrugUse> inpatient_use;  ///< use per inpatient case, by MDC
  double outpatient_units_per_visit;   ///< mean units per outpatient visit
  double price_elasticity;             ///< use × (price ÷ pre-procurement price)^−elasticity
  double max_demand_multiple;          ///< cap of the price response of use (reports after price cuts: 2–5×)
  double originator_loyalty;           ///< share of use that stays with the originator when it does not win
  bool procured;                       ///< included in the volume-based tenders
  std::vector<DrugProduct> products;   ///< originator and generic products
};

/// Agreed-volume ratio (带量比例) by number of winners.
struct AgreedRatioConfig {
  double one_winner;     ///< agreed volume ÷ reported with one winner
  double two_winners;    ///< with two winners
  double three_winners;  ///< with three winners
  double four_or_more;   ///< with four or more winners
  /// The ratio for a tender with `winners` (≥ 1) winners.
  double for_winners(std::size_t winners) const {
    return winners <= 1 ? one_winner : winners == 2 ? two_winners : winners == 3 ? three_winners : four_or_more;
  }
};

/// The winning rules of a tender (national rules by default).
struct WinningRules {
  double max_ratio_to_lowest;  ///< a bid at most this × the lowest bid wins
  double min_cut_from_max;     ///< … or a bid this far below the maximum valid price
  double low_price_yuan;       ///< … or a unit price at or below this
  /// price-gap circuit breaker: bids above this × the lowest never win
  std::optional<double> circuit_breaker_ratio;
  int max_winners;  ///< at most this many winners, cheapest first
};

struct ProcurementConfig {
  /// simulated year (1-based) whose 1 January starts the first cycle; 0: no procurement
  int start_year;
  int cycle_years;                 ///< length of a cycle before renewal
  double report_bias;              ///< hospitals report last cycle's use × (1 − bias) (conservative reporting)
  double report_noise_cv;          ///< lognormal noise of mean 1 on each hospital's report
  double report_max_growth;        ///< Shanxi rule: a report this much above the hospital's history is excluded
  double report_max_decrease;      ///< … and a report this much below it
  AgreedRatioConfig agreed_ratio;  ///< agreed-volume ratio (带量比例) by number of winners, in (0, 1]
  double bid_markup;               ///< firms bid unit cost × (1 + markup), never above their list price
  WinningRules winning;            ///< winning rules of the tender (national rules by default)
  /// non-winning products' share of a molecule's use at most this (Guangdong: 0.5)
  double nonwinner_share_cap;
  bool exclude_unevaluated_generics;  ///< generics without consistency evaluation stop being used (Sichuan)
  double retained_savings_share;  ///< share of the budget surplus on procured drugs the hospital keeps (结余留用)
  bool active() const { return start_year > 0; }
};

}  // namespace reformsim::agents
