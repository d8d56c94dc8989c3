#pragma once
// SHA-256 (FIPS 180-4) of bytes, as lowercase hex: the content hashes an output file records of its inputs, its
// scenarios and its binary, in the form `sha256sum` prints, so a user can check them with standard tools.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace reformsim::config {

/// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  /// Adds bytes to the message.
  void update(const void* data, std::size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  /// The digest as 64 lowercase hex digits; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

/// SHA-256 of `text` as hex.
std::string sha256_hex(std::string_view text);

/// SHA-256 of a file's contents as hex, or an empty string when it cannot be read.
std::string sha256_of_file(const std::string& path);

}  // namespace reformsim::config
