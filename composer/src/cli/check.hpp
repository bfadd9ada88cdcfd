// `rampart check`: parse and validate a system, print diagnostics.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace rampart::cli {

struct CheckOptions {
    std::filesystem::path system;
    std::string board = "qemu-virt-aarch64"; // a board name or a path to a board file
    std::vector<std::filesystem::path> search_paths;
};

// Returns the exit status: 0 when the system is valid (warnings allowed), 1 otherwise.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

} // namespace rampart::cli
