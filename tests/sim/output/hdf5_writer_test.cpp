// The HDF5 writer: atomic completion, attributes on every dataset, exact round trips of appended rows.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/output/hdf5_writer.hpp"

namespace reformsim::output {
namespace {

class Hdf5WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("reformsim_h5_" + std::to_string(::getpid()) + "_" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

std::vector<double> read_doubles(const std::string& file, const std::string& dataset, std::vector<hsize_t>& dims) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
  const hid_t s = H5Dget_space(d);
  dims.assign(static_cast<std::size_t>(H5Sget_simple_extent_ndims(s)), 0);
  H5Sget_simple_extent_dims(s, dims.data(), nullptr);
  hsize_t n = 1;
  for (hsize_t x : dims) n *= x;
  std::vector<double> v(n);
  if (n) H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
  H5Sclose(s);
  H5Dclose(d);
  H5Fclose(f);
  return v;
}

bool has_attribute(const std::string& file, const std::string& dataset, const char* name) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t d = H5Oopen(f, dataset.c_str(), H5P_DEFAULT);
  const bool yes = H5Aexists(d, name) > 0;
  H5Oclose(d);
  H5Fclose(f);
  return yes;
}

TEST_F(Hdf5WriterTest, CommitRenamesTheCompleteFile) {
  {
    Hdf5Writer w = Hdf5Writer::create(path("out.h5"));
    EXPECT_TRUE(std::filesystem::exists(path("out.h5.partial")));
    EXPECT_FALSE(std::filesystem::exists(path("out.h5")));
    w.write_doubles("/a/b", {1, 2, 3, 4, 5, 6}, {2, 3}, {"yuan", "a matrix"});
    w.commit();
  }
  EXPECT_TRUE(std::filesystem::exists(path("out.h5")));
  EXPECT_FALSE(std::filesystem::exists(path("out.h5.partial")));
  std::vector<hsize_t> dims;
  EXPECT_EQ(read_doubles(path("out.h5"), "/a/b", dims), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(dims, (std::vector<hsize_t>{2, 3}));
  EXPECT_TRUE(has_attribute(path("out.h5"), "/a/b", "units"));
  EXPECT_TRUE(has_attribute(path("out.h5"), "/a/b", "description"));
}

TEST_F(Hdf5WriterTest, UncommittedWriterLeavesNothingAndKeepsAnOldFile) {
  { Hdf5Writer w = Hdf5Writer::create(path("gone.h5")); }
  EXPECT_FALSE(std::filesystem::exists(path("gone.h5")));
  EXPECT_FALSE(std::filesystem::exists(path("gone.h5.partial")));
  std::ofstream(path("old.h5")) << "previous results";
  {
    Hdf5Writer w = Hdf5Writer::create(path("old.h5"));
    w.write_strings("/s", {"x"}, {"", "text"});
  }
  std::ifstream in(path("old.h5"));
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "previous results");
}

TEST_F(Hdf5WriterTest, AppendedRowsRoundTripExactly) {
  const double tricky[6] = {0.1, -0.0, 1e-300, std::nan(""), 12345.678901234567, -7};
  {
    Hdf5Writer w = Hdf5Writer::create(path("rows.h5"));
    w.create_rows_double("/monthly/x", {2, 3}, {"yuan", "rows"});
    w.create_rows_int64("/runs/id", {}, {"", "ids"});
    w.create_rows_string("/runs/name", {"", "names"});
    for (int r = 0; r < 5; ++r) {
      w.append_row_double("/monthly/x", tricky);
      const std::int64_t id = r * 10;
      w.append_row_int64("/runs/id", &id);
      w.append_row_string("/runs/name", "run " + std::to_string(r));
    }
    EXPECT_EQ(w.rows("/monthly/x"), 5u);
    w.commit();
  }
  std::vector<hsize_t> dims;
  const std::vector<double> v = read_doubles(path("rows.h5"), "/monthly/x", dims);
  EXPECT_EQ(dims, (std::vector<hsize_t>{5, 2, 3}));
  for (int r = 0; r < 5; ++r) {
    for (int i = 0; i < 6; ++i) {
      const double got = v[static_cast<std::size_t>(r * 6 + i)];
      if (std::isnan(tricky[i])) {
        EXPECT_TRUE(std::isnan(got));
      } else {
        EXPECT_EQ(std::memcmp(&got, &tricky[i], sizeof got), 0) << r << "," << i;
      }
    }
  }
  EXPECT_TRUE(has_attribute(path("rows.h5"), "/runs/name", "units"));
}

TEST_F(Hdf5WriterTest, UnwritablePathThrows) {
  EXPECT_THROW(Hdf5Writer::create(path("no/such/dir/out.h5")), OutputError);
}

TEST_F(Hdf5WriterTest, ReadableWithH5py) {
  if (std::system("/usr/bin/python3 -c 'import h5py' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3-h5py";
  {
    Hdf5Writer w = Hdf5Writer::create(path("py.h5"));
    w.create_rows_double("/summary/x", {}, {"days", "a metric"});
    const double one = 1.5;
    w.append_row_double("/summary/x", &one);
    w.append_row_double("/summary/x", &one);
    w.write_strings("/axes/name", {"a", "b"}, {"", "labels"});
    w.commit();
  }
  const std::string script =
      "import h5py,sys; f=h5py.File(sys.argv[1]); x=f['summary/x']; "
      "assert x.shape==(2,) and x.attrs['units']=='days' and list(x[()])==[1.5,1.5]; "
      "assert [s.decode() for s in f['axes/name'][()]]==['a','b']";
  EXPECT_EQ(std::system(("/usr/bin/python3 -c \"" + script + "\" " + path("py.h5")).c_str()), 0);
}

}  // namespace
}  // namespace reformsim::output
