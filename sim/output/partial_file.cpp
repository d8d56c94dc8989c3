#include "sim/output/partial_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

int lock_partial_file(const std::string& partial_path, const std::string& final_path, const std::string& advice) {
  int lock_fd = -1;
  // A file renamed away between our open and our lock (its owner committed) is no longer the partial: retry.
  for (int attempt = 0;; ++attempt) {
    // O_NOFOLLOW: a link planted under the partial's name would make us truncate whatever it points at.
    lock_fd = ::open(partial_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (lock_fd < 0) {
      const int error = errno;
      if (error == ELOOP) {
        throw OutputError("'" + partial_path + "' is a symbolic link; remove it (the temporary file is written there)");
      }
      throw OutputError("cannot create '" + partial_path + "': " + std::strerror(error));
    }
    if (::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(lock_fd);
      lock_fd = -1;
      if (error == EWOULDBLOCK) {
        throw OutputError("another process is writing '" + final_path + "' (its temporary file '" + partial_path +
                          "' is locked); " + advice);
      }
      throw OutputError("cannot lock '" + partial_path + "': " + std::strerror(error));
    }
    struct stat locked {
    }, named{};
    const bool same = ::fstat(lock_fd, &locked) == 0 && ::stat(partial_path.c_str(), &named) == 0 &&
                      locked.st_dev == named.st_dev && locked.st_ino == named.st_ino;
    if (same) {
      if (locked.st_nlink > 1) {
        ::close(lock_fd);
        lock_fd = -1;
        throw OutputError("'" + partial_path + "' has other names (hard links); remove it (the temporary file is " +
                          "written there)");
      }
      break;
    }
    ::close(lock_fd);
    lock_fd = -1;
    if (attempt == 10) throw OutputError("'" + partial_path + "' keeps changing while it is being locked");
  }
  return lock_fd;
}

void copy_contents(int from, int to, const std::string& from_name, const std::string& to_name) {
  std::vector<char> buffer(1 << 20);
  for (;;) {
    const ssize_t got = ::read(from, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw OutputError("cannot read '" + from_name + "': " + std::strerror(errno));
    if (got == 0) return;
    for (ssize_t done = 0; done < got;) {
      const ssize_t put = ::write(to, buffer.data() + done, static_cast<std::size_t>(got - done));
      if (put < 0 && errno == EINTR) continue;
      if (put < 0) throw OutputError("cannot write '" + to_name + "': " + std::strerror(errno));
      done += put;
    }
  }
}

FileDescriptor::~FileDescriptor() { ::close(fd); }

}  // namespace reformsim::output
