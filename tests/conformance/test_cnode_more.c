/* More CNode invocations: rights masking, badges, error paths of Move /
   Mutate / Rotate, Revoke and Delete corner cases, CancelBadgedSends. */
#include "framework.h"

#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL

/* Whether a slot of the root CNode holds a cap (probed with a Copy). */
static int occupied(struct env* env, uint64_t slot) {
    const uint64_t probe = new_slot(env);
    const uint64_t err = rampart_cnode_copy(ROOT, probe, DEPTH, ROOT, slot, DEPTH, ALL);
    if (err == RAMPART_NO_ERROR)
        rampart_cnode_delete(ROOT, probe, DEPTH);
    return err != RAMPART_FAILED_LOOKUP;
}

static uint64_t mint(struct env* env, uint64_t src, uint64_t rights, uint64_t badge) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, src, DEPTH, rights, badge));
    return s;
}

static uint64_t call_label(uint64_t cap) {
    uint64_t mr[4] = {0};
    return rampart_msginfo_label(rampart_call(cap, rampart_msginfo_new(0, 0, 0, 0), mr));
}

TEST(cnode_copy_without_write_cannot_send) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ro = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, ro, DEPTH, ROOT, ep, DEPTH,
                                RAMPART_RIGHT_READ | RAMPART_RIGHT_GRANT));
    CHECK_EQ(call_label(ro), RAMPART_INVALID_CAPABILITY);
}

TEST(cnode_copy_cannot_add_rights) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ro = mint(env, n, RAMPART_RIGHT_READ, 0);
    const uint64_t again = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, again, DEPTH, ROOT, ro, DEPTH, ALL));
    CHECK_EQ(call_label(again), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_poll(n), 0);
}

TEST(cnode_copy_keeps_the_badge) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = mint(env, n, ALL, 0x24);
    const uint64_t copy = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, b, DEPTH, ALL));
    rampart_signal(copy);
    CHECK_EQ(rampart_poll(n), 0x24);
}

TEST(cnode_mint_with_badge_zero_can_be_minted_again) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t zero = mint(env, n, ALL, 0);
    const uint64_t seven = mint(env, zero, ALL, 7);
    rampart_signal(seven);
    CHECK_EQ(rampart_poll(n), 7);
    rampart_signal(zero);
    CHECK_EQ(rampart_poll(n), 0);
}

TEST(cnode_mint_truncated_message) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t words[5] = {new_slot(env), DEPTH, ep, DEPTH, ALL};
    CHECK_EQ(rampart_invoke(ROOT, RAMPART_CNODE_MINT, 5, words, 1, (const rampart_cptr_t[]){ROOT}),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(cnode_copy_source_root_must_be_a_cnode) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_copy(ROOT, new_slot(env), DEPTH, ep, ep, DEPTH, ALL),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_INVALID_ROOT);
    CHECK_EQ(rampart_reply_length(), 2);
}

TEST(cnode_copy_source_depth_mismatch) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_copy(ROOT, new_slot(env), DEPTH, ROOT, ep, 32, ALL),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1); /* the source failed */
}

TEST(cnode_copy_through_a_second_cnode) {
    /* A CNode of 16 slots, no guard: 4 bits address one of its slots. */
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 4);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = mint(env, n, ALL, 0x300);
    CHECK_OK(rampart_cnode_copy(cn, 9, 4, ROOT, b, DEPTH, ALL));
    CHECK_EQ(rampart_cnode_copy(cn, 9, 4, ROOT, b, DEPTH, ALL), RAMPART_DELETE_FIRST);
    /* and back out, from the second CNode as source root */
    const uint64_t back = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, back, DEPTH, cn, 9, 4, ALL));
    rampart_signal(back);
    CHECK_EQ(rampart_poll(n), 0x300);
    /* 5 bits is more than the CNode resolves */
    CHECK_EQ(rampart_cnode_copy(cn, 9, 5, ROOT, b, DEPTH, ALL), RAMPART_FAILED_LOOKUP);
}

TEST(cnode_move_from_empty_slot_fails_lookup_of_source) {
    CHECK_EQ(rampart_cnode_move(ROOT, new_slot(env), DEPTH, ROOT, new_slot(env), DEPTH),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_MISSING_CAPABILITY);
}

