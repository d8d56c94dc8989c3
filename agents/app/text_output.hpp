#pragma once
// Writing a command's text result: to a file through `FILE.partial` and an atomic rename (a file under the final
// name is always complete), or to stdout.
#include <optional>
#include <string>

namespace reformsim::app {

/// Writes `text` to `path`, or to stdout when there is no path; output::OutputError when the file cannot be written.
void write_text_output(const std::optional<std::string>& path, const std::string& text);

}  // namespace reformsim::app
