#pragma once
// "Did you mean …?": the known name closest to a misspelt one.
#include <cstddef>
#include <string>
#include <vector>

namespace reformsim::config {

/// Levenshtein distance between two strings.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The first of `known` within `max_distance` edits of `name` (the closest; the first listed on ties), or "".
std::string closest_name(const std::string& name, const std::vector<std::string>& known, std::size_t max_distance = 2);

}  // namespace reformsim::config
