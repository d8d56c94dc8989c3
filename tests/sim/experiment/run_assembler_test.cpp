// The assembler: journaled runs are not computed again, except failures; outcomes reach the file in run order; the
// error policy decides whether a failure stops the experiment.
#include "sim/experiment/run_assembler.hpp"

#include <gtest/gtest.h>

#include "sim/experiment/parallel_runner.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::experiment {
namespace {

std::vector<RunPlan> plans(std::size_t n) {
  std::vector<RunPlan> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i].run_id = i;
  return out;
}

RunOutcome outcome(std::size_t id, RunStatus status = RunStatus::complete) {
  RunOutcome o;
  o.run_id = id;
  o.status = status;
  if (status == RunStatus::failed)
    o.message = "run " + std::to_string(id) + " failed";
  else
    o.values.metrics = {{static_cast<double>(id)}};
  return o;
}

ExperimentIdentity identity(std::size_t runs) {
  ExperimentIdentity id;
  id.experiment_sha256 = id.scenarios_sha256 = std::string(64, '0');
  id.total_runs = runs;
  id.selection = {0, runs};
  return id;
}

TEST(RunAssemblerTest, JournaledFailuresAreComputedAgainAndRunsArriveInOrder) {
  testing::TempDir dir;
  const std::vector<RunPlan> all = plans(4);
  RunJournal journal = RunJournal::create(dir.path("j"), identity(4));
  journal.append(outcome(0));
  journal.append(outcome(2, RunStatus::failed));
  std::vector<std::size_t> delivered;
  RunAssembler a(all, {0, 4}, journal, OnError::stop, false, [&](const RunPlan& p, const RunOutcome& o) {
    EXPECT_EQ(o.status, RunStatus::complete);
    delivered.push_back(p.run_id);
  });
  EXPECT_EQ(a.runs_to_compute(), (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_EQ(a.reused(), 1u);
  EXPECT_TRUE(a.accept(outcome(3)));
  EXPECT_TRUE(a.accept(outcome(2)));
  EXPECT_EQ(delivered, (std::vector<std::size_t>{0}));  // 1 is still missing
  EXPECT_TRUE(a.accept(outcome(1)));
  a.finish();
  EXPECT_EQ(delivered, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(a.failed(), 0u);
}

TEST(RunAssemblerTest, StopEndsAtTheFirstFailureAndContinueRecordsIt) {
  testing::TempDir dir;
  const std::vector<RunPlan> all = plans(3);
  {
    RunJournal journal = RunJournal::create(dir.path("stop"), identity(3));
    RunAssembler a(all, {0, 3}, journal, OnError::stop, false, [](const RunPlan&, const RunOutcome&) {});
    EXPECT_TRUE(a.accept(outcome(0)));
    EXPECT_FALSE(a.accept(outcome(1, RunStatus::failed)));
    EXPECT_THROW(a.finish(), RunFailure);
    EXPECT_FALSE(journal.status(1).has_value());  // not journaled: a resume computes it
  }
  RunJournal journal = RunJournal::create(dir.path("continue"), identity(3));
  std::vector<RunStatus> seen;
  RunAssembler a(all, {0, 3}, journal, OnError::continue_, false,
                 [&](const RunPlan&, const RunOutcome& o) { seen.push_back(o.status); });
  for (std::size_t id : {2u, 1u, 0u})
    EXPECT_TRUE(a.accept(outcome(id, id == 1 ? RunStatus::failed : RunStatus::complete)));
  a.finish();
  EXPECT_EQ(seen, (std::vector<RunStatus>{RunStatus::complete, RunStatus::failed, RunStatus::complete}));
  EXPECT_EQ(a.failed(), 1u);
  EXPECT_EQ(journal.status(1), RunStatus::failed);
}

}  // namespace
}  // namespace reformsim::experiment
