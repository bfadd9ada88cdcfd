/* CNode invocations: Copy, Mint, Move, Mutate, Rotate, Delete, Revoke. */
#include "framework.h"

#define ALL RAMPART_RIGHTS_ALL

/* Whether a slot of the root CNode holds a cap (probed with a Copy). */
static int holds_cap(struct env* env, uint64_t slot) {
    const uint64_t probe = new_slot(env);
    const uint64_t err = rampart_cnode_copy(ROOT, probe, DEPTH, ROOT, slot, DEPTH, ALL);
    if (err == RAMPART_NO_ERROR)
        rampart_cnode_delete(ROOT, probe, DEPTH);
    return err != RAMPART_FAILED_LOOKUP;
}

TEST(cnode_copy_endpoint) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t dest = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, dest, DEPTH, ROOT, ep, DEPTH, ALL));
    CHECK(holds_cap(env, dest));
    CHECK(holds_cap(env, ep));
}

TEST(cnode_copy_to_occupied_slot_is_delete_first) {
    const uint64_t a = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t b = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_copy(ROOT, b, DEPTH, ROOT, a, DEPTH, ALL), RAMPART_DELETE_FIRST);
}

TEST(cnode_copy_from_empty_slot_fails_lookup_of_source) {
    const uint64_t empty = new_slot(env);
    const uint64_t dest = new_slot(env);
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, DEPTH, ROOT, empty, DEPTH, ALL), RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 1); /* the source failed */
    CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_MISSING_CAPABILITY);
}

TEST(cnode_copy_depth_out_of_range) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t dest = new_slot(env);
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, 0, ROOT, ep, DEPTH, ALL), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 64);
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, 65, ROOT, ep, DEPTH, ALL), RAMPART_RANGE_ERROR);
}

TEST(cnode_copy_depth_mismatch) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t dest = new_slot(env);
    /* The root CNode resolves 64 bits (guard and radix): depth 60 is short. */
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, 60, ROOT, ep, DEPTH, ALL), RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(0), 0); /* the destination failed */
}

TEST(cnode_copy_truncated_message) {
    const uint64_t words[2] = {new_slot(env), DEPTH};
    CHECK_EQ(rampart_invoke(ROOT, RAMPART_CNODE_COPY, 2, words, 0, 0), RAMPART_TRUNCATED_MESSAGE);
}

TEST(cnode_copy_without_source_root_cap) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t words[5] = {new_slot(env), DEPTH, ep, DEPTH, ALL};
    CHECK_EQ(rampart_invoke(ROOT, RAMPART_CNODE_COPY, 5, words, 0, 0), RAMPART_TRUNCATED_MESSAGE);
}

TEST(cnode_copy_irq_control_is_illegal) {
    const uint64_t dest = new_slot(env);
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, DEPTH, ROOT, RAMPART_ROOT_IRQ_CONTROL, DEPTH, ALL),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(cnode_copy_untyped_with_children_is_revoke_first) {
    const uint64_t dest = new_slot(env);
    (void)make(env, RAMPART_OBJ_ENDPOINT, 0); /* the arena now has a child */
    CHECK_EQ(rampart_cnode_copy(ROOT, dest, DEPTH, ROOT, env->arena, DEPTH, ALL),
             RAMPART_REVOKE_FIRST);
}

TEST(cnode_mint_badges_an_endpoint) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ep, DEPTH, ALL, 0x55));
    CHECK(holds_cap(env, badged));
}

TEST(cnode_mint_cannot_rebadge) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t badged = new_slot(env), again = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, ep, DEPTH, ALL, 0x55));
    CHECK_EQ(rampart_cnode_mint(ROOT, again, DEPTH, ROOT, badged, DEPTH, ALL, 0x66),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(cnode_move_empties_the_source) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t dest = new_slot(env);
    CHECK_OK(rampart_cnode_move(ROOT, dest, DEPTH, ROOT, ep, DEPTH));
    CHECK(!holds_cap(env, ep));
    CHECK(holds_cap(env, dest));
}

TEST(cnode_move_to_occupied_slot_is_delete_first) {
    const uint64_t a = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t b = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(rampart_cnode_move(ROOT, b, DEPTH, ROOT, a, DEPTH), RAMPART_DELETE_FIRST);
    CHECK(holds_cap(env, a));
}

TEST(cnode_mutate_sets_a_cnode_guard) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 4);
    const uint64_t dest = new_slot(env);
    /* guard 0 of 8 bits, packed as in RAMPART_CNODE_CAPDATA */
    CHECK_OK(rampart_cnode_mutate(ROOT, dest, DEPTH, ROOT, cn, DEPTH, RAMPART_CNODE_CAPDATA(0, 8)));
    CHECK(!holds_cap(env, cn));
    CHECK(holds_cap(env, dest));
}

