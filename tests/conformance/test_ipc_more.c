/* More IPC: rights on receive, cap transfer on Call and reply, receive
   windows, NBSendRecv / NBSendWait, reply objects, deleting endpoints with
   blocked threads. Results come back through `got`. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
static volatile uint64_t got[8];
static uint64_t g_reply, g_ep2, g_slot; /* extra arguments of the threads */

static void reset(void) {
    for (unsigned i = 0; i < 8; ++i)
        got[i] = 0;
}

static uint64_t mint(struct env* env, uint64_t src, uint64_t rights, uint64_t badge) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, src, DEPTH, rights, badge));
    return s;
}

static void set_window(uint64_t slot) {
    rampart_ipc->receive_cnode = ROOT;
    rampart_ipc->receive_index = slot;
    rampart_ipc->receive_depth = DEPTH;
}

/* A fault endpoint and the badged cap a thread gets as its handler. */
static uint64_t fault_ep(struct env* env, uint64_t* handler_cap) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    *handler_cap = mint(env, ep, ALL, 0xfa);
    return ep;
}

/* Receives the one fault message of a thread. */
static rampart_msginfo_t take_fault(struct env* env, uint64_t ep, uint64_t mr[4]) {
    uint64_t badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(badge, 0xfa);
    return info;
}

static void plain_recv(uint64_t src, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(src, &badge, reply, mr);
    got[0] = badge;
    got[1] = rampart_msginfo_label(info);
    got[2] = mr[0];
    got[7] = 1;
}

TEST(ipc_recv_without_read_right_is_a_cap_fault) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t wo = mint(env, ep, RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT, 0);
    spawn_with_handler(env, plain_recv, wo, 0, 200, h);
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = take_fault(env, fep, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], wo);
    CHECK_EQ(mr[2], 1); /* in the receive phase */
    CHECK_EQ(mr[3], RAMPART_LOOKUP_MISSING_CAPABILITY);
    CHECK_EQ(got[7], 0);
}

TEST(ipc_recv_with_a_non_reply_object_is_a_cap_fault) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t not_reply = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn_with_handler(env, plain_recv, ep, not_reply, 200, h);
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = take_fault(env, fep, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], not_reply);
    CHECK_EQ(mr[2], 1);
}

TEST(ipc_unbadged_send_delivers_badge_zero_and_four_words) {
    reset();
    got[0] = 0x5a5a;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, plain_recv, ep, 0, 255);
    rampart_yield();
    uint64_t mr[4] = {11, 22, 33, 44};
    rampart_send(ep, rampart_msginfo_new(0x99, 0, 0, 4), mr);
    rampart_yield(); /* it runs */
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 0);
    CHECK_EQ(got[1], 0x99);
    CHECK_EQ(got[2], 11);
}

/* Server for cap transfer: receives one Call with a receive window at
   g_slot, records what came, replies with mr0 + 1. */
static void grant_server(uint64_t ep, uint64_t unused) {
    (void)unused;
    set_window(g_slot);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, g_reply, mr);
    got[0] = rampart_msginfo_extra_caps(info);
    got[1] = rampart_msginfo_unwrapped(info);
    got[2] = rampart_msginfo_length(info);
    got[3] = rampart_ipc->caps_or_badges[0];
    got[7] = 1;
    mr[0] += 1;
    rampart_send(g_reply, rampart_msginfo_new(0, 0, 0, 1), mr);
}

TEST(ipc_call_with_grant_transfers_a_cap) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    g_reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_slot = new_slot(env);
    spawn(env, grant_server, ep, 0, 255);
    rampart_yield(); /* it waits */
    const uint64_t c0 = mint(env, n, ALL, 0x40);
    rampart_ipc->caps_or_badges[0] = c0;
    uint64_t mr[4] = {7, 0, 0, 0};
    const rampart_msginfo_t info = rampart_call(ep, rampart_msginfo_new(0, 0, 1, 1), mr);
    CHECK_EQ(rampart_msginfo_label(info), 0);
    CHECK_EQ(mr[0], 8);
    CHECK_EQ(got[0], 1);
    CHECK_EQ(got[1], 0);
    rampart_signal(g_slot);
    CHECK_EQ(rampart_poll(n), 0x40);
}

