// The byte form of a finished run: what goes in comes back out, and damaged bytes are recognised, never trusted.
#include "sim/experiment/run_outcome.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace reformsim::experiment {
namespace {

RunOutcome complete_run() {
  RunOutcome o;
  o.run_id = 41;
  o.values.metrics = {{1.5, -2.25, std::numeric_limits<double>::quiet_NaN()}, {}, {1e300}};
  o.values.events = 123456;
  return o;
}

TEST(RunOutcomeTest, ACompleteRunRoundTripsBitForBit) {
  const RunOutcome in = complete_run();
  const std::optional<RunOutcome> out = decode_outcome(encode_outcome(in));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->run_id, 41u);
  EXPECT_EQ(out->status, RunStatus::complete);
  EXPECT_EQ(out->message, "");
  ASSERT_EQ(out->values.metrics.size(), 3u);
  EXPECT_EQ(out->values.metrics[0][0], 1.5);
  EXPECT_EQ(out->values.metrics[0][1], -2.25);
  EXPECT_TRUE(std::isnan(out->values.metrics[0][2]));
  EXPECT_TRUE(out->values.metrics[1].empty());
  EXPECT_EQ(out->values.metrics[2][0], 1e300);
  EXPECT_EQ(out->values.events, 123456);
}

TEST(RunOutcomeTest, AFailedRunKeepsItsMessage) {
  RunOutcome in;
  in.run_id = 7;
  in.status = RunStatus::failed;
  in.message = "the ledger overflowed: a balance past 1e15 yuan\nsecond line";
  const std::optional<RunOutcome> out = decode_outcome(encode_outcome(in));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->status, RunStatus::failed);
  EXPECT_EQ(out->message, in.message);
  EXPECT_TRUE(out->values.metrics.empty());
  EXPECT_STREQ(status_name(RunStatus::failed), "failed");
  EXPECT_STREQ(status_name(RunStatus::complete), "complete");
}

TEST(RunOutcomeTest, TruncatedOrPaddedOrAlteredBytesAreRejected) {
  const std::string bytes = encode_outcome(complete_run());
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_FALSE(decode_outcome(bytes.substr(0, cut)).has_value()) << "cut to " << cut << " bytes";
  EXPECT_FALSE(decode_outcome(bytes + "x").has_value());
  std::string bad_status = bytes;
  bad_status[8] = 3;  // the status byte follows the 8-byte run id
  EXPECT_FALSE(decode_outcome(bad_status).has_value());
  // Flip every byte in turn: the decoder must never crash, and a flipped length or status must not be accepted as
  // a run of another shape.
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(~flipped[i]);
    (void)decode_outcome(flipped);
  }
  EXPECT_FALSE(decode_outcome(std::string(3, '\xff')).has_value());
}

}  // namespace
}  // namespace reformsim::experiment
