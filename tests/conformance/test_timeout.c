/* MCS extras: timeout faults, notifications lending their scheduling context
   to passive threads, and scheduling domains. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define CTRL SCHED_CONTROL
static volatile uint64_t spins, woke_with;

static void spinner(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    for (;;)
        spins = spins + 1;
}

TEST(timeout_fault_when_the_budget_runs_out) {
    spins = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t handler = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, handler, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHTS_ALL, 0x7e));
    const uint64_t tcb = spawn(env, spinner, 0, 0, 200);
    CHECK_OK(rampart_sched_control_configure(CTRL, tcb + 1, 1000, 10000, 0, 0x5c));
    const rampart_cptr_t caps[1] = {handler};
    CHECK_OK(rampart_invoke(tcb, RAMPART_TCB_SET_TIMEOUT_ENDPOINT, 0, 0, 1, caps));
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_TIMEOUT);
    CHECK_EQ(badge, 0x7e);
    CHECK_EQ(mr[0], 0x5c); /* the context's badge */
    CHECK(mr[1] >= 900);   /* about a millisecond consumed */
    CHECK(spins > 0);
}

TEST(timeout_endpoint_needs_grant_rights) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t weak = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, weak, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHT_WRITE, 1));
    const rampart_cptr_t caps[1] = {weak};
    CHECK_EQ(rampart_invoke(make(env, RAMPART_OBJ_TCB, 0), RAMPART_TCB_SET_TIMEOUT_ENDPOINT, 0, 0,
                            1, caps),
             RAMPART_INVALID_CAPABILITY);
}

static void passive_waiter(uint64_t ntfn, uint64_t done) {
    for (;;) {
        woke_with = rampart_wait(ntfn);
        rampart_signal(done);
    }
}

TEST(ntfn_lends_its_context_to_a_passive_waiter) {
    woke_with = 0;
    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ntfn, DEPTH, RAMPART_RIGHTS_ALL, 9));
    const uint64_t tcb = spawn(env, passive_waiter, ntfn, done, 200);
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 100);
    rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255); /* it ran to its wait */
    /* passive now: its own context goes; the notification's is lent on signals */
    CHECK_OK(rampart_sched_context_unbind(tcb + 1));
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(CTRL, sc, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(sc, ntfn));
    rampart_signal(badged);
    rampart_wait(done);
    CHECK_EQ(woke_with, 9);
    /* without the notification's context it cannot run */
    CHECK_OK(rampart_sched_context_unbind(sc));
    woke_with = 0;
    rampart_signal(badged);
    CHECK_EQ(rampart_poll(done), 0);
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(woke_with, 0);
}

TEST(domain_set_moves_a_thread_out_of_the_running_domain) {
    spins = 0;
    const uint64_t tcb = spawn(env, spinner, 0, 0, 255);
    const rampart_cptr_t caps[1] = {tcb};
    const uint64_t one[1] = {1};
    CHECK_OK(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, one, 1, caps));
    spins = 0;
    for (int i = 0; i < 20; ++i)
        rampart_yield();
    CHECK_EQ(spins, 0); /* domain 1 has no slot in the schedule */
    const uint64_t zero[1] = {0};
    CHECK_OK(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, zero, 1, caps));
    for (int i = 0; i < 20 && spins == 0; ++i)
        rampart_yield();
    CHECK(spins > 0);
    CHECK_OK(rampart_tcb_suspend(tcb));
}

TEST(domain_set_checks_the_domain) {
    const rampart_cptr_t caps[1] = {make(env, RAMPART_OBJ_TCB, 0)};
    const uint64_t big[1] = {16};
    CHECK_EQ(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, big, 1, caps),
             RAMPART_INVALID_ARGUMENT);
    const rampart_cptr_t ep[1] = {make(env, RAMPART_OBJ_ENDPOINT, 0)};
    const uint64_t zero[1] = {0};
    CHECK_EQ(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, zero, 1, ep),
             RAMPART_INVALID_CAPABILITY);
}
