/* libpd-calls: the client (C). Its init() makes every invalid call libpd must
   report, then protected calls of 0 and of the maximum number of words; the
   server's deferred notification arrives after init and starts the parent. */
#include "print.h"

#define SERVER 1 /* pp */
#define PARENT 2 /* notify only */
#define PLAIN 3  /* pp, the PD defines no protected() */

static void show_reply(const char* to, microkit_msginfo m) {
    say("reply from ");
    microkit_dbg_puts(to);
    microkit_dbg_puts(": label ");
    put_dec(microkit_msginfo_get_label(m));
    microkit_dbg_puts(" count ");
    put_dec(microkit_msginfo_get_count(m));
    microkit_dbg_puts("\n");
}

static void invalid_calls(void) {
    microkit_notify(7);
    microkit_notify(62);
    microkit_irq_ack(1);
    microkit_deferred_irq_ack(4);
    microkit_deferred_notify(9);
    show_reply("an invalid channel", microkit_ppcall(PARENT, microkit_msginfo_new(1, 0)));
    microkit_pd_restart(62, 0);
    microkit_pd_stop(70);
    microkit_mr_set(200, 1);
    if (microkit_mr_get(130) != 0)
        say("microkit_mr_get out of range did not return 0\n");
}

static void full_message(void) {
    const unsigned n = seL4_MsgMaxLength;
    for (unsigned i = 0; i < n; ++i)
        microkit_mr_set((seL4_Uint8)i, 1000u + i);
    const microkit_msginfo r = microkit_ppcall(SERVER, microkit_msginfo_new(5, (seL4_Uint16)n));
    show_reply("server", r);
    unsigned bad = 0;
    for (unsigned i = 0; i < n; ++i)
        if (microkit_mr_get((seL4_Uint8)i) != 2u * (1000u + i) + 1u)
            ++bad;
    say("words returned doubled plus one: ");
    put_dec(n - bad);
    microkit_dbg_puts(" of ");
    put_dec(n);
    microkit_dbg_puts("\n");
}

void init(void) {
    say("I am ");
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts("\n");
    say("notifications ");
    put_hex(microkit_notifications);
    microkit_dbg_puts(" pps ");
    put_hex(microkit_pps);
    microkit_dbg_puts(" irqs ");
    put_hex(microkit_irqs);
    microkit_dbg_puts(" passive ");
    put_dec((uint64_t)microkit_passive);
    microkit_dbg_puts("\n");
    say("put8 ");
    microkit_dbg_put8(255);
    microkit_dbg_puts(" put32 ");
    microkit_dbg_put32(4000000000u);
    microkit_dbg_puts("\n");
    invalid_calls();
    show_reply("server", microkit_ppcall(SERVER, microkit_msginfo_new(1, 0)));
    full_message();
    show_reply("server", microkit_ppcall(SERVER, microkit_msginfo_new(7, 0)));
    microkit_mr_set(0, 42);
    show_reply("plain", microkit_ppcall(PLAIN, microkit_msginfo_new(9, 1)));
    say("init done\n");
}

/* The server's first notification (deferred from its protected()) is answered
   with a notification to the passive server, which notifies back; the second
   wakes the parent. */
void notified(microkit_channel ch) {
    static unsigned from_server;
    say("notified on channel ");
    put_dec(ch);
    microkit_dbg_puts("\n");
    if (ch != SERVER)
        return;
    if (++from_server == 1)
        microkit_notify(SERVER);
    else {
        microkit_deferred_notify(PARENT); /* sent with the next receive (NBSendRecv) */
        say("deferred: have_signal ");
        put_dec((uint64_t)microkit_have_signal);
        microkit_dbg_puts(" cap ");
        put_dec(microkit_signal_cap);
        microkit_dbg_puts(" label ");
        put_dec(seL4_MessageInfo_get_label(microkit_signal_msg));
        microkit_dbg_puts("\n");
    }
}
