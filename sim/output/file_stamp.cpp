#include "sim/output/file_stamp.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

namespace {

FileStamp from(const struct stat& s) {
  FileStamp f;
  f.device = static_cast<std::uint64_t>(s.st_dev);
  f.inode = static_cast<std::uint64_t>(s.st_ino);
  f.size = static_cast<std::uint64_t>(s.st_size);
  f.modified_ns = static_cast<std::int64_t>(s.st_mtim.tv_sec) * 1'000'000'000 + s.st_mtim.tv_nsec;
  return f;
}

}  // namespace

FileStamp file_stamp(const std::string& path) {
  struct stat s {};
  if (::stat(path.c_str(), &s) != 0) throw OutputError("cannot read '" + path + "': " + std::strerror(errno));
  return from(s);
}

FileStamp file_stamp(int fd, const std::string& name) {
  struct stat s {};
  if (::fstat(fd, &s) != 0) throw OutputError("cannot read '" + name + "': " + std::strerror(errno));
  return from(s);
}

}  // namespace reformsim::output
