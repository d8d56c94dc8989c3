#include "sim/experiment/results_part.hpp"

#include "sim/output/hdf5_reader.hpp"

namespace reformsim::experiment {

using output::InputFileError;

namespace {

std::string single(const output::Hdf5Reader& file, const std::string& path) {
  const std::vector<std::string> v = file.strings(path);
  if (v.size() != 1) throw InputFileError("'" + file.path() + "': " + path + " should hold one value");
  return v[0];
}

}  // namespace

ResultsPart::ResultsPart(const std::string& path) : path_(path), file_(std::make_unique<output::Hdf5Reader>(path)) {
  const output::Hdf5Reader& f = *file_;
  if (!f.exists("/meta/identity"))
    throw InputFileError("'" + path + "' is not a results file of this reformsim (it has no /meta/identity)");
  if (!f.exists("/meta/results_sha256"))
    throw InputFileError("'" + path + "' is not a finished results file (it has no /meta/results_sha256)");
  const std::optional<ExperimentIdentity> id = ExperimentIdentity::from_text(single(f, "/meta/identity"));
  if (!id) throw InputFileError("'" + path + "': /meta/identity cannot be read");
  identity_ = *id;
  experiment_file_ = single(f, "/meta/experiment_file");
  const std::vector<std::int64_t> seed = f.int64s("/meta/seed");
  const std::vector<std::int64_t> replicates = f.int64s("/meta/replicates");
  if (seed.size() != 1 || replicates.size() != 1 || seed[0] < 0 || replicates[0] < 1)
    throw InputFileError("'" + path + "': /meta/seed or /meta/replicates is malformed");
  seed_ = static_cast<std::uint64_t>(seed[0]);
  replicates_ = static_cast<int>(replicates[0]);
  if (f.exists("/meta/design") && f.exists("/meta/design_samples")) {
    const std::string design = single(f, "/meta/design");
    const std::vector<std::int64_t> samples = f.int64s("/meta/design_samples");
    if (samples.size() != 1 || samples[0] < 0)
      throw InputFileError("'" + path + "': /meta/design_samples is malformed");
    if (design == "lhs" || design == "sobol" || design == "morris")
      design_samples_ = static_cast<std::size_t>(samples[0]);
  }
  recorded_digest_ = single(f, "/meta/results_sha256");
  const std::vector<std::int64_t> ids = f.int64s("/runs/run_id");
  status_ = f.strings("/runs/status");
  message_ = f.strings("/runs/message");
  const std::size_t n = identity_.selection.size();
  if (ids.size() != n || status_.size() != n || message_.size() != n)
    throw InputFileError("'" + path + "' should hold " + std::to_string(n) + " runs (" +
                         std::to_string(identity_.selection.first) + " to " + std::to_string(identity_.selection.end) +
                         "), it holds " + std::to_string(ids.size()));
  for (std::size_t i = 0; i < n; ++i) {
    if (ids[i] != static_cast<std::int64_t>(identity_.selection.first + i))
      throw InputFileError("'" + path + "': /runs/run_id is not the consecutive run ids its /meta/identity names");
    if (status_[i] != "complete" && status_[i] != "failed")
      throw InputFileError("'" + path + "': run " + std::to_string(ids[i]) + " has status '" + status_[i] + "'");
  }
  events_ = f.double_rows("/runs/events", 0, n);
}

ResultsPart::~ResultsPart() = default;
ResultsPart::ResultsPart(ResultsPart&&) noexcept = default;
ResultsPart& ResultsPart::operator=(ResultsPart&&) noexcept = default;

std::vector<RunOutcome> ResultsPart::read(const OutputLayout& layout, std::size_t first, std::size_t count) const {
  const std::size_t row = first - identity_.selection.first;
  std::vector<RunOutcome> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    out[i].run_id = first + i;
    out[i].status = status_[row + i] == "complete" ? RunStatus::complete : RunStatus::failed;
    out[i].message = message_[row + i];
    if (out[i].status == RunStatus::complete) {
      out[i].values.events = events_[row + i];
      out[i].values.metrics.resize(layout.metrics.size());
    }
  }
  for (std::size_t m = 0; m < layout.metrics.size(); ++m) {
    const std::string dataset = "/" + layout.metrics[m].path;
    const std::vector<std::size_t> dims = file_->dims(dataset);
    const std::size_t size = layout.row_size(m);
    if (dims.empty() || std::vector<std::size_t>(dims.begin() + 1, dims.end()) != layout.row_dims(m))
      throw InputFileError("'" + path_ + "': " + dataset + " does not have the shape this experiment declares");
    const std::vector<double> values = file_->double_rows(dataset, row, count);
    for (std::size_t i = 0; i < count; ++i) {
      if (out[i].status != RunStatus::complete) continue;
      out[i].values.metrics[m].assign(values.begin() + static_cast<std::ptrdiff_t>(i * size),
                                      values.begin() + static_cast<std::ptrdiff_t>((i + 1) * size));
    }
  }
  for (const RunOutcome& o : out) digest_.update(encode_outcome(o));
  return out;
}

void ResultsPart::check_digest() const {
  config::Sha256 copy = digest_;
  if (copy.hex_digest() != recorded_digest_)
    throw InputFileError("'" + path_ + "': its runs do not hash to the /meta/results_sha256 it recorded (damaged?)");
}

}  // namespace reformsim::experiment
