#include "sim/output/output_path.hpp"

#include <filesystem>
#include <system_error>

#include "sim/output/output_error.hpp"

namespace reformsim::output {

namespace fs = std::filesystem;

OutputPath resolve_output_path(const std::string& requested, bool stream_allowed) {
  if (requested.empty()) throw OutputError("output file path is empty");
  // "out/" names a directory even when it does not exist yet; its file would be "out/.partial".
  if (requested.back() == '/' || fs::path(requested).filename() == "." || fs::path(requested).filename() == "..") {
    throw OutputError("'" + requested + "' names a directory; name a file");
  }
  std::error_code ec;
  const fs::file_status status = fs::status(requested, ec);  // what the name finally points at
  switch (status.type()) {
    case fs::file_type::regular: {
      const fs::path file = fs::canonical(requested, ec);
      if (ec) throw OutputError("cannot resolve '" + requested + "': " + ec.message());
      return {file.string(), false};
    }
    case fs::file_type::not_found: {
      // A dangling link names the file it will create; follow the chain by hand.
      fs::path path(requested);
      for (int hops = 0; fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
        if (hops == 40) throw OutputError("'" + requested + "': too many levels of symbolic links");
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) throw OutputError("cannot read the symbolic link '" + path.string() + "': " + ec.message());
        path = target.is_absolute() ? target : path.parent_path() / target;
      }
      return {path.lexically_normal().string(), false};
    }
    case fs::file_type::directory:
      throw OutputError("'" + requested + "' is a directory; name a file");
    case fs::file_type::character:
    case fs::file_type::fifo:
      // Opened under the requested name: /dev/stdout and /proc/self/fd/N resolve only through the kernel.
      if (stream_allowed) return {requested, true};
      throw OutputError("'" + requested + "' is a device or pipe; this output (HDF5) needs a regular file");
    case fs::file_type::none:
      throw OutputError("cannot inspect '" + requested + "': " + ec.message());
    default:
      throw OutputError("'" + requested + "' is not a regular file");
  }
}

}  // namespace reformsim::output
