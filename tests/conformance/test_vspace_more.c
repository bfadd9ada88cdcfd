/* More AArch64 virtual memory: 1 GiB pages, unmapping tables, read-only
   mappings (checked with a faulting thread), ASID pools, device frames,
   cache-operation bounds and argument errors. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define VS RAMPART_ROOT_VSPACE
#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define BASE 0x40000000ull /* 1 GiB: far from the root task's image */
#define CACHED RAMPART_ATTR_CACHEABLE
#define UART_PA 0x09000000ull

/* Page tables for the 2 MiB at vaddr (below 512 GiB): levels 2 and 3 in the
   root VSpace, whose level-1 table maps its image; levels 1 to 3 in another. */
static void tables_for(struct env* env, uint64_t vs, uint64_t vaddr) {
    if (vs != VS)
        CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vs, vaddr, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vs, vaddr, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vs, vaddr, 0));
}

static volatile uint64_t written;
static uint64_t g_report; /* endpoint the writer reports success on */

static void writer(uint64_t addr, uint64_t value) {
    *(volatile uint64_t*)addr = value;
    written = 1;
    uint64_t mr[4] = {0};
    rampart_send(g_report, rampart_msginfo_new(0, 0, 0, 0), mr);
}

/* Spawns a thread writing to addr; returns the fault label it raised (0: it
   wrote and reported so on the same endpoint). */
static uint64_t write_fault(struct env* env, uint64_t addr, uint64_t* fault_addr) {
    written = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t h = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, h, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHTS_ALL, 1));
    g_report = ep;
    spawn_with_handler(env, writer, addr, 0x5555, 200, h);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    *fault_addr = mr[1];
    return rampart_msginfo_label(info);
}

static uint64_t find_untyped(struct env* env, unsigned min_bits, int device) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t best = 0;
    unsigned best_bits = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi); ++i) {
        const struct rampart_untyped_desc* d = &bi->untyped_list[i];
        if ((int)d->is_device == device && d->size_bits >= min_bits && d->size_bits > best_bits) {
            best = bi->untyped.start + i;
            best_bits = d->size_bits;
        }
    }
    return best;
}

TEST(vm_huge_page_needs_only_the_vspace_root) {
    const uint64_t ut = find_untyped(env, 30, 0);
    CHECK(ut != 0);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_1G, 0, ROOT, 0, 0, f, 1));
    CHECK_EQ(rampart_page_map(f, VS, BASE + 0x200000, RW, CACHED), RAMPART_ALIGNMENT_ERROR);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    volatile uint64_t* last = (volatile uint64_t*)(BASE + 0x3ffffff8ull);
    *last = 0xabcd;
    CHECK_EQ(*last, 0xabcd);
    CHECK_EQ(*(volatile uint64_t*)BASE, 0);
    /* a page table cannot go where the 1 GiB block is */
    CHECK_EQ(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE, 0),
             RAMPART_DELETE_FIRST);
    CHECK_OK(rampart_page_unmap(f));
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
}

TEST(vm_page_table_unmap_clears_its_mappings) {
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE, 0));
    const uint64_t l3 = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_OK(rampart_page_table_map(l3, VS, BASE, 0));
    const uint64_t a = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(a, VS, BASE, RW, CACHED));
    *(volatile uint64_t*)BASE = 5;
    CHECK_OK(rampart_page_table_unmap(l3));
    CHECK_OK(rampart_page_table_map(l3, VS, BASE, 0));
    /* the table came back empty: a new frame fits where a was */
    const uint64_t b = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(b, VS, BASE, RW, CACHED));
    CHECK_EQ(*(volatile uint64_t*)BASE, 0);
    /* a's cap still names its old place; unmapping it leaves b alone */
    CHECK_OK(rampart_page_unmap(a));
    CHECK_OK(rampart_page_map(a, VS, BASE + 0x1000, RW, CACHED));
    CHECK_EQ(*(volatile uint64_t*)(BASE + 0x1000), 5);
    CHECK_EQ(*(volatile uint64_t*)BASE, 0);
}

TEST(vm_remap_read_only_makes_writes_fault) {
    tables_for(env, VS, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    CHECK_OK(rampart_page_map(f, VS, BASE, RAMPART_RIGHT_READ, CACHED));
    uint64_t addr = 0;
    CHECK_EQ(write_fault(env, BASE + 8, &addr), RAMPART_FAULT_VM);
    CHECK_EQ(addr, BASE + 8);
    CHECK_EQ(written, 0);
    CHECK_EQ(*(volatile uint64_t*)(BASE + 8), 0);
}

TEST(vm_read_only_frame_cap_limits_the_mapping) {
    tables_for(env, VS, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t ro = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, ro, DEPTH, ROOT, f, DEPTH, RAMPART_RIGHT_READ));
    CHECK_EQ(rampart_page_map(ro, VS, BASE, RAMPART_RIGHT_WRITE, CACHED), RAMPART_INVALID_ARGUMENT);
    CHECK_OK(rampart_page_map(ro, VS, BASE, RW, CACHED)); /* asks for more than it has */
    uint64_t addr = 0;
    CHECK_EQ(write_fault(env, BASE, &addr), RAMPART_FAULT_VM);
    CHECK_EQ(addr, BASE);
}

