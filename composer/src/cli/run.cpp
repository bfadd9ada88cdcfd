// `rampart run`: the build of `rampart build`, then QEMU on the caller's
// terminal. Standard output carries only the system's serial output; the
// build summary and rampart's own messages go to standard error.
#include "cli/run.hpp"

#include "cli/backend_commands.hpp"
#include "driver/driver.hpp"
#include "driver/temp_dir.hpp"
#include "run/process.hpp"
#include "run/qemu_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <ostream>

namespace rampart::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kTimeoutStatus = 124; // as timeout(1)

} // namespace

int run_run(const RunOptions& o, std::ostream& out, std::ostream& err) {
    driver::Driver d;
    auto failed = [&] {
        d.flush(err);
        return d.status();
    };
    const board::Board* board = d.board(o.build.board);
    if (!board)
        return failed();
    // QEMU first: no point building what cannot be booted.
    const std::string& qemu = board->qemu.binary;
    if (!run::find_program(qemu))
        d.error({}, "cannot run QEMU: '" + qemu + "' (qemu.binary of board '" + board->name +
                        "') is not installed or not in PATH");
    else if (!o.cpu.empty() &&
             std::find(board->cpus.begin(), board->cpus.end(), o.cpu) == board->cpus.end())
        d.error({}, "board '" + board->name + "' does not support CPU '" + o.cpu + "'");
    if (const int status = failed(); status != 0)
        return status;

    std::optional<driver::TempDir> temp;
    BuildOptions build = o.build;
    if (build.out_dir.empty()) {
        std::error_code ec;
        const fs::path tmp = fs::temp_directory_path(ec);
        if (!ec)
            temp.emplace(tmp, "rampart-run-");
        if (ec || !temp->failure().empty()) {
            d.error({}, ec ? "no temporary folder (TMPDIR): " + ec.message() : temp->failure(),
                    diag::Failure::Output);
            return failed();
        }
        build.out_dir = temp->path();
    }

    const BuildResult built = build_system(build, err, err);
    if (built.status != 0)
        return built.status;
    if (!built.image) {
        d.error({}, "nothing to run: the image was not built (build the target part, or give "
                    "--kernel, --loader and --initializer)");
        return failed();
    }

    const fs::path image = build.out_dir / "image.elf";
    const auto argv = run::qemu_command(*board, image, {o.cpu, {}, o.gdb});
    err << "rampart: " << run::command_line(argv) << "\n";
    if (o.gdb)
        err << "rampart: QEMU waits for a debugger on localhost:1234; attach with\n"
            << "  gdb-multiarch " << built.kernel.string()
            << " -ex 'target remote localhost:1234'\n";
    out.flush();
    err.flush();
    const std::chrono::seconds timeout(o.gdb ? 0 : o.timeout);
    const run::ProcessEnd end = run::run_process(argv, timeout);
    switch (end.kind) {
    case run::ProcessEnd::Kind::exited:
        return end.code;
    case run::ProcessEnd::Kind::signalled:
        err << "rampart: QEMU was killed by signal " << end.code << "\n";
        return 128 + end.code;
    case run::ProcessEnd::Kind::timed_out:
        err << "rampart: timeout: the system was still running after " << o.timeout
            << " s; QEMU stopped\n";
        return kTimeoutStatus;
    case run::ProcessEnd::Kind::not_started:
        break;
    }
    d.error(qemu, "cannot run QEMU: " + end.error);
    return failed();
}

RunCommand::RunCommand(CLI::App& app) {
    RunOptions& o = *options_;
    BuildOptions& b = o.build;
    cmd_ = app.add_subcommand(
        "run", "Build a system as `rampart build` does, then boot it under QEMU with the board's "
               "settings; exit with the system's status");
    cmd_->add_option("SYSTEM", b.system, "The system file (.system/.xml or .json)")->required();
    cmd_->add_option("--board", b.board, "Board name (boards/NAME.json) or path to a board file")
        ->capture_default_str();
    cmd_->add_option("--search-path", b.search_paths,
                     "Extra folder for program images and prefill files (repeatable)");
    cmd_->add_option("--timeout", o.timeout,
                     "Stop QEMU after SECONDS and exit with status 124 (0: no timeout)")
        ->type_name("SECONDS")
        ->capture_default_str();
    cmd_->add_option("--cpu", o.cpu, "CPU model (default: the board's default CPU)");
    cmd_->add_flag("--gdb", o.gdb,
                   "Start QEMU stopped, with a gdb server on localhost:1234 (no timeout)");
    add_target_options(*cmd_, b);
    cmd_->add_option("-o,--output", b.out_dir,
                     "Keep the build outputs in this folder (default: a temporary folder)");
    cmd_->footer(
        "Program images and prefill files are found next to the system file, in each\n"
        "--search-path, and, for a system file inside the source tree this rampart was built\n"
        "from, where the build tree builds its programs (target/BOARD/<its folder>): after\n"
        "`tools/dev build`, `build/composer/rampart run systems/hello/hello.system` needs no\n"
        "--search-path. The kernel, loader and initializer come from the build tree, or from\n"
        "the SDK an installed rampart belongs to (board/BOARD/CONFIG/elf/).\n"
        "\n"
        "Standard output carries the system's serial output as it comes; the build summary and\n"
        "rampart's messages go to standard error. Standard input is the serial input.\n"
        "\n"
        "Exit status: the system's (the status it halts with, through QEMU's semihosting exit);\n"
        "124 on timeout; 128+N if QEMU is killed by signal N; 1 on build errors, when no image\n"
        "could be built, or when QEMU is missing; 74 when the build cannot write its output;\n"
        "70 on internal errors.\n"
        "\n"
        "Example: rampart run systems/hello/hello.system --timeout 30");
}

std::optional<int> RunCommand::run(std::ostream& out, std::ostream& err) const {
    if (*cmd_)
        return run_run(*options_, out, err);
    return std::nullopt;
}

} // namespace rampart::cli