TEST(cnode_move_onto_itself_is_delete_first) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_move(ROOT, ep, DEPTH, ROOT, ep, DEPTH), RAMPART_DELETE_FIRST);
    CHECK(occupied(env, ep));
}

TEST(cnode_moved_cap_still_works) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = mint(env, n, ALL, 0x11);
    const uint64_t dest = new_slot(env);
    CHECK_OK(rampart_cnode_move(ROOT, dest, DEPTH, ROOT, b, DEPTH));
    rampart_signal(dest);
    CHECK_EQ(rampart_poll(n), 0x11);
}

TEST(cnode_mutate_guard_too_large_is_illegal) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 4);
    /* radix 4 + guard 61 > 64 bits */
    CHECK_EQ(rampart_cnode_mutate(ROOT, new_slot(env), DEPTH, ROOT, cn, DEPTH,
                                  RAMPART_CNODE_CAPDATA(0, 61)),
             RAMPART_ILLEGAL_OPERATION);
    CHECK(occupied(env, cn)); /* nothing moved */
}

TEST(cnode_mutate_from_empty_slot_fails_lookup) {
    CHECK_EQ(rampart_cnode_mutate(ROOT, new_slot(env), DEPTH, ROOT, new_slot(env), DEPTH, 0),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(cnode_mutate_to_occupied_slot_is_delete_first) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_mutate(ROOT, ep, DEPTH, ROOT, cn, DEPTH, 0), RAMPART_DELETE_FIRST);
}

TEST(cnode_rotate_pivot_equal_to_dest_is_illegal) {
    const uint64_t a = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t p = make(env, RAMPART_OBJ_CNODE, 2);
    CHECK_EQ(rampart_cnode_rotate(ROOT, p, DEPTH, 0, ROOT, p, DEPTH, 0, ROOT, a, DEPTH),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(cnode_rotate_into_occupied_dest_is_delete_first) {
    const uint64_t a = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t p = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t d = make(env, RAMPART_OBJ_CNODE, 2);
    CHECK_EQ(rampart_cnode_rotate(ROOT, d, DEPTH, 0, ROOT, p, DEPTH, 0, ROOT, a, DEPTH),
             RAMPART_DELETE_FIRST);
}

TEST(cnode_rotate_empty_source_fails_lookup_of_source) {
    const uint64_t p = make(env, RAMPART_OBJ_CNODE, 2);
    CHECK_EQ(rampart_cnode_rotate(ROOT, new_slot(env), DEPTH, 0, ROOT, p, DEPTH, 0, ROOT,
                                  new_slot(env), DEPTH),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(cnode_rotate_empty_pivot_fails_lookup) {
    const uint64_t a = make(env, RAMPART_OBJ_CNODE, 2);
    CHECK_EQ(rampart_cnode_rotate(ROOT, new_slot(env), DEPTH, 0, ROOT, new_slot(env), DEPTH, 0,
                                  ROOT, a, DEPTH),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 0); /* the pivot counts as a destination */
    CHECK(occupied(env, a));
}

TEST(cnode_rotate_through_three_slots) {
    const uint64_t src = make(env, RAMPART_OBJ_CNODE, 2);   /* 4 slots */
    const uint64_t pivot = make(env, RAMPART_OBJ_CNODE, 3); /* 8 slots */
    const uint64_t dest = new_slot(env);
    /* pivot -> dest (with dest data: guard 3 bits), src -> pivot (guard 1 bit) */
    CHECK_OK(rampart_cnode_rotate(ROOT, dest, DEPTH, RAMPART_CNODE_CAPDATA(0, 3), ROOT, pivot,
                                  DEPTH, RAMPART_CNODE_CAPDATA(0, 1), ROOT, src, DEPTH));
    CHECK(!occupied(env, src));
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_OK(rampart_cnode_copy(dest, 5, 6, ROOT, ep, DEPTH, ALL));  /* 3 + 3 bits */
    CHECK_OK(rampart_cnode_copy(pivot, 3, 3, ROOT, ep, DEPTH, ALL)); /* 1 + 2 bits */
}

TEST(cnode_revoke_without_children_keeps_the_cap) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_cnode_revoke(ROOT, n, DEPTH));
    CHECK(occupied(env, n));
    CHECK_OK(rampart_cnode_revoke(ROOT, new_slot(env), DEPTH)); /* empty: nothing to do */
}

TEST(cnode_revoke_of_a_badged_cap_removes_only_its_copies) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t b1 = mint(env, ep, ALL, 1), b2 = mint(env, ep, ALL, 2);
    const uint64_t c1 = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, c1, DEPTH, ROOT, b1, DEPTH, ALL));
    CHECK_OK(rampart_cnode_revoke(ROOT, b1, DEPTH));
    CHECK(!occupied(env, c1));
    CHECK(occupied(env, b1));
    CHECK(occupied(env, b2));
    CHECK(occupied(env, ep));
}

