#pragma once
// The analyses of a results file (sensitivity, discover) report what is wrong with the file or the request as
// std::invalid_argument or output::InputFileError: for the command line both are bad input (exit code 2).
#include <stdexcept>
#include <utility>

#include "agents/app/commands.hpp"
#include "sim/output/hdf5_reader.hpp"

namespace reformsim::app {

/// Calls `analyse`, turning its complaints about the input into InputError.
template <class Analysis>
decltype(auto) analyse_results_input(Analysis&& analyse) {
  try {
    return std::forward<Analysis>(analyse)();
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  } catch (const output::InputFileError& e) {
    throw InputError(e.what());
  }
}

}  // namespace reformsim::app
