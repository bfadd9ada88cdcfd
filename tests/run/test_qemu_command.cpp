// The QEMU command line built from the board files in boards/.
#include "run/qemu_command.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace rampart;

namespace {

board::Board board_file(const std::string& name) {
    return board::load_board(std::string(RAMPART_SOURCE_ROOT) + "/boards/" + name + ".json");
}

} // namespace

TEST_CASE("qemu command: the board's qemu section and default CPU") {
    const auto argv = run::qemu_command(board_file("qemu-virt-aarch64"), "/x/image.elf");
    const std::vector<std::string> want{"qemu-system-aarch64",
                                        "-M",
                                        "virt,virtualization=on,gic-version=2",
                                        "-cpu",
                                        "cortex-a53",
                                        "-m",
                                        "2G",
                                        "-nographic",
                                        "-nodefaults",
                                        "-serial",
                                        "mon:stdio",
                                        "-semihosting-config",
                                        "enable=on,target=native",
                                        "-kernel",
                                        "/x/image.elf"};
    CHECK(argv == want);
}

// QEMU's default devices need optional firmware: the virt machine's default
// network card loads efi-virtio.rom, which Debian ships only in a package that
// is merely recommended. Every board must turn the defaults off (and then name
// its serial port) or at least the network card.
TEST_CASE("qemu command: no board creates a default network card") {
    int boards = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(RAMPART_SOURCE_ROOT) + "/boards")) {
        if (entry.path().extension() != ".json")
            continue;
        ++boards;
        const board::Board b = board::load_board(entry.path().string());
        const auto argv = run::qemu_command(b, "image.elf");
        const auto has = [&](const std::string& a) { return std::find(argv.begin(), argv.end(), a) != argv.end(); };
        const auto follows = [&](const std::string& a, const std::string& value) {
            for (size_t i = 0; i + 1 < argv.size(); ++i)
                if (argv[i] == a && argv[i + 1] == value)
                    return true;
            return false;
        };
        INFO("board " << b.name << ": " << run::command_line(argv));
        CHECK((has("-nodefaults") || follows("-nic", "none") || follows("-net", "none")));
        if (has("-nodefaults"))
            CHECK(has("-serial"));
    }
    CHECK(boards >= 2);
}

TEST_CASE("qemu command: the GICv3 board") {
    const board::Board b = board_file("qemu-virt-aarch64-gicv3");
    const auto argv = run::qemu_command(b, "image.elf");
    REQUIRE(argv.size() > 3);
    CHECK(argv[1] == "-M");
    CHECK(argv[2] == b.qemu.machine);
    CHECK(argv[2].find("gic-version=3") != std::string::npos);
}

TEST_CASE("qemu command: CPU, machine and gdb options") {
    const auto argv = run::qemu_command(board_file("qemu-virt-aarch64"), "i.elf",
                                        {"cortex-a72", "virt,gic-version=2", true});
    CHECK(argv[2] == "virt,gic-version=2");
    CHECK(argv[4] == "cortex-a72");
    // -s -S come before the image, which stays last.
    REQUIRE(argv.size() >= 4);
    CHECK(argv[argv.size() - 4] == "-s");
    CHECK(argv[argv.size() - 3] == "-S");
    CHECK(argv[argv.size() - 2] == "-kernel");
    CHECK(argv.back() == "i.elf");
}

TEST_CASE("qemu command: printed for the shell") {
    CHECK(run::command_line({"qemu", "-M", "virt,x=1", "/a b/i.elf", "it's"}) ==
          "qemu -M virt,x=1 '/a b/i.elf' 'it'\\''s'");
    CHECK(run::command_line({"a", ""}) == "a ''");
}
