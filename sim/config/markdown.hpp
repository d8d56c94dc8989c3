#pragma once
// The parameter table of a declaration tree, as Markdown (for docs/parameters.md and `reformsim schema --markdown`).
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config {

/// | key path | type | unit | default | range | description |, one row per leaf in declaration order. Lists of
/// objects get a row for the list and rows for their item fields as `path[].field`; maps of objects likewise as
/// `path.<key>.field`. `root` prefixes every key path.
std::string to_markdown_table(const Spec& spec, const std::string& root = "");

}  // namespace reformsim::config
