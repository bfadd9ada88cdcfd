/* More MCS scheduling: refill counts, configure errors, binding to
   notifications, Consumed after Unbind, periodic budgets, YieldTo. */
#include "framework.h"

#include <rampart/ipc.h>

#define CTRL SCHED_CONTROL
static volatile uint64_t counter, woke;

static void spin(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    for (;;)
        counter = counter + 1;
}

static uint64_t bind(uint64_t sc, uint64_t obj) {
    return rampart_sched_context_bind(sc, obj);
}

TEST(sc_extra_refills_are_bounded_by_the_size) {
    /* 2^8 bytes: an 80-byte header and 11 refills of 16 bytes */
    const uint64_t small = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(CTRL, small, 500, 1000, 10, 0));
    CHECK_EQ(rampart_sched_control_configure(CTRL, small, 500, 1000, 11, 0), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), 10);
    /* 2^9 bytes: 27 refills */
    const uint64_t big = make(env, RAMPART_OBJ_SCHED_CONTEXT, 9);
    CHECK_OK(rampart_sched_control_configure(CTRL, big, 500, 1000, 26, 0));
    CHECK_EQ(rampart_sched_control_configure(CTRL, big, 500, 1000, 27, 0), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(1), 26);
}

TEST(sc_configure_error_words) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_EQ(rampart_sched_control_configure(CTRL, sc, 5, 1000, 0, 0), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 10); /* the smallest budget, µs */
    CHECK_EQ(rampart_mr(1), 1000);
    CHECK_EQ(rampart_sched_control_configure(CTRL, sc, 1000, (1ull << 40) + 1, 0, 0),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(1), 1ull << 40);
    CHECK_OK(rampart_sched_control_configure(CTRL, sc, 10, 10, 0, 0));
}

TEST(sc_configure_truncated_and_unknown_labels) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t words[5] = {500, 1000, 0, 0, 0};
    CHECK_EQ(rampart_invoke(CTRL, RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS, 4, words, 1,
                            (const rampart_cptr_t[]){sc}),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(CTRL, RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS, 5, words, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(CTRL, RAMPART_SCHED_CONTEXT_BIND, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_invoke(sc, RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_invoke(sc, RAMPART_SCHED_CONTEXT_BIND, 0, 0, 0, 0), RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(sc, RAMPART_SCHED_CONTEXT_UNBIND_OBJECT, 0, 0, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(sc_bind_to_a_notification) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t a = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(bind(sc, a));
    CHECK_EQ(bind(sc, b), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(bind(sc, make(env, RAMPART_OBJ_TCB, 0)), RAMPART_ILLEGAL_OPERATION);
    /* a notification takes one context */
    CHECK_EQ(bind(make(env, RAMPART_OBJ_SCHED_CONTEXT, 8), a), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_sched_context_unbind_object(sc, b), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_sched_context_unbind_object(sc, a));
    CHECK_OK(bind(sc, b));
}

TEST(sc_a_thread_takes_one_context) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t a = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t b = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(bind(a, tcb));
    CHECK_EQ(bind(b, tcb), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_sched_context_unbind(a));
    CHECK_OK(bind(b, tcb));
    CHECK_OK(rampart_sched_context_unbind(a)); /* unbinding an unbound context is harmless */
}

TEST(sc_consumed_survives_unbind) {
    counter = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 255);
    const uint64_t sc = t + 1; /* spawn puts its context right after the TCB */
    uint64_t us = 0;
    CHECK_OK(rampart_sched_context_consumed(sc, &us)); /* start counting */
    for (int i = 0; i < 3; ++i)
        rampart_yield(); /* it runs a 1 ms slice each time */
    CHECK(counter != 0);
    CHECK_OK(rampart_sched_context_unbind(sc));
    CHECK_OK(rampart_sched_context_consumed(sc, &us));
    CHECK(us >= 1000);
    CHECK(us <= 4000);
    CHECK_OK(rampart_sched_context_consumed(sc, &us));
    CHECK_EQ(us, 0); /* nothing ran on it since */
}

/* Consumed must count the time of a sporadic context that runs out of budget
   (the kernel takes it away for a timeout fault even without a handler). */
TEST(sc_periodic_thread_gets_its_budget_each_period) {
    counter = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 100);
    const uint64_t sc = t + 1;
    /* 1 ms every 10 ms, above us */
    CHECK_OK(rampart_sched_control_configure(CTRL, sc, 1000, 10000, 2, 0));
    uint64_t mine = 0, its = 0;
    CHECK_OK(rampart_sched_context_consumed(RAMPART_ROOT_SC, &mine));
    CHECK_OK(rampart_sched_context_consumed(sc, &its));
    CHECK_OK(rampart_tcb_set_priority(t, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 254));
    volatile uint64_t spin_here = 0;
    for (int i = 0; i < 8000000; ++i)
        spin_here = spin_here + 1;
    CHECK_OK(rampart_tcb_suspend(t));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_sched_context_consumed(RAMPART_ROOT_SC, &mine));
    CHECK_OK(rampart_sched_context_consumed(sc, &its));
    const uint64_t total = mine + its;
    CHECK(total >= 30000); /* several periods passed */
    /* its share is about budget / period (10 %) */
    CHECK(its * 100 >= total * 6);
    CHECK(its * 100 <= total * 14);
}

TEST(sc_reconfiguring_a_bound_context_keeps_the_thread_running) {
    counter = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 255);
    rampart_yield();
    CHECK(counter != 0);
    CHECK_OK(rampart_sched_control_configure(CTRL, t + 1, 2000, 2000, 0, 0));
    const uint64_t before = counter;
    rampart_yield();
    CHECK(counter != before);
}

/* seL4: deleting a scheduling context unbinds it (the thread is dequeued); a
   notification bound to it is unbound too. */
TEST(sc_deleting_the_context_stops_its_thread) {
    counter = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 255);
    rampart_yield();
    CHECK(counter != 0);
    CHECK_OK(rampart_cnode_delete(ROOT, t + 1, DEPTH));
    const uint64_t seen = counter;
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(counter, seen);
}

TEST(sc_deleting_the_context_unbinds_its_notification) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(bind(sc, n));
    CHECK_OK(rampart_cnode_delete(ROOT, sc, DEPTH));
    CHECK_OK(bind(make(env, RAMPART_OBJ_SCHED_CONTEXT, 8), n));
}

static void wait_once(uint64_t ntfn, uint64_t unused) {
    (void)unused;
    rampart_wait(ntfn);
    woke = 1;
}

TEST(sc_yield_to_a_bound_context) {
    woke = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t t = spawn(env, wait_once, n, 0, 255);
    CHECK_OK(rampart_invoke(t + 1, RAMPART_SCHED_CONTEXT_YIELD_TO, 0, 0, 0, 0));
    CHECK_EQ(rampart_reply_length(), 1); /* the time consumed */
    const uint64_t idle = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_EQ(rampart_invoke(idle, RAMPART_SCHED_CONTEXT_YIELD_TO, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
    rampart_signal(n);
    for (int i = 0; i < 3 && !woke; ++i)
        rampart_yield();
    CHECK_EQ(woke, 1);
}

TEST(sc_rebinding_a_context_moves_the_time_to_another_thread) {
    counter = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 255);
    CHECK_OK(rampart_sched_context_unbind(t + 1));
    rampart_yield();
    CHECK_EQ(counter, 0); /* no context, no run */
    CHECK_OK(bind(t + 1, t));
    for (int i = 0; i < 3 && !counter; ++i)
        rampart_yield();
    CHECK(counter != 0);
}
