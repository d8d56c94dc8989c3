// Outputs that cannot be written: exit code 3, a message naming the file, and nothing under the output name that
// looks complete; outputs named through links, devices and pipes; input problems that are not output problems.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "cli_support.hpp"

namespace reformsim::testing {
namespace {

namespace fs = std::filesystem;

std::string small_city(const Scratch& s) {
  return s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                  "\nhorizon_years: 1\npopulation:\n  insured: 500\n");
}

std::string case_file(const Scratch& s) {
  return s.write("cases.csv", "case_id,hospital,group,total_cost_yuan\na,0,KD15,100\n");
}

TEST(OutputFailureTest, AnUnwritablePathExitsWithThree) {
  Scratch s;
  const std::string city = small_city(s);
  const CommandResult run = reformsim("run " + city + " -o /proc/reformsim-test/out.h5 --quiet", s);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("cannot write the output"), std::string::npos) << run.err;
  const CommandResult settle =
      reformsim("settle " + city + " --cases " + case_file(s) + " -o " + s.path("no/such/dir.csv"), s);
  EXPECT_EQ(settle.exit_code, 3) << settle.err;
  EXPECT_NE(settle.err.find("cannot write"), std::string::npos) << settle.err;
  EXPECT_FALSE(fs::exists(s.path("no/such/dir.csv")));
  EXPECT_FALSE(fs::exists(s.path("no/such/dir.csv.partial")));
}

// A disk that fills up while the results are written (here a file-size limit: the writes fail with EFBIG, and the
// signal that limit raises is ignored so the process sees the error, as on a full disk).
TEST(OutputFailureTest, AFullDiskDuringARunExitsWithThreeAndLeavesNothing) {
  Scratch s;
  const std::string out = s.path("results.h5");
  const CommandResult r = run_shell("trap '' XFSZ; ulimit -f 64; " + std::string(REFORMSIM_BINARY) + " run " +
                                        source_path("scenarios/city/baseline.yaml") + " -o " + out + " --quiet",
                                    s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("results.h5"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("o_flags"), std::string::npos) << r.err;  // no HDF5 internals
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  // What stays is the journal of the runs that finished, for --resume once there is room.
  if (fs::exists(out + ".journal")) {
    EXPECT_NE(r.err.find("--resume"), std::string::npos)
        << "a journal is left but the message does not say so: " << r.err;
  }
}

TEST(OutputFailureTest, AFailedWriteToTheStandardOutputExitsWithThree) {
  Scratch s;
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
  for (const std::string& command :
       {std::string("schema"), std::string("--help"), "settle " + small_city(s) + " --cases " + case_file(s)}) {
    const CommandResult r = run_shell("{ " + std::string(REFORMSIM_BINARY) + " " + command + " >/dev/full; }", s);
    EXPECT_EQ(r.exit_code, 3) << command << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write the standard output"), std::string::npos) << r.err;
  }
}

TEST(OutputFailureTest, LinksAreWrittenThroughAndDevicesAreNotReplaced) {
  Scratch s;
  const std::string city = small_city(s), cases = case_file(s);
  fs::create_directory(s.path("real"));
  fs::create_symlink(s.path("real/settled.csv"), s.path("link.csv"));  // dangling until written
  CommandResult r = reformsim("settle " + city + " --cases " + cases + " -o " + s.path("link.csv"), s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(s.path("link.csv")));
  EXPECT_NE(slurp(s.path("real/settled.csv")).find("settlement_type"), std::string::npos);
  r = reformsim("settle " + city + " --cases " + cases + " -o " + s.path("link.csv"), s);  // again, replacing it
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(s.path("link.csv")));

  fs::create_symlink(s.path("real/out.h5"), s.path("results.h5"));
  r = reformsim("run " + city + " -o " + s.path("results.h5") + " --quiet", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(s.path("results.h5")));
  EXPECT_TRUE(fs::is_regular_file(s.path("real/out.h5")));

  r = reformsim("settle " + city + " --cases " + cases + " -o /dev/null", s);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  r = reformsim("settle " + city + " --cases " + cases + " -o /dev/stdout", s);  // stdout is a file here
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("settlement_type"), std::string::npos) << r.out;

  ASSERT_EQ(::mkfifo(s.path("pipe").c_str(), 0600), 0);
  r = run_shell("cat " + s.path("pipe") + " > " + s.path("from_pipe.csv") + " & " + REFORMSIM_BINARY + " settle " +
                    city + " --cases " + cases + " -o " + s.path("pipe") + "; wait",
                s);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(s.path("from_pipe.csv")).find("settlement_type"), std::string::npos);
}