TEST(ipc_occupied_receive_slot_drops_the_cap_not_the_message) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    g_reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_slot = make(env, RAMPART_OBJ_ENDPOINT, 0); /* the window points at a full slot */
    spawn(env, grant_server, ep, 0, 255);
    rampart_yield();
    rampart_ipc->caps_or_badges[0] = n;
    uint64_t mr[4] = {20, 0, 0, 0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 1, 1), mr);
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 0); /* no cap */
    CHECK_EQ(got[2], 1); /* the word arrived */
    CHECK_EQ(mr[0], 21);
}

TEST(ipc_unwrapped_badge_and_a_granted_cap_in_one_message) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    g_reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_slot = new_slot(env);
    spawn(env, grant_server, ep, 0, 255);
    rampart_yield();
    const uint64_t c0 = mint(env, ep, ALL, 0x66), c1 = mint(env, n, ALL, 0x2);
    rampart_ipc->caps_or_badges[0] = c0; /* mint() uses the IPC buffer: set these last */
    rampart_ipc->caps_or_badges[1] = c1;
    uint64_t mr[4] = {0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 2, 1), mr);
    CHECK_EQ(got[0], 2);
    CHECK_EQ(got[1], 1); /* the first was unwrapped */
    CHECK_EQ(got[3], 0x66);
    rampart_signal(g_slot);
    CHECK_EQ(rampart_poll(n), 0x2);
}

TEST(ipc_only_one_cap_is_transferred_per_message) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t a = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    g_reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_slot = new_slot(env);
    spawn(env, grant_server, ep, 0, 255);
    rampart_yield();
    const uint64_t c0 = mint(env, a, ALL, 1), c1 = mint(env, b, ALL, 2);
    rampart_ipc->caps_or_badges[0] = c0;
    rampart_ipc->caps_or_badges[1] = c1;
    uint64_t mr[4] = {0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 2, 1), mr);
    CHECK_EQ(got[0], 1);
    rampart_signal(g_slot);
    CHECK_EQ(rampart_poll(a), 1);
    CHECK_EQ(rampart_poll(b), 0);
}

/* Server that answers one call with a cap (the reply carries extra caps). */
static void cap_giving_server(uint64_t ep, uint64_t gift) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, g_reply, mr);
    rampart_ipc->caps_or_badges[0] = gift;
    got[7] = 1;
    rampart_send(g_reply, rampart_msginfo_new(0, 0, 1, 1), mr);
}

TEST(ipc_reply_can_transfer_a_cap) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    g_reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, cap_giving_server, ep, mint(env, n, ALL, 0x800), 255);
    rampart_yield();
    const uint64_t slot = new_slot(env);
    set_window(slot);
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    CHECK_EQ(got[7], 1);
    CHECK_EQ(rampart_msginfo_extra_caps(info), 1);
    rampart_signal(slot);
    CHECK_EQ(rampart_poll(n), 0x800);
}

/* seL4 MCS: a reply (also the one of ReplyRecv) grants caps only through a
   reply cap with the Grant right. */
static void weak_reply_server(uint64_t ep, uint64_t gift) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, g_reply, mr);
    rampart_ipc->caps_or_badges[0] = gift;
    got[7] = 1;
    rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 1, 1), &badge, g_reply, mr);
}

TEST(ipc_reply_recv_through_a_reply_cap_without_grant_transfers_no_cap) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_reply = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, g_reply, DEPTH, ROOT, reply, DEPTH,
                                RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE));
    spawn(env, weak_reply_server, ep, mint(env, n, ALL, 0x800), 255);
    rampart_yield();
    const uint64_t slot = new_slot(env);
    set_window(slot);
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    CHECK_EQ(got[7], 1);
    CHECK_EQ(rampart_msginfo_extra_caps(info), 0);
}

static void caller(uint64_t ep, uint64_t value) {
    uint64_t mr[4] = {value, 0, 0, 0};
    const rampart_msginfo_t info = rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    got[4] = rampart_msginfo_label(info);
    got[5] = mr[0];
    got[6] = 1;
}

TEST(ipc_call_without_grant_rights_leaves_the_caller_stopped) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, caller, mint(env, ep, RAMPART_RIGHT_WRITE, 3), 5, 255);
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(badge, 3);
    CHECK_EQ(mr[0], 5);
    mr[0] = 6;
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr); /* nobody waits on it */
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(got[6], 0);
}

