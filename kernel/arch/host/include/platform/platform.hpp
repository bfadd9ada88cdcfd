// The host machine's constants, as rampart-boardgen writes them for a board:
// 48 MiB of RAM in the host's fake physical memory, one device range
// outside it (never touched: a kernel access stops the program), the
// timer's line and frequency (arch/host_machine.hpp).
#pragma once
#include <stdint.h>

namespace rampart::platform {

struct Range {
    uint64_t base;
    uint64_t size;
};

inline constexpr char board_name[] = "host";
inline constexpr unsigned cores = 1;

inline constexpr Range ram[] = {
    {0x40000000ull, 0x3000000ull},
};

inline constexpr Range user_devices[] = {
    {0x100000000ull, 0x10000ull},
};

inline constexpr uint32_t max_irq = 255;
inline constexpr uint64_t timer_frequency_hz = 100000000;
inline constexpr uint32_t timer_irq = 27;

} // namespace rampart::platform
