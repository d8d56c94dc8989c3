#include "agents/app/run_selection_option.hpp"

#include "agents/app/cli_args.hpp"

namespace reformsim::app {

namespace {

// A whole number of at most 18 digits, or nullopt.
std::optional<std::size_t> whole(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return static_cast<std::size_t>(std::stoull(text));
}

}  // namespace

experiment::RunSelection run_selection(const std::optional<std::string>& runs, const std::optional<std::string>& shard,
                                       std::size_t total) {
  if (runs && shard) throw UsageError("--runs and --shard both choose the runs; give one of them");
  const std::string all = "the experiment has " + std::to_string(total) + " runs (run ids 0 to " +
                          std::to_string(total == 0 ? 0 : total - 1) + ")";
  if (runs) {
    const std::size_t colon = runs->find(':');
    const std::string first_text = colon == std::string::npos ? "" : runs->substr(0, colon);
    const std::string end_text = colon == std::string::npos ? "" : runs->substr(colon + 1);
    const auto first = first_text.empty() ? std::optional<std::size_t>(0) : whole(first_text);
    const auto end = end_text.empty() ? std::optional<std::size_t>(total) : whole(end_text);
    if (colon == std::string::npos || !first || !end)
      throw UsageError("--runs takes A:B, the run ids A to B-1 (e.g. --runs 0:100; either end may be left out), not '" +
                       *runs + "'");
    if (*first >= *end) throw UsageError("--runs " + *runs + " selects no run: A must be less than B");
    if (*end > total) throw UsageError("--runs " + *runs + " goes past the last run: " + all);
    return {*first, *end};
  }
  if (shard) {
    const std::size_t slash = shard->find('/');
    const auto k = slash == std::string::npos ? std::nullopt : whole(shard->substr(0, slash));
    const auto n = slash == std::string::npos ? std::nullopt : whole(shard->substr(slash + 1));
    if (!k || !n || *k < 1 || *k > *n)
      throw UsageError("--shard takes K/N, part K of N with 1 ≤ K ≤ N (e.g. --shard 1/4), not '" + *shard + "'");
    if (*n > total) throw UsageError("--shard " + *shard + " asks for more parts than runs: " + all);
    // Part k of n covers [floor((k-1)·total/n), floor(k·total/n)): every run in exactly one part, sizes within one.
    return {(*k - 1) * total / *n, *k * total / *n};
  }
  return {0, total};
}

}  // namespace reformsim::app
