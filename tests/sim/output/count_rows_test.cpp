// Counts (cases, visits, persons) are stored as integers: whole numbers round-trip, a missing value is the int64
// _FillValue on disk and NaN again when read as doubles, and a value that is not whole is a bug that is refused.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/output/hdf5_reader.hpp"
#include "sim/output/hdf5_writer.hpp"
#include "tests/sim/output/h5_reader.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::output {
namespace {

TEST(CountRowsTest, WholeNumbersAreStoredAsIntegersAndMissingOnesReadAsNaN) {
  reformsim::testing::TempDir dir;
  const std::string file = dir.path("c.h5");
  Hdf5Writer w = Hdf5Writer::create(file);
  w.create_rows_count("/monthly/admissions", {3}, {"cases", "admissions"});
  const double first[3] = {0, 12, 4.0e12};
  const double second[3] = {7, std::nan(""), 1};
  w.append_row_count("/monthly/admissions", first);
  w.append_row_count("/monthly/admissions", second);
  w.commit();
  const testing::H5Reader raw(file);
  EXPECT_EQ(raw.int64s("/monthly/admissions"), (std::vector<std::int64_t>{0, 12, 4000000000000, 7, kCountFill, 1}));
  const std::vector<double> read = Hdf5Reader(file).double_rows("/monthly/admissions", 0, 2);
  EXPECT_EQ(read[1], 12);
  EXPECT_EQ(read[2], 4.0e12);
  EXPECT_TRUE(std::isnan(read[4]));
  EXPECT_EQ(read[5], 1);
}

TEST(CountRowsTest, AValueThatIsNotWholeIsRefusedAndAddsNoRow) {
  reformsim::testing::TempDir dir;
  Hdf5Writer w = Hdf5Writer::create(dir.path("c.h5"));
  w.create_rows_count("/summary/visits", {}, {"visits", "visits"});
  const double half = 2.5;
  EXPECT_THROW(w.append_row_count("/summary/visits", &half), std::invalid_argument);
  EXPECT_EQ(w.rows("/summary/visits"), 0u);
  EXPECT_THROW(w.append_row_double("/summary/visits", &half), OutputError);  // a count takes append_row_count
}

}  // namespace
}  // namespace reformsim::output