TEST(OutputFailureTest, DirectoriesAndDevicesThatCannotTakeTheOutputAreRefusedBeforeWriting) {
  Scratch s;
  const std::string city = small_city(s), cases = case_file(s);
  fs::create_directory(s.path("adir"));
  CommandResult r = reformsim("settle " + city + " --cases " + cases + " -o " + s.path("adir"), s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(s.path("adir.partial")));
  r = reformsim("run " + city + " -o /dev/null --quiet", s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("needs a regular file"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(OutputFailureTest, OutputsOfOneCommandAppearTogetherOrNotAtAll) {
  Scratch s;
  const std::string city = small_city(s);
  const CommandResult r =
      reformsim("calibrate " + city + " -o " + s.path("catalogue.csv") + " --dip-out " + s.path("missing/dip.csv"), s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(fs::exists(s.path("catalogue.csv")));
  EXPECT_FALSE(fs::exists(s.path("catalogue.csv.partial")));
}

TEST(OutputFailureTest, InputProblemsAreNotOutputProblems) {
  Scratch s;
  // A base scenario whose name the file system refuses (too long) is bad input, not an output failure.
  const std::string experiment =
      s.write("experiment.yaml", "base: " + std::string(300, 'b') + ".yaml\nreplicates: 1\narms:\n  - name: a\n");
  CommandResult r = reformsim("validate " + experiment, s);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("experiment.yaml:1:7: base: cannot open"), std::string::npos) << r.err;
  // A scenario whose base period has nothing to calibrate from.
  const std::string quiet = s.write("quiet.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                                      "\nhorizon_years: 1\npopulation:\n  insured: 500\n"
                                                      "demand:\n  admissions_per_person_year: {employee: 0, "
                                                      "resident: 0}\n");
  r = reformsim("calibrate " + quiet + " -o " + s.path("c.csv"), s);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cannot calibrate"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(s.path("c.csv")));
}

// A second process naming the same output fails before it touches the first one's temporary file (here the
// first writer's lock is held by flock(1) around the command).
TEST(OutputFailureTest, ASecondWriterOfTheSameOutputFailsWithoutTouchingTheFirst) {
  if (std::system("command -v flock >/dev/null 2>&1") != 0) GTEST_SKIP() << "flock(1) is not installed";
  Scratch s;
  const std::string city = small_city(s);
  const std::string partial = s.write("out.h5.partial", "the first writer's data");
  const CommandResult r = run_shell("flock " + partial + " " + std::string(REFORMSIM_BINARY) + " run " + city + " -o " +
                                        s.path("out.h5") + " --quiet",
                                    s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("another process is writing"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(partial), "the first writer's data");
  EXPECT_FALSE(fs::exists(s.path("out.h5")));
}

// An output that is one of the command's inputs, under any name or through a link, is refused before anything runs.
TEST(OutputFailureTest, AnOutputNamingAnInputIsRefused) {
  Scratch s;
  const std::string city = small_city(s), cases = case_file(s);
  const std::string before = slurp(city);
  CommandResult r = reformsim("run " + city + " -o " + city + " --quiet", s);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("is one of this command's input files"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(city), before);
  fs::create_symlink(cases, s.path("link.csv"));
  r = reformsim("settle " + city + " --cases " + cases + " -o " + s.path("link.csv"), s);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("read as '" + cases + "'"), std::string::npos) << r.err;
  r = reformsim("run " + city + " -o " + source_path("scenarios/data/drg_catalogue.csv") + " --quiet", s);
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

// A name ending in '/' is a directory even before it exists: refused before the runs, and nothing is created.
TEST(OutputFailureTest, ADirectoryNameIsRefusedBeforeTheRuns) {
  Scratch s;
  const std::string city = small_city(s);
  const CommandResult r = reformsim("run " + city + " -o " + s.path("new_dir/"), s);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("names a directory"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(s.path("new_dir")));
}

}  // namespace
}  // namespace reformsim::testing
