#pragma once
// Which file a path named at one moment: device, inode, size and modification time. A command that reads a file
// and later updates it compares the stamps, so it never writes its findings into a file that replaced the one read.
#include <cstdint>
#include <string>

namespace reformsim::output {

struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// The stamp of the file `path` names (symbolic links followed); OutputError when it cannot be read.
FileStamp file_stamp(const std::string& path);

/// The stamp of an open file.
FileStamp file_stamp(int fd, const std::string& name);

}  // namespace reformsim::output