TEST(vm_writable_mapping_does_not_fault) {
    tables_for(env, VS, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    uint64_t addr = 0;
    CHECK_EQ(write_fault(env, BASE + 16, &addr), 0);
    CHECK_EQ(written, 1);
    CHECK_EQ(*(volatile uint64_t*)(BASE + 16), 0x5555);
}

TEST(vm_asid_pool_holds_512_vspaces) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t pool = new_slot(env);
    CHECK_OK(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, pool, DEPTH));
    const uint64_t store = make(env, RAMPART_OBJ_CNODE, 9);
    const uint64_t tmp = new_slot(env);
    unsigned assigned = 0;
    for (unsigned i = 0; i < RAMPART_ASID_POOL_ENTRIES; ++i) {
        if (rampart_untyped_retype(env->arena, RAMPART_OBJ_VSPACE, 0, ROOT, 0, 0, tmp, 1))
            break;
        if (rampart_asid_pool_assign(pool, tmp))
            break;
        if (rampart_cnode_move(store, i, 9, ROOT, tmp, DEPTH))
            break;
        ++assigned;
    }
    CHECK_EQ(assigned, RAMPART_ASID_POOL_ENTRIES);
    CHECK_OK(rampart_untyped_retype(env->arena, RAMPART_OBJ_VSPACE, 0, ROOT, 0, 0, tmp, 1));
    CHECK_EQ(rampart_asid_pool_assign(pool, tmp), RAMPART_DELETE_FIRST);
    /* one goes, one fits again */
    CHECK_OK(rampart_cnode_delete(store, 100, 9));
    CHECK_OK(rampart_asid_pool_assign(pool, tmp));
}

TEST(vm_make_asid_pool_errors) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12);
    const uint64_t occupied = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, occupied, DEPTH),
             RAMPART_DELETE_FIRST);
    const uint64_t pool = new_slot(env);
    CHECK_OK(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, pool, DEPTH));
    /* the untyped now has a child: not again */
    CHECK_EQ(
        rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, new_slot(env), DEPTH),
        RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    /* a non-untyped */
    CHECK_EQ(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, occupied, ROOT,
                                            new_slot(env), DEPTH),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_asid_pool_assign(pool, occupied), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(vm_get_address_of_a_device_frame) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t ut = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi); ++i)
        if (bi->untyped_list[i].is_device && bi->untyped_list[i].paddr == UART_PA)
            ut = bi->untyped.start + i;
    CHECK(ut != 0);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    uint64_t pa = 0;
    CHECK_OK(rampart_page_get_address(f, &pa));
    CHECK_EQ(pa, UART_PA);
    CHECK_EQ(rampart_reply_length(), 1);
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
}

TEST(vm_frames_of_one_untyped_are_consecutive) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 14);
    const uint64_t first = new_slot(env);
    for (unsigned i = 1; i < 4; ++i)
        (void)new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, first, 4));
    uint64_t pa0 = 0, pa3 = 0;
    CHECK_OK(rampart_page_get_address(first, &pa0));
    CHECK_OK(rampart_page_get_address(first + 3, &pa3));
    CHECK_EQ(pa3, pa0 + 0x3000);
}

TEST(vm_frame_cache_operation_bounds) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_cache(f, RAMPART_PAGE_INVALIDATE_DATA, 64, 64), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_page_cache(f, RAMPART_PAGE_CLEAN_DATA, 0, 0x1001), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_invoke(f, RAMPART_PAGE_CLEAN_DATA, 1, (const uint64_t[]){0}, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
    const uint64_t big = make(env, RAMPART_OBJ_FRAME_2M, 0);
    CHECK_OK(rampart_page_cache(big, RAMPART_PAGE_CLEAN_INVALIDATE_DATA, 0x1000, 0x200000));
    CHECK_EQ(rampart_page_cache(big, RAMPART_PAGE_CLEAN_DATA, 0, 0x200001),
             RAMPART_INVALID_ARGUMENT);
}

