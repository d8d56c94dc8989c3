// Named dimensions: datasets declare their axes by name and the writer attaches HDF5 dimension scales on commit
// (netCDF-4's convention), resolving each name in the dataset's group or the nearest parent, as netCDF does.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/output/hdf5_writer.hpp"
#include "tests/sim/output/h5_reader.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::output {
namespace {

// The path of the scale attached to each axis of `dataset` (empty where none is), read with H5DS directly.
std::vector<std::string> attached_scales(const std::string& file, const std::string& dataset) {
  const Hdf5Handle f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  const Hdf5Handle d(H5Dopen2(f.get(), dataset.c_str(), H5P_DEFAULT));
  const Hdf5Handle space(H5Dget_space(d.get()));
  std::vector<std::string> names(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
  for (unsigned k = 0; k < names.size(); ++k) {
    if (H5DSget_num_scales(d.get(), k) <= 0) continue;
    H5DSiterate_scales(
        d.get(), k, nullptr,
        [](hid_t, unsigned, hid_t scale, void* out) -> herr_t {
          char name[256] = {};
          H5Iget_name(scale, name, sizeof name);
          *static_cast<std::string*>(out) = name;
          return 0;
        },
        &names[k]);
  }
  return names;
}

bool is_scale(const std::string& file, const std::string& dataset) {
  const Hdf5Handle f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  const Hdf5Handle d(H5Dopen2(f.get(), dataset.c_str(), H5P_DEFAULT));
  return H5DSis_scale(d.get()) > 0;
}

class DimensionScalesTest : public ::testing::Test {
 protected:
  std::string path(const std::string& name) const { return dir_.path(name); }
  reformsim::testing::TempDir dir_;
};

TEST_F(DimensionScalesTest, NamesResolveInTheGroupOrTheNearestParent) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/month", {"2024-01", "2024-02", "2024-03"}, {"", "months"});
  w.create_rows_int64("/run", {}, {"", "run ids", {"run"}});
  w.create_rows_double("/monthly/x", {3}, {"yuan", "x", {"run", "month"}});
  w.write_strings("/projection/month", {"a", "b"}, {"", "the projection's own axis"});
  w.write_doubles("/projection/fans/y", {1, 2}, {2}, {"", "y", {"month"}});
  for (std::int64_t r = 0; r < 2; ++r) {
    const double row[3] = {1, 2, 3};
    w.append_row_int64("/run", &r);
    w.append_row_double("/monthly/x", row);
  }
  w.commit();
  EXPECT_EQ(attached_scales(path("f.h5"), "/monthly/x"), (std::vector<std::string>{"/run", "/month"}));
  // The nearest parent wins: /projection/month, not the root's /month.
  EXPECT_EQ(attached_scales(path("f.h5"), "/projection/fans/y"), (std::vector<std::string>{"/projection/month"}));
  EXPECT_TRUE(is_scale(path("f.h5"), "/month"));
  EXPECT_TRUE(is_scale(path("f.h5"), "/run"));
}

TEST_F(DimensionScalesTest, AOneDimensionalDatasetIsItsOwnCoordinateAndAMissingAxisGetsAnIndex) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/fit/targets", {"a", "b"}, {"", "target names"});
  w.write_doubles("/fit/trials/mean", {1, 2, 3, 4, 5, 6}, {3, 2}, {"", "mean", {"trial", "targets"}});
  w.commit();
  EXPECT_TRUE(is_scale(path("f.h5"), "/fit/targets"));
  EXPECT_EQ(attached_scales(path("f.h5"), "/fit/trials/mean"),
            (std::vector<std::string>{"/fit/trials/trial", "/fit/targets"}));
  const testing::H5Reader r(path("f.h5"));
  EXPECT_EQ(r.int64s("/fit/trials/trial"), (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_EQ(r.attribute("/fit/trials/trial", "units"), "");
  EXPECT_EQ(r.attribute("/fit/trials/mean", "long_name"), "mean");
}

TEST_F(DimensionScalesTest, ALengthThatDoesNotMatchItsScaleFailsTheCommitAndLeavesNoFile) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/year", {"2024", "2025"}, {"", "years"});
  w.write_doubles("/years/x", {1, 2, 3}, {3}, {"", "x", {"year"}});
  try {
    w.commit();
    FAIL() << "a 3-value axis labelled by a 2-value scale was accepted";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("dimension 'year' (/year) of '/years/x'"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path("f.h5")));
}

TEST_F(DimensionScalesTest, ADimensionCountThatDoesNotMatchTheRankIsRefused) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_doubles("/a/x", {1, 2, 3, 4}, {2, 2}, {"", "x", {"row"}});
  EXPECT_THROW(w.commit(), OutputError);
}

