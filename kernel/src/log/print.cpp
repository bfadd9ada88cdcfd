// Kernel console output over the arch console.
#include "log/print.hpp"

#include "arch/console.hpp"

namespace rampart::log {

void put(char c) {
    if (c == '\n')
        arch::console_putc('\r');
    arch::console_putc(c);
}

void put(const char* s) {
    while (*s)
        put(*s++);
}

void put(Hex h) {
    put("0x");
    bool started = false;
    for (int shift = 60; shift >= 0; shift -= 4) {
        const auto digit = static_cast<unsigned>((h.value >> shift) & 0xf);
        if (digit || started || shift == 0) {
            put("0123456789abcdef"[digit]);
            started = true;
        }
    }
}

void put_unsigned(uint64_t v) {
    char buf[21];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        put(buf[--n]);
}

namespace {

unsigned digits(uint64_t v, unsigned base) {
    unsigned n = 1;
    while (v >= base) {
        v /= base;
        ++n;
    }
    return n;
}

void spaces(unsigned used, unsigned width) {
    for (; used < width; ++used)
        put(' ');
}

} // namespace

void put(Left l) {
    unsigned n = 0;
    while (l.text[n])
        put(l.text[n++]);
    spaces(n, l.width);
}

void put(Right r) {
    spaces(digits(r.value, 10), r.width);
    put_unsigned(r.value);
}

void put(LeftHex h) {
    put(Hex{h.value});
    spaces(2 + digits(h.value, 16), h.width);
}

void put_signed(int64_t v) {
    if (v < 0) {
        put('-');
        put_unsigned(0 - static_cast<uint64_t>(v));
    } else {
        put_unsigned(static_cast<uint64_t>(v));
    }
}

} // namespace rampart::log
