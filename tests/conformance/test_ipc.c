/* IPC: send / receive / call / reply, badges, rights, long messages, cap
   transfer, non-blocking variants. Spawned threads share the root task's
   spaces; results come back through `got` and a "done" notification. */
#include "framework.h"

#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
static volatile uint64_t got[8];

static void clear_got(void) {
    for (unsigned i = 0; i < 8; ++i)
        got[i] = 0;
}

/* a0 = endpoint, a1 = done notification: receive one message, record it. */
static void receiver(uint64_t ep, uint64_t done) {
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, 0, mr);
    got[0] = badge;
    got[1] = rampart_msginfo_label(info);
    got[2] = rampart_msginfo_length(info);
    got[3] = mr[0];
    got[4] = mr[1];
    got[5] = rampart_msginfo_length(info) > 10 ? rampart_ipc->msg[10] : 0;
    rampart_signal(done);
}

/* a0 = endpoint, a1 = reply object: answer calls with mr0 + 1, forever. */
static void adder(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    for (;;) {
        got[0] += 1; /* calls served */
        mr[0] += 1;
        info = rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
        (void)info;
    }
}

TEST(ipc_send_to_a_waiting_receiver) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, receiver, ep, done, 200);
    uint64_t mr[4] = {41, 42, 0, 0};
    rampart_send(ep, rampart_msginfo_new(7, 0, 0, 2), mr);
    rampart_wait(done);
    CHECK_EQ(got[1], 7);
    CHECK_EQ(got[2], 2);
    CHECK_EQ(got[3], 41);
    CHECK_EQ(got[4], 42);
}

TEST(ipc_receive_from_a_waiting_sender) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    /* the receiver outranks us: it blocks first, then our send completes at once */
    spawn(env, receiver, ep, done, 255);
    uint64_t mr[4] = {5, 0, 0, 0};
    rampart_send(ep, rampart_msginfo_new(1, 0, 0, 1), mr);
    rampart_wait(done);
    CHECK_EQ(got[3], 5);
}

TEST(ipc_badge_of_the_sending_cap_is_delivered) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ep, DEPTH, ALL, 0xbad6e));
    spawn(env, receiver, ep, done, 200);
    uint64_t mr[4] = {0};
    rampart_send(badged, rampart_msginfo_new(0, 0, 0, 0), mr);
    rampart_wait(done);
    CHECK_EQ(got[0], 0xbad6e);
}

TEST(ipc_long_message_through_ipc_buffers) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, receiver, ep, done, 200);
    for (unsigned i = 4; i < 20; ++i)
        rampart_ipc->msg[i] = 100 + i;
    uint64_t mr[4] = {0, 1, 2, 3};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 20), mr);
    rampart_wait(done);
    CHECK_EQ(got[2], 20);
    CHECK_EQ(got[5], 110);
}

TEST(ipc_message_length_is_capped) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, receiver, ep, done, 200);
    uint64_t mr[4] = {0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 127), mr);
    rampart_wait(done);
    CHECK_EQ(got[2], RAMPART_MSG_MAX_LENGTH);
}

TEST(ipc_call_and_reply) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, adder, ep, reply, 200);
    uint64_t mr[4] = {41, 0, 0, 0};
    const rampart_msginfo_t info = rampart_call(ep, rampart_msginfo_new(3, 0, 0, 1), mr);
    CHECK_EQ(rampart_msginfo_length(info), 1);
    CHECK_EQ(mr[0], 42);
}

TEST(ipc_server_loop_with_reply_recv) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, adder, ep, reply, 200);
    for (uint64_t i = 0; i < 5; ++i) {
        uint64_t mr[4] = {i * 10, 0, 0, 0};
        rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
        CHECK_EQ(mr[0], i * 10 + 1);
    }
    CHECK_EQ(got[0], 5);
}

TEST(ipc_call_to_a_higher_priority_server) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, adder, ep, reply, 255);
    uint64_t mr[4] = {1, 0, 0, 0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    CHECK_EQ(mr[0], 2);
}

