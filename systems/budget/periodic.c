/* budget: a high-priority PD with a 1 ms budget every 10 ms that runs without
   ever blocking. It notices each time its budget ran out (a jump of the
   counter while it was not running) and checks that the spinner ran then. */
#include "stats.h"

#include <microkit.h>
#include <rampart/sys.h>

#define PERIODS 5u

uintptr_t stats_vaddr; /* set by the composer (setvar_vaddr) */

void init(void) {
    const volatile struct stats* s = (const volatile struct stats*)stats_vaddr;
    const uint64_t gap = counter_hz() / 500; /* 2 ms: longer than any jump while running */
    microkit_dbg_puts("periodic: 1000 us of budget every 10000 us\n");
    uint64_t last = counter_now();
    uint64_t spins = s->spins;
    unsigned periods = 0;
    while (periods < PERIODS) {
        const uint64_t now = counter_now();
        if (now - last > gap) {
            ++periods;
            const char digit[2] = {(char)('0' + periods), '\0'};
            microkit_dbg_puts("periodic: period ");
            microkit_dbg_puts(digit);
            microkit_dbg_puts(s->spins != spins ? ": the spinner ran in between\n"
                                                : ": the spinner did not run\n");
            spins = s->spins;
        }
        last = now;
    }
    microkit_dbg_puts("budget: done\n");
    rampart_debug_halt(0);
}

void notified(microkit_channel ch) {
    (void)ch;
}
