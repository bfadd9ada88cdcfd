/* Reads every word of its regions and of its 1 MiB bss and says whether all
   of it is zero, and that a prefilled region reads its prefill through an
   uncached mapping (tests/zeroed/zeroed.system). Ends the system with 0 when
   all is well, 1 otherwise. */
#include <microkit.h>
#include <rampart/sys.h>
#include <stdint.h>

uintptr_t over_loader, big, greeting; /* set by the composer (setvar_vaddr) */

static uint64_t bss[1u << 17];

static uint64_t nonzero_words(uintptr_t base, uint64_t bytes) {
    const volatile uint64_t* w = (const volatile uint64_t*)base;
    uint64_t n = 0;
    for (uint64_t i = 0; i < bytes / 8; ++i)
        n += w[i] != 0;
    return n;
}

static void say(const char* what, uint64_t value) {
    microkit_dbg_puts(what);
    microkit_dbg_put32((uint32_t)value); /* at most 2^19 words */
    microkit_dbg_puts("\n");
}

void init(void) {
    const uint64_t regions = nonzero_words(over_loader, 0x10000) + nonzero_words(big, 0x400000);
    const uint64_t in_bss = nonzero_words((uintptr_t)bss, sizeof bss);
    static const char expected[] = "prefilled through the cache, read uncached\n";
    const volatile char* text = (const volatile char*)greeting;
    for (unsigned i = 0; i < sizeof expected - 1; ++i)
        if (text[i] != expected[i]) {
            microkit_dbg_puts("zeroed: the uncached region does not hold its prefill\n");
            rampart_debug_halt(1);
        }
    if (regions || in_bss) {
        say("zeroed: non-zero words in the regions: ", regions);
        say("zeroed: non-zero words in the bss: ", in_bss);
        rampart_debug_halt(1);
    }
    microkit_dbg_puts("zeroed: 4160 KiB of regions and 1024 KiB of bss read zero\n");
    rampart_debug_halt(0);
}

void notified(microkit_channel ch) {
    (void)ch;
}
