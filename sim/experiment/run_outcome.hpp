#pragma once
// What became of one run — its values, or why it failed — and its byte encoding, shared by the run journal (the
// durable record of finished runs) and the messages MPI ranks send the writer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/experiment/output_layout.hpp"

namespace reformsim::experiment {

/// A run's final state.
enum class RunStatus : std::uint8_t { complete = 1, failed = 2 };

/// The text stored in /runs/status.
const char* status_name(RunStatus status);

/// One finished run.
struct RunOutcome {
  std::size_t run_id = 0;
  RunStatus status = RunStatus::complete;
  std::string message;  ///< why it failed; empty when complete
  RunValues values;     ///< empty when failed
};

/// The bytes of `outcome` (little-endian, self-delimiting; see docs/scaling.md for the layout).
std::string encode_outcome(const RunOutcome& outcome);

/// Decodes encode_outcome()'s bytes; nullopt when they are not a well-formed outcome.
std::optional<RunOutcome> decode_outcome(std::string_view bytes);

}  // namespace reformsim::experiment
