/* libpd-irq: the PL031 RTC's alarm interrupt, acknowledged first with
   microkit_irq_ack and then with microkit_deferred_irq_ack; the third alarm
   arrives only if both acks reached the kernel. */
#include "print.h"

#include <rampart/sys.h>

#define RTC_IRQ 5

uintptr_t rtc_base; /* setvar_vaddr */

/* PL031 registers (ARM DDI 0224, PrimeCell RTC, 3.2). */
enum { RTC_DR = 0x00, RTC_MR = 0x04, RTC_IMSC = 0x10, RTC_ICR = 0x1c };

static volatile uint32_t* reg(unsigned offset) {
    return (volatile uint32_t*)(rtc_base + offset);
}

static void set_alarm(void) {
    *reg(RTC_MR) = *reg(RTC_DR) + 1u;
}

static unsigned irqs;

void init(void) {
    say("irqs ");
    put_hex(microkit_irqs);
    microkit_dbg_puts("\n");
    *reg(RTC_ICR) = 1;
    *reg(RTC_IMSC) = 1;
    set_alarm();
}

void notified(microkit_channel ch) {
    ++irqs;
    *reg(RTC_ICR) = 1; /* the line is level: clear it before the ack */
    say("alarm ");
    put_dec(irqs);
    microkit_dbg_puts(" on channel ");
    put_dec(ch);
    microkit_dbg_puts("\n");
    if (irqs == 1) {
        microkit_irq_ack(RTC_IRQ);
    } else if (irqs == 2) {
        microkit_deferred_irq_ack(RTC_IRQ); /* performed before the next receive */
    } else {
        say("both acks worked; done\n");
        rampart_debug_halt(0);
    }
    set_alarm();
}
