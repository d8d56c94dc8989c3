#pragma once
// What every fuzz target shares: the entry point libFuzzer calls, and a scratch file for loaders that read paths.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace reformsim::fuzz {

/// The input as text (it may hold any bytes, NUL included).
inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Writes `text` to this process's scratch file `name` and returns its path. The file lies in a temporary
/// "experiments" folder beside links to the shipped city/ and data/ folders, so the relative paths of the shipped
/// files (`base: ../city/baseline.yaml`) resolve as they do in scenarios/.
inline std::string scratch_file(const std::string& name, const std::string& text) {
  namespace fs = std::filesystem;
  // Removed at exit (remove_all deletes the links, not what they point at).
  struct Folder {
    fs::path root = fs::temp_directory_path() / ("reformsim-fuzz-" + std::to_string(::getpid()));
    Folder() {
      fs::create_directories(root / "experiments");
      std::error_code exists;
      fs::create_directory_symlink(REFORMSIM_SOURCE_DIR "/scenarios/city", root / "city", exists);
      fs::create_directory_symlink(REFORMSIM_SOURCE_DIR "/scenarios/data", root / "data", exists);
    }
    ~Folder() {
      std::error_code ignored;
      fs::remove_all(root, ignored);
    }
  };
  static const Folder folder;
  const std::string path = (folder.root / "experiments" / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

/// A name for input that is never written: inside the shipped scenarios/city/, so relative paths resolve there.
inline std::string virtual_city_file(const std::string& name) { return REFORMSIM_SOURCE_DIR "/scenarios/city/" + name; }

/// The input split at the first line "====" (for targets that take two files); the second part may be empty.
inline std::pair<std::string, std::string> split_in_two(const std::string& text) {
  const std::string separator = "\n====\n";
  const std::size_t at = text.find(separator);
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at), text.substr(at + separator.size())};
}

}  // namespace reformsim::fuzz
