#pragma once
// The analyses of a results file (sensitivity, discover) report what is wrong with the file or the request as
// std::invalid_argument or output::InputFileError: for the command line both are bad input (exit code 2).
#include <stdexcept>
#include <string>
#include <utility>

#include "agents/app/commands.hpp"
#include "sim/output/file_stamp.hpp"
#include "sim/output/hdf5_reader.hpp"
#include "sim/output/output_error.hpp"

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

/// The stamp of the results file about to be analysed; a file that cannot be read is bad input.
inline output::FileStamp results_stamp(const std::string& path) {
  try {
    return output::file_stamp(path);
  } catch (const output::OutputError& e) {
    throw InputError(e.what());
  }
}

}  // namespace reformsim::app
