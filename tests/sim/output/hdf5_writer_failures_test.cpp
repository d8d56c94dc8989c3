// The HDF5 writer when things go wrong — unwritable paths, HDF5 failures, misuse — and a file h5py reads without
// our code.
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

#include "tests/sim/output/h5_reader.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::output {
namespace {

using testing::H5Reader;
namespace fs = std::filesystem;

class Hdf5WriterFailureTest : public ::testing::Test {
 protected:
  std::string path(const std::string& name) const { return dir_.path(name); }
  reformsim::testing::TempDir dir_;
};

TEST_F(Hdf5WriterFailureTest, UnwritablePathThrowsOutputErrorWithThePathAndReason) {
  const std::string bad = path("no/such/dir/out.h5");
  try {
    Hdf5Writer::create(bad);
    FAIL() << "no exception";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find(bad + ".partial"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(path("no")));
}

TEST_F(Hdf5WriterFailureTest, Hdf5FailuresThrowWithTheDatasetPathAndPrintNothing) {
  H5E_auto2_t before_function = nullptr;
  void* before_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &before_function, &before_data);
  Hdf5Writer w = Hdf5Writer::create(path("dup.h5"));
  w.write_doubles("/monthly/x", {1}, {1}, {"", "x"});
  ::testing::internal::CaptureStderr();
  std::string message;
  try {
    w.create_rows_double("/monthly/x", {}, {"", "again"});
  } catch (const OutputError& e) {
    message = e.what();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_NE(message.find("'/monthly/x'"), std::string::npos) << message;
  EXPECT_NE(message.find("already exists"), std::string::npos) << message;
  H5E_auto2_t after_function = nullptr;
  void* after_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &after_function, &after_data);
  EXPECT_EQ(after_function, before_function);  // the thread's own HDF5 error handler is restored
  EXPECT_EQ(after_data, before_data);
}

TEST_F(Hdf5WriterFailureTest, MisuseThrowsOutputError) {
  Hdf5Writer w = Hdf5Writer::create(path("misuse.h5"));
  w.create_rows_double("/d", {2}, {"", "d"});
  const std::int64_t one = 1;
  EXPECT_THROW(w.write_doubles("/x", {1, 2, 3}, {2, 2}, {"", "wrong count"}), OutputError);
  EXPECT_THROW(w.write_doubles("/x", {1}, {}, {"", "rank 0"}), OutputError);
  EXPECT_THROW(w.write_doubles("relative", {1}, {1}, {"", "relative path"}), OutputError);
  EXPECT_THROW(w.append_row_double("/unknown", nullptr), OutputError);
  EXPECT_THROW(w.append_row_int64("/d", &one), OutputError);
  EXPECT_THROW((void)w.rows("/unknown"), OutputError);
  EXPECT_THROW(w.write_strings("/s", {std::string("a\0b", 3)}, {"", "NUL"}), OutputError);
  EXPECT_EQ(w.rows("/d"), 0u);
  w.commit();
  EXPECT_THROW(w.commit(), OutputError);
  EXPECT_THROW(w.write_int64s("/late", {1}, {1}, {"", "after commit"}), OutputError);
}

// --- readable without our code ---------------------------------------------------------------------------------

TEST_F(Hdf5WriterFailureTest, ReadableWithH5py) {
  if (!fs::exists("/usr/bin/python3") || std::system("/usr/bin/python3 -c 'import h5py' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "/usr/bin/python3 with h5py is not available";
  }
  {
    Hdf5Writer w = Hdf5Writer::create(path("py.h5"));
    w.create_rows_double("/summary/x", {}, {"days", "a metric"});
    w.create_rows_double("/monthly/balance_yuan", {2, 3}, {"yuan", "a 2-D row"});
    const double one = 1.5;
    const double six[6] = {1, 2, 3, 4, 5, 6};
    for (int run = 0; run < 4; ++run) {
      w.append_row_double("/summary/x", &one);
      w.append_row_double("/monthly/balance_yuan", six);
    }
    w.write_strings("/axes/name", {"a", "b"}, {"", "labels"});
    w.commit();
  }
  const std::string script = path("check.py");
  dir_.write("check.py",
             "import sys, h5py\n"
             "f = h5py.File(sys.argv[1], 'r')\n"
             "x = f['summary/x']\n"
             "assert x.shape == (4,), x.shape\n"
             "assert x.attrs['units'] == 'days', x.attrs['units']\n"
             "assert list(x[()]) == [1.5] * 4\n"
             "b = f['monthly/balance_yuan']\n"
             "assert b.shape == (4, 2, 3) and b.maxshape == (None, 2, 3), (b.shape, b.maxshape)\n"
             "assert b.attrs['units'] == 'yuan' and b[3, 1, 2] == 6.0\n"
             "assert [s.decode() for s in f['axes/name'][()]] == ['a', 'b']\n"
             "assert f['axes/name'].attrs['units'] == ''\n");
  const std::string command = "/usr/bin/python3 '" + script + "' '" + path("py.h5") + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace
}  // namespace reformsim::output
