#include "agents/behaviour/hospital_strategy.hpp"

#include <algorithm>

namespace reformsim::agents {

PerViolation<double> review_multipliers(const PerViolation<double>& multiplier, const PerViolation<ViolationYear>& year,
                                        double margin, const StrategyConfig& config) {
  const double shortfall = std::max(0.0, config.margin_target - margin);
  PerViolation<double> out{};
  for (std::size_t v = 0; v < kViolationCount; ++v) {
    const ViolationYear& y = year[v];
    // Penalised for a type not committed since the last review (audits lag): a full loss.
    const double net_rate = y.gain_yuan > 0        ? (y.gain_yuan - y.penalties_yuan) / y.gain_yuan
                            : y.penalties_yuan > 0 ? -1.0
                                                   : 0.0;
    const double factor = 1.0 + config.learning_rate * net_rate + config.margin_pressure * shortfall;
    out[v] = std::clamp(multiplier[v] * factor, config.min_multiplier, config.max_multiplier);
  }
  return out;
}

double review_intensity(double intensity, double settlement_yuan, double true_cost_yuan, const StrategyConfig& config) {
  if (config.cost_control_rate <= 0) return intensity;
  if (settlement_yuan < true_cost_yuan)
    return std::max(config.min_intensity, intensity * (1.0 - config.cost_control_rate));
  return std::min(1.0, intensity * (1.0 + config.cost_control_rate));
}

}  // namespace reformsim::agents
