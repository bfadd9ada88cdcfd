// The QEMU command line of a board (see qemu_command.hpp).
#include "run/qemu_command.hpp"

namespace rampart::run {

std::vector<std::string> qemu_command(const board::Board& board, const std::filesystem::path& image,
                                      const QemuOptions& options) {
    std::vector<std::string> argv{board.qemu.binary};
    argv.insert(argv.end(), {"-M", options.machine.empty() ? board.qemu.machine : options.machine});
    argv.insert(argv.end(), {"-cpu", options.cpu.empty() ? board.default_cpu : options.cpu});
    argv.insert(argv.end(), {"-m", board.qemu.memory});
    argv.insert(argv.end(), board.qemu.args.begin(), board.qemu.args.end());
    if (options.gdb)
        argv.insert(argv.end(), {"-s", "-S"});
    argv.insert(argv.end(), {"-kernel", image.string()});
    return argv;
}

std::string command_line(const std::vector<std::string>& argv) {
    std::string line;
    for (const std::string& word : argv) {
        if (!line.empty())
            line += ' ';
        const bool plain =
            !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                    "0123456789-_=+,./:@%") == std::string::npos;
        if (plain) {
            line += word;
            continue;
        }
        line += '\'';
        for (char c : word)
            line += c == '\'' ? std::string("'\\''") : std::string(1, c);
        line += '\'';
    }
    return line;
}

} // namespace rampart::run
