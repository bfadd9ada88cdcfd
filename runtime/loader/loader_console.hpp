// The loader's console: the board's debug UART (PL011), polled, by physical address.
#pragma once

#include <platform/platform.hpp>

namespace loader {

inline void putc(char c) {
    // PL011 TRM 3.3: DR at 0x00, FR at 0x18 with TXFF (transmit FIFO full) at bit 5.
    auto* dr = reinterpret_cast<volatile uint32_t*>(rampart::platform::console_base);
    auto* fr = reinterpret_cast<volatile uint32_t*>(rampart::platform::console_base + 0x18);
    while (*fr & (1u << 5)) {
    }
    *dr = static_cast<uint8_t>(c);
}

inline void puts(const char* s) {
    for (; *s; ++s) {
        if (*s == '\n')
            putc('\r');
        putc(*s);
    }
}

} // namespace loader
