/* Resume and WriteRegisters-with-resume restart a stopped thread as seL4's
   restart() does: an inactive thread, one left inactive by a fault nobody
   will reply to, and one blocked in IPC. An abandoned fault is forgotten: the
   thread's next message is an ordinary one. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
#define HOLE (SCRATCH_VA + 0x100000) /* inside the scratch tables, never mapped */

static uint64_t restart_stack[512] __attribute__((aligned(16)));
static uint64_t report_ep;

static void fault_at(uint64_t addr, uint64_t unused) {
    (void)unused;
    *(volatile uint64_t*)addr = 1;
}

static void wait_on(uint64_t ep, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge;
    rampart_recv(ep, &badge, 0, mr);
}

/* Where a restarted thread goes: one ordinary message, then it stops. */
static void restarted(uint64_t tcb) {
    uint64_t mr[4] = {0x5e7, 0, 0, 0};
    rampart_send(report_ep, rampart_msginfo_new(0x77, 0, 0, 1), mr);
    suspend_self(tcb);
}

static void restart_at_restarted(struct env* env, uint64_t tcb) {
    const uint64_t regs[4] = {(uint64_t)restarted, (uint64_t)(restart_stack + 512), 0, tcb};
    CHECK_OK(rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, 4, regs));
}

static void expect_report(struct env* env) {
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(report_ep, &badge, 0, mr);
    CHECK_EQ(rampart_msginfo_label(info), 0x77); /* not a fault message */
    CHECK_EQ(mr[0], 0x5e7);
}

TEST(restart_after_a_fault_nobody_replies_to) {
    report_ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), fcap = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, fcap, DEPTH, ROOT, ep, DEPTH, ALL, 0xfa));
    const uint64_t tcb = spawn_with_handler(env, fault_at, HOLE, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    /* No reply object: the faulted thread is left inactive, its fault pending. */
    CHECK_EQ(rampart_msginfo_label(rampart_recv(ep, &badge, 0, mr)), RAMPART_FAULT_VM);
    restart_at_restarted(env, tcb);
    expect_report(env);
}

TEST(restart_of_a_thread_blocked_on_its_fault_reply) {
    report_ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), fcap = new_slot(env);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    CHECK_OK(rampart_cnode_mint(ROOT, fcap, DEPTH, ROOT, ep, DEPTH, ALL, 0xfa));
    const uint64_t tcb = spawn_with_handler(env, fault_at, HOLE, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    CHECK_EQ(rampart_msginfo_label(rampart_recv(ep, &badge, reply, mr)), RAMPART_FAULT_VM);
    restart_at_restarted(env, tcb); /* blocked on reply: restarted all the same */
    expect_report(env);
}

TEST(restart_of_a_thread_blocked_in_receive) {
    report_ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t idle_ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t tcb = spawn(env, wait_on, idle_ep, 0, 200);
    restart_at_restarted(env, tcb);
    expect_report(env);
}
