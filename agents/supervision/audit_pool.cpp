#include "agents/supervision/audit_pool.hpp"

#include <algorithm>
#include <numeric>

namespace reformsim::agents {

std::vector<std::size_t> select_for_audit(const std::vector<FlaggedClaim>& pool, std::size_t budget) {
  std::vector<std::size_t> order(pool.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const std::size_t n = std::min(budget, pool.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return pool[a].risk != pool[b].risk ? pool[a].risk > pool[b].risk : pool[a].order < pool[b].order;
                    });
  order.resize(n);
  return order;
}

}  // namespace reformsim::agents
