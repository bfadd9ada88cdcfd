// The QEMU command line that boots an image on a board, from the board file's
// "qemu" section: what `rampart run` executes and cmake/qemu_command.cmake mirrors.
#pragma once

#include "board/board.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rampart::run {

struct QemuOptions {
    std::string cpu;     // empty: the board's default CPU
    std::string machine; // empty: the board's qemu.machine
    bool gdb = false; // -s -S: a gdb server on TCP port 1234, stopped before the first instruction
};

// binary -M machine -cpu cpu -m memory <args...> [-s -S] -kernel image
std::vector<std::string> qemu_command(const board::Board& board, const std::filesystem::path& image,
                                      const QemuOptions& options = {});

// The command as one line for messages, each word quoted when the shell needs it.
std::string command_line(const std::vector<std::string>& argv);

} // namespace rampart::run
