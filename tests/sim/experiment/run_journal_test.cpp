// The run journal: records survive a reopen, a torn tail is cut off, and a journal of another experiment is refused
// with every difference named.
#include "sim/experiment/run_journal.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/output/output_error.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::experiment {
namespace {

ExperimentIdentity identity() {
  ExperimentIdentity id;
  id.experiment_sha256 = std::string(64, 'a');
  id.scenarios_sha256 = std::string(64, 'b');
  id.inputs = {{"scenarios/city/baseline.yaml", std::string(64, 'c')}, {"data/with\ttab.csv", std::string(64, 'd')}};
  id.tool_version = "0.9.0";
  id.git_revision = "abc123";
  id.binary_id = "build-id:0011";
  id.total_runs = 10;
  id.selection = {0, 10};
  return id;
}

RunOutcome run(std::size_t id, double value) {
  RunOutcome o;
  o.run_id = id;
  o.values.metrics = {{value, value + 1}};
  o.values.events = 10;
  return o;
}

TEST(RunJournalTest, RecordsAreReadBackAfterReopening) {
  testing::TempDir dir;
  const std::string path = dir.path("out.h5.journal");
  {
    RunJournal j = RunJournal::create(path, identity());
    j.append(run(3, 30));
    RunOutcome failed;
    failed.run_id = 5;
    failed.status = RunStatus::failed;
    failed.message = "boom";
    j.append(failed);
  }
  RunJournal j = RunJournal::resume(path, identity());
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j.records_resumed(), 2u);
  EXPECT_EQ(j.bytes_cut(), 0u);
  EXPECT_EQ(j.status(3), RunStatus::complete);
  EXPECT_EQ(j.status(5), RunStatus::failed);
  EXPECT_FALSE(j.status(4).has_value());
  EXPECT_EQ(j.read(3).values.metrics[0][1], 31);
  EXPECT_EQ(j.read(5).message, "boom");
  EXPECT_THROW(j.read(4), output::OutputError);
  // A later record of a run (a failed run retried on resume) replaces the earlier one.
  j.append(run(5, 50));
  EXPECT_EQ(j.status(5), RunStatus::complete);
  EXPECT_EQ(j.read(5).values.metrics[0][0], 50);
}

TEST(RunJournalTest, ATornLastRecordIsCutOffAndTheRestKept) {
  testing::TempDir dir;
  const std::string path = dir.path("out.h5.journal");
  std::uintmax_t after_first = 0;
  {
    RunJournal j = RunJournal::create(path, identity());
    j.append(run(1, 10));
    after_first = std::filesystem::file_size(path);
    j.append(run(2, 20));
  }
  const std::uintmax_t full = std::filesystem::file_size(path);
  for (std::uintmax_t cut : {std::uintmax_t{1}, std::uintmax_t{40}, full - after_first - 1}) {
    std::filesystem::resize_file(path, full);  // (zero-filled past a previous cut: still not a valid record)
    {
      RunJournal j = RunJournal::create(path, identity());
      j.append(run(1, 10));
      j.append(run(2, 20));
    }
    std::filesystem::resize_file(path, full - cut);
    RunJournal j = RunJournal::resume(path, identity());
    EXPECT_EQ(j.size(), 1u) << "cut " << cut;
    EXPECT_TRUE(j.status(1).has_value());
    EXPECT_FALSE(j.status(2).has_value());
    EXPECT_EQ(j.bytes_cut(), full - cut - after_first);
    EXPECT_EQ(std::filesystem::file_size(path), after_first);
    j.append(run(2, 21));  // appended where the torn record began
    EXPECT_EQ(j.read(2).values.metrics[0][0], 21);
  }
  // A flipped byte inside the last record's payload fails its checksum the same way.
  {
    RunJournal j = RunJournal::create(path, identity());
    j.append(run(1, 10));
    j.append(run(2, 20));
  }
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(after_first + 20));
    f.put('\x7f');
  }
  RunJournal j = RunJournal::resume(path, identity());
  EXPECT_EQ(j.size(), 1u);
}

TEST(RunJournalTest, AJournalOfAnotherExperimentIsRefusedWithEveryDifference) {
  testing::TempDir dir;
  const std::string path = dir.path("out.h5.journal");
  RunJournal::create(path, identity()).append(run(1, 10));
  ExperimentIdentity other = identity();
  other.scenarios_sha256 = std::string(64, 'e');
  other.inputs[1].sha256 = std::string(64, 'f');
  other.binary_id = "build-id:0022";
  try {
    RunJournal::resume(path, other);
    FAIL() << "a journal of another experiment was resumed";
  } catch (const JournalMismatch& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("the validated scenarios differ"), std::string::npos) << message;
    EXPECT_NE(message.find("input 'data/with\ttab.csv'"), std::string::npos) << message;
    EXPECT_NE(message.find("the binary differs"), std::string::npos) << message;
    EXPECT_EQ(message.find("experiment (its file"), std::string::npos) << message;
  }
  // The refused journal is left as it was.
  EXPECT_EQ(RunJournal::resume(path, identity()).size(), 1u);
}

