#pragma once
// Chunk shape of a row-extendible dataset (first dimension = run index, one row appended per finished run).
// Why these numbers: each append and each per-run flush rewrites (and re-compresses) the chunk the row lands
// in, so chunks stay small; but a chunk per 8-byte scalar would bloat the chunk index, so rows smaller than
// kChunkTargetBytes share a chunk. A chunk never exceeds kChunkMaxBytes, which also keeps it inside HDF5's
// default 1 MiB per-dataset chunk cache (a larger chunk would bypass the cache and be rewritten per append).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace reformsim::output {

/// Rows smaller than this are grouped into one chunk of about this size.
inline constexpr std::size_t kChunkTargetBytes = 16 * 1024;
/// Upper bound of one chunk; a larger row is split along its own dimensions.
inline constexpr std::size_t kChunkMaxBytes = 1024 * 1024;

/// Chunk dimensions [rows per chunk, row_dims...] for rows of `row_dims` elements of `element_bytes` each;
/// every entry is ≥ 1 and a chunk is ≤ kChunkMaxBytes (a zero-size row dimension gets chunk size 1). A chunk holds
/// at most `max_rows` rows (at least 1): a file that will hold 3 runs does not allocate, fill and compress chunks of
/// 2,048 rows for each of its datasets.
std::vector<std::size_t> row_chunk_dims(const std::vector<std::size_t>& row_dims, std::size_t element_bytes,
                                        std::size_t max_rows = SIZE_MAX);

}  // namespace reformsim::output
