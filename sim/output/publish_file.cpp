#include "sim/output/publish_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

namespace {

// fsync() of a file or directory; returns 0 or the errno value.
int sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  const int status = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return status;
}

}  // namespace

void publish_file(const std::string& temporary_path, const std::string& final_path) {
  if (const int error = sync_path(temporary_path, O_RDONLY); error != 0) {
    throw OutputError("cannot sync '" + temporary_path + "' to disk: " + std::strerror(error));
  }
  std::error_code ec;
  std::filesystem::rename(temporary_path, final_path, ec);
  if (ec) {
    throw OutputError("cannot rename '" + temporary_path + "' to '" + final_path + "': " + ec.message());
  }
  // The rename itself is done; a directory that cannot be synced (some file systems refuse) is not an error.
  std::filesystem::path directory = std::filesystem::path(final_path).parent_path();
  if (directory.empty()) directory = ".";
  sync_path(directory.string(), O_RDONLY | O_DIRECTORY);
}

}  // namespace reformsim::output
