#pragma once
// Drugs and volume-based procurement in a run. Every case and visit uses the molecules of the drug table; their
// price in force changes the bill (so patient shares, fund payments and hospital margins under DRG/DIP follow);
// each cycle hospitals report, the tender picks winners, the agreed volume is set, hospitals buy winners first
// within their capacity, and at the cycle's end completion is measured and savings are retained. Built only when
// the scenario has a drug table.
#include <cstdint>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/procurement/procurement_state.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The drug table and its procurement cycles.
class Procurement final : public Component {
 public:
  Procurement(RunContext& run, FundBooks& books);
  /// A case's drug use is counted; its bill changes with procured prices.
  void treat(std::size_t hospital, PendingAdmission& a) override;
  /// A visit's drug use is counted; its bill changes with procured prices.
  void on_visit(std::size_t hospital, std::int64_t& bill_fen) override;
  /// Last year's use becomes the reporting history; a cycle may start.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// The month's purchases; at a cycle's last December its completion and retained savings.
  void on_month_end(std::size_t month, double now) override;

 private:
  bool procuring() const { return run_.scenario.procurement.active(); }
  void purchase(std::size_t month);
  void start_cycle(int year);
  void close_cycle(int year);
  /// Hospitals' prices and demand factors, and the bill changes they make.
  void update_prices();

  RunContext& run_;
  FundBooks& books_;
  sim::StreamKey key_;
  std::vector<DrugRuntime> drugs_;
  std::vector<std::vector<GroupDrugUse>> group_drug_use_;  ///< per catalogue group
  std::vector<double> inpatient_delta_yuan_;               ///< [hospital][group]: bill change from drug prices
  std::vector<std::int64_t> outpatient_delta_fen_;         ///< per hospital, per visit
  std::vector<double> outpatient_visits_this_month_;       ///< per hospital
  int cycle_ = -1;                                         ///< the procurement cycle in force
  int cycle_start_year_ = 0;                               ///< simulated year (0-based) the cycle in force started
};

}  // namespace reformsim::agents
