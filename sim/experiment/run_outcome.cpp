#include "sim/experiment/run_outcome.hpp"

#include <bit>
#include <cstring>

namespace reformsim::experiment {

static_assert(std::endian::native == std::endian::little, "the run encoding is written in host (little-endian) order");

namespace {

template <typename T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads from the front of `in`, failing (and staying failed) when too few bytes are left.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  T get() {
    T value{};
    if (!ok_ || in_.size() < sizeof value) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, in_.data(), sizeof value);
    in_.remove_prefix(sizeof value);
    return value;
  }
  std::string_view take(std::uint64_t size) {
    if (!ok_ || in_.size() < size) {
      ok_ = false;
      return {};
    }
    std::string_view part = in_.substr(0, size);
    in_.remove_prefix(size);
    return part;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }
  std::size_t left() const { return in_.size(); }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

const char* status_name(RunStatus status) { return status == RunStatus::complete ? "complete" : "failed"; }

std::string encode_outcome(const RunOutcome& outcome) {
  std::string out;
  std::size_t values = 0;
  for (const auto& m : outcome.values.metrics) values += m.size();
  out.reserve(32 + outcome.message.size() + 8 * (values + outcome.values.metrics.size()));
  put<std::uint64_t>(out, outcome.run_id);
  put<std::uint8_t>(out, static_cast<std::uint8_t>(outcome.status));
  put<std::uint64_t>(out, outcome.message.size());
  out += outcome.message;
  put<double>(out, outcome.values.events);
  put<std::uint64_t>(out, outcome.values.metrics.size());
  for (const auto& metric : outcome.values.metrics) {
    put<std::uint64_t>(out, metric.size());
    out.append(reinterpret_cast<const char*>(metric.data()), metric.size() * sizeof(double));
  }
  return out;
}

std::optional<RunOutcome> decode_outcome(std::string_view bytes) {
  Reader in(bytes);
  RunOutcome outcome;
  outcome.run_id = in.get<std::uint64_t>();
  const auto status = in.get<std::uint8_t>();
  if (status != static_cast<std::uint8_t>(RunStatus::complete) &&
      status != static_cast<std::uint8_t>(RunStatus::failed))
    return std::nullopt;
  outcome.status = static_cast<RunStatus>(status);
  outcome.message = std::string(in.take(in.get<std::uint64_t>()));
  outcome.values.events = in.get<double>();
  const auto metrics = in.get<std::uint64_t>();
  // Every metric takes at least its 8-byte length: a count beyond the bytes left is corrupt, not a huge allocation.
  if (!in.ok() || metrics > in.left() / 8) return std::nullopt;
  outcome.values.metrics.resize(metrics);
  for (auto& metric : outcome.values.metrics) {
    const auto size = in.get<std::uint64_t>();
    if (!in.ok() || size > in.left() / sizeof(double)) return std::nullopt;
    const std::string_view raw = in.take(size * sizeof(double));
    metric.resize(size);
    if (size > 0) std::memcpy(metric.data(), raw.data(), raw.size());
  }
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return outcome;
}

}  // namespace reformsim::experiment
