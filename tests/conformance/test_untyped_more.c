/* More Untyped Retype: copies of untypeds, zeroing after reset, error words,
   the fan-out limit, device untypeds split further. */
#include "framework.h"

#include <rampart/ipc.h>

#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define VA 0x40000000ull

static uint64_t paddr_of(uint64_t frame) {
    uint64_t pa = 0;
    return rampart_page_get_address(frame, &pa) == RAMPART_NO_ERROR ? pa : ~(uint64_t)0;
}

TEST(retype_a_copy_of_an_untyped_takes_its_free_space) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t copy = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, ut, DEPTH, RAMPART_RIGHTS_ALL));
    CHECK_EQ(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, new_slot(env), 1),
             RAMPART_NOT_ENOUGH_MEMORY);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_OK(rampart_untyped_retype(copy, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, new_slot(env), 1));
}

TEST(retype_from_the_arena_reports_the_bytes_left) {
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_FRAME_1G, 0, ROOT, 0, 0, new_slot(env), 1),
        RAMPART_NOT_ENOUGH_MEMORY);
    CHECK_EQ(rampart_mr(0), 1ull << ARENA_BITS);
    (void)make(env, RAMPART_OBJ_FRAME_2M, 0);
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_UNTYPED, 23, ROOT, 0, 0, new_slot(env), 1),
        RAMPART_NOT_ENOUGH_MEMORY);
    CHECK_EQ(rampart_mr(0), (1ull << ARENA_BITS) - 0x200000);
}

TEST(retype_after_revoke_gives_zeroed_memory) {
    CHECK_OK(
        rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), RAMPART_ROOT_VSPACE, VA, 0));
    CHECK_OK(
        rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), RAMPART_ROOT_VSPACE, VA, 0));
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    CHECK_OK(rampart_page_map(f, RAMPART_ROOT_VSPACE, VA, RW, RAMPART_ATTR_CACHEABLE));
    *(volatile uint64_t*)(VA + 0x100) = 0xdead;
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH)); /* the frame goes, and its mapping */
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    CHECK_OK(rampart_page_map(f, RAMPART_ROOT_VSPACE, VA, RW, RAMPART_ATTR_CACHEABLE));
    CHECK_EQ(*(volatile uint64_t*)(VA + 0x100), 0);
}

TEST(retype_the_fan_out_limit_at_once) {
    const uint64_t first = new_slot(env);
    for (unsigned i = 1; i < RAMPART_RETYPE_FAN_OUT_LIMIT; ++i)
        (void)new_slot(env);
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_NOTIFICATION, 0, ROOT, 0, 0, first,
                                    RAMPART_RETYPE_FAN_OUT_LIMIT));
    /* the last one is a working notification */
    const uint64_t last = first + RAMPART_RETYPE_FAN_OUT_LIMIT - 1;
    const uint64_t badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, last, DEPTH, RAMPART_RIGHTS_ALL, 3));
    rampart_signal(badged);
    CHECK_EQ(rampart_poll(last), 3);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_NOTIFICATION, 0, ROOT, 0, 0, first, 1),
             RAMPART_DELETE_FIRST);
}

TEST(retype_window_error_words) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, 2); /* 4 slots */
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, cn, DEPTH, 4, 1),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), 3);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, cn, DEPTH, 2, 3),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 2);
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ROOT, cn, DEPTH, 2, 2));
}

TEST(retype_root_must_be_a_cnode) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_untyped_retype(env->arena, RAMPART_OBJ_ENDPOINT, 0, ep, 0, 0, 5, 1),
             RAMPART_FAILED_LOOKUP);
    const uint64_t words[5] = {RAMPART_OBJ_ENDPOINT, 0, 0, 0, new_slot(env)};
    CHECK_EQ(rampart_invoke(env->arena, RAMPART_UNTYPED_RETYPE, 5, words, 1,
                            (const rampart_cptr_t[]){ROOT}),
             RAMPART_TRUNCATED_MESSAGE);
    const uint64_t six[6] = {RAMPART_OBJ_ENDPOINT, 0, 0, 0, new_slot(env), 1};
    CHECK_EQ(rampart_invoke(env->arena, RAMPART_UNTYPED_RETYPE, 6, six, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(retype_cnode_radix_too_large_is_range_error) {
    CHECK_EQ(
        rampart_untyped_retype(env->arena, RAMPART_OBJ_CNODE, 43, ROOT, 0, 0, new_slot(env), 1),
        RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 42);
}

TEST(retype_device_untyped_into_smaller_untypeds) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t dev = 0, base = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) && !dev; ++i)
        if (bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 13) {
            dev = bi->untyped.start + i;
            base = bi->untyped_list[i].paddr;
        }
    CHECK(dev != 0);
    const uint64_t half = new_slot(env), f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(dev, RAMPART_OBJ_UNTYPED, 12, ROOT, 0, 0, half, 1));
    CHECK_EQ(rampart_untyped_retype(half, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, f, 1),
             RAMPART_INVALID_ARGUMENT);
    CHECK_OK(rampart_untyped_retype(half, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    CHECK_EQ(paddr_of(f), base);
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, half, DEPTH));
}

TEST(untyped_unknown_label_is_illegal) {
    CHECK_EQ(rampart_invoke(env->arena, RAMPART_CNODE_COPY, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
}
