// SHA-256 against the FIPS 180-4 example messages, fed whole and in pieces that straddle the 64-byte blocks.
#include "sim/config/sha256.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace reformsim::config {
namespace {

TEST(Sha256Test, MatchesTheStandardExamples) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PiecesGiveTheSameDigestAsTheWhole) {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += static_cast<char>(i * 7 + 3);
  const std::string whole = sha256_hex(message);
  for (std::size_t piece : {1u, 55u, 56u, 63u, 64u, 65u, 200u}) {
    Sha256 h;
    for (std::size_t at = 0; at < message.size(); at += piece) h.update(std::string_view(message).substr(at, piece));
    EXPECT_EQ(h.hex_digest(), whole) << "pieces of " << piece;
  }
  // Lengths at the padding boundary (55 bytes fit one block, 56 need two) differ from their neighbours.
  EXPECT_NE(sha256_hex(std::string(55, 'x')), sha256_hex(std::string(56, 'x')));
}

TEST(Sha256Test, HashesAFileAndReportsOneThatCannotBeRead) {
  testing::TempDir dir;
  const std::string path = dir.write("f.txt", "abc");
  EXPECT_EQ(sha256_of_file(path), sha256_hex("abc"));
  EXPECT_EQ(sha256_of_file(dir.path("missing.txt")), "");
}

}  // namespace
}  // namespace reformsim::config
