#pragma once
// The temporary file an output is written to before it is published (`<final>.partial`): taking its lock, which
// every writer of the same final name takes, and copying a finished file into it to update that file.
#include <string>

namespace reformsim::output {

/// Opens (creating) `partial_path` without truncating it and takes an exclusive lock on it; returns the descriptor.
/// Refuses a symbolic link or a file with other names under the partial's name, retries when the file is renamed
/// away while being locked, and when another process holds the lock throws OutputError ending in `advice`.
int lock_partial_file(const std::string& partial_path, const std::string& final_path, const std::string& advice);

/// Copies everything readable from `from` into `to` (positioned at its start); OutputError naming the file.
void copy_contents(int from, int to, const std::string& from_name, const std::string& to_name);

/// Closes a descriptor when it goes out of scope.
struct FileDescriptor {
  int fd;
  ~FileDescriptor();
};

}  // namespace reformsim::output
