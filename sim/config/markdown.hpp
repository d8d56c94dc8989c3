#pragma once
// The parameter table of a declaration tree, as Markdown (for the README and `reformsim schema --markdown`).
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config {

/// | key path | type | unit | default | range | description |, one row per leaf; list items as `path[]`.
std::string to_markdown_table(const Spec& spec, const std::string& root = "");

}  // namespace reformsim::config
