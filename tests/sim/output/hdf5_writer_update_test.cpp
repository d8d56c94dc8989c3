// Updating a finished HDF5 file: the change appears in one rename on commit, what is not changed stays, removed
// objects are gone, and an update that is not committed (or cannot start) leaves the file byte for byte as it was.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sim/output/hdf5_writer.hpp"
#include "tests/sim/output/h5_reader.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::output {
namespace {

using testing::H5Reader;
namespace fs = std::filesystem;

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Hdf5WriterUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Hdf5Writer w = Hdf5Writer::create(file());
    w.write_doubles("/runs/x", {1.5, 2.5}, {2}, {"yuan", "kept"});
    w.write_int64s("/old/analysis/n", {3}, {1}, {"", "replaced"});
    w.write_strings("/old/other", {"a"}, {"", "kept beside the replaced group"});
    w.commit();
  }
  std::string file() const { return dir_.path("results.h5"); }
  reformsim::testing::TempDir dir_;
};

TEST_F(Hdf5WriterUpdateTest, CommittedUpdateAddsAndRemovesAndKeepsTheRest) {
  Hdf5Writer w = Hdf5Writer::update(file());
  EXPECT_TRUE(fs::exists(file() + ".partial"));
  w.remove("/old/analysis");
  w.remove("/not/there");  // nothing to remove is not an error
  w.write_int64s("/old/analysis/n", {4, 5}, {2}, {"", "new"});
  w.set_string_attribute("/old/analysis", "method", "second");
  w.commit();
  EXPECT_FALSE(fs::exists(file() + ".partial"));
  const H5Reader r(file());
  EXPECT_EQ(r.doubles("/runs/x"), (std::vector<double>{1.5, 2.5}));
  EXPECT_EQ(r.attribute("/runs/x", "units"), "yuan");
  EXPECT_EQ(r.strings("/old/other"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.int64s("/old/analysis/n"), (std::vector<std::int64_t>{4, 5}));
  EXPECT_EQ(r.attribute("/old/analysis", "method"), "second");
}

TEST_F(Hdf5WriterUpdateTest, RemovingADatasetRemovesOnlyIt) {
  Hdf5Writer w = Hdf5Writer::update(file());
  w.remove("/old/analysis/n");
  w.commit();
  const H5Reader r(file());
  EXPECT_TRUE(r.is_group("/old/analysis"));
  EXPECT_FALSE(r.exists("/old/analysis/n"));
  EXPECT_TRUE(r.exists("/old/other"));
}

TEST_F(Hdf5WriterUpdateTest, UncommittedUpdateLeavesTheFileAsItWas) {
  const std::string before = file_bytes(file());
  {
    Hdf5Writer w = Hdf5Writer::update(file());
    w.remove("/runs");
    w.write_doubles("/sensitivity/y", {9}, {1}, {"", "never published"});
  }
  EXPECT_EQ(file_bytes(file()), before);
  EXPECT_FALSE(fs::exists(file() + ".partial"));
}

TEST_F(Hdf5WriterUpdateTest, WritingWhereSomethingIsAlreadyFailsWithoutTouchingTheFile) {
  const std::string before = file_bytes(file());
  {
    Hdf5Writer w = Hdf5Writer::update(file());
    EXPECT_THROW(w.write_int64s("/old/analysis/n", {1}, {1}, {"", "clash"}), OutputError);
  }
  EXPECT_EQ(file_bytes(file()), before);
}

TEST_F(Hdf5WriterUpdateTest, TheUpdatedFileKeepsThePermissionsOfTheOriginal) {
  fs::permissions(file(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  Hdf5Writer w = Hdf5Writer::update(file());
  w.write_int64s("/more", {1}, {1}, {"", "added"});
  w.commit();
  EXPECT_EQ(fs::status(file()).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(Hdf5WriterUpdateTest, AFileWithOtherNamesIsRefused) {
  fs::create_hard_link(file(), dir_.path("second_name.h5"));
  const std::string before = file_bytes(file());
  EXPECT_THROW(Hdf5Writer::update(file()), OutputError);
  EXPECT_EQ(file_bytes(file()), before);
  EXPECT_FALSE(fs::exists(file() + ".partial"));
}

TEST_F(Hdf5WriterUpdateTest, AFileReplacedSinceItWasStampedIsRefused) {
  const FileStamp read = file_stamp(file());
  EXPECT_NO_THROW(Hdf5Writer::update(file(), &read));  // still the same file (not committed: unchanged)
  {
    Hdf5Writer other = Hdf5Writer::create(file());  // a run commits under the same name
    other.write_int64s("/n", {1}, {1}, {"", "new results"});
    other.commit();
  }
  const std::string now = file_bytes(file());
  try {
    Hdf5Writer::update(file(), &read);
    FAIL() << "no exception";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("was replaced or changed after it was read"), std::string::npos) << e.what();
  }
  EXPECT_EQ(file_bytes(file()), now);
  EXPECT_FALSE(fs::exists(file() + ".partial"));
}

TEST_F(Hdf5WriterUpdateTest, AMissingFileCannotBeUpdated) {
  try {
    Hdf5Writer::update(dir_.path("absent.h5"));
    FAIL() << "no exception";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("absent.h5"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir_.path("absent.h5.partial")));
}

TEST_F(Hdf5WriterUpdateTest, AFileThatIsNotHdf5IsRefusedAndLeftAlone) {
  dir_.write("text.h5", "not an HDF5 file");
  EXPECT_THROW(Hdf5Writer::update(dir_.path("text.h5")), OutputError);
  EXPECT_EQ(file_bytes(dir_.path("text.h5")), "not an HDF5 file");
  EXPECT_FALSE(fs::exists(dir_.path("text.h5.partial")));
}

TEST_F(Hdf5WriterUpdateTest, ATemporaryNameThatCannotBeWrittenFailsWithoutTouchingTheFile) {
  const std::string before = file_bytes(file());
  fs::create_directory(file() + ".partial");
  EXPECT_THROW(Hdf5Writer::update(file()), OutputError);
  EXPECT_EQ(file_bytes(file()), before);
}

}  // namespace
}  // namespace reformsim::output
