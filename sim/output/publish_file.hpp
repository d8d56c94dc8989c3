#pragma once
// Making a finished file visible under its final name. Why fsync before the rename: rename() is atomic for
// other processes, but after a power cut a renamed file whose data blocks never reached the disk can appear
// complete and be empty or torn; syncing the data first means the final name only ever points at whole data.
#include <string>

namespace reformsim::output {

/// Syncs `temporary_path` to disk and renames it to `final_path` (same directory, replacing any old file),
/// then syncs the directory entry on a best-effort basis. Throws OutputError with both paths and the reason.
void publish_file(const std::string& temporary_path, const std::string& final_path);

}  // namespace reformsim::output
