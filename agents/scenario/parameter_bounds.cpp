#include "agents/scenario/parameter_bounds.hpp"

namespace reformsim::agents {

void bound_every_number(const config::SpecPtr& spec) {
  if (!spec) return;
  using config::ValueType;
  if (spec->type() == ValueType::Integer || spec->type() == ValueType::Real) {
    const double limit = spec->unit().rfind("yuan", 0) == 0 ? kMaxAmountYuan : kMaxOtherNumber;
    if (!spec->upper()) spec->max(limit);
    if (!spec->lower()) spec->min(-limit);
  }
  for (const config::Field& f : spec->fields()) bound_every_number(f.spec);
  bound_every_number(spec->item());
}

}  // namespace reformsim::agents