TEST(ipc_call_with_grant_reply_only_gets_the_reply) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, caller, mint(env, ep, RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT_REPLY, 3), 5, 255);
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    mr[0] = 6;
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr);
    for (int i = 0; i < 5 && !got[6]; ++i)
        rampart_yield();
    CHECK_EQ(got[6], 1);
    CHECK_EQ(got[5], 6);
}

TEST(ipc_send_on_an_idle_reply_object_does_nothing) {
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    uint64_t mr[4] = {1, 2, 3, 4};
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 4), mr);
    mr[0] = 9;
    const rampart_msginfo_t info = rampart_call(reply, rampart_msginfo_new(5, 0, 0, 1), mr);
    CHECK_EQ(rampart_msginfo_label(info), 0);
    CHECK_EQ(rampart_msginfo_length(info), 0);
}

static void reply_recv_first(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {123, 0, 0, 0}, badge = 0;
    /* nobody waits on the reply object: only the receive happens */
    const rampart_msginfo_t info =
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
    got[0] = badge;
    got[1] = rampart_msginfo_length(info);
    got[2] = mr[0];
    got[7] = 1;
}

TEST(ipc_reply_recv_with_an_idle_reply_object_just_receives) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, reply_recv_first, ep, make(env, RAMPART_OBJ_REPLY, 0), 255);
    rampart_yield();
    CHECK_EQ(got[7], 0); /* blocked in the receive */
    uint64_t mr[4] = {77, 0, 0, 0};
    rampart_send(mint(env, ep, ALL, 4), rampart_msginfo_new(0, 0, 0, 1), mr);
    rampart_yield();
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 4);
    CHECK_EQ(got[1], 1);
    CHECK_EQ(got[2], 77);
}

/* Receives on a0, answers with mr0 + 1 on g_ep2. */
static void relay(uint64_t ep, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, 0, mr);
    got[0] = mr[0];
    mr[0] += 1;
    rampart_send(g_ep2, rampart_msginfo_new(0, 0, 0, 1), mr);
}

TEST(ipc_nbsendrecv_sends_then_receives) {
    reset();
    const uint64_t ep1 = make(env, RAMPART_OBJ_ENDPOINT, 0);
    g_ep2 = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, relay, ep1, 0, 255);
    rampart_yield(); /* it waits on ep1 */
    uint64_t mr[4] = {40, 0, 0, 0}, badge = 1;
    const rampart_msginfo_t info =
        rampart_nbsend_recv(ep1, rampart_msginfo_new(0, 0, 0, 1), g_ep2, &badge, 0, mr);
    CHECK_EQ(got[0], 40);
    CHECK_EQ(rampart_msginfo_length(info), 1);
    CHECK_EQ(mr[0], 41);
    CHECK_EQ(badge, 0);
}

static void send_later(uint64_t ep, uint64_t value) {
    uint64_t mr[4] = {value, 0, 0, 0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
}

TEST(ipc_nbsendrecv_without_receiver_drops_the_send_and_receives) {
    const uint64_t ep1 = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ep2 = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, send_later, ep2, 99, 200); /* runs once we block */
    uint64_t mr[4] = {5, 0, 0, 0}, badge = 0;
    rampart_nbsend_recv(ep1, rampart_msginfo_new(0, 0, 0, 1), ep2, &badge, 0, mr);
    CHECK_EQ(mr[0], 99);
    /* nothing was queued on ep1 */
    const rampart_msginfo_t info = rampart_nbrecv(ep1, &badge, 0, mr);
    CHECK_EQ(rampart_msginfo_length(info), 0);
}

TEST(ipc_nbsendwait_signals_the_destination_then_waits) {
    const uint64_t a = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    rampart_signal(mint(env, b, ALL, 2)); /* b is already active: no blocking */
    uint64_t mr[4] = {0}, badge = 0;
    rampart_nbsend_wait(mint(env, a, ALL, 4), rampart_msginfo_new(0, 0, 0, 0), b, &badge, mr);
    CHECK_EQ(badge, 2);
    CHECK_EQ(rampart_poll(a), 4);
}

static void signal_back(uint64_t ep, uint64_t ntfn) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, 0, mr);
    got[0] = mr[0];
    rampart_signal(ntfn);
}