TEST(RunJournalTest, FilesThatAreNotJournalsAreRefusedAndAMissingOneIsStarted) {
  testing::TempDir dir;
  const std::string junk = dir.write("junk.journal", "this is not a journal at all, just text");
  EXPECT_THROW(RunJournal::resume(junk, identity()), JournalMismatch);
  const std::string fresh = dir.path("fresh.journal");
  RunJournal j = RunJournal::resume(fresh, identity());
  EXPECT_EQ(j.size(), 0u);
  EXPECT_TRUE(std::filesystem::exists(fresh));
  j.remove();
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

TEST(RunJournalTest, AJournalKilledWhileStartingIsStartedAgain) {
  testing::TempDir dir;
  const std::string path = dir.path("out.h5.journal");
  std::uintmax_t header_bytes = 0;
  {
    RunJournal::create(path, identity());
    header_bytes = std::filesystem::file_size(path);
  }
  for (std::uintmax_t cut : {std::uintmax_t{0}, std::uintmax_t{5}, std::uintmax_t{16}, header_bytes - 1}) {
    RunJournal::create(path, identity());
    std::filesystem::resize_file(path, cut);
    RunJournal j = RunJournal::resume(path, identity());
    EXPECT_EQ(j.size(), 0u) << "cut to " << cut;
    j.append(run(1, 10));
    EXPECT_EQ(RunJournal::resume(path, identity()).size(), 1u) << "cut to " << cut;
  }
}

TEST(RunJournalTest, AFrameClaimingMoreBytesThanTheFileHoldsIsCutNotAllocated) {
  testing::TempDir dir;
  const std::string path = dir.path("out.h5.journal");
  RunJournal::create(path, identity()).append(run(1, 10));
  const std::uintmax_t intact = std::filesystem::file_size(path);
  {
    std::ofstream f(path, std::ios::app | std::ios::binary);
    const std::uint32_t magic = 0x314e5552;
    const std::uint64_t size = (1u << 30) - 1;  // under the record limit, far past the file's end
    f.write(reinterpret_cast<const char*>(&magic), sizeof magic);
    f.write(reinterpret_cast<const char*>(&size), sizeof size);
  }
  RunJournal j = RunJournal::resume(path, identity());
  EXPECT_EQ(j.size(), 1u);
  EXPECT_EQ(std::filesystem::file_size(path), intact);
}

TEST(ExperimentIdentityTest, InputsWhoseContentsWereSwappedDiffer) {
  ExperimentIdentity swapped = identity();
  std::swap(swapped.inputs[0].sha256, swapped.inputs[1].sha256);
  const std::vector<std::string> d = swapped.differences_from(identity(), true);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_NE(d[0].find("scenarios/city/baseline.yaml"), std::string::npos) << d[0];
}

TEST(ExperimentIdentityTest, TheTextFormRoundTripsAndRejectsDamage) {
  const ExperimentIdentity id = identity();
  const std::optional<ExperimentIdentity> back = ExperimentIdentity::from_text(id.to_text());
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(id.differences_from(*back, true).empty());
  EXPECT_EQ(back->inputs[1].path, "data/with\ttab.csv");
  EXPECT_EQ(back->selection, id.selection);
  EXPECT_FALSE(ExperimentIdentity::from_text("").has_value());
  EXPECT_FALSE(ExperimentIdentity::from_text(id.to_text() + "unknown\t1\n").has_value());
  std::string bad_range = id.to_text();
  bad_range.replace(bad_range.find("end_run\t10"), 10, "end_run\t11");
  EXPECT_FALSE(ExperimentIdentity::from_text(bad_range).has_value());
}

TEST(ExperimentIdentityTest, TheSelectionCountsOnlyWhenAsked) {
  ExperimentIdentity part = identity();
  part.selection = {0, 5};
  EXPECT_TRUE(part.differences_from(identity(), false).empty());
  const std::vector<std::string> d = part.differences_from(identity(), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("runs 0:5"), std::string::npos) << d[0];
  // A renamed but unchanged input is the same input.
  ExperimentIdentity moved = identity();
  moved.inputs[0].path = "elsewhere/baseline.yaml";
  EXPECT_TRUE(moved.differences_from(identity(), true).empty());
}

}  // namespace
}  // namespace reformsim::experiment
