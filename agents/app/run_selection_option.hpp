#pragma once
// `--runs A:B` and `--shard K/N`: which of an experiment's expanded runs one invocation computes.
#include <optional>
#include <string>

#include "sim/experiment/experiment_identity.hpp"

namespace reformsim::app {

/// The runs named by `--runs A:B` (run ids A to B-1; either end may be left out) or `--shard K/N` (the K-th of N
/// nearly equal contiguous parts, K from 1), out of `total`; every run when neither is given. UsageError when
/// both are given, or the text is malformed, or the range is empty or past the last run.
experiment::RunSelection run_selection(const std::optional<std::string>& runs, const std::optional<std::string>& shard,
                                       std::size_t total);

}  // namespace reformsim::app
