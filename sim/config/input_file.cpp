#include "sim/config/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "sim/config/sha256.hpp"

namespace reformsim::config {

namespace {

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// The files read so far: (device, inode) → the name they were read under, with the file kept open. Open, a deleted
// input keeps its inode, so no file created later can take it and pass for the input; only the most recent
// kMaxHeldInputs are held, so a process that reads many files (a fuzzer) does not run out of descriptors.
constexpr std::size_t kMaxHeldInputs = 256;
struct ReadFile {
  std::string name;
  int fd = -1;
};
struct ReadFiles {
  std::mutex mutex;
  std::map<std::pair<dev_t, ino_t>, ReadFile> names;
  std::deque<std::pair<dev_t, ino_t>> held;  ///< keys of the held descriptors, oldest first
  std::vector<InputRecord> contents;         ///< in the order first read; one per path

  void remember(std::pair<dev_t, ino_t> key, const std::string& name, int fd) {
    auto it = names.find(key);
    if (it != names.end()) {
      if (it->second.fd >= 0) ::close(it->second.fd);
      held.erase(std::find(held.begin(), held.end(), key));
      it->second = {name, fd};
    } else {
      names.emplace(key, ReadFile{name, fd});
    }
    held.push_back(key);
    if (held.size() > kMaxHeldInputs) {
      // The oldest is forgotten altogether: unheld, its inode could be reused by a file that is not the input.
      const auto oldest = names.find(held.front());
      if (oldest->second.fd >= 0) ::close(oldest->second.fd);
      names.erase(oldest);
      held.pop_front();
    }
  }
};
ReadFiles& read_files() {
  static ReadFiles files;
  return files;
}

// Closes the descriptor on every path out.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_input_file(const std::string& path, std::size_t max_bytes, std::string& problem) {
  if (path.empty()) {
    problem = "the file name is empty";
    return std::nullopt;
  }
  // O_NONBLOCK: opening a FIFO without a writer must not wait; the type is checked on the open descriptor, so a
  // file swapped for a device between a check and the open cannot slip through.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0) {
    problem = "cannot open file '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) {
    problem = "cannot inspect '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    problem = "'" + path + "' is a directory, not a file";
    return std::nullopt;
  }
  if (!S_ISREG(status.st_mode)) {
    problem = "'" + path + "' is not a regular file (a device, pipe or socket cannot be read as input)";
    return std::nullopt;
  }
  if (static_cast<std::size_t>(status.st_size) > max_bytes) {
    problem = "'" + path + "' is " + std::to_string(status.st_size) + " bytes, over the limit of " +
              size_text(max_bytes) + " for this kind of file";
    return std::nullopt;
  }
  {
    ReadFiles& files = read_files();
    const std::lock_guard<std::mutex> lock(files.mutex);
    // A descriptor of its own, kept open: the one below is closed when this function returns.
    files.remember(std::make_pair(status.st_dev, status.st_ino), path, ::fcntl(file.fd, F_DUPFD_CLOEXEC, 0));
  }
  std::string text;
  text.resize(static_cast<std::size_t>(status.st_size));
  std::size_t filled = 0;
  // A file that grows while it is read is cut at the size it had: the limit holds whatever happens.
  while (filled < text.size()) {
    const ssize_t n = ::read(file.fd, text.data() + filled, text.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problem = "cannot read '" + path + "': " + std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  text.resize(filled);
  {
    ReadFiles& files = read_files();
    const std::lock_guard<std::mutex> lock(files.mutex);
    InputRecord record{path, sha256_hex(text)};
    bool known = false;
    for (InputRecord& r : files.contents) {
      if (r.path == path) {
        r = record;  // read again: its latest contents count
        known = true;
      }
    }
    if (!known) files.contents.push_back(std::move(record));
  }
  return text;
}

std::vector<InputRecord> input_files_read() {
  ReadFiles& files = read_files();
  const std::lock_guard<std::mutex> lock(files.mutex);
  return files.contents;
}

std::optional<std::string> input_file_read_as(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;  // a new file is nobody's input
  ReadFiles& files = read_files();
  const std::lock_guard<std::mutex> lock(files.mutex);
  const auto it = files.names.find({status.st_dev, status.st_ino});
  if (it == files.names.end()) return std::nullopt;
  // An input deleted since it was read frees its inode for a new file; that file is not the input.
  struct stat original {};
  if (::stat(it->second.name.c_str(), &original) != 0 || original.st_dev != status.st_dev ||
      original.st_ino != status.st_ino) {
    return std::nullopt;
  }
  return it->second.name;
}

}  // namespace reformsim::config
