/* libpd-calls: the parent. Woken by the client, it wakes its child, which
   faults; fault() restarts the child, whose notification then makes the
   parent stop it and end the test. */
#include "print.h"

#include <rampart/sys.h>

#define CLIENT 1
#define CHILD_CHANNEL 2
#define CHILD 0

/* Every rampart_add_pd program starts at _start, the link base (pd.ld). */
extern char _start[];

void init(void) {}

void notified(microkit_channel ch) {
    if (ch == CLIENT) {
        say("woken by the client; waking the child\n");
        microkit_notify(CHILD_CHANNEL);
        return;
    }
    say("the child runs again; stopping it\n");
    microkit_pd_stop(CHILD);
    microkit_notify(CHILD_CHANNEL); /* a running child would end the test with status 1 */
    say("child stopped; done\n");
    rampart_debug_halt(0);
}

seL4_Bool fault(microkit_child child, microkit_msginfo m, microkit_msginfo* reply) {
    (void)reply;
    say("fault from child ");
    put_dec(child);
    microkit_dbg_puts(", label ");
    put_dec(microkit_msginfo_get_label(m));
    microkit_dbg_puts("; restarting it\n");
    microkit_pd_restart(child, (seL4_Word)_start);
    return seL4_False; /* the restart replaced the fault reply */
}
