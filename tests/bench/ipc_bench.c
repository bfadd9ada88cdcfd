/* IPC round trips between address spaces, in guest instructions (QEMU
   -icount shift=0): Call + ReplyRecv to a server (higher priority, as for a
   Microkit PPC), notification ping-pong, a context switch by Yield, and an
   interrupt reaching a user notification. Minimum over RUNS, counter
   overhead subtracted. */
#include "bench_env.h"

static uint64_t counter_overhead(void) {
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter(), t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    return best;
}

/* The fewest counter ticks of a Call with `words` words to `ep` over RUNS. */
static uint64_t best_call(uint64_t ep, uint64_t words) {
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        uint64_t mr[4] = {1, 0, 0, 0};
        const uint64_t t0 = rampart_bench_counter();
        rampart_call(ep, rampart_msginfo_new(0, 0, 0, words), mr);
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    return best;
}

static void echo_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge;
    rampart_recv(ep, &badge, reply, mr);
    for (;;)
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
}

static void ping_server(uint64_t in, uint64_t out) {
    for (;;) {
        rampart_wait(in);
        rampart_signal(out);
    }
}

static void yielder(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    for (;;)
        rampart_yield();
}

int main(const struct rampart_bootinfo* bi) {
    bench_init(bi);
    const uint64_t base = counter_overhead();

    /* Call + ReplyRecv round trip to a higher-priority server. */
    const uint64_t ep = bench_make(RAMPART_OBJ_ENDPOINT, 0),
                   reply = bench_make(RAMPART_OBJ_REPLY, 0);
    bench_spawn(echo_server, ep, reply, 255);
    rampart_bench_report("call-replyrecv-roundtrip (fastpath)", best_call(ep, 1) - base);

    /* The same with a 5-word message: too long for the fastpath. */
    rampart_bench_report("call-replyrecv-roundtrip (slowpath, 5 words)", best_call(ep, 5) - base);

    /* The fastpath round trip to a passive server (no context of its own: it
       runs on ours, so the context charged does not change). */
    const uint64_t pep = bench_make(RAMPART_OBJ_ENDPOINT, 0),
                   preply = bench_make(RAMPART_OBJ_REPLY, 0);
    const uint64_t passive = bench_spawn(echo_server, pep, preply, 255);
    rampart_yield(); /* it waits in Recv (on its own context, as long as it has one) */
    if (rampart_sched_context_unbind(passive + 1)) /* bench_spawn made it after the TCB */
        rampart_debug_halt(2);
    rampart_bench_report("call-replyrecv-roundtrip (fastpath, passive server)",
                         best_call(pep, 1) - base);

    /* Notification to another address space and back. */
    const uint64_t to = bench_make(RAMPART_OBJ_NOTIFICATION, 0),
                   back = bench_make(RAMPART_OBJ_NOTIFICATION, 0);
    bench_spawn(ping_server, to, back, 255);
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        rampart_signal(to);
        rampart_wait(back);
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    rampart_bench_report("signal-wait-roundtrip", best - base);

    /* Yield to a thread of equal priority in another address space and back: two switches. */
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 254);
    bench_spawn(yielder, 0, 0, 254);
    rampart_yield();
    best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        rampart_yield();
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    rampart_bench_report("context-switch", (best - base) / 2);
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255);

    /* A device interrupt (the PL011 transmit interrupt, SPI 1) to a user notification:
       from the store that raises it to the return of Wait. */
    const uint64_t ntfn = bench_make(RAMPART_OBJ_NOTIFICATION, 0);
    volatile uint32_t* uart = bench_map_device(0x09000000);
    const uint64_t handler = bench_slot();
    rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 33, ROOT, handler, DEPTH);
    rampart_irq_handler_set_notification(handler, ntfn);
    uart[0x38 / 4] = 1u << 5; /* UARTIMSC: transmit interrupt */
    best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        uart[0] = 0; /* a NUL out of the UART raises the interrupt */
        rampart_wait(ntfn);
        const uint64_t t1 = rampart_bench_counter();
        uart[0x44 / 4] = 1u << 5; /* UARTICR */
        rampart_irq_handler_ack(handler);
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    uart[0x38 / 4] = 0;
    rampart_bench_report("irq-to-notification", best - base);
    return 0;
}
