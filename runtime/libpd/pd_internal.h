/* What libpd's parts share: the deferred action and the error reports. */
#ifndef RAMPART_LIBPD_INTERNAL_H
#define RAMPART_LIBPD_INTERNAL_H

#include <microkit.h>
#include <stdbool.h>

/* The one deferred action (microkit_deferred_notify / _irq_ack). */
struct rampart_pd_deferred {
    bool pending;
    bool irq_ack; /* an IRQ handler Ack; else a Signal */
    microkit_channel ch;
};
extern struct rampart_pd_deferred rampart_pd_deferred;

/* Performs an action now (the deferred path and the immediate functions). */
void rampart_pd_signal(microkit_channel ch);
void rampart_pd_ack(const char* function, microkit_channel ch);

/* "<pd>: <function>: <what> <n><tail>\n" on the debug console. */
void rampart_pd_report(const char* function, const char* what, uint64_t n, const char* tail);
void rampart_pd_put_decimal(uint64_t n);

#endif