TEST(ipc_send_needs_the_write_right) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ro = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, ro, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHT_READ, 0));
    uint64_t mr[4] = {0};
    const rampart_msginfo_t info = rampart_call(ro, rampart_msginfo_new(0, 0, 0, 0), mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_INVALID_CAPABILITY);
}

TEST(ipc_nbsend_without_receiver_is_dropped) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    uint64_t mr[4] = {9, 0, 0, 0};
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    uint64_t badge = 77;
    const rampart_msginfo_t info = rampart_nbrecv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 0);
    CHECK_EQ(rampart_msginfo_length(info), 0);
}

/* a0 = endpoint cap to send on: send mr0 = 99 and finish */
static void sender(uint64_t ep, uint64_t value) {
    uint64_t mr[4] = {value, 0, 0, 0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
}

TEST(ipc_nbrecv_gets_a_queued_message) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ep, DEPTH, ALL, 3));
    spawn(env, sender, badged, 99, 255);
    rampart_yield(); /* it runs and blocks sending */
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_nbrecv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 3);
    CHECK_EQ(rampart_msginfo_length(info), 1);
    CHECK_EQ(mr[0], 99);
}

TEST(ipc_senders_are_served_in_order) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn(env, sender, ep, 1, 255);
    spawn(env, sender, ep, 2, 255);
    uint64_t mr[4] = {0}, badge;
    rampart_recv(ep, &badge, 0, mr);
    CHECK_EQ(mr[0], 1);
    rampart_recv(ep, &badge, 0, mr);
    CHECK_EQ(mr[0], 2);
}

/* a0 = endpoint, a1 = receive slot: receive with a receive window, record caps. */
static void cap_receiver(uint64_t ep, uint64_t slot) {
    rampart_ipc->receive_cnode = ROOT;
    rampart_ipc->receive_index = slot;
    rampart_ipc->receive_depth = DEPTH;
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, 0, mr);
    got[0] = rampart_msginfo_extra_caps(info);
    got[1] = rampart_msginfo_unwrapped(info);
    got[2] = rampart_ipc->caps_or_badges[0];
    got[7] = 1;
}

TEST(ipc_grant_transfers_a_cap) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t gift = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, gift, DEPTH, ROOT, ntfn, DEPTH, ALL, 4));
    const uint64_t slot = new_slot(env);
    spawn(env, cap_receiver, ep, slot, 255);
    rampart_ipc->caps_or_badges[0] = gift;
    uint64_t mr[4] = {0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 1, 0), mr);
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 1);
    CHECK_EQ(got[1], 0);
    /* the slot now holds a copy of the badged notification cap */
    rampart_signal(slot);
    CHECK_EQ(rampart_poll(ntfn), 4);
}

TEST(ipc_no_grant_no_cap) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t nogrant = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, nogrant, DEPTH, ROOT, ep, DEPTH,
                                RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, 0));
    const uint64_t gift = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t slot = new_slot(env);
    spawn(env, cap_receiver, ep, slot, 255);
    rampart_ipc->caps_or_badges[0] = gift;
    uint64_t mr[4] = {0};
    rampart_send(nogrant, rampart_msginfo_new(0, 0, 1, 0), mr);
    CHECK_EQ(got[7], 1);
    CHECK_EQ(got[0], 0);
    CHECK_EQ(rampart_cnode_copy(ROOT, new_slot(env), DEPTH, ROOT, slot, DEPTH, ALL),
             RAMPART_FAILED_LOOKUP);
}

TEST(ipc_cap_to_the_same_endpoint_is_unwrapped) {
    clear_got();
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ep, DEPTH, ALL, 0x77));
    const uint64_t slot = new_slot(env);
    spawn(env, cap_receiver, ep, slot, 255);
    rampart_ipc->caps_or_badges[0] = badged;
    uint64_t mr[4] = {0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 1, 0), mr);
    CHECK_EQ(got[0], 1);
    CHECK_EQ(got[1], 1);
    CHECK_EQ(got[2], 0x77);
}

TEST(ipc_recv_on_a_notification_waits_for_a_signal) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    rampart_signal(n);
    uint64_t mr[4] = {0}, badge = 5;
    rampart_recv(n, &badge, 0, mr);
    CHECK_EQ(badge, 0); /* unbadged cap: no bits, but the wait completed */
}
