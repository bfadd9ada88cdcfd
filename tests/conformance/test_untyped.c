/* Untyped Retype: every object type, and every documented error. */
#include "framework.h"

static uint64_t paddr_of(uint64_t frame) {
    uint64_t pa = 0;
    return rampart_page_get_address(frame, &pa) == RAMPART_NO_ERROR ? pa : ~(uint64_t)0;
}

TEST(retype_every_object_type) {
    static const uint64_t types[][2] = {
        {RAMPART_OBJ_UNTYPED, 12},     {RAMPART_OBJ_TCB, 0},      {RAMPART_OBJ_ENDPOINT, 0},
        {RAMPART_OBJ_NOTIFICATION, 0}, {RAMPART_OBJ_CNODE, 4},    {RAMPART_OBJ_SCHED_CONTEXT, 8},
        {RAMPART_OBJ_REPLY, 0},        {RAMPART_OBJ_FRAME_4K, 0}, {RAMPART_OBJ_FRAME_2M, 0},
        {RAMPART_OBJ_PAGE_TABLE, 0},   {RAMPART_OBJ_VSPACE, 0},
    };
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; ++i)
        CHECK_OK(rampart_untyped_retype(env->arena, types[i][0], types[i][1], ROOT, 0, 0,
                                        new_slot(env), 1));
}

TEST(retype_many_objects_at_once) {
    const uint64_t first = new_slot(env);
    for (unsigned i = 1; i < 16; ++i)
        (void)new_slot(env);
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, first, 16));
}

TEST(retype_unknown_type_is_invalid_argument_0) {
    CHECK_EQ(rampart_untyped_retype(env->arena, 99, 0, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
}

TEST(retype_untyped_below_minimum_size_is_invalid_argument_1) {
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_UNTYPED, 3, ROOT, 0, 0, new_slot(env), 1),
        RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(retype_untyped_above_maximum_size_is_range_error) {
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_UNTYPED, 48, ROOT, 0, 0, new_slot(env), 1),
        RAMPART_RANGE_ERROR);
}

TEST(retype_cnode_radix_zero_is_invalid_argument) {
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_CNODE, 0, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_INVALID_ARGUMENT);
}

TEST(retype_sched_context_size_is_checked) {
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_SCHED_CONTEXT, 7, ROOT, 0, 0,
                                    new_slot(env), 1),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_SCHED_CONTEXT, 17, ROOT, 0, 0,
                                    new_slot(env), 1),
             RAMPART_RANGE_ERROR);
}

TEST(retype_count_zero_is_range_error) {
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, new_slot(env), 0),
        RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), RAMPART_RETYPE_FAN_OUT_LIMIT);
}

TEST(retype_count_above_fan_out_is_range_error) {
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, new_slot(env),
                                    RAMPART_RETYPE_FAN_OUT_LIMIT + 1),
             RAMPART_RANGE_ERROR);
}

TEST(retype_window_past_the_cnode_is_range_error) {
    const uint64_t slots = 1ull << env->bi->root_cnode_bits;
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, slots, 1),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, slots - 1, 2),
             RAMPART_RANGE_ERROR);
}

TEST(retype_into_occupied_slot_is_delete_first) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, ep, 1),
             RAMPART_DELETE_FIRST);
}

TEST(retype_beyond_the_untyped_is_not_enough_memory) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 11, ROOT, 0, 0, new_slot(env), 1));
    CHECK_EQ(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 12, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_NOT_ENOUGH_MEMORY);
    CHECK_EQ(rampart_mr(0), 2048); /* bytes left */
}

TEST(retype_aligns_objects_naturally) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 16);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, new_slot(env), 1));
    const uint64_t frame = new_slot(env), base = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, frame, 1));
    const uint64_t pa = paddr_of(frame);
    CHECK_EQ(pa & 0xfff, 0);
    /* the endpoint took the first 16 bytes: the frame is the untyped's second page */
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, base, 1));
    CHECK_EQ(paddr_of(base) + 0x1000, pa);
}

TEST(retype_reuses_memory_after_children_are_gone) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 13);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    const uint64_t pa = paddr_of(f);
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    CHECK_EQ(paddr_of(f), pa);
}

TEST(retype_device_untyped_only_into_frames) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t dev = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) && !dev; ++i)
        if (bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 12)
            dev = bi->untyped.start + i;
    CHECK(dev != 0);
    CHECK_EQ(rampart_untyped_retype(dev, RAMPART_OBJ_TCB, 0, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 1);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(dev, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
}

TEST(retype_into_a_cnode_addressed_by_depth) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 4);
    /* destination CNode named by (index cn, depth 64) from the root */
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, cn, DEPTH, 5, 3));
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, cn, DEPTH, 15, 2),
             RAMPART_RANGE_ERROR);
}

TEST(retype_destination_not_a_cnode_fails_lookup) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, ep, DEPTH, 0, 1),
             RAMPART_FAILED_LOOKUP);
}

TEST(retype_on_a_non_untyped_is_illegal) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    /* a TCB has no Retype: the label means nothing to it */
    CHECK_EQ(rampart_untyped_retype(tcb, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_ILLEGAL_OPERATION);
}
