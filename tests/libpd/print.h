/* Printing for the libpd test PDs, through microkit_dbg_putc / dbg_puts only. */
#ifndef LIBPD_TEST_PRINT_H
#define LIBPD_TEST_PRINT_H

#include <microkit.h>

static inline void put_dec(uint64_t n) {
    char digits[21];
    unsigned i = sizeof digits;
    digits[--i] = 0;
    do {
        digits[--i] = "0123456789"[n % 10u];
        n /= 10u;
    } while (n);
    microkit_dbg_puts(&digits[i]);
}

static inline void put_hex(uint64_t n) {
    microkit_dbg_puts("0x");
    int shift = 60;
    while (shift > 0 && !((n >> shift) & 0xfu))
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        microkit_dbg_putc("0123456789abcdef"[(n >> shift) & 0xfu]);
}

/* "<pd>: " then the text. */
static inline void say(const char* s) {
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": ");
    microkit_dbg_puts(s);
}

#endif
