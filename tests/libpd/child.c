/* libpd-calls: the child. The first run faults when notified; the run after
   the parent's restart tells the parent; a notification after the parent
   stopped it would end the test with status 1. */
#include "print.h"

#include <rampart/sys.h>

#define PARENT 1

/* Not reset by microkit_pd_restart (the PD's memory is kept). */
static volatile unsigned runs;

void init(void) {
    ++runs;
    if (runs > 1) {
        say("run ");
        put_dec(runs);
        microkit_dbg_puts(" after the restart\n");
        microkit_notify(PARENT);
    }
}

void notified(microkit_channel ch) {
    (void)ch;
    if (runs > 1) {
        say("notified although stopped\n");
        rampart_debug_halt(1);
    }
    say("run 1 notified; faulting\n");
    *(volatile uint64_t*)0x10 = 1;
}
