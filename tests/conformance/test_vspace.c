/* AArch64 virtual memory: page tables, frames, ASID pools, cache operations. */
#include "framework.h"

#define VS RAMPART_ROOT_VSPACE
#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define BASE 0x40000000ull /* 1 GiB: far from the root task's image */
#define CACHED RAMPART_ATTR_CACHEABLE

/* Page tables for the 2 MiB at vaddr in the root VSpace. */
static void tables_for(struct env* env, uint64_t vaddr) {
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, vaddr, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, vaddr, 0));
}

TEST(vm_map_a_frame_and_use_it) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    volatile uint64_t* p = (volatile uint64_t*)BASE;
    p[0] = 0x1122334455667788ull;
    CHECK_EQ(p[0], 0x1122334455667788ull);
    CHECK_OK(rampart_page_unmap(f));
}

TEST(vm_memory_is_shared_between_two_mappings) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t copy = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, f, DEPTH, RW));
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    CHECK_OK(rampart_page_map(copy, VS, BASE + 0x1000, RW, CACHED));
    *(volatile uint32_t*)(BASE + 16) = 0xfeed;
    CHECK_EQ(*(volatile uint32_t*)(BASE + 0x1000 + 16), 0xfeed);
}

TEST(vm_new_frames_are_zeroed) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    uint64_t sum = 0;
    for (unsigned i = 0; i < 512; ++i)
        sum |= ((volatile uint64_t*)BASE)[i];
    CHECK_EQ(sum, 0);
}

TEST(vm_map_without_page_table_fails_lookup) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(f, VS, BASE, RW, CACHED), RAMPART_FAILED_LOOKUP);
}

TEST(vm_map_misaligned_is_alignment_error) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(f, VS, BASE + 0x800, RW, CACHED), RAMPART_ALIGNMENT_ERROR);
}

TEST(vm_map_kernel_address_is_invalid_argument) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(f, VS, 0xffffff8000000000ull, RW, CACHED), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
}

TEST(vm_map_over_a_mapping_is_delete_first) {
    tables_for(env, BASE);
    const uint64_t a = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t b = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(a, VS, BASE, RW, CACHED));
    CHECK_EQ(rampart_page_map(b, VS, BASE, RW, CACHED), RAMPART_DELETE_FIRST);
}

TEST(vm_mapped_frame_cannot_map_elsewhere) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    /* as seL4: the address (argument 0) is wrong */
    CHECK_EQ(rampart_page_map(f, VS, BASE + 0x1000, RW, CACHED), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
}

TEST(vm_remap_changes_rights) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    *(volatile uint64_t*)BASE = 5;
    CHECK_OK(rampart_page_map(f, VS, BASE, RAMPART_RIGHT_READ, CACHED));
    CHECK_EQ(*(volatile uint64_t*)BASE, 5);
}

TEST(vm_map_without_read_right_is_invalid_argument) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(f, VS, BASE, RAMPART_RIGHT_WRITE, CACHED), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(vm_map_into_a_vspace_without_asid_is_invalid) {
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(f, vs, BASE, RW, CACHED), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(vm_deleting_the_frame_cap_unmaps_it) {
    tables_for(env, BASE);
    const uint64_t a = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(a, VS, BASE, RW, CACHED));
    CHECK_OK(rampart_cnode_delete(ROOT, a, DEPTH));
    const uint64_t b = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(b, VS, BASE, RW, CACHED));
}

TEST(vm_large_page_mapping) {
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE, 0));
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_2M, 0);
    /* a 2 MiB page at a 4 KiB boundary */
    CHECK_EQ(rampart_page_map(f, VS, BASE + 0x1000, RW, CACHED), RAMPART_ALIGNMENT_ERROR);
    CHECK_OK(rampart_page_map(f, VS, BASE + 0x200000, RW, CACHED));
    *(volatile uint64_t*)(BASE + 0x3ffff8) = 9;
    CHECK_EQ(*(volatile uint64_t*)(BASE + 0x3ffff8), 9);
}

TEST(vm_page_table_map_twice_is_delete_first) {
    const uint64_t a = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_OK(rampart_page_table_map(a, VS, BASE, 0));
    CHECK_EQ(rampart_page_table_map(a, VS, BASE, 0), RAMPART_INVALID_CAPABILITY);
    const uint64_t b = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_OK(rampart_page_table_map(b, VS, BASE, 0));
    const uint64_t c = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_EQ(rampart_page_table_map(c, VS, BASE, 0), RAMPART_DELETE_FIRST);
}

TEST(vm_page_table_unmap_then_remap) {
    const uint64_t a = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_OK(rampart_page_table_map(a, VS, BASE, 0));
    CHECK_OK(rampart_page_table_unmap(a));
    CHECK_OK(rampart_page_table_map(a, VS, BASE, 0));
}

TEST(vm_page_table_unmap_with_copies_is_revoke_first) {
    const uint64_t a = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_OK(rampart_page_table_map(a, VS, BASE, 0));
    const uint64_t copy = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, a, DEPTH, RAMPART_RIGHTS_ALL));
    CHECK_EQ(rampart_page_table_unmap(a), RAMPART_REVOKE_FIRST);
}

TEST(vm_get_address_of_a_frame) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    uint64_t pa = 0;
    CHECK_OK(rampart_page_get_address(f, &pa));
    CHECK(pa != 0);
    CHECK_EQ(pa & 0xfff, 0);
}

TEST(vm_asid_pool_assign_once) {
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_OK(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vs));
    CHECK_EQ(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vs), RAMPART_INVALID_CAPABILITY);
    /* now it can hold mappings */
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vs, BASE, 0));
}

TEST(vm_make_asid_pool) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t pool = new_slot(env);
    CHECK_OK(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, pool, DEPTH));
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_OK(rampart_asid_pool_assign(pool, vs));
}

TEST(vm_make_asid_pool_needs_a_4k_untyped) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 13);
    CHECK_EQ(
        rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, new_slot(env), DEPTH),
        RAMPART_INVALID_CAPABILITY);
}

TEST(vm_frame_cache_operations) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_cache(f, RAMPART_PAGE_CLEAN_DATA, 0, 0x1000));
    CHECK_OK(rampart_page_cache(f, RAMPART_PAGE_CLEAN_INVALIDATE_DATA, 64, 128));
    CHECK_OK(rampart_page_cache(f, RAMPART_PAGE_UNIFY_INSTRUCTION, 0, 64));
    CHECK_EQ(rampart_page_cache(f, RAMPART_PAGE_CLEAN_DATA, 128, 64), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_page_cache(f, RAMPART_PAGE_CLEAN_DATA, 0, 0x1001), RAMPART_INVALID_ARGUMENT);
}

TEST(vm_vspace_cache_operations) {
    tables_for(env, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    CHECK_OK(rampart_vspace_cache(VS, RAMPART_VSPACE_CLEAN_DATA, BASE, BASE + 0x100));
    CHECK_EQ(rampart_vspace_cache(VS, RAMPART_VSPACE_CLEAN_DATA, BASE + 0x5000, BASE + 0x5100),
             RAMPART_FAILED_LOOKUP);
}
