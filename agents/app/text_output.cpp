#include "agents/app/text_output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace reformsim::app {

void write_text_output(const std::optional<std::string>& path, const std::string& text) {
  if (!path) {
    std::fputs(text.c_str(), stdout);
    return;
  }
  const std::string partial = *path + ".partial";
  {
    std::ofstream f(partial, std::ios::binary | std::ios::trunc);
    if (!f || !(f << text) || !f.flush()) throw std::runtime_error("cannot write " + partial);
  }
  std::filesystem::rename(partial, *path);
}

}  // namespace reformsim::app
