#include "agents/app/text_output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "sim/output/output_error.hpp"

namespace reformsim::app {

void write_text_output(const std::optional<std::string>& path, const std::string& text) {
  if (!path) {
    std::fputs(text.c_str(), stdout);
    return;
  }
  const std::string partial = *path + ".partial";
  {
    std::ofstream f(partial, std::ios::binary | std::ios::trunc);
    if (!f || !(f << text) || !f.flush()) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      throw output::OutputError("cannot write '" + partial + "'");
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, *path, ec);
  if (ec) throw output::OutputError("cannot rename '" + partial + "' to '" + *path + "': " + ec.message());
}

}  // namespace reformsim::app
