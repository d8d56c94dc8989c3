// The HDF5 writer: atomic completion, attributes on every dataset, exact round trips of fixed and appended data,
// errors as OutputError with the path, and a file h5py reads without our code.
#include "sim/output/hdf5_writer.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include "sim/output/chunk_shape.hpp"
#include "tests/sim/output/h5_reader.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::output {
namespace {

using testing::H5Reader;
namespace fs = std::filesystem;

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Bit pattern of a double, so NaN payloads and -0.0 are compared exactly.
std::uint64_t bits(double x) {
  std::uint64_t b = 0;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

std::vector<std::uint64_t> bits(const std::vector<double>& v) {
  std::vector<std::uint64_t> out;
  out.reserve(v.size());
  for (double x : v) out.push_back(bits(x));
  return out;
}

double nan_with_payload(std::uint64_t payload) {
  const std::uint64_t b = 0x7ff8000000000000ULL | payload;
  double x = 0;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

class Hdf5WriterTest : public ::testing::Test {
 protected:
  std::string path(const std::string& name) const { return dir_.path(name); }
  reformsim::testing::TempDir dir_;
};

// --- atomic completion ---------------------------------------------------------------------------------------

TEST_F(Hdf5WriterTest, CommitRenamesThePartialFileToTheFinalName) {
  Hdf5Writer w = Hdf5Writer::create(path("out.h5"));
  EXPECT_TRUE(fs::exists(path("out.h5.partial")));
  EXPECT_FALSE(fs::exists(path("out.h5")));
  w.write_doubles("/a/b", {1, 2, 3, 4, 5, 6}, {2, 3}, {"yuan", "a matrix"});
  w.commit();
  EXPECT_TRUE(fs::exists(path("out.h5")));
  EXPECT_FALSE(fs::exists(path("out.h5.partial")));
  const H5Reader r(path("out.h5"));
  EXPECT_EQ(r.doubles("/a/b"), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(r.dims("/a/b"), (std::vector<hsize_t>{2, 3}));
}

TEST_F(Hdf5WriterTest, UncommittedWriterLeavesNeitherFinalNorPartialFile) {
  {
    Hdf5Writer w = Hdf5Writer::create(path("gone.h5"));
    w.create_rows_double("/summary/x", {}, {"", "x"});
    const double one = 1;
    w.append_row_double("/summary/x", &one);
    w.flush();
  }
  EXPECT_FALSE(fs::exists(path("gone.h5")));
  EXPECT_FALSE(fs::exists(path("gone.h5.partial")));
}

TEST_F(Hdf5WriterTest, ExistingFinalFileIsUntouchedWhenANewWriterIsNotCommitted) {
  const std::string old_text = "previous results\n\x01\x02 binary tail";
  dir_.write("old.h5", old_text);
  {
    Hdf5Writer w = Hdf5Writer::create(path("old.h5"));
    w.write_strings("/s", {"x"}, {"", "text"});
  }
  EXPECT_EQ(file_text(path("old.h5")), old_text);
  EXPECT_FALSE(fs::exists(path("old.h5.partial")));
}

TEST_F(Hdf5WriterTest, CommitReplacesAnExistingFinalFile) {
  dir_.write("out.h5", "old");
  Hdf5Writer w = Hdf5Writer::create(path("out.h5"));
  w.write_int64s("/n", {7}, {1}, {"", "n"});
  w.commit();
  EXPECT_EQ(H5Reader(path("out.h5")).int64s("/n"), (std::vector<std::int64_t>{7}));
}

TEST_F(Hdf5WriterTest, StalePartialFileIsTruncated) {
  dir_.write("out.h5.partial", "left over from a crash");
  Hdf5Writer w = Hdf5Writer::create(path("out.h5"));
  w.write_int64s("/n", {1, 2}, {2}, {"", "n"});
  w.commit();
  EXPECT_EQ(H5Reader(path("out.h5")).int64s("/n"), (std::vector<std::int64_t>{1, 2}));
}

TEST_F(Hdf5WriterTest, CrashBeforeCommitLeavesNoFinalFile) {
  const std::string final_path = path("crash.h5");
  EXPECT_EXIT(
      {
        Hdf5Writer w = Hdf5Writer::create(final_path);
        w.write_doubles("/x", {1.0}, {1}, {"", "x"});
        w.flush();
        std::_Exit(3);  // no destructors, as in a crash
      },
      ::testing::ExitedWithCode(3), "");
  EXPECT_FALSE(fs::exists(final_path));
}

TEST_F(Hdf5WriterTest, MovedWriterKeepsItsFileAndMoveAssignmentDiscardsTheOverwrittenOne) {
  Hdf5Writer a = Hdf5Writer::create(path("a.h5"));
  a.write_int64s("/n", {1}, {1}, {"", "n"});
  Hdf5Writer b = std::move(a);
  EXPECT_THROW(a.flush(), OutputError);  // NOLINT(bugprone-use-after-move): moved-from use is reported
  Hdf5Writer c = Hdf5Writer::create(path("c.h5"));
  c = std::move(b);  // c.h5 was never committed: discarded like a destroyed writer
  EXPECT_FALSE(fs::exists(path("c.h5.partial")));
  c.commit();
  EXPECT_TRUE(fs::exists(path("a.h5")));
  EXPECT_FALSE(fs::exists(path("c.h5")));
  EXPECT_EQ(H5Reader(path("a.h5")).int64s("/n"), (std::vector<std::int64_t>{1}));
}

// --- attributes and groups -------------------------------------------------------------------------------------

TEST_F(Hdf5WriterTest, EveryDatasetHasUnitsAndDescriptionEvenWhenUnitsAreEmpty) {
  {
    Hdf5Writer w = Hdf5Writer::create(path("attrs.h5"));
    w.write_strings("/axes/arm", {"ffs", "drg"}, {"", "policy arm"});
    w.write_doubles("/fixed/d", {1.5}, {1}, {"yuan", "fixed doubles"});
    w.write_int64s("/fixed/i", {3}, {1}, {"beds", "fixed ints"});
    w.create_rows_double("/monthly/balance_yuan", {12}, {"yuan", "fund balance at month end"});
    w.create_rows_int64("/runs/seed", {}, {"", "master seed"});
    w.create_rows_string("/runs/arm", {"", "arm name"});
    w.commit();
  }
  const H5Reader r(path("attrs.h5"));
  const std::vector<std::pair<std::string, std::string>> expected_units{
      {"/axes/arm", ""},  {"/fixed/d", "yuan"}, {"/fixed/i", "beds"}, {"/monthly/balance_yuan", "yuan"},
      {"/runs/seed", ""}, {"/runs/arm", ""}};
  for (const auto& [dataset, units] : expected_units) {
    EXPECT_EQ(r.attribute(dataset, "units"), units) << dataset;
    EXPECT_TRUE(r.attribute(dataset, "description").has_value()) << dataset;
    EXPECT_TRUE(r.attribute_is_vlen_utf8(dataset, "units")) << dataset;
  }
  EXPECT_EQ(r.attribute("/monthly/balance_yuan", "description"), "fund balance at month end");
}

TEST_F(Hdf5WriterTest, StringAttributesOnRootGroupsAndDatasetsAreUtf8AndReplaceable) {
  {
    Hdf5Writer w = Hdf5Writer::create(path("meta.h5"));
    w.set_string_attribute("/", "tool_version", "0.1.0");
    w.set_string_attribute("/", "tool_version", "0.2.0");
    w.set_string_attribute("/hospitals", "note", "按病种分值付费 (DIP)");  // group created on demand
    w.write_doubles("/summary/x", {2.0}, {1}, {"yuan", "x"});
    w.set_string_attribute("/summary/x", "units", "万元");
    w.commit();
  }
  const H5Reader r(path("meta.h5"));
  EXPECT_EQ(r.attribute("/", "tool_version"), "0.2.0");
  EXPECT_EQ(r.attribute("/hospitals", "note"), "按病种分值付费 (DIP)");
  EXPECT_TRUE(r.attribute_is_vlen_utf8("/hospitals", "note"));
  EXPECT_TRUE(r.is_group("/hospitals"));
  EXPECT_EQ(r.attribute("/summary/x", "units"), "万元");
  EXPECT_FALSE(r.attribute("/summary/x", "missing").has_value());
}

TEST_F(Hdf5WriterTest, GroupsAreCreatedOnDemandFromSlashPaths) {
  {
    Hdf5Writer w = Hdf5Writer::create(path("groups.h5"));
    w.create_rows_double("/monthly/balance_yuan", {3}, {"yuan", "b"});
    w.write_int64s("/a/b/c/d", {1}, {1}, {"", "deep"});
    w.write_int64s("/a/b/e", {2}, {1}, {"", "sibling in an existing group"});
    w.commit();
  }
  const H5Reader r(path("groups.h5"));
  EXPECT_TRUE(r.is_group("/monthly"));
  EXPECT_TRUE(r.is_group("/a/b/c"));
  EXPECT_FALSE(r.is_group("/a/b/e"));
  EXPECT_EQ(r.int64s("/a/b/e"), (std::vector<std::int64_t>{2}));
}

// --- fixed datasets --------------------------------------------------------------------------------------------

TEST_F(Hdf5WriterTest, FixedDatasetsRoundTripExactlyInAnyRank) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> doubles{
      0.1, -0.0, 5e-324, nan_with_payload(0x1234), inf, -inf, std::numeric_limits<double>::max(), 1.0 / 3.0};
  const std::vector<std::int64_t> ints{std::numeric_limits<std::int64_t>::min(), -1, 0,
                                       std::numeric_limits<std::int64_t>::max()};
  const std::vector<std::string> strings{"", "ffs", "按床日付费", "with space"};
  {
    Hdf5Writer w = Hdf5Writer::create(path("fixed.h5"));
    w.write_doubles("/d3", doubles, {2, 2, 2}, {"", "3-D"});
    w.write_int64s("/i2", ints, {2, 2}, {"", "2-D"});
    w.write_strings("/s", strings, {"", "labels"});
    w.write_strings("/empty", {}, {"", "no labels"});
    w.commit();
  }
  const H5Reader r(path("fixed.h5"));
  EXPECT_EQ(r.dims("/d3"), (std::vector<hsize_t>{2, 2, 2}));
  EXPECT_EQ(bits(r.doubles("/d3")), bits(doubles));
  EXPECT_EQ(r.dims("/i2"), (std::vector<hsize_t>{2, 2}));
  EXPECT_EQ(r.int64s("/i2"), ints);
  EXPECT_EQ(r.strings("/s"), strings);
  EXPECT_TRUE(r.dataset_is_vlen_utf8("/s"));
  EXPECT_EQ(r.dims("/empty"), (std::vector<hsize_t>{0}));
}

// --- row-extendible datasets -----------------------------------------------------------------------------------

TEST_F(Hdf5WriterTest, AppendedDoubleRowsWithATwoDimensionalShapeRoundTripBitExactly) {
  const double row[6] = {0.1, -0.0, 1e-300, nan_with_payload(42), 12345.678901234567, -7};
  std::vector<double> expected;
  {
    Hdf5Writer w = Hdf5Writer::create(path("rows.h5"));
    w.create_rows_double("/hospitals/cost_yuan", {2, 3}, {"yuan", "cost by hospital and year"});
    EXPECT_EQ(w.rows("/hospitals/cost_yuan"), 0u);
    for (int r = 0; r < 5; ++r) {
      double shifted[6];
      for (int i = 0; i < 6; ++i) shifted[i] = row[i] + (i == 3 ? 0.0 : r);  // keeps the NaN's payload
      w.append_row_double("/hospitals/cost_yuan", shifted);
      expected.insert(expected.end(), shifted, shifted + 6);
    }
    EXPECT_EQ(w.rows("/hospitals/cost_yuan"), 5u);
    w.commit();
  }
  const H5Reader r(path("rows.h5"));
  EXPECT_EQ(r.dims("/hospitals/cost_yuan"), (std::vector<hsize_t>{5, 2, 3}));
  EXPECT_EQ(r.max_dims("/hospitals/cost_yuan"), (std::vector<hsize_t>{H5S_UNLIMITED, 2, 3}));
  EXPECT_EQ(bits(r.doubles("/hospitals/cost_yuan")), bits(expected));
  EXPECT_EQ(r.chunk("/hospitals/cost_yuan").size(), 3u);
  EXPECT_TRUE(r.deflated("/hospitals/cost_yuan"));
  EXPECT_TRUE(std::isnan(r.double_fill_value("/hospitals/cost_yuan")));
}

TEST_F(Hdf5WriterTest, ExpectedRowsBoundTheChunksButNotTheRows) {
  const double value = 2.5;
  {
    Hdf5Writer w = Hdf5Writer::create(path("expected.h5"));
    w.create_rows_double("/summary/before", {}, {"", "created before expect_rows"});
    w.expect_rows(2);
    w.create_rows_double("/summary/after", {}, {"", "created after expect_rows(2)"});
    for (int r = 0; r < 3; ++r) w.append_row_double("/summary/after", &value);  // more rows than expected
    w.commit();
  }
  const H5Reader r(path("expected.h5"));
  EXPECT_EQ(r.chunk("/summary/before"), (std::vector<hsize_t>{kChunkTargetBytes / 8}));
  EXPECT_EQ(r.chunk("/summary/after"), (std::vector<hsize_t>{2}));
  EXPECT_EQ(r.doubles("/summary/after"), (std::vector<double>{2.5, 2.5, 2.5}));
}

TEST_F(Hdf5WriterTest, ScalarInt64RowsRoundTrip) {
  const std::vector<std::int64_t> values{std::numeric_limits<std::int64_t>::min(), 0, 42,
                                         std::numeric_limits<std::int64_t>::max()};
  {
    Hdf5Writer w = Hdf5Writer::create(path("ints.h5"));
    w.create_rows_int64("/runs/seed", {}, {"", "master seed"});
    for (std::int64_t v : values) w.append_row_int64("/runs/seed", &v);
    w.commit();
  }
  const H5Reader r(path("ints.h5"));
  EXPECT_EQ(r.dims("/runs/seed"), (std::vector<hsize_t>{4}));
  EXPECT_EQ(r.int64s("/runs/seed"), values);
  EXPECT_TRUE(r.deflated("/runs/seed"));
}

TEST_F(Hdf5WriterTest, StringRowsRoundTrip) {
  const std::vector<std::string> values{"complete", "", "按疾病诊断相关分组 (DRG)", std::string(5000, 'x')};
  {
    Hdf5Writer w = Hdf5Writer::create(path("strings.h5"));
    w.create_rows_string("/runs/status", {"", "run status"});
    for (const std::string& v : values) w.append_row_string("/runs/status", v);
    EXPECT_EQ(w.rows("/runs/status"), values.size());
    w.commit();
  }
  const H5Reader r(path("strings.h5"));
  EXPECT_EQ(r.dims("/runs/status"), (std::vector<hsize_t>{4}));
  EXPECT_EQ(r.strings("/runs/status"), values);
  EXPECT_TRUE(r.dataset_is_vlen_utf8("/runs/status"));
}

TEST_F(Hdf5WriterTest, ThousandsOfAppendsWithFlushesKeepEveryRow) {
  constexpr int kRuns = 3000;
  {
    Hdf5Writer w = Hdf5Writer::create(path("many.h5"));
    w.create_rows_double("/summary/x", {}, {"", "x"});
    w.create_rows_double("/monthly/y", {12}, {"", "y"});
    for (int run = 0; run < kRuns; ++run) {
      const double x = run * 0.5;
      double y[12];
      for (int m = 0; m < 12; ++m) y[m] = run + m / 100.0;
      w.append_row_double("/summary/x", &x);
      w.append_row_double("/monthly/y", y);
      if (run % 100 == 0) w.flush();
    }
    EXPECT_EQ(w.rows("/summary/x"), static_cast<std::size_t>(kRuns));
    w.commit();
  }
  const H5Reader r(path("many.h5"));
  const std::vector<double> x = r.doubles("/summary/x");
  const std::vector<double> y = r.doubles("/monthly/y");
  ASSERT_EQ(x.size(), static_cast<std::size_t>(kRuns));
  ASSERT_EQ(y.size(), static_cast<std::size_t>(kRuns) * 12);
  for (int run = 0; run < kRuns; ++run) {
    ASSERT_EQ(x[static_cast<std::size_t>(run)], run * 0.5) << run;
    ASSERT_EQ(y[static_cast<std::size_t>(run) * 12 + 11], run + 11 / 100.0) << run;
  }
}

TEST_F(Hdf5WriterTest, LargeRowsAreSplitIntoChunksOfAtMostOneMebibyte) {
  std::vector<double> row(std::size_t{300} * 1000);
  for (std::size_t i = 0; i < row.size(); ++i) row[i] = static_cast<double>(i);
  {
    Hdf5Writer w = Hdf5Writer::create(path("big.h5"));
    w.create_rows_double("/groups/cases", {300, 1000}, {"cases", "2.4 MB per run"});
    w.append_row_double("/groups/cases", row.data());
    w.commit();
  }
  const H5Reader r(path("big.h5"));
  const std::vector<hsize_t> chunk = r.chunk("/groups/cases");
  ASSERT_EQ(chunk.size(), 3u);
  EXPECT_LE(chunk[0] * chunk[1] * chunk[2] * sizeof(double), std::size_t{1} << 20);
  EXPECT_EQ(r.doubles("/groups/cases"), row);
}

TEST_F(Hdf5WriterTest, ZeroSizeRowDimensionIsAllowed) {
  Hdf5Writer w = Hdf5Writer::create(path("zero.h5"));
  w.create_rows_double("/groups/none", {0}, {"", "no groups"});
  w.append_row_double("/groups/none", nullptr);
  w.append_row_double("/groups/none", nullptr);
  EXPECT_EQ(w.rows("/groups/none"), 2u);
  w.commit();
  EXPECT_EQ(H5Reader(path("zero.h5")).dims("/groups/none"), (std::vector<hsize_t>{2, 0}));
}

// --- errors ----------------------------------------------------------------------------------------------------

}  // namespace
}  // namespace reformsim::output
