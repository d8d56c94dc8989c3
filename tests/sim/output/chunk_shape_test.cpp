// Chunk shapes of row-extendible datasets: small rows grouped, ~one row per chunk otherwise, never over 1 MiB.
#include "sim/output/chunk_shape.hpp"

#include <gtest/gtest.h>

namespace reformsim::output {
namespace {

std::size_t chunk_bytes(const std::vector<std::size_t>& chunk, std::size_t element_bytes) {
  std::size_t n = element_bytes;
  for (std::size_t c : chunk) n *= c;
  return n;
}

TEST(ChunkShape, ScalarRowsShareAChunkOfTheTargetSize) {
  EXPECT_EQ(row_chunk_dims({}, 8), (std::vector<std::size_t>{kChunkTargetBytes / 8}));
}

TEST(ChunkShape, SmallRowsAreGroupedWholeRows) {
  // 240 months of doubles = 1920 bytes a row: 8 rows fill 16 KiB.
  EXPECT_EQ(row_chunk_dims({240}, 8), (std::vector<std::size_t>{8, 240}));
}

TEST(ChunkShape, RowsOfTheTargetSizeOrMoreGetOneRowPerChunk) {
  EXPECT_EQ(row_chunk_dims({100, 30}, 8), (std::vector<std::size_t>{1, 100, 30}));
  EXPECT_EQ(row_chunk_dims({128, 1024}, 8), (std::vector<std::size_t>{1, 128, 1024}));  // exactly 1 MiB
}

TEST(ChunkShape, RowsOverTheCapAreSplitOutermostDimensionFirst) {
  EXPECT_EQ(row_chunk_dims({1000, 1000}, 8), (std::vector<std::size_t>{1, 131, 1000}));
  EXPECT_EQ(row_chunk_dims({2, 300000}, 8), (std::vector<std::size_t>{1, 1, 131072}));
}

TEST(ChunkShape, AChunkHoldsNoMoreRowsThanTheFileWillHave) {
  EXPECT_EQ(row_chunk_dims({}, 8, 3), (std::vector<std::size_t>{3}));
  EXPECT_EQ(row_chunk_dims({240}, 8, 5), (std::vector<std::size_t>{5, 240}));
  EXPECT_EQ(row_chunk_dims({240}, 8, 100), (std::vector<std::size_t>{8, 240}));  // the target still bounds it
  EXPECT_EQ(row_chunk_dims({100, 30}, 8, 1), (std::vector<std::size_t>{1, 100, 30}));
  EXPECT_EQ(row_chunk_dims({}, 8, 0), (std::vector<std::size_t>{1}));  // a chunk has at least one row
}

TEST(ChunkShape, ZeroSizeDimensionsGetChunkSizeOne) {
  EXPECT_EQ(row_chunk_dims({0, 4}, 8), (std::vector<std::size_t>{512, 1, 4}));
}

TEST(ChunkShape, EveryShapeStaysWithinTheCapAndTheRow) {
  for (std::size_t a : {1u, 3u, 17u, 500u, 4096u}) {
    for (std::size_t b : {1u, 12u, 365u, 100000u}) {
      for (std::size_t element : {8u, 16u}) {
        const std::vector<std::size_t> chunk = row_chunk_dims({a, b}, element);
        ASSERT_EQ(chunk.size(), 3u);
        EXPECT_LE(chunk_bytes(chunk, element), kChunkMaxBytes) << a << "x" << b;
        EXPECT_GE(chunk[0], 1u);
        EXPECT_TRUE(chunk[1] >= 1 && chunk[1] <= a) << a << "x" << b;
        EXPECT_TRUE(chunk[2] >= 1 && chunk[2] <= b) << a << "x" << b;
      }
    }
  }
}

}  // namespace
}  // namespace reformsim::output
