// The QEMU command line built from the board files in boards/.
#include "run/qemu_command.hpp"

#include <catch2/catch.hpp>

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
                                        "-semihosting-config",
                                        "enable=on,target=native",
                                        "-kernel",
                                        "/x/image.elf"};
    CHECK(argv == want);
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
