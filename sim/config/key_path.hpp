#pragma once
// Dotted key paths into a Node tree: "payment.drg.base_rate_yuan", "hospitals[2].beds".
#include <stdexcept>
#include <string_view>

#include "sim/config/node.hpp"

namespace reformsim::config {

/// A key path that cannot be applied (bad syntax, index out of range, or a scalar in the way).
struct PathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Sets the value at `key_path`, creating missing maps (located where `value` is); indices must exist.
void set_at_path(Node& root, std::string_view key_path, Node value);

/// The node at `key_path`, or nullptr.
const Node* find_at_path(const Node& root, std::string_view key_path);

}  // namespace reformsim::config
