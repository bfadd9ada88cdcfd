// The board model: one JSON file per board (boards/*.json) describes the
// machine — memory, devices, interrupt controller, timer, QEMU options.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rampart::board {

struct MemoryRange {
    std::string name;
    std::uint64_t base = 0;
    std::uint64_t size = 0;
    std::uint64_t end() const { return base + size; }
};

struct Device {
    std::string name;
    std::string compatible;
    std::uint64_t base = 0;
    std::uint64_t size = 0;
    std::optional<std::uint32_t> irq;
    bool kernel = false; // owned by the kernel: never handed out as device untyped
};

struct InterruptController {
    unsigned version = 2;
    std::uint64_t distributor = 0;
    std::uint64_t cpu_interface = 0; // GICv2 only
    std::uint64_t redistributor = 0; // GICv3 only
    std::uint32_t max_irq = 0;
};

struct Timer {
    std::uint64_t frequency_hz = 0;
    std::uint32_t irq_el1_physical = 0;
    std::uint32_t irq_el1_virtual = 0;
    std::uint32_t irq_el2_physical = 0;
};

struct Qemu {
    std::string binary;
    std::string machine;
    std::string memory;
    std::vector<std::string> args;
};

struct Board {
    std::string name;
    std::string description;
    std::string arch;
    std::string default_cpu;
    std::vector<std::string> cpus;
    unsigned cores = 1;
    std::vector<MemoryRange> memory;
    std::vector<Device> devices;
    std::string console; // device name of the kernel's debug console
    InterruptController gic;
    Timer timer;
    std::string exit; // "semihosting" or "psci"
    Qemu qemu;

    const Device& device(const std::string& device_name) const;
    // Physical placement of the kernel image: the top 2 MiB of the highest RAM
    // range (so free RAM below it stays one large naturally aligned block).
    std::uint64_t kernel_paddr() const;
    std::uint64_t kernel_region_size() const { return 2u << 20; }
};

// A board file that cannot be used: file names it (empty when the board
// itself is asked for something it lacks), what() says why.
struct BoardError : std::runtime_error {
    BoardError(std::string at, const std::string& message)
        : std::runtime_error(message), file(std::move(at)) {}
    std::string file;
};

// Reads and checks a board file; throws BoardError.
Board load_board(const std::filesystem::path& file);

// Finds boards/<name>.json below the given root folders.
std::optional<std::filesystem::path> find_board(const std::string& name,
                                                const std::vector<std::filesystem::path>& roots);

} // namespace rampart::board