TEST(vm_vspace_cache_operation_errors) {
    tables_for(env, VS, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    CHECK_OK(rampart_vspace_cache(VS, RAMPART_VSPACE_UNIFY_INSTRUCTION, BASE, BASE + 0x1000));
    CHECK_EQ(rampart_vspace_cache(VS, RAMPART_VSPACE_CLEAN_DATA, BASE + 0x100, BASE + 0x100),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
    /* the range must stay in one page */
    CHECK_EQ(rampart_vspace_cache(VS, RAMPART_VSPACE_CLEAN_DATA, BASE + 0x800, BASE + 0x1800),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 1);
    const uint64_t unassigned = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_EQ(rampart_vspace_cache(unassigned, RAMPART_VSPACE_CLEAN_DATA, BASE, BASE + 64),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 0);
}

TEST(vm_page_table_map_argument_errors) {
    const uint64_t pt = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_EQ(rampart_page_table_map(pt, VS, 0xffffff8000000000ull, 0), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_page_table_map(pt, make(env, RAMPART_OBJ_VSPACE, 0), BASE, 0),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_page_table_map(pt, make(env, RAMPART_OBJ_ENDPOINT, 0), BASE, 0),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_invoke(pt, RAMPART_PAGE_TABLE_MAP, 2, (const uint64_t[]){BASE, 0}, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(pt, RAMPART_PAGE_MAP, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
}

TEST(vm_copy_of_a_page_table_needs_a_mapping) {
    const uint64_t pt = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    CHECK_EQ(rampart_cnode_copy(ROOT, new_slot(env), DEPTH, ROOT, pt, DEPTH, RAMPART_RIGHTS_ALL),
             RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_page_table_map(pt, VS, BASE, 0));
    CHECK_OK(rampart_cnode_copy(ROOT, new_slot(env), DEPTH, ROOT, pt, DEPTH, RAMPART_RIGHTS_ALL));
}

TEST(vm_large_page_and_tables_get_in_each_others_way) {
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE, 0));
    const uint64_t big = make(env, RAMPART_OBJ_FRAME_2M, 0);
    CHECK_OK(rampart_page_map(big, VS, BASE, RW, CACHED));
    /* the level-2 entry holds the block: no table under it */
    CHECK_EQ(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE, 0),
             RAMPART_DELETE_FIRST);
    /* the next 2 MiB takes a table, then the big page cannot go there: as
       in seL4, the walk ends in that table, at 4 KiB entries */
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, BASE + 0x200000, 0));
    CHECK_OK(rampart_page_unmap(big));
    CHECK_EQ(rampart_page_map(big, VS, BASE + 0x200000, RW, CACHED), RAMPART_FAILED_LOOKUP);
    CHECK_EQ(rampart_mr(2), 12);
}

/* seL4's user address space on AArch64: 48-bit translation, user addresses up
   to 0x7fffffffffff, four levels. sel4utils maps its first frame here. */
#define HIGH_VA 0x7effffffe000ull

TEST(vm_four_levels_reach_the_top_of_user_space) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    /* each missing table, as libsel4's seL4_MappingFailedLookupLevel reads it */
    const uint64_t levels[3] = {39, 30, 21};
    for (unsigned i = 0; i < 3; ++i) {
        CHECK_EQ(rampart_page_map(f, VS, HIGH_VA, RW, CACHED), RAMPART_FAILED_LOOKUP);
        CHECK_EQ(rampart_mr(0), 0);
        CHECK_EQ(rampart_mr(1), RAMPART_LOOKUP_MISSING_CAPABILITY);
        CHECK_EQ(rampart_mr(2), levels[i]);
        CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, HIGH_VA, 0));
    }
    CHECK_EQ(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, HIGH_VA, 0),
             RAMPART_DELETE_FIRST);
    CHECK_OK(rampart_page_map(f, VS, HIGH_VA, RW, CACHED));
    volatile uint64_t* p = (volatile uint64_t*)(HIGH_VA + 0xff8);
    *p = 0x5e14;
    CHECK_EQ(*p, 0x5e14);
    /* the page above seL4_UserTop */
    const uint64_t g = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_EQ(rampart_page_map(g, VS, 0x800000000000ull, RW, CACHED), RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), VS, 0x800000000000ull, 0),
             RAMPART_INVALID_ARGUMENT);
    CHECK_OK(rampart_page_unmap(f));
}

TEST(vm_frame_mapped_in_another_vspace) {
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_OK(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vs));
    tables_for(env, vs, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, vs, BASE, RW, CACHED));
    /* same address, other VSpace: as seL4, the VSpace (cap 1) is wrong */
    tables_for(env, VS, BASE);
    CHECK_EQ(rampart_page_map(f, VS, BASE, RW, CACHED), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_OK(rampart_page_unmap(f));
    CHECK_OK(rampart_page_unmap(f)); /* unmapping twice is harmless */
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    *(volatile uint64_t*)BASE = 3;
    CHECK_EQ(*(volatile uint64_t*)BASE, 3);
}

TEST(vm_unmapped_frame_keeps_its_contents) {
    tables_for(env, VS, BASE);
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0);
    CHECK_OK(rampart_page_map(f, VS, BASE, RW, CACHED));
    *(volatile uint64_t*)(BASE + 0x40) = 0x1234;
    CHECK_OK(rampart_page_unmap(f));
    CHECK_OK(rampart_page_map(f, VS, BASE + 0x3000, RW, CACHED));
    CHECK_EQ(*(volatile uint64_t*)(BASE + 0x3040), 0x1234);
    CHECK_EQ(rampart_invoke(f, RAMPART_PAGE_TABLE_MAP, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
}
