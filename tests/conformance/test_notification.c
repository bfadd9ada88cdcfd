/* Notifications: signal, wait, poll, badge OR-ing, binding to a TCB. */
#include "framework.h"

#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
static volatile uint64_t got_badge, got_info, woke;

static uint64_t badged(struct env* env, uint64_t ntfn, uint64_t badge) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, ntfn, DEPTH, ALL, badge));
    return s;
}

TEST(ntfn_poll_of_an_idle_notification_is_zero) {
    CHECK_EQ(rampart_poll(make(env, RAMPART_OBJ_NOTIFICATION, 0)), 0);
}

TEST(ntfn_signals_or_their_badges) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    rampart_signal(badged(env, n, 1));
    rampart_signal(badged(env, n, 4));
    rampart_signal(badged(env, n, 4));
    CHECK_EQ(rampart_poll(n), 5);
    CHECK_EQ(rampart_poll(n), 0); /* taken */
}

TEST(ntfn_wait_returns_at_once_when_active) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    rampart_signal(badged(env, n, 8));
    CHECK_EQ(rampart_wait(n), 8);
}

static void waiter(uint64_t ntfn, uint64_t unused) {
    (void)unused;
    got_badge = rampart_wait(ntfn);
    woke = 1;
}

TEST(ntfn_signal_wakes_a_waiter) {
    woke = got_badge = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, waiter, n, 0, 255);
    rampart_yield(); /* it blocks */
    CHECK_EQ(woke, 0);
    rampart_signal(badged(env, n, 0x30));
    rampart_yield();
    CHECK_EQ(woke, 1);
    CHECK_EQ(got_badge, 0x30);
}

TEST(ntfn_signal_needs_the_write_right) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ro = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, ro, DEPTH, ROOT, n, DEPTH, RAMPART_RIGHT_READ, 2));
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = rampart_call(ro, 0, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_poll(n), 0);
}

static void bound_receiver(uint64_t ep, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, 0, mr);
    got_badge = badge;
    got_info = info;
    woke = 1;
}

TEST(ntfn_bound_notification_wakes_an_endpoint_receiver) {
    woke = got_badge = 0;
    got_info = 1;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t tcb = spawn(env, bound_receiver, ep, 0, 100);
    CHECK_OK(
        rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, (const rampart_cptr_t[]){n}));
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    rampart_yield(); /* it blocks on the endpoint */
    rampart_signal(badged(env, n, 0x100));
    rampart_yield();
    CHECK_EQ(woke, 1);
    CHECK_EQ(got_badge, 0x100);
    CHECK_EQ(got_info, 0);
}

TEST(ntfn_bound_pending_signal_is_taken_by_receive) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_invoke(RAMPART_ROOT_TCB, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1,
                            (const rampart_cptr_t[]){n}));
    rampart_signal(badged(env, n, 2));
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, 0, mr); /* does not block: the signal is pending */
    CHECK_EQ(badge, 2);
    CHECK_OK(rampart_invoke(RAMPART_ROOT_TCB, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0));
}

TEST(ntfn_bind_twice_is_illegal) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(
        rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, (const rampart_cptr_t[]){n}));
    CHECK_EQ(
        rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, (const rampart_cptr_t[]){n}),
        RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_invoke(tcb, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0));
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(ntfn_deleting_it_wakes_waiters) {
    woke = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, waiter, n, 0, 255);
    rampart_yield();
    CHECK_OK(rampart_cnode_delete(ROOT, n, DEPTH));
    rampart_yield(); /* it retries its wait, faults on the empty slot and stops */
    CHECK_EQ(woke, 0);
}
