// PL011 UART console (ARM PrimeCell UART TRM DDI 0183, 3.3 "Register descriptions").
#include "arch/console.hpp"
#include "arch/kernel_window.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {
namespace {

struct Pl011 {
    static constexpr uint64_t dr = 0x00;
    static constexpr uint64_t fr = 0x18;
    static constexpr uint32_t fr_txff = 1u << 5;

    static volatile uint32_t& reg(uint64_t offset) {
        return *kernel::ptr_from_paddr<volatile uint32_t>(platform::console_base + offset);
    }
};

} // namespace

void console_init() {
    // QEMU's PL011 is usable as reset; firmware on real boards leaves it configured.
}

void console_putc(char c) {
    while (Pl011::reg(Pl011::fr) & Pl011::fr_txff) {
    }
    Pl011::reg(Pl011::dr) = static_cast<uint8_t>(c);
}

} // namespace rampart::arch
