#pragma once
// Where an output named on the command line really goes. Outputs are written to a temporary file next to their
// final name and renamed onto it, and a rename replaces whatever the name points at: a symbolic link would be
// replaced by a plain file and a device such as /dev/null by a file of that name. So the name is resolved first:
// links are followed (the file they point at is replaced, the link stays), and a name that is neither a file nor
// free (a directory, a device, a pipe) is reported before anything is written.
#include <string>

namespace reformsim::output {

/// What a requested output name refers to.
struct OutputPath {
  std::string final_path;  ///< the file to write: the request with symbolic links followed
  bool stream = false;     ///< a character device or pipe (e.g. /dev/stdout): written in place, no temporary file
};

/// Resolves `requested`. `stream_allowed` says whether the output can be written as a stream (text can; HDF5,
/// which seeks, cannot). Throws OutputError naming the path when it is a directory, or a device or pipe that
/// cannot be used.
OutputPath resolve_output_path(const std::string& requested, bool stream_allowed);

}  // namespace reformsim::output
