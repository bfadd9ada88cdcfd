/* Faults as messages to the thread's fault handler, and the replies that
   restart it (or not). */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
#define HOLE (SCRATCH_VA + 0x100000) /* inside the scratch tables, never mapped */
static volatile uint64_t seen;
static uint64_t done; /* signalled by a thread once it has recorded `seen` */

static void toucher(uint64_t addr, uint64_t value) {
    *(volatile uint64_t*)addr = value;
    seen = *(volatile uint64_t*)addr;
    rampart_signal(done);
}

static void bad_syscall(uint64_t arg, uint64_t unused) {
    (void)unused;
    register uint64_t x0 __asm__("x0") = arg;
    register uint64_t x7 __asm__("x7") = 99;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
    seen = x0;
    rampart_signal(done);
}

static void undefined_instruction(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    __asm__ volatile("udf #0");
    seen = 0x600d;
    rampart_signal(done);
}

static void receive_on_nothing(uint64_t empty_slot, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge;
    rampart_recv(empty_slot, &badge, 0, mr);
    seen = 1; /* not reached: the handler does not restart it */
}

/* A fault endpoint and the badged cap the faulting thread holds. */
static void handler_caps(struct env* env, uint64_t* ep, uint64_t* fault_cap, uint64_t* reply) {
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    *ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    *reply = make(env, RAMPART_OBJ_REPLY, 0);
    *fault_cap = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, *fault_cap, DEPTH, ROOT, *ep, DEPTH, ALL, 0xfa));
}

TEST(fault_vm_fault_reaches_the_handler_and_restarts) {
    seen = 0;
    uint64_t ep, fcap, reply;
    handler_caps(env, &ep, &fcap, &reply);
    spawn_with_handler(env, toucher, HOLE, 0x77, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(badge, 0xfa);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_VM);
    CHECK_EQ(rampart_msginfo_length(info), RAMPART_FAULT_VM_WORDS);
    CHECK_EQ(mr[1], HOLE);
    CHECK_EQ(mr[2], 0); /* a data access */
    /* map the page, then restart the thread */
    CHECK_OK(rampart_page_map(make(env, RAMPART_OBJ_FRAME_4K, 0), RAMPART_ROOT_VSPACE, HOLE,
                              RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, RAMPART_ATTR_CACHEABLE));
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 0), mr);
    rampart_wait(done);
    CHECK_EQ(seen, 0x77);
}

TEST(fault_reply_with_a_label_leaves_the_thread_stopped) {
    seen = 0;
    uint64_t ep, fcap, reply;
    handler_caps(env, &ep, &fcap, &reply);
    spawn_with_handler(env, toucher, HOLE, 0x55, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    rampart_send(reply, rampart_msginfo_new(1, 0, 0, 0), mr);
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(seen, 0);
}

TEST(fault_unknown_syscall_is_emulated_by_the_handler) {
    seen = 0;
    uint64_t ep, fcap, reply;
    handler_caps(env, &ep, &fcap, &reply);
    spawn_with_handler(env, bad_syscall, 5, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_UNKNOWN_SYSCALL);
    CHECK_EQ(rampart_msginfo_length(info), RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS);
    CHECK_EQ(mr[0], 5);           /* x0 */
    CHECK_EQ(rampart_mr(12), 99); /* the call number */
    mr[0] = 500;                  /* the "result": written back into x0 */
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr);
    rampart_wait(done);
    CHECK_EQ(seen, 500);
}

TEST(fault_user_exception_can_skip_the_instruction) {
    seen = 0;
    uint64_t ep, fcap, reply;
    handler_caps(env, &ep, &fcap, &reply);
    spawn_with_handler(env, undefined_instruction, 0, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_USER_EXCEPTION);
    CHECK_EQ(rampart_msginfo_length(info), RAMPART_FAULT_USER_EXCEPTION_WORDS);
    CHECK_EQ(mr[3], 0); /* exception class 0: unknown instruction */
    mr[0] += 4;         /* resume after the udf */
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr);
    rampart_wait(done);
    CHECK_EQ(seen, 0x600d);
}

TEST(fault_cap_fault_in_the_receive_phase) {
    seen = 0;
    uint64_t ep, fcap, reply;
    handler_caps(env, &ep, &fcap, &reply);
    const uint64_t empty = new_slot(env);
    spawn_with_handler(env, receive_on_nothing, empty, 0, 200, fcap);
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, reply, mr);
    CHECK_EQ(rampart_msginfo_label(info), RAMPART_FAULT_CAP);
    CHECK_EQ(mr[1], empty);
    CHECK_EQ(mr[2], 1); /* in the receive phase */
    CHECK_EQ(mr[3], RAMPART_LOOKUP_MISSING_CAPABILITY);
}

TEST(fault_handler_needs_grant_rights) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t weak = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, weak, DEPTH, ROOT, ep, DEPTH, RAMPART_RIGHT_WRITE, 1));
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_tcb_set_space(tcb, weak, ROOT, 0, RAMPART_ROOT_VSPACE),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(fault_without_handler_stops_only_that_thread) {
    seen = 0;
    done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, toucher, HOLE, 0x99, 255);
    rampart_yield();
    CHECK_EQ(seen, 0);
    /* and we go on */
    CHECK_OK(rampart_cnode_delete(ROOT, new_slot(env), DEPTH));
}
