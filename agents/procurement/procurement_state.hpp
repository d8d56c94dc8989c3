#pragma once
// The run-time state of drugs and volume-based procurement: the market of each molecule, each hospital's use,
// report, agreed volume and purchases in the current cycle.
#include <cstdint>
#include <vector>

#include "agents/procurement/drug_market.hpp"

namespace reformsim::agents {

/// One molecule during a run.
struct DrugRuntime {
  MarketShares base;  ///< before procurement
  double base_price_yuan = 0;
  TenderResult tender;
  bool tendered = false;     ///< a tender of the current cycle is in force
  MarketShares market;       ///< the tender market in force
  MarketShares full_market;  ///< the tender market with every winner in stock (shortage accounting)
  std::vector<char> winner_available;
  std::vector<double> winner_supplied_units;  ///< this cycle, per winner
  std::vector<double> winner_capacity_units;  ///< per cycle, per winner (infinite when unlimited)
  // Per hospital.
  std::vector<double> price_yuan;             ///< mean price the hospital pays per unit
  std::vector<double> demand_factor;          ///< price response of its use
  std::vector<double> month_inpatient_units;  ///< inpatient use this month
  std::vector<double> use_this_year, use_last_year;
  std::vector<char> excluded;  ///< report refused (Shanxi rule): no agreed volume this cycle
  std::vector<double> reported, agreed, from_winners, spend_yuan, budget_yuan;
  double shortage_units = 0;  ///< this cycle
  double cycle_units = 0;     ///< all purchases of the molecule this cycle
};

/// A molecule a catalogue group's cases use.
struct GroupDrugUse {
  std::uint32_t drug = 0;
  double units_per_case = 0;
};

}  // namespace reformsim::agents
