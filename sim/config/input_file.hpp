#pragma once
// Reading an input file whole, with the limits every loader shares: only regular files (a device such as
// /dev/zero or a pipe would be read forever), a size cap, and messages that name the path and the reason.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace reformsim::config {

/// Largest scenario, experiment or fit file accepted (bytes). Real ones are a few kilobytes; the YAML scanner needs
/// about 250 bytes of memory per byte of a deeply nested flow collection, so the cap also bounds its memory.
inline constexpr std::size_t kMaxYamlFileBytes = 1u << 20;
/// Largest CSV table accepted (bytes): a catalogue of every DRG group is under a megabyte, a year of a city's
/// claims a few hundred megabytes.
inline constexpr std::size_t kMaxCsvFileBytes = 1u << 30;

/// The contents of `path`, or nullopt with `problem` set to a sentence such as "'x' is a directory, not a file",
/// "cannot open 'x': No such file or directory" or "'x' is larger than 16 MiB, the limit for this kind of file".
/// Every file read is remembered (by device and inode) for input_file_read_as().
std::optional<std::string> read_input_file(const std::string& path, std::size_t max_bytes, std::string& problem);

/// The name under which this process read `path` (the same file, whatever name or link leads to it) with
/// read_input_file(), or nullopt. An output must never be written over one of its own inputs.
std::optional<std::string> input_file_read_as(const std::string& path);

/// One input file as this process read it.
struct InputRecord {
  std::string path;    ///< the name it was first read under
  std::string sha256;  ///< of the bytes read
};

/// Every distinct file read with read_input_file() so far, in the order first read (a file read twice, under any
/// name, appears once): what an output records of its inputs, so a resume or merge can tell that none has changed.
std::vector<InputRecord> input_files_read();

}  // namespace reformsim::config