TEST(ipc_nbsendwait_to_an_endpoint_receiver) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, signal_back, ep, mint(env, n, ALL, 0x10), 255);
    rampart_yield();
    uint64_t mr[4] = {31, 0, 0, 0}, badge = 0;
    rampart_nbsend_wait(ep, rampart_msginfo_new(0, 0, 0, 1), n, &badge, mr);
    CHECK_EQ(got[0], 31);
    CHECK_EQ(badge, 0x10);
}

/* NBSendRecv through a0 (no write right), then a receive on g_ep2. */
static void nbsendrecv_weak(uint64_t dest, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    rampart_nbsend_recv(dest, rampart_msginfo_new(0, 0, 0, 0), g_ep2, &badge, 0, mr);
    got[0] = mr[0];
    got[7] = 1;
}

/* seL4: the send half of NBSendRecv through a cap that cannot send fails
   silently (an invocation error nobody gets), then the receive happens. */
TEST(ipc_nbsendrecv_destination_without_write_still_receives) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    g_ep2 = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn_with_handler(env, nbsendrecv_weak, mint(env, ep, RAMPART_RIGHT_READ, 0), 0, 255, h);
    rampart_yield();
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t f = rampart_nbrecv(fep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(rampart_msginfo_label(f), 0); /* no fault */
    CHECK_EQ(badge, 0);
    mr[0] = 0x77;
    rampart_nbsend(g_ep2, rampart_msginfo_new(0, 0, 0, 1), mr);
    for (int i = 0; i < 3 && !got[7]; ++i)
        rampart_yield();
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 0x77);
}

TEST(ipc_deleting_an_endpoint_restarts_its_receivers) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn_with_handler(env, plain_recv, ep, 0, 255, h);
    rampart_yield(); /* it blocks receiving */
    CHECK_OK(rampart_cnode_delete(ROOT, ep, DEPTH));
    /* it receives again, from an empty slot now: a cap fault */
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = take_fault(env, fep, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], ep);
    CHECK_EQ(mr[2], 1);
    CHECK_EQ(got[7], 0);
}

TEST(ipc_deleting_an_endpoint_fails_a_blocked_call) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, caller, ep, 1, 255);
    rampart_yield(); /* it blocks calling */
    CHECK_EQ(got[6], 0);
    CHECK_OK(rampart_cnode_delete(ROOT, ep, DEPTH));
    for (int i = 0; i < 5 && !got[6]; ++i)
        rampart_yield();
    CHECK_EQ(got[6], 1);
    CHECK_EQ(got[4], RAMPART_INVALID_CAPABILITY); /* the retried call found no cap */
}

TEST(ipc_deleting_a_reply_object_leaves_its_caller_stopped) {
    reset();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, caller, ep, 1, 255);
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(mr[0], 1);
    CHECK_OK(rampart_cnode_delete(ROOT, reply, DEPTH));
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(got[6], 0);
}

static void wait_syscall(uint64_t src, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_ipc_syscall(RAMPART_SYS_WAIT, src, 0, mr, 0, 0, &badge);
    got[0] = badge;
    got[1] = rampart_msginfo_length(info);
    got[2] = mr[0];
    got[7] = 1;
}

/* seL4 MCS: Wait on an endpoint receives a message (without a reply object). */
TEST(ipc_wait_on_an_endpoint_receives) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn_with_handler(env, wait_syscall, ep, 0, 255, h);
    rampart_yield();
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t f = rampart_nbrecv(fep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(rampart_msginfo_label(f), 0); /* no fault */
    mr[0] = 0x31;
    rampart_nbsend(mint(env, ep, ALL, 2), rampart_msginfo_new(0, 0, 0, 1), mr);
    for (int i = 0; i < 3 && !got[7]; ++i)
        rampart_yield();
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 2);
    CHECK_EQ(got[2], 0x31);
}

/* seL4: waiting on a notification bound to another thread is a cap fault. */
TEST(ipc_wait_on_a_notification_bound_to_another_thread_is_a_cap_fault) {
    reset();
    uint64_t h;
    const uint64_t fep = fault_ep(env, &h);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_invoke(make(env, RAMPART_OBJ_TCB, 0), RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1,
                            (const rampart_cptr_t[]){n}));
    spawn_with_handler(env, wait_syscall, n, 0, 255, h);
    rampart_yield();
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t f = rampart_nbrecv(fep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(rampart_msginfo_label(f), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], n);
    CHECK_EQ(mr[2], 1);
}
