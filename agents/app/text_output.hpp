#pragma once
// Writing a command's text results: each to a file through `FILE.partial` and an atomic rename (a file under the
// final name is always complete), to a device or pipe as a stream, or to stdout. A symbolic link is written
// through; a directory is an error.
#include <optional>
#include <string>
#include <vector>

namespace reformsim::app {

/// One text result and where it goes (stdout when there is no path).
struct TextOutput {
  std::optional<std::string> path;
  std::string text;
};

/// Writes every output; all temporary files are written before the first is renamed, and none is left behind
/// when one fails. output::OutputError names the file.
void write_text_outputs(const std::vector<TextOutput>& outputs);

/// Creates the missing directories above `path` (as `run` and `fit` do for their outputs); output::OutputError
/// when one cannot be created.
void create_parent_directories(const std::string& path);

/// Throws UsageError when `path` (by any name or link) is a file this process has read as input.
void refuse_input_as_output(const std::string& path);

/// Writes `text` to `path`, or to stdout when there is no path; output::OutputError when the file cannot be written.
void write_text_output(const std::optional<std::string>& path, const std::string& text);

}  // namespace reformsim::app
