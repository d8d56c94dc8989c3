#pragma once
// Outpatient visits: a visit at the hospital drawn with it, paid by the scheme's flat fund ratio. Components may turn
// a visit into something else (an idle hospital admits the visitor) or change its bill (drug prices).
#include <cstdint>

#include "agents/payer/fund_books.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Outpatient care of one run.
class OutpatientCare final : public Component {
 public:
  OutpatientCare(RunContext& run, FundBooks& books, const Hooks& hooks);
  /// A drawn visit of a member of `risk_class` at `hospital`: offered to the intercepting components, else paid.
  void on_visit_onset(sim::Simulation& sim, std::size_t hospital, std::size_t risk_class, std::int64_t bill_fen);
  /// A visit of a member of (scheme, region) that takes place: its bill may change (on_visit hooks), then it is
  /// paid and recorded. Follow-ups referred down from a hospital come here too.
  void visit(std::size_t hospital, Scheme scheme, int region, std::int64_t bill_fen, double now);

 private:
  RunContext& run_;
  FundBooks& books_;
  const Hooks& hooks_;
  std::uint64_t visits_handled_ = 0;  ///< city-wide index of the next drawn visit
};

}  // namespace reformsim::agents