TEST(cnode_rotate_swaps_two_caps) {
    /* Rotate rewrites cap data (as Mutate does): CNode caps take a guard. */
    const uint64_t a = make(env, RAMPART_OBJ_CNODE, 2);
    const uint64_t b = make(env, RAMPART_OBJ_CNODE, 3);
    CHECK_OK(rampart_cnode_rotate(ROOT, a, DEPTH, RAMPART_CNODE_CAPDATA(0, 4), ROOT, b, DEPTH,
                                  RAMPART_CNODE_CAPDATA(0, 5), ROOT, a, DEPTH));
    CHECK(holds_cap(env, a));
    CHECK(holds_cap(env, b));
    /* a now holds the 8-slot CNode with the 4-bit guard (dest data): 7 bits */
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_OK(rampart_cnode_copy(a, 1, 7, ROOT, ep, DEPTH, ALL));
    /* b holds the 4-slot CNode with the 5-bit guard (pivot data): 7 bits */
    CHECK_OK(rampart_cnode_copy(b, 1, 7, ROOT, ep, DEPTH, ALL));
}

TEST(cnode_mutate_of_an_endpoint_is_illegal) {
    /* As in seL4: Mutate and Rotate cannot set a badge (only Mint can). */
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_cnode_mutate(ROOT, new_slot(env), DEPTH, ROOT, ep, DEPTH, 5),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(cnode_rotate_to_itself_is_illegal) {
    const uint64_t a = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t b = new_slot(env);
    /* pivot == src is not allowed */
    CHECK_EQ(rampart_cnode_rotate(ROOT, b, DEPTH, 0, ROOT, a, DEPTH, 0, ROOT, a, DEPTH),
             RAMPART_ILLEGAL_OPERATION);
}

TEST(cnode_delete_empties_a_slot) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_OK(rampart_cnode_delete(ROOT, ep, DEPTH));
    CHECK(!holds_cap(env, ep));
}

TEST(cnode_delete_of_empty_slot_succeeds) {
    CHECK_OK(rampart_cnode_delete(ROOT, new_slot(env), DEPTH));
}

TEST(cnode_revoke_removes_descendants) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t b1 = new_slot(env), b2 = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, b1, DEPTH, ROOT, ep, DEPTH, ALL, 1));
    CHECK_OK(rampart_cnode_mint(ROOT, b2, DEPTH, ROOT, ep, DEPTH, ALL, 2));
    CHECK_OK(rampart_cnode_revoke(ROOT, ep, DEPTH));
    CHECK(holds_cap(env, ep));
    CHECK(!holds_cap(env, b1));
    CHECK(!holds_cap(env, b2));
}

TEST(cnode_revoke_untyped_deletes_its_objects) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 16);
    const uint64_t obj = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, obj, 1));
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH));
    CHECK(!holds_cap(env, obj));
    /* its memory is free again */
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 16, ROOT, 0, 0, obj, 1));
}

TEST(cnode_unknown_label_is_illegal) {
    CHECK_EQ(rampart_invoke(ROOT, 1000, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
}

TEST(invoking_an_empty_slot_is_invalid_capability) {
    CHECK_EQ(rampart_invoke(new_slot(env), RAMPART_CNODE_DELETE, 0, 0, 0, 0),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 0);
}

TEST(cnode_guard_is_checked_in_lookups) {
    /* A CNode of 16 slots with a guard of 8 zero bits: it resolves 12 bits. */
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 4);
    const uint64_t guarded = new_slot(env);
    CHECK_OK(
        rampart_cnode_mutate(ROOT, guarded, DEPTH, ROOT, cn, DEPTH, RAMPART_CNODE_CAPDATA(0, 8)));
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_OK(rampart_cnode_copy(guarded, 3, 12, ROOT, ep, DEPTH, ALL));
    CHECK_EQ(rampart_cnode_copy(guarded, 3, 12, ROOT, ep, DEPTH, ALL), RAMPART_DELETE_FIRST);
    /* a guard of 0x15 where 0 is expected */
    CHECK_EQ(rampart_cnode_copy(guarded, (0x15 << 4) | 3, 12, ROOT, ep, DEPTH, ALL),
             RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_GUARD_MISMATCH);
    /* 4 bits cannot pass an 8-bit guard */
    CHECK_EQ(rampart_cnode_copy(guarded, 3, 4, ROOT, ep, DEPTH, ALL), RAMPART_FAILED_LOOKUP);
    CHECK_OK(rampart_cnode_delete(guarded, 3, 12));
}
