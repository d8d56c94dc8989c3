// The executable's identity without reading it: the linker's GNU build ID note is a hash of its contents.
#include <elf.h>
#include <link.h>

#include <cstring>
#include <string>

#include "sim/config/sha256.hpp"
#include "sim/experiment/experiment_identity.hpp"

namespace reformsim::experiment {

namespace {

int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  // The first object listed is the executable itself.
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
    const char* end = p + segment.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
          desc + note->n_descsz <= end) {
        static const char* digits = "0123456789abcdef";
        for (unsigned k = 0; k < note->n_descsz; ++k) {
          const auto byte = static_cast<unsigned char>(desc[k]);
          *out += digits[byte >> 4];
          *out += digits[byte & 0xf];
        }
        return 1;
      }
      p = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 1;  // only the executable is of interest
}

}  // namespace

std::string binary_identity() {
  static const std::string identity = [] {
    std::string build_id;
    dl_iterate_phdr(find_build_id, &build_id);
    if (!build_id.empty()) return "build-id:" + build_id;
    const std::string sha = config::sha256_of_file("/proc/self/exe");
    return sha.empty() ? std::string("unknown") : "sha256:" + sha;
  }();
  return identity;
}

}  // namespace reformsim::experiment
