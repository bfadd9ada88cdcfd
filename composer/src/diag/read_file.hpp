// A whole file read at once (program images, target ELFs, prefill files);
// reading them a character at a time through an istreambuf_iterator cost 2.5
// instructions a byte: 22 M of the 31 M `rampart build` took for hello.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace rampart::diag {

// The file's bytes; nullopt if it cannot be opened or read, or is a folder.
std::optional<std::vector<std::uint8_t>> read_file(const std::filesystem::path& path);

} // namespace rampart::diag
