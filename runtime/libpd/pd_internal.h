/* What libpd's parts share: the deferred action and the error reports. */
#ifndef RAMPART_LIBPD_INTERNAL_H
#define RAMPART_LIBPD_INTERNAL_H

#include <microkit.h>
#include <stdbool.h>

/* The pending deferred action is microkit_have_signal / microkit_signal_cap /
   microkit_signal_msg (microkit.h). Performs it now and clears it. */
void rampart_pd_perform_deferred(void);

/* Performs an action now (the deferred path and the immediate functions). */
void rampart_pd_signal(microkit_channel ch);
void rampart_pd_ack(const char* function, seL4_CPtr handler);

/* "<pd>: <function>: <what> <n><tail>\n" on the debug console. */
void rampart_pd_report(const char* function, const char* what, uint64_t n, const char* tail);
void rampart_pd_put_decimal(uint64_t n);

#endif
