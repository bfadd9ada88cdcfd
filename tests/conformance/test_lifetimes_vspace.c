/* Object lifetimes and address spaces (issue #11, findings 5 and 9): a
   thread must never run in an address space that is gone or whose ASID no
   longer names it. An "island" thread runs a few instructions the test
   writes into a frame, in an address space of its own; it reports through a
   second frame that the root task also maps. */
#include "framework.h"

#include <rampart/ipc.h>

#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define ISLAND_VA 0x10000000ull /* code, then the report page, in the island's space */
#define VIEW_VA 0x40000000ull   /* the same two frames in the root task's space */

/* AArch64 encodings of the island's instructions. */
#define SVC 0xd4000001u
/* movn x7, #~n: the call numbers are negative */
#define MOV_X7_DEBUG_CHECK (0x92800007u | ((uint32_t)~(int64_t)RAMPART_SYS_DEBUG_CHECK << 5))
#define STR_X0_X19_8 0xf9000660u /* str x0, [x19, #8]: the checker's answer */
#define ADD_X21_1 0x910006b5u    /* add x21, x21, #1 */
#define STR_X21_X19 0xf9000275u  /* str x21, [x19]: the progress count */
#define B_BACK(n) (0x14000000u | ((0u - (n)) & 0x3ffffffu))

struct island {
    uint64_t tcb;
    volatile uint64_t* report; /* [0] progress count, [1] checker's answer */
};

/* Page tables for the 2 MiB at vaddr (below 512 GiB) in `vspace`: levels 2
   and 3 in the root VSpace, whose level-1 table maps its image; levels 1 to 3
   in another. */
static void tables_for(struct env* env, uint64_t vspace, uint64_t vaddr) {
    if (vspace != RAMPART_ROOT_VSPACE)
        CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vspace, vaddr, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vspace, vaddr, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vspace, vaddr, 0));
}

/* A frame mapped at vaddr in `vspace` and, through a copy (returned), at
   view in the root's. */
static uint64_t map_twice(struct env* env, uint64_t vspace, uint64_t vaddr, uint64_t rights,
                          uint64_t view) {
    const uint64_t f = make(env, RAMPART_OBJ_FRAME_4K, 0), copy = new_slot(env);
    CHECK_OK(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, f, DEPTH, RW));
    CHECK_OK(rampart_page_map(f, vspace, vaddr, rights, RAMPART_ATTR_CACHEABLE));
    CHECK_OK(rampart_page_map(copy, RAMPART_ROOT_VSPACE, view, RW, RAMPART_ATTR_CACHEABLE));
    return copy;
}

/* Starts a thread at the root's priority in `vspace` (assigned an ASID),
   with the root's CSpace, running `code` with x19 = the report page and the
   given x0..x3, x7. */
static struct island start_island(struct env* env, uint64_t vspace, const uint32_t* code,
                                  unsigned words, const uint64_t x0_3[4], int64_t x7) {
    struct island is = {0, (volatile uint64_t*)(VIEW_VA + 0x1000)};
    tables_for(env, RAMPART_ROOT_VSPACE, VIEW_VA);
    tables_for(env, vspace, ISLAND_VA);
    const uint64_t text_frame = map_twice(env, vspace, ISLAND_VA, RAMPART_RIGHT_READ, VIEW_VA);
    map_twice(env, vspace, ISLAND_VA + 0x1000, RW, VIEW_VA + 0x1000);
    volatile uint32_t* text = (volatile uint32_t*)VIEW_VA;
    for (unsigned i = 0; i < words; ++i)
        text[i] = code[i];
    /* what we wrote through the data side must reach instruction fetch */
    CHECK_OK(rampart_page_cache(text_frame, RAMPART_PAGE_UNIFY_INSTRUCTION, 0, 0x1000));
    is.report[0] = is.report[1] = 0;
    is.tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_configure(is.tcb, ROOT, 0, vspace, 0, 0));
    CHECK_OK(rampart_tcb_set_priority(is.tcb, RAMPART_ROOT_TCB, 255));
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, sc, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(sc, is.tcb));
    uint64_t regs[RAMPART_UC_WORDS] = {0};
    regs[RAMPART_UC_PC] = ISLAND_VA; /* sp and spsr 0 */
    for (unsigned i = 0; i < 4; ++i)
        regs[RAMPART_UC_XREG(i)] = x0_3[i];
    regs[RAMPART_UC_XREG(7)] = (uint64_t)x7;
    regs[RAMPART_UC_XREG(19)] = ISLAND_VA + 0x1000;
    CHECK_OK(rampart_tcb_write_registers(is.tcb, RAMPART_TCB_WRITE_RESUME_TARGET, RAMPART_UC_WORDS,
                                         regs));
    return is;
}

