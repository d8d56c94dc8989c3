// The reference "ward" model written by hand, as fast as we know how, to measure how far reformsim is from the limit
// of this machine on the same work (scripts/bench ward). No framework: one file, the standard library only.
//
// Model: Poisson admissions at LAMBDA a day; DRG group g uniform on 0..49 with weight 0.5 + 1.5 g / 49 and mean
// length of stay 2 + 8 g / 49 days, exponential; one hospital of C beds with a FIFO queue, empty at day 0, run for
// T days. At discharge the payer pays weight x 10,000 yuan and the hospital's cost is LOS x 1,200 yuan.
//
// Why it is fast: the next admission is one number kept outside the heap (a Poisson stream needs no queue); the heap
// holds only discharges, is 4-ary (shallower, and a node's children share a cache line) and stores (time, bed)
// pairs while each bed's patient lives in flat arrays; variates come from xoshiro256+.
//
//   ward_limit [LAMBDA [C [T [SEED]]]]     defaults 200 1500 3650 1
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr int kGroups = 50;
constexpr double kPaymentPerWeightYuan = 10000.0;
constexpr double kCostPerDayYuan = 1200.0;

class Xoshiro256Plus {
 public:
  explicit Xoshiro256Plus(std::uint64_t seed) {
    for (auto& word : state_) word = splitmix64(seed);
  }
  // A double in (0, 1]: the top 53 bits, shifted off zero so that log() is finite.
  double uniform_open_zero() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }
  double exponential(double mean) { return -mean * std::log(uniform_open_zero()); }
  // Uniform on 0..n-1 from the top 32 bits by multiply-and-shift (bias below n / 2^32).
  int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32); }

 private:
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t next() {
    const std::uint64_t result = state_[0] + state_[3];
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  std::uint64_t state_[4];
};

// Min-heap of discharges, four children per node.
class DischargeHeap {
 public:
  struct Entry {
    double time;
    int bed;
  };
  explicit DischargeHeap(int capacity) { entries_.reserve(static_cast<std::size_t>(capacity)); }
  bool empty() const { return entries_.empty(); }
  const Entry& top() const { return entries_.front(); }
  void push(Entry entry) {
    std::size_t hole = entries_.size();
    entries_.push_back(entry);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / 4;
      if (entries_[parent].time <= entry.time) break;
      entries_[hole] = entries_[parent];
      hole = parent;
    }
    entries_[hole] = entry;
  }
  // Replaces the top by `entry` (or removes it when `entry` is null) and restores the heap.
  void replace_top(const Entry* entry) {
    Entry moving = entry ? *entry : entries_.back();
    if (!entry) entries_.pop_back();
    const std::size_t size = entries_.size();
    if (size == 0) return;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = 4 * hole + 1;
      if (first >= size) break;
      std::size_t best = first;
      const std::size_t last = first + 4 < size ? first + 4 : size;
      for (std::size_t c = first + 1; c < last; ++c)
        if (entries_[c].time < entries_[best].time) best = c;
      if (entries_[best].time >= moving.time) break;
      entries_[hole] = entries_[best];
      hole = best;
    }
    entries_[hole] = moving;
  }

 private:
  std::vector<Entry> entries_;
};

struct Waiting {
  double arrival_day;
  int group;
};

// A FIFO ring buffer of patients waiting for a bed; grows when full.
class WaitQueue {
 public:
  bool empty() const { return size_ == 0; }
  void push(Waiting w) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = w;
    ++size_;
  }
  Waiting pop() {
    const Waiting w = slots_[head_];
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
    return w;
  }

 private:
  void grow() {
    std::vector<Waiting> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
    slots_.swap(bigger);
    head_ = 0;
  }
  std::vector<Waiting> slots_;
  std::size_t head_ = 0, size_ = 0;
};

bool parse_positive(const char* text, double& value) {
  char* end = nullptr;
  value = std::strtod(text, &end);
  return end != text && *end == '\0' && value > 0 && std::isfinite(value);
}

}  // namespace

int main(int argc, char** argv) {
  double lambda_per_day = 200, beds_value = 1500, horizon_days = 3650, seed_value = 1;
  double* const arguments[] = {&lambda_per_day, &beds_value, &horizon_days, &seed_value};
  if (argc > 5) {
    std::fprintf(stderr, "usage: ward_limit [LAMBDA [C [T [SEED]]]]\n");
    return 2;
  }
  for (int i = 1; i < argc; ++i)
    if (!parse_positive(argv[i], *arguments[i - 1])) {
      std::fprintf(stderr, "ward_limit: argument %d ('%s') must be a positive number\n", i, argv[i]);
      return 2;
    }
  const auto started = std::chrono::steady_clock::now();
  const int beds = static_cast<int>(beds_value);
  double weight[kGroups], mean_los_days[kGroups];
  for (int g = 0; g < kGroups; ++g) {
    weight[g] = 0.5 + 1.5 * g / (kGroups - 1);
    mean_los_days[g] = 2.0 + 8.0 * g / (kGroups - 1);
  }
  Xoshiro256Plus rng(static_cast<std::uint64_t>(seed_value));
  const double mean_gap_days = 1.0 / lambda_per_day;

  std::vector<int> bed_group(static_cast<std::size_t>(beds));
  std::vector<double> bed_los_days(static_cast<std::size_t>(beds)), bed_wait_days(static_cast<std::size_t>(beds));
  std::vector<int> free_beds;
  free_beds.reserve(static_cast<std::size_t>(beds));
  for (int b = beds - 1; b >= 0; --b) free_beds.push_back(b);
  DischargeHeap discharges(beds);
  WaitQueue queue;

  long long discharged = 0;
  double payment_yuan = 0, cost_yuan = 0, wait_days = 0;
  double next_arrival = rng.exponential(mean_gap_days);

  auto admit = [&](double now, Waiting patient) -> DischargeHeap::Entry {
    const int bed = free_beds.back();
    free_beds.pop_back();
    const double los = rng.exponential(mean_los_days[patient.group]);
    bed_group[static_cast<std::size_t>(bed)] = patient.group;
    bed_los_days[static_cast<std::size_t>(bed)] = los;
    bed_wait_days[static_cast<std::size_t>(bed)] = now - patient.arrival_day;
    return {now + los, bed};
  };

  for (;;) {
    const bool arrival_first = discharges.empty() || next_arrival < discharges.top().time;
    const double now = arrival_first ? next_arrival : discharges.top().time;
    if (now > horizon_days) break;
    if (arrival_first) {
      const Waiting patient{now, rng.below(kGroups)};
      if (free_beds.empty())
        queue.push(patient);
      else
        discharges.push(admit(now, patient));
      next_arrival = now + rng.exponential(mean_gap_days);
      continue;
    }
    const std::size_t bed = static_cast<std::size_t>(discharges.top().bed);
    ++discharged;
    payment_yuan += weight[bed_group[bed]] * kPaymentPerWeightYuan;
    cost_yuan += bed_los_days[bed] * kCostPerDayYuan;
    wait_days += bed_wait_days[bed];
    free_beds.push_back(static_cast<int>(bed));
    if (queue.empty()) {
      discharges.replace_top(nullptr);
    } else {
      const DischargeHeap::Entry next = admit(now, queue.pop());
      discharges.replace_top(&next);
    }
  }
  const double wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("discharges %lld\npayment_yuan %.0f\ncost_yuan %.0f\nmean_wait_days %.6f\nwall_seconds %.3f\n",
              discharged, payment_yuan, cost_yuan, discharged ? wait_days / static_cast<double>(discharged) : 0.0,
              wall_seconds);
  return 0;
}
