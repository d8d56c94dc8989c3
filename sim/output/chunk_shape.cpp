#include "sim/output/chunk_shape.hpp"

#include <algorithm>

namespace reformsim::output {

std::vector<std::size_t> row_chunk_dims(const std::vector<std::size_t>& row_dims, std::size_t element_bytes,
                                        std::size_t max_rows) {
  const std::size_t element = std::max<std::size_t>(1, element_bytes);
  std::vector<std::size_t> chunk{1};
  for (std::size_t d : row_dims) chunk.push_back(std::max<std::size_t>(1, d));

  // Shrink a row that exceeds the cap, outermost dimension first, so a chunk holds whole innermost runs.
  for (std::size_t i = 1; i < chunk.size(); ++i) {
    std::size_t inner_bytes = element;
    for (std::size_t j = i + 1; j < chunk.size(); ++j) inner_bytes *= chunk[j];
    if (inner_bytes * chunk[i] <= kChunkMaxBytes) break;
    chunk[i] = std::max<std::size_t>(1, kChunkMaxBytes / inner_bytes);
  }

  std::size_t row_bytes = element;
  for (std::size_t i = 1; i < chunk.size(); ++i) row_bytes *= chunk[i];
  if (row_bytes < kChunkTargetBytes) chunk[0] = kChunkTargetBytes / row_bytes;
  chunk[0] = std::clamp<std::size_t>(chunk[0], 1, std::max<std::size_t>(1, max_rows));
  return chunk;
}

}  // namespace reformsim::output
