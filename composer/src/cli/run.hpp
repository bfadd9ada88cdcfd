// `rampart run`: build a system as `rampart build` does, then boot it under
// QEMU with the board file's settings.
#pragma once

#include "cli/build.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace rampart::cli {

struct RunOptions {
    BuildOptions build;   // out_dir empty: a temporary folder, removed afterwards
    unsigned timeout = 0; // seconds; 0: none
    std::string cpu;      // empty: the board's default
    bool gdb = false;
};

// Exit status: the system's (QEMU's), 124 on timeout, 1 when nothing could be
// booted (build errors, no image, QEMU missing), 74 when the build's output
// cannot be written, 70 on internal errors.
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

// Registers `run` on the command line.
class RunCommand {
  public:
    explicit RunCommand(CLI::App& app);
    std::optional<int> run(std::ostream& out, std::ostream& err) const;

  private:
    std::unique_ptr<RunOptions> options_ = std::make_unique<RunOptions>();
    CLI::App* cmd_ = nullptr;
};

} // namespace rampart::cli
