/* Untyped Retype clears what it hands out, when it hands it out (Rampart's
   rule, docs/boot-memory.md), seen through Untyped Describe: the watermark
   and the clear mark. Memory handed out is always zero. */
#include "framework.h"

#include <rampart/invocations.h>

#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define PROBE_VA 0xc0000000ull /* a gigabyte of the root VSpace nothing else uses */

static uint64_t watermark_of(uint64_t ut) {
    uint64_t w = ~0ull, c = ~0ull;
    return rampart_untyped_describe(ut, &w, &c) == RAMPART_NO_ERROR ? w : ~0ull;
}

static uint64_t clear_mark_of(uint64_t ut) {
    uint64_t w = ~0ull, c = ~0ull;
    return rampart_untyped_describe(ut, &w, &c) == RAMPART_NO_ERROR ? c : ~0ull;
}

TEST(describe_follows_retype_and_reset) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 16);
    CHECK_EQ(watermark_of(ut), 0);
    CHECK_EQ(clear_mark_of(ut), 0); /* a new untyped: nothing known clear */
    CHECK_EQ(rampart_reply_length(), 2);
    const uint64_t ep = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, ep, 1));
    CHECK_EQ(watermark_of(ut), 16);
    CHECK_EQ(clear_mark_of(ut), 256); /* cleared up to the clear unit */
    const uint64_t frame = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, frame, 1));
    CHECK_EQ(watermark_of(ut), 8192);
    CHECK_EQ(clear_mark_of(ut), 8192); /* the padding before the frame too */
    const uint64_t child = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 12, ROOT, 0, 0, child, 1));
    CHECK_EQ(watermark_of(ut), 12288);
    CHECK_EQ(clear_mark_of(ut), 8192); /* untyped children are not cleared */
    CHECK_EQ(clear_mark_of(child), 0);
    const uint64_t ep2 = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, ep2, 1));
    CHECK_EQ(watermark_of(ut), 12304);
    CHECK_EQ(clear_mark_of(ut), 12544);
    /* Once the children are gone, the next Retype clears all that was handed out. */
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, ep, 1));
    CHECK_EQ(watermark_of(ut), 16);
    CHECK_EQ(clear_mark_of(ut), 12544);
}

TEST(describe_on_other_caps_is_illegal) {
    uint64_t w = 0, c = 0;
    CHECK_EQ(rampart_untyped_describe(make(env, RAMPART_OBJ_TCB, 0), &w, &c),
             RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_untyped_describe(make(env, RAMPART_OBJ_CNODE, 2), &w, &c),
             RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_untyped_describe(make(env, RAMPART_OBJ_FRAME_4K, 0), &w, &c),
             RAMPART_ILLEGAL_OPERATION);
}

/* The boot untyped at the bottom of RAM held the loader and the image payload
   (and QEMU's device tree): a 2 MiB frame made there, with an untyped in
   between, reads all zeroes, and only it was cleared. */
TEST(boot_memory_is_cleared_when_handed_out) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t ut = 0, lowest = ~0ull;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi); ++i) {
        const struct rampart_untyped_desc* d = &bi->untyped_list[i];
        if (!d->is_device && d->size_bits >= 22 && d->paddr < lowest) {
            lowest = d->paddr;
            ut = bi->untyped.start + i;
        }
    }
    CHECK(ut != 0);
    const uint64_t w0 = watermark_of(ut), c0 = clear_mark_of(ut);
    const uint64_t mid = new_slot(env), frame = new_slot(env), table = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_UNTYPED, 21, ROOT, 0, 0, mid, 1));
    CHECK_EQ(clear_mark_of(ut), c0);
    CHECK_OK(rampart_untyped_retype(mid, RAMPART_OBJ_FRAME_2M, 0, ROOT, 0, 0, frame, 1));
    CHECK_EQ(watermark_of(mid), 2u << 20);
    CHECK_EQ(clear_mark_of(mid), 2u << 20);
    CHECK(watermark_of(ut) >= w0 + (2u << 20));
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_PAGE_TABLE, 0, ROOT, 0, 0, table, 1));
    CHECK_OK(rampart_page_table_map(table, RAMPART_ROOT_VSPACE, PROBE_VA, 0));
    CHECK_OK(rampart_page_map(frame, RAMPART_ROOT_VSPACE, PROBE_VA, RW,
                              RAMPART_ATTR_CACHEABLE | RAMPART_ATTR_EXECUTE_NEVER));
    const volatile uint64_t* words = (const volatile uint64_t*)PROBE_VA;
    uint64_t nonzero = 0;
    for (uint64_t i = 0; i < (2u << 20) / 8; ++i)
        nonzero += words[i] != 0;
    CHECK_EQ(nonzero, 0);
    CHECK_OK(rampart_cnode_delete(ROOT, frame, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, table, DEPTH));
}
