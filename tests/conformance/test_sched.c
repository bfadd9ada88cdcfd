/* MCS scheduling: scheduling contexts, binding, budgets, passive threads. */
#include "framework.h"

#include <rampart/ipc.h>

#define CTRL SCHED_CONTROL
static volatile uint64_t counter;

static void spin_and_count(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    for (;;)
        counter = counter + 1;
}

TEST(sc_configure_checks_budget_and_period) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_EQ(rampart_sched_control_configure(CTRL, sc, 2000, 1000, 0, 0), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_sched_control_configure(CTRL, sc, 1, 1000, 0, 0), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_sched_control_configure(CTRL, sc, 500, 1000, 100, 0), RAMPART_RANGE_ERROR);
    CHECK_OK(rampart_sched_control_configure(CTRL, sc, 500, 1000, 3, 0));
}

TEST(sc_configure_needs_a_sched_context) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_sched_control_configure(CTRL, ep, 500, 1000, 0, 0),
             RAMPART_INVALID_CAPABILITY);
}

TEST(sc_bind_twice_is_illegal) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t a = make(env, RAMPART_OBJ_TCB, 0), b = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_sched_context_bind(sc, a));
    CHECK_EQ(rampart_sched_context_bind(sc, b), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_sched_context_unbind(sc));
    CHECK_OK(rampart_sched_context_bind(sc, b));
    CHECK_EQ(rampart_sched_context_unbind_object(sc, a), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_sched_context_unbind_object(sc, b));
}

TEST(sc_bind_to_an_endpoint_is_invalid) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_EQ(rampart_sched_context_bind(sc, make(env, RAMPART_OBJ_ENDPOINT, 0)),
             RAMPART_INVALID_CAPABILITY);
}

TEST(sc_thread_without_sched_context_does_not_run) {
    counter = 0;
    const uint64_t tcb = spawn(env, spin_and_count, 0, 0, 255);
    /* take its scheduling context away (spawn makes it right after the TCB) */
    CHECK_OK(rampart_sched_context_unbind(tcb + 1));
    counter = 0;
    for (int i = 0; i < 50; ++i)
        rampart_yield();
    CHECK_EQ(counter, 0);
}

TEST(sc_consumed_time_is_reported) {
    const uint64_t root_sc = RAMPART_ROOT_SC;
    uint64_t us = 0;
    CHECK_OK(rampart_sched_context_consumed(root_sc, &us));
    for (volatile int i = 0; i < 200000; ++i) {
    }
    CHECK_OK(rampart_sched_context_consumed(root_sc, &us));
    CHECK(us > 0);
}

TEST(sc_budget_limits_a_spinning_thread) {
    /* A higher-priority thread that never blocks gets 1 ms in every 10 ms:
       we still run, and it ran. */
    counter = 0;
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, 0, 0));
    static uint64_t stack[256] __attribute__((aligned(16)));
    uint64_t regs[4] = {(uint64_t)spin_and_count, (uint64_t)(stack + 256), 0, 0};
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 4, regs));
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 254));
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(CTRL, sc, 1000, 10000, 2, 0));
    CHECK_OK(rampart_sched_context_bind(sc, tcb));
    CHECK_OK(rampart_tcb_resume(tcb)); /* it runs at once, until its budget is gone */
    const uint64_t seen = counter;
    CHECK(seen > 0);
    volatile uint64_t mine = 0;
    for (int i = 0; i < 100000; ++i)
        mine = mine + 1;
    CHECK_EQ(mine, 100000);
    CHECK_OK(rampart_tcb_suspend(tcb));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255));
}

static void passive_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge;
    rampart_recv(ep, &badge, reply, mr);
    for (;;) {
        mr[0] = mr[0] * 2;
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
    }
}

TEST(sc_passive_server_runs_on_the_callers_time) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t tcb = spawn(env, passive_server, ep, reply, 255);
    rampart_yield(); /* it runs to its first receive */
    /* now make it passive: spawn made its scheduling context right after the TCB */
    CHECK_OK(rampart_sched_context_unbind(tcb + 1));
    uint64_t mr[4] = {21, 0, 0, 0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    CHECK_EQ(mr[0], 42);
}
