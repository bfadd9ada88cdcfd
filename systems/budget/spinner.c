/* budget: a low-priority PD that never blocks: it counts loops for ever. */
#include "stats.h"

#include <microkit.h>

uintptr_t stats_vaddr; /* set by the composer (setvar_vaddr) */

void init(void) {
    microkit_dbg_puts("spinner: spinning\n");
    volatile struct stats* s = (volatile struct stats*)stats_vaddr;
    for (;;)
        s->spins = s->spins + 1;
}

void notified(microkit_channel ch) {
    (void)ch;
}
