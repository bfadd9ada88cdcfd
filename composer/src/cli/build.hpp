// `rampart build` and `rampart report`: their options, and the driver's
// results printed.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace rampart::cli {

struct BuildOptions {
    std::filesystem::path system;
    std::filesystem::path out_dir;
    std::string board = "qemu-virt-aarch64";
    std::vector<std::filesystem::path> search_paths;
    std::string config = "debug"; // the kernel configuration: debug, release or benchmark
    std::filesystem::path kernel, loader, initializer; // empty: the SDK's (cli/sdk_layout.hpp)
    bool capdl = false;
};

struct BuildResult {
    int status = 1;               // the exit status (docs/composer.md)
    bool image = false;           // image.elf and image.bin were written
    std::filesystem::path kernel; // the kernel ELF the image holds (for debuggers)
};

// Composes the system into options.out_dir: the one build `rampart build` and
// `rampart run` share. The summary goes to out, diagnostics to err.
BuildResult build_system(const BuildOptions& options, std::ostream& out, std::ostream& err);

// `rampart build`: the exit status of build_system.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

struct ReportOptions {
    std::filesystem::path system;
    std::string board = "qemu-virt-aarch64";
    std::vector<std::filesystem::path> search_paths;
    std::string format = "txt"; // txt, json, dot or capdl
};

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

} // namespace rampart::cli
