/* libpd-calls: a PD that is called but defines no protected(): libpd's weak
   default reports it and replies with label 0. */
#include "print.h"

void init(void) {}

void notified(microkit_channel ch) {
    say("unexpected notification on channel ");
    put_dec(ch);
    microkit_dbg_puts("\n");
}
