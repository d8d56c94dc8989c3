#include "agents/behaviour/code_targets.hpp"

#include <algorithm>

namespace reformsim::agents {

CodeTargets::CodeTargets(const CaseCatalogue& catalogue) {
  const auto& groups = catalogue.groups();
  std::optional<std::uint32_t> any_qy;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].kind == GroupKind::Qy && !any_qy) any_qy = static_cast<std::uint32_t>(i);
  }
  targets_.resize(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const CaseGroup& own = groups[g];
    GroupTargets& t = targets_[g];
    if (own.kind == GroupKind::Qy) continue;
    std::vector<std::uint32_t> lighter;
    for (std::size_t o = 0; o < groups.size(); ++o) {
      const CaseGroup& other = groups[o];
      if (o == g || other.mdc != own.mdc) continue;
      const auto id = static_cast<std::uint32_t>(o);
      if (other.kind == GroupKind::Qy) {
        t.qy = id;
        continue;
      }
      auto lightest_heavier = [&](std::optional<std::uint32_t>& slot) {
        if (other.weight > own.weight && (!slot || other.weight < groups[*slot].weight)) slot = id;
      };
      if (other.adrg == own.adrg) {
        if (own.severity() != 0 && other.severity() != 0 && other.severity() < own.severity())
          lightest_heavier(t.upcode_secondary);
      } else {
        lightest_heavier(t.upcode_main);
      }
      if (other.weight < own.weight) lighter.push_back(id);
    }
    if (!t.qy) t.qy = any_qy;
    // The next lighter, the middle and the lightest: the best of them is found by settling each.
    std::sort(lighter.begin(), lighter.end(), [&](std::uint32_t a, std::uint32_t b) {
      return groups[a].weight != groups[b].weight ? groups[a].weight > groups[b].weight : a < b;
    });
    if (!lighter.empty()) {
      t.downcode.push_back(lighter.front());
      if (lighter.size() > 2) t.downcode.push_back(lighter[lighter.size() / 2]);
      if (lighter.size() > 1) t.downcode.push_back(lighter.back());
    }
  }
}

}  // namespace reformsim::agents