/* 5. A thread revokes the untyped its own VSpace came from, and no other
   thread is chosen: it must not go on in the freed table (seL4 reloads the
   current thread's root when an ASID goes). The kernel returned to it with
   TTBR0 still naming the freed table, under an ASID free for reuse. */
TEST(lifetime_05_thread_revokes_its_own_vspace) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12), vspace = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_VSPACE, 0, ROOT, 0, 0, vspace, 1));
    CHECK_OK(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vspace));
    /* Revoke(ut); DebugCheck -> report[1]; then count in report[0] forever */
    const uint32_t code[] = {SVC,       MOV_X7_DEBUG_CHECK, SVC,      STR_X0_X19_8,
                             ADD_X21_1, STR_X21_X19,        B_BACK(2)};
    const uint64_t revoke[4] = {ROOT, rampart_msginfo_new(RAMPART_CNODE_REVOKE, 0, 0, 2), ut,
                                DEPTH};
    const struct island is = start_island(env, vspace, code, 7, revoke, RAMPART_SYS_CALL);
    for (int i = 0; i < 3; ++i)
        rampart_yield();
    CHECK_EQ(is.report[1], 0); /* it never got to ask (it would have been told 1) */
    CHECK_EQ(is.report[0], 0);
    CHECK_OK(rampart_tcb_suspend(is.tcb));
}

static volatile uint64_t continued, check_after_set_space;
static uint64_t g_self, g_other_space;

/* Installs another (empty) VSpace as its own, then goes on if it can. */
static void change_own_space(uint64_t unused0, uint64_t unused1) {
    (void)unused0;
    (void)unused1;
    rampart_tcb_set_space(g_self, 0, ROOT, 0, g_other_space);
    check_after_set_space = rampart_debug_check() + 1;
    continued = 1;
}

/* 5. SetSpace on the calling thread itself: it runs in the new space from
   the return of the call on (here an empty one: it faults at once). It went
   on in the old one until the next switch. */
TEST(lifetime_05_set_space_on_itself) {
    continued = check_after_set_space = 0;
    g_other_space = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_OK(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, g_other_space));
    g_self = spawn(env, change_own_space, 0, 0, 200);
    /* below it for a moment: it runs alone, until it stops */
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 100));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255));
    CHECK_EQ(continued, 0);
    CHECK_EQ(check_after_set_space, 0);
}

/* 9. The ASID pool a running thread's VSpace was assigned from is deleted:
   the VSpace cap still says "mapped", but its ASID names nothing (and may
   name another VSpace later), so the thread must not run in it (seL4's
   setVMRoot checks the ASID). The kernel trusted the cap and activated it. */
TEST(lifetime_09_asid_pool_deleted_under_a_thread) {
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 12), pool = new_slot(env);
    CHECK_OK(rampart_asid_control_make_pool(RAMPART_ROOT_ASID_CONTROL, ut, ROOT, pool, DEPTH));
    const uint64_t vspace = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_OK(rampart_asid_pool_assign(pool, vspace));
    /* DebugCheck -> report[1]; count in report[0]; again */
    const uint32_t code[] = {MOV_X7_DEBUG_CHECK, SVC,         STR_X0_X19_8,
                             ADD_X21_1,          STR_X21_X19, B_BACK(5)};
    const uint64_t none[4] = {0, 0, 0, 0};
    const struct island is = start_island(env, vspace, code, 6, none, 0);
    rampart_yield(); /* it runs its slice: checks, counts */
    CHECK(is.report[0] != 0);
    CHECK_EQ(is.report[1], 0);
    CHECK_OK(rampart_cnode_revoke(ROOT, ut, DEPTH)); /* the pool goes */
    CHECK_EQ(rampart_debug_check(), 0);
    const uint64_t count = is.report[0];
    for (int i = 0; i < 3; ++i)
        rampart_yield();
    CHECK_EQ(is.report[1], 0);
    CHECK_EQ(is.report[0], count);
    CHECK_OK(rampart_tcb_suspend(is.tcb));
}