TEST(cnode_delete_depth_out_of_range) {
    CHECK_EQ(rampart_cnode_delete(ROOT, new_slot(env), 65), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 64);
    const uint64_t words[1] = {new_slot(env)};
    CHECK_EQ(rampart_invoke(ROOT, RAMPART_CNODE_DELETE, 1, words, 0, 0), RAMPART_TRUNCATED_MESSAGE);
}

TEST(cnode_deleting_a_cnode_deletes_the_caps_in_it) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 44, ROOT, h, DEPTH));
    CHECK_OK(rampart_cnode_move(cn, 1, 2, ROOT, h, DEPTH));
    CHECK(!occupied(env, h));
    /* the handler lives on inside the CNode */
    CHECK_EQ(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 44, ROOT, h, DEPTH),
             RAMPART_REVOKE_FIRST);
    CHECK_OK(rampart_cnode_delete(ROOT, cn, DEPTH));
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, 44, ROOT, h, DEPTH));
}

TEST(cnode_holding_a_cap_to_itself_is_reclaimed_by_revoke) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t cn = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_CNODE, 2, ROOT, 0, 0, cn, 1));
    CHECK_OK(rampart_cnode_copy(cn, 0, 2, ROOT, cn, DEPTH, ALL));
    CHECK_OK(rampart_cnode_delete(ROOT, cn, DEPTH)); /* not the last cap */
    CHECK_EQ(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 12, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_NOT_ENOUGH_MEMORY);
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 12, ROOT, 0, 0, new_slot(env), 1));
    CHECK_EQ(rampart_debug_check(), 0);
}

static void send_value(uint64_t ep, uint64_t value) {
    uint64_t mr[4] = {value, 0, 0, 0};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
}

static uint64_t cancel_badged_sends(uint64_t slot) {
    const uint64_t words[2] = {slot, DEPTH};
    return rampart_invoke(ROOT, RAMPART_CNODE_CANCEL_BADGED_SENDS, 2, words, 0, 0);
}

TEST(cnode_cancel_badged_sends_makes_senders_retry) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t b5 = mint(env, ep, ALL, 5), b6 = mint(env, ep, ALL, 6);
    spawn(env, send_value, b5, 50, 255);
    spawn(env, send_value, b6, 60, 255);
    rampart_yield(); /* both block sending, 5 first */
    CHECK_OK(cancel_badged_sends(b5));
    /* only the badge-6 sender is still queued */
    uint64_t mr[4] = {0}, badge = 0;
    rampart_msginfo_t info = rampart_nbrecv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 6);
    CHECK_EQ(mr[0], 60);
    badge = 0;
    info = rampart_nbrecv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 0);
    CHECK_EQ(rampart_msginfo_length(info), 0);
    /* the cancelled sender sends again once it runs */
    info = rampart_recv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 5);
    CHECK_EQ(mr[0], 50);
}

TEST(cnode_cancel_badged_sends_of_a_non_endpoint_is_illegal) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(cancel_badged_sends(mint(env, n, ALL, 3)), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(cancel_badged_sends(new_slot(env)), RAMPART_ILLEGAL_OPERATION);
}

/* seL4: CancelBadgedSends needs an endpoint cap with every right
   (hasCancelSendRights); a weaker cap is an illegal operation. */
TEST(cnode_cancel_badged_sends_needs_full_rights) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t weak = mint(env, ep, RAMPART_RIGHT_WRITE, 9);
    spawn(env, send_value, weak, 90, 255);
    rampart_yield();
    CHECK_EQ(cancel_badged_sends(weak), RAMPART_ILLEGAL_OPERATION);
    uint64_t mr[4] = {0}, badge = 0;
    rampart_nbrecv(ep, &badge, 0, mr);
    CHECK_EQ(badge, 9); /* still queued */
}
