/* More faults: instruction-fetch faults, handlers with GrantReply only,
   lookup-failure words of cap faults, replies that move the PC, and a
   handler loop on ReplyRecv. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define HOLE (SCRATCH_VA + 0x100000) /* inside the scratch tables, never mapped */
static volatile uint64_t seen;
static uint64_t done, parked;

static uint64_t handler_cap(struct env* env, uint64_t ep, uint64_t rights) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, ep, DEPTH, rights, 0xfa));
    return s;
}

static void toucher(uint64_t addr, uint64_t value) {
    *(volatile uint64_t*)addr = value;
    seen = *(volatile uint64_t*)addr;
    rampart_signal(done);
}

TEST(fault_instruction_fetch_from_an_unmapped_page) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    spawn_with_handler(env, (void (*)(uint64_t, uint64_t))HOLE, 0, 0, 200,
                       handler_cap(env, ep, ALL));
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_VM);
    CHECK_EQ(mr[0], HOLE); /* pc */
    CHECK_EQ(mr[1], HOLE); /* address */
    CHECK_EQ(mr[2], 1);    /* an instruction fetch */
}

TEST(fault_handler_with_grant_reply_only_can_restart_the_thread) {
    seen = 0;
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn_with_handler(env, toucher, HOLE, 0x31, 200,
                       handler_cap(env, ep, RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT_REPLY));
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_VM);
    CHECK_EQ(badge, 0xfa);
    CHECK_OK(rampart_page_map(make(env, RAMPART_OBJ_FRAME_4K, 0), RAMPART_ROOT_VSPACE, HOLE, RW,
                              RAMPART_ATTR_CACHEABLE));
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 0), mr);
    rampart_wait(done);
    CHECK_EQ(seen, 0x31);
}

static void recv_on(uint64_t cptr, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(cptr, &badge, 0, mr);
    seen = 1;
}

TEST(fault_cap_fault_reports_a_guard_mismatch) {
    seen = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    /* the root CNode: a guard of zeroes, then root_cnode_bits of index */
    const uint64_t bad = 1ull << 40;
    spawn_with_handler(env, recv_on, bad, 0, 200, handler_cap(env, ep, ALL));
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, make(env, RAMPART_OBJ_REPLY, 0), mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], bad);
    CHECK_EQ(mr[2], 1);
    CHECK_EQ(mr[3], RAMPART_LOOKUP_GUARD_MISMATCH);
    CHECK_EQ(rampart_mr(4), 64); /* bits left */
    CHECK_EQ(rampart_mr(6), 64 - env->bi->root_cnode_bits); /* guard size */
    CHECK_EQ(seen, 0);
}

static void bad_syscall(uint64_t arg, uint64_t unused) {
    (void)unused;
    register uint64_t x0 __asm__("x0") = arg;
    register uint64_t x7 __asm__("x7") = 77;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
    seen = 0xbad; /* skipped: the handler moves the PC */
    rampart_signal(done);
}

static void landing(uint64_t value) {
    seen = value;
    rampart_signal(done);
    for (;;)
        rampart_wait(parked);
}

TEST(fault_unknown_syscall_reply_can_move_the_pc) {
    seen = 0;
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    parked = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn_with_handler(env, bad_syscall, 3, 0, 200, handler_cap(env, ep, ALL));
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_UNKNOWN_SYSCALL);
    CHECK_EQ(rampart_mr(12), 77);
    /* x0 = 0x1a5d, x1..x7 unchanged, pc = landing */
    mr[0] = 0x1a5d;
    rampart_ipc->msg[8] = (uint64_t)landing;
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 9), mr);
    rampart_wait(done);
    CHECK_EQ(seen, 0x1a5d);
}

static void touch_two(uint64_t a, uint64_t b) {
    *(volatile uint64_t*)a = 1;
    *(volatile uint64_t*)b = 2;
    seen = *(volatile uint64_t*)a + *(volatile uint64_t*)b;
    rampart_signal(done);
}

TEST(fault_handler_loop_on_reply_recv) {
    seen = 0;
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn_with_handler(env, touch_two, HOLE, HOLE + 0x5000, 200, handler_cap(env, ep, ALL));
    uint64_t mr[4] = {0}, badge = 0;
    rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    unsigned faults = 0;
    while (rampart_msginfo_label(info) == RAMPART_FAULT_VM && faults < 4) {
        ++faults;
        const uint64_t page = mr[1] & ~0xfffull;
        CHECK_OK(rampart_page_map(make(env, RAMPART_OBJ_FRAME_4K, 0), RAMPART_ROOT_VSPACE, page, RW,
                                  RAMPART_ATTR_CACHEABLE));
        if (faults == 2) {
            /* the last one: restart it and stop serving */
            rampart_send(reply, rampart_msginfo_new(0, 0, 0, 0), mr);
            break;
        }
        info = rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 0), &badge, reply, mr);
    }
    rampart_wait(done);
    CHECK_EQ(faults, 2);
    CHECK_EQ(seen, 3);
}
