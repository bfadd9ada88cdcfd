/* The boot info as seL4 lays it out (bootinfo.h), checked against the
   root task's live CSpace: the fixed slots, the slot regions in seL4's order,
   the root CNode's size, the IPC buffer. */
#include "framework.h"

#define ALL RAMPART_RIGHTS_ALL

/* Whether a root slot holds a cap (probed with a Copy, as in test_cnode.c). */
static int root_slot_used(struct env* env, uint64_t slot) {
    const uint64_t probe = new_slot(env);
    const uint64_t err = rampart_cnode_copy(ROOT, probe, DEPTH, ROOT, slot, DEPTH, ALL);
    if (err == RAMPART_NO_ERROR)
        rampart_cnode_delete(ROOT, probe, DEPTH);
    return err != RAMPART_FAILED_LOOKUP;
}

static int is_frame(uint64_t slot) {
    uint64_t pa = 0;
    return rampart_page_get_address(slot, &pa) == RAMPART_NO_ERROR && pa != 0;
}

TEST(bootinfo_header_fields) {
    const struct rampart_bootinfo* bi = env->bi;
    CHECK_EQ(bi->node_id, 0);
    CHECK_EQ(bi->node_count, 1);
    CHECK_EQ(bi->iopt_levels, 0);
    CHECK_EQ(bi->extra_len, 0); /* this image carries no boot data */
    CHECK_EQ(bi->domain, 0);
    CHECK_EQ(bi->ipc_buffer, (uint64_t)rampart_ipc_buffer());
    CHECK(bi->root_cnode_bits >= RAMPART_ROOT_CNODE_MIN_BITS);
    CHECK(bi->root_cnode_bits <= RAMPART_ROOT_CNODE_MAX_BITS);
    /* The boot-info page follows the IPC buffer page, as in seL4. */
    CHECK_EQ((uint64_t)bi, bi->ipc_buffer + 0x1000);
}

TEST(bootinfo_regions_in_sel4_order) {
    const struct rampart_bootinfo* bi = env->bi;
    CHECK_EQ(bi->user_image_paging.start, RAMPART_ROOT_FIRST_FREE);
    CHECK(bi->user_image_paging.end > bi->user_image_paging.start);
    CHECK_EQ(bi->extra_bi_pages.start, bi->user_image_paging.end);
    CHECK_EQ(bi->extra_bi_pages.end, bi->extra_bi_pages.start);
    CHECK_EQ(bi->sched_control.start, bi->extra_bi_pages.end);
    CHECK_EQ(bi->sched_control.end, bi->sched_control.start + 1);
    CHECK_EQ(bi->user_image_frames.start, bi->sched_control.end);
    CHECK(bi->user_image_frames.end > bi->user_image_frames.start);
    CHECK_EQ(bi->untyped.start, bi->user_image_frames.end);
    CHECK(bi->untyped.end > bi->untyped.start);
    CHECK(rampart_bootinfo_untyped_count(bi) <= RAMPART_MAX_BOOT_UNTYPEDS);
    CHECK_EQ(bi->empty.start, bi->untyped.end);
    CHECK_EQ(bi->empty.end, 1ull << bi->root_cnode_bits);
    CHECK_EQ(bi->shared_frames.start, bi->shared_frames.end);
    CHECK_EQ(bi->io_space_caps.start, bi->io_space_caps.end);
}

TEST(bootinfo_fixed_slots) {
    static const uint64_t used[] = {RAMPART_ROOT_TCB,        RAMPART_ROOT_CNODE,
                                    RAMPART_ROOT_VSPACE,     RAMPART_ROOT_IRQ_CONTROL,
                                    RAMPART_ROOT_ASID_CONTROL, RAMPART_ROOT_ASID_POOL,
                                    RAMPART_ROOT_BOOTINFO_FRAME, RAMPART_ROOT_IPC_BUFFER,
                                    RAMPART_ROOT_DOMAIN,     RAMPART_ROOT_SC};
    /* What this kernel does not have (IO ports and space, SMMU, SMC) is a null cap. */
    static const uint64_t null[] = {RAMPART_ROOT_NULL,
                                    RAMPART_ROOT_IO_PORT_CONTROL,
                                    RAMPART_ROOT_IO_SPACE,
                                    RAMPART_ROOT_SMMU_SID_CONTROL,
                                    RAMPART_ROOT_SMMU_CB_CONTROL,
                                    RAMPART_ROOT_SMC};
    for (unsigned i = 0; i < sizeof used / sizeof used[0]; ++i)
        CHECK(root_slot_used(env, used[i]));
    for (unsigned i = 0; i < sizeof null / sizeof null[0]; ++i)
        CHECK(!root_slot_used(env, null[i]));
    CHECK(is_frame(RAMPART_ROOT_BOOTINFO_FRAME));
    CHECK(is_frame(RAMPART_ROOT_IPC_BUFFER));
}

TEST(bootinfo_region_contents) {
    const struct rampart_bootinfo* bi = env->bi;
    for (uint64_t s = bi->user_image_frames.start; s < bi->user_image_frames.end; ++s)
        CHECK(is_frame(s));
    for (uint64_t s = bi->user_image_paging.start; s < bi->user_image_paging.end; ++s)
        CHECK(root_slot_used(env, s) && !is_frame(s));
    /* The SchedControl cap configures a scheduling context. */
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, RAMPART_SCHED_CONTEXT_MIN_BITS);
    CHECK_OK(rampart_sched_control_configure(bi->sched_control.start, sc, 1000, 1000, 0, 0));
    /* The empty region is empty up to the CNode's last slot (the framework
       uses its start for the arena and the tests' slots). */
    CHECK(!root_slot_used(env, bi->empty.end - 1));
}

TEST(bootinfo_root_cnode_size) {
    const struct rampart_bootinfo* bi = env->bi;
    const uint64_t last = (1ull << bi->root_cnode_bits) - 1;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    /* The last slot exists; one past it is beyond the CNode (the guard fails). */
    CHECK_OK(rampart_cnode_copy(ROOT, last, DEPTH, ROOT, ep, DEPTH, ALL));
    CHECK_OK(rampart_cnode_delete(ROOT, last, DEPTH));
    CHECK_EQ(rampart_cnode_copy(ROOT, last + 1, DEPTH, ROOT, ep, DEPTH, ALL),
             RAMPART_FAILED_LOOKUP);
}
