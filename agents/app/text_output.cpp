#include "agents/app/text_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "agents/app/cli_args.hpp"
#include "sim/config/input_file.hpp"
#include "sim/output/output_error.hpp"
#include "sim/output/output_path.hpp"
#include "sim/output/publish_file.hpp"

namespace reformsim::app {

namespace {

void write_file(const std::string& path, const std::string& text, std::ios::openmode mode) {
  std::ofstream f(path, mode);
  if (!f || !(f << text) || !f.flush()) throw output::OutputError("cannot write '" + path + "'");
}

// A temporary file is always new: whatever has its name (a stale partial, or a link planted there that would make
// the write land in the file it points at) is removed first, and the file is created exclusively.
void write_new_file(const std::string& path, const std::string& text) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);  // removes a link itself, never its target
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) throw output::OutputError("cannot create '" + path + "': " + std::strerror(errno));
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw output::OutputError("cannot write '" + path + "': " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw output::OutputError("cannot write '" + path + "': " + std::strerror(errno));
}

}  // namespace

void write_text_outputs(const std::vector<TextOutput>& outputs) {
  std::vector<output::OutputPath> targets;
  for (const TextOutput& o : outputs) {
    if (!o.path) {
      // Errors of the standard output are found when it is flushed at exit (main).
      std::fputs(o.text.c_str(), stdout);
      targets.emplace_back();
      continue;
    }
    refuse_input_as_output(*o.path);
    targets.push_back(output::resolve_output_path(*o.path, true));
  }
  // Every temporary file is complete before any is renamed, so a failure leaves no output half-updated.
  std::vector<std::string> partials;
  auto discard = [&partials] {
    for (const std::string& p : partials) {
      std::error_code ignored;
      std::filesystem::remove(p, ignored);
    }
  };
  try {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (!outputs[i].path) continue;
      if (targets[i].stream) {
        write_file(targets[i].final_path, outputs[i].text, std::ios::binary | std::ios::app);
        continue;
      }
      partials.push_back(targets[i].final_path + ".partial");
      write_new_file(partials.back(), outputs[i].text);
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (!outputs[i].path || targets[i].stream) continue;
      output::publish_file(partials[next], targets[i].final_path);
      ++next;
    }
  } catch (...) {
    discard();
    throw;
  }
}

void write_text_output(const std::optional<std::string>& path, const std::string& text) {
  write_text_outputs({{path, text}});
}

void refuse_input_as_output(const std::string& path) {
  if (const std::optional<std::string> input = config::input_file_read_as(path)) {
    const std::string same = *input == path ? "" : " (read as '" + *input + "')";
    throw UsageError("the output '" + path + "' is one of this command's input files" + same +
                     "; writing it would destroy the input: name another output file");
  }
}

void create_parent_directories(const std::string& path) {
  output::resolve_output_path(path, true);  // a name that cannot be an output fails before anything is created
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) throw output::OutputError("cannot create the directory '" + parent.string() + "': " + ec.message());
}

}  // namespace reformsim::app
