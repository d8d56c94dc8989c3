#include "sim/experiment/run_journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sim/config/sha256.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::experiment {

namespace {

constexpr char kMagic[8] = {'R', 'S', 'J', 'R', 'N', 'L', '0', '1'};
constexpr std::uint32_t kRecordMagic = 0x314e5552;  // "RUN1"
constexpr std::size_t kDigest = 64;
// A header is a few hundred bytes per input file; a record the size of a run's outputs (tens of kilobytes for the
// default city). Anything claiming more is corruption, not something to allocate.
constexpr std::uint64_t kMaxHeader = 16u << 20;
constexpr std::uint64_t kMaxRecord = 1u << 30;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw output::OutputError(what + " '" + path + "': " + std::strerror(errno));
}

void write_all(int fd, const std::string& bytes, std::size_t offset, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write the run journal", path);
    done += static_cast<std::size_t>(n);
  }
}

// Reads exactly `size` bytes at `offset`; false at the end of the file.
bool read_exact(int fd, std::string& out, std::size_t size, std::size_t offset, const std::string& path) {
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read the run journal", path);
    if (n == 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

template <typename T>
std::string bytes_of(T value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T value_of(const std::string& bytes) {
  T value{};
  std::memcpy(&value, bytes.data(), sizeof value);
  return value;
}

// The journal's own directory entry must be durable too, or a power cut could lose the whole file.
void sync_directory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const int dir = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  ::fsync(dir);
  ::close(dir);
}

void sync(int fd, const std::string& path) {
  if (::fdatasync(fd) != 0) fail("cannot sync the run journal", path);
}

}  // namespace

RunJournal RunJournal::create(const std::string& path, const ExperimentIdentity& identity) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) fail("cannot create the run journal", path);
  RunJournal journal(path, fd);
  const std::string header = identity.to_text();
  const std::string bytes =
      std::string(kMagic, sizeof kMagic) + bytes_of<std::uint64_t>(header.size()) + header + config::sha256_hex(header);
  write_all(fd, bytes, 0, path);
  sync(fd, path);
  sync_directory(path);
  journal.end_ = bytes.size();
  return journal;
}

RunJournal RunJournal::resume(const std::string& path, const ExperimentIdentity& identity) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ENOENT) return create(path, identity);
  if (fd < 0) fail("cannot open the run journal", path);
  RunJournal journal(path, fd);
  struct stat file {};
  if (::fstat(fd, &file) != 0) fail("cannot inspect the run journal", path);
  const auto file_size = static_cast<std::size_t>(file.st_size);
  std::string head;
  std::string header;
  std::string digest;
  // create() syncs the whole header before any record is written: a journal cut short inside its header (killed
  // while starting) holds no run, and is started again.
  if (file_size < sizeof kMagic + 8 && (file_size == 0 || (read_exact(fd, head, file_size, 0, path) &&
                                                           std::memcmp(head.data(), kMagic, file_size) == 0))) {
    ::close(std::exchange(journal.fd_, -1));
    return create(path, identity);
  }
  if (!read_exact(fd, head, sizeof kMagic + 8, 0, path) || std::memcmp(head.data(), kMagic, sizeof kMagic) != 0)
    throw JournalMismatch("'" + path + "' is not a reformsim run journal");
  const auto header_size = value_of<std::uint64_t>(head.substr(sizeof kMagic));
  const std::size_t header_end = head.size() + header_size + kDigest;
  if (header_size <= kMaxHeader && file_size < header_end) {
    ::close(std::exchange(journal.fd_, -1));
    return create(path, identity);
  }
  if (header_size > kMaxHeader || !read_exact(fd, header, header_size, head.size(), path) ||
      !read_exact(fd, digest, kDigest, head.size() + header_size, path) || digest != config::sha256_hex(header))
    throw JournalMismatch("the header of the run journal '" + path + "' is damaged");
  const std::optional<ExperimentIdentity> recorded = ExperimentIdentity::from_text(header);
  if (!recorded) throw JournalMismatch("the header of the run journal '" + path + "' cannot be read");
  const std::vector<std::string> differences = identity.differences_from(*recorded, true);
  if (!differences.empty()) {
    std::string message = "the run journal '" + path + "' was written for another experiment:";
    for (const std::string& d : differences) message += "\n  - " + d;
    throw JournalMismatch(message);
  }

  std::size_t offset = head.size() + header_size + kDigest;
  std::string frame;
  std::string payload;
  for (;;) {
    if (!read_exact(fd, frame, 12, offset, path) || value_of<std::uint32_t>(frame) != kRecordMagic) break;
    const auto size = value_of<std::uint64_t>(frame.substr(4));
    // A size past the end of the file is a torn or garbage frame: never allocate it.
    if (size > kMaxRecord || size > file_size - std::min(file_size, offset + 12) ||
        !read_exact(fd, payload, size, offset + 12, path) ||
        !read_exact(fd, digest, kDigest, offset + 12 + size, path) || digest != config::sha256_hex(payload))
      break;
    const std::optional<RunOutcome> outcome = decode_outcome(payload);
    if (!outcome || outcome->run_id < identity.selection.first || outcome->run_id >= identity.selection.end) break;
    journal.index_[outcome->run_id] = Entry{offset + 12, size, outcome->status};
    ++journal.records_resumed_;
    offset += 12 + size + kDigest;
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0) fail("cannot inspect the run journal", path);
  journal.bytes_cut_ = static_cast<std::size_t>(status.st_size) - std::min<std::size_t>(offset, status.st_size);
  if (journal.bytes_cut_ > 0) {
    if (::ftruncate(fd, static_cast<off_t>(offset)) != 0) fail("cannot cut the torn end off the run journal", path);
    sync(fd, path);
  }
  journal.end_ = offset;
  return journal;
}

RunJournal::RunJournal(RunJournal&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      end_(other.end_),
      index_(std::move(other.index_)),
      records_resumed_(other.records_resumed_),
      bytes_cut_(other.bytes_cut_) {}

RunJournal& RunJournal::operator=(RunJournal&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    end_ = other.end_;
    index_ = std::move(other.index_);
    records_resumed_ = other.records_resumed_;
    bytes_cut_ = other.bytes_cut_;
  }
  return *this;
}

RunJournal::~RunJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void RunJournal::append(const RunOutcome& outcome) {
  const std::string payload = encode_outcome(outcome);
  const std::string record = bytes_of<std::uint32_t>(kRecordMagic) + bytes_of<std::uint64_t>(payload.size()) + payload +
                             config::sha256_hex(payload);
  write_all(fd_, record, end_, path_);
  sync(fd_, path_);
  index_[outcome.run_id] = Entry{end_ + 12, payload.size(), outcome.status};
  end_ += record.size();
}

std::optional<RunStatus> RunJournal::status(std::size_t run_id) const {
  const auto it = index_.find(run_id);
  if (it == index_.end()) return std::nullopt;
  return it->second.status;
}

RunOutcome RunJournal::read(std::size_t run_id) const {
  const auto it = index_.find(run_id);
  std::string payload;
  if (it == index_.end() || !read_exact(fd_, payload, it->second.size, it->second.offset, path_))
    throw output::OutputError("run " + std::to_string(run_id) + " is missing from the run journal '" + path_ + "'");
  std::optional<RunOutcome> outcome = decode_outcome(payload);
  if (!outcome || outcome->run_id != run_id)
    throw output::OutputError("the record of run " + std::to_string(run_id) + " in '" + path_ + "' is damaged");
  return std::move(*outcome);
}

void RunJournal::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (::unlink(path_.c_str()) == 0) sync_directory(path_);
}

}  // namespace reformsim::experiment
