#pragma once
// Helpers shared by the agents tests: temporary files and small scenarios.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "agents/scenario/scenario_loader.hpp"

namespace reformsim::testing {

/// A fresh temporary directory, removed at destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("reformsim_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  /// Writes `text` to `name` inside the directory and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// Absolute path of a file in the source tree.
inline std::string source_path(const std::string& relative) { return std::string(REFORMSIM_SOURCE_DIR) + "/" + relative; }

/// The shipped catalogue of the default city.
inline std::string city_catalogue() { return source_path("scenarios/data/drg_catalogue.csv"); }

/// A small valid scenario: `insured` people, one region, one hospital per tier; `extra` YAML appended.
inline std::string small_scenario_yaml(int insured = 5000, const std::string& extra = "") {
  return "name: small test city\n"
         "horizon_years: 2\n"
         "catalogue: " + city_catalogue() + "\n"
         "population:\n  insured: " + std::to_string(insured) + "\n  regions: 1\n"
         "hospitals:\n"
         "  - {name: Tertiary, tier: 3, beds: 60}\n"
         "  - {name: Secondary, tier: 2, beds: 40}\n"
         "  - {name: Primary, tier: 1, beds: 10}\n" + extra;
}

/// Loads a scenario from YAML text via a temporary file.
inline agents::ScenarioConfig scenario_from_yaml(const std::string& yaml) {
  TempDir dir;
  return agents::load_scenario(dir.write("scenario.yaml", yaml));
}

}  // namespace reformsim::testing
