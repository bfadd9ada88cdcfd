/* Debug console output for user programs: strings travel in registers, 48 bytes a call. */
#include <rampart/sys.h>

void rampart_debug_write(const char* s, size_t n) {
    while (n) {
        uint64_t w[6] = {0, 0, 0, 0, 0, 0};
        const size_t chunk = n < RAMPART_DEBUG_WRITE_MAX ? n : RAMPART_DEBUG_WRITE_MAX;
        for (size_t i = 0; i < chunk; ++i)
            w[i / 8] |= (uint64_t)(uint8_t)s[i] << (8 * (i % 8));
        register uint64_t x0 __asm__("x0") = w[0];
        register uint64_t x1 __asm__("x1") = w[1];
        register uint64_t x2 __asm__("x2") = w[2];
        register uint64_t x3 __asm__("x3") = w[3];
        register uint64_t x4 __asm__("x4") = w[4];
        register uint64_t x5 __asm__("x5") = w[5];
        register uint64_t x6 __asm__("x6") = chunk;
        register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_WRITE;
        __asm__ volatile("svc #0"
                         : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6)
                         : "r"(x7)
                         : "memory");
        s += chunk;
        n -= chunk;
    }
}

void rampart_debug_puts(const char* s) {
    size_t n = 0;
    while (s[n])
        ++n;
    rampart_debug_write(s, n);
}