TEST_F(DimensionScalesTest, RemovingADatasetDetachesItFromAScaleOutsideIt) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/factors", {"a", "b"}, {"", "factors"});
  w.write_doubles("/sensitivity/m/estimate", {1, 2}, {2}, {"", "estimate", {"factors"}});
  w.write_doubles("/other", {3, 4}, {2}, {"", "kept", {"factors"}});
  w.commit();
  Hdf5Writer u = Hdf5Writer::update(path("f.h5"));
  u.remove("/sensitivity/m");
  u.commit();
  const Hdf5Handle f(H5Fopen(path("f.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  const Hdf5Handle scale(H5Dopen2(f.get(), "/factors", H5P_DEFAULT));
  // One dataset (/other) still refers to the scale; the removed one no longer does.
  const Hdf5Handle refs(H5Aopen(scale.get(), "REFERENCE_LIST", H5P_DEFAULT));
  const Hdf5Handle space(H5Aget_space(refs.get()));
  EXPECT_EQ(H5Sget_simple_extent_npoints(space.get()), 1);
  EXPECT_EQ(attached_scales(path("f.h5"), "/other"), (std::vector<std::string>{"/factors"}));
}

TEST_F(DimensionScalesTest, RemovingAScaleThatLabelsDatasetsOutsideItIsRefused) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/g/axis", {"a", "b"}, {"", "labels"});
  w.write_doubles("/g/sub/x", {1, 2}, {2}, {"", "inside", {"axis"}});
  w.write_strings("/axis", {"p", "q"}, {"", "root labels"});
  w.write_doubles("/t/z", {1, 2}, {2}, {"", "uses the root axis", {"axis"}});
  w.commit();
  ASSERT_EQ(attached_scales(path("f.h5"), "/t/z"), (std::vector<std::string>{"/axis"}));
  Hdf5Writer u = Hdf5Writer::update(path("f.h5"));
  EXPECT_THROW(u.remove("/axis"), OutputError);  // /t/z would lose its labels
  u.remove("/g");                                // /g/axis labels only /g/sub/x, removed with it
  u.commit();
  EXPECT_EQ(attached_scales(path("f.h5"), "/t/z"), (std::vector<std::string>{"/axis"}));
}

TEST_F(DimensionScalesTest, ALinkIsAnotherNameOfTheSameObject) {
  Hdf5Writer w = Hdf5Writer::create(path("f.h5"));
  w.write_strings("/month", {"m1", "m2"}, {"", "months"});
  w.link("/axes/month", "/month");
  w.commit();
  const testing::H5Reader r(path("f.h5"));
  EXPECT_EQ(r.strings("/axes/month"), (std::vector<std::string>{"m1", "m2"}));
  const Hdf5Handle f(H5Fopen(path("f.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  H5L_info_t info{};
  ASSERT_GE(H5Lget_info(f.get(), "/axes/month", &info, H5P_DEFAULT), 0);
  EXPECT_EQ(info.type, H5L_TYPE_SOFT);
}

}  // namespace
}  // namespace reformsim::output
