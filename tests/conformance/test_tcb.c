/* TCB invocations: spaces, IPC buffer, priorities, registers, suspend/resume. */
#include "framework.h"

#define REG_PC RAMPART_UC_PC
#define REG_SP RAMPART_UC_SP
#define REG_X0 RAMPART_UC_X0
#define REG_TLS RAMPART_UC_TPIDR_EL0
#define NREGS RAMPART_UC_WORDS

static volatile uint64_t thread_ran;
static uint64_t thread_stack[512] __attribute__((aligned(16)));

/* A second thread in the root task's spaces: records its argument, then
   suspends itself through its own TCB cap (no IPC buffer needed). */
static void worker(uint64_t own_tcb, uint64_t value) {
    thread_ran = value;
    register uint64_t x0 __asm__("x0") = own_tcb;
    register uint64_t x1 __asm__("x1") = rampart_msginfo_new(RAMPART_TCB_SUSPEND, 0, 0, 0);
    register int64_t x7 __asm__("x7") = RAMPART_SYS_CALL;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1)
                     : "r"(x7)
                     : "memory", "x2", "x3", "x4", "x5", "x6");
    for (;;)
        ;
}

/* A TCB sharing the root task's CSpace and VSpace, with a scheduling context. */
static uint64_t make_thread(struct env* env) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, 0, 0));
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, sc, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(sc, tcb));
    return tcb;
}

TEST(tcb_configure_with_root_spaces) {
    (void)make_thread(env);
}

TEST(tcb_configure_with_ipc_buffer) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, env->bi->ipc_buffer,
                                   RAMPART_ROOT_IPC_BUFFER));
}

TEST(tcb_configure_rejects_a_vspace_without_asid) {
    /* An unassigned VSpace cannot even be derived (as in seL4). */
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    CHECK_EQ(rampart_tcb_configure(tcb, ROOT, 0, vs, 0, 0), RAMPART_ILLEGAL_OPERATION);
}

TEST(tcb_configure_rejects_a_non_vspace) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_tcb_configure(tcb, ROOT, 0, ep, 0, 0), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 2);
}

TEST(tcb_configure_rejects_a_non_cnode_cspace) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_tcb_configure(tcb, ep, 0, RAMPART_ROOT_VSPACE, 0, 0),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(tcb_ipc_buffer_must_be_aligned) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_tcb_set_ipc_buffer(tcb, env->bi->ipc_buffer + 8, RAMPART_ROOT_IPC_BUFFER),
             RAMPART_ALIGNMENT_ERROR);
    CHECK_OK(rampart_tcb_set_ipc_buffer(tcb, env->bi->ipc_buffer, RAMPART_ROOT_IPC_BUFFER));
    CHECK_OK(rampart_tcb_set_ipc_buffer(tcb, 0, 0));
}

TEST(tcb_ipc_buffer_must_be_a_frame) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_tcb_set_ipc_buffer(tcb, 0x10000, ep), RAMPART_INVALID_CAPABILITY);
}

TEST(tcb_priority_is_bounded_by_the_authority_mcp) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 200));
    CHECK_EQ(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 256), RAMPART_RANGE_ERROR);
    /* the new thread's own MCP is 0: as an authority it allows only priority 0 */
    const uint64_t other = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_tcb_set_priority(other, tcb, 1), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), 0);
    CHECK_OK(rampart_tcb_set_priority(other, tcb, 0));
}

TEST(tcb_mcp_is_bounded_by_the_authority_mcp) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_mc_priority(tcb, RAMPART_ROOT_TCB, 100));
    const uint64_t other = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_mc_priority(other, tcb, 100));
    CHECK_EQ(rampart_tcb_set_mc_priority(other, tcb, 101), RAMPART_RANGE_ERROR);
    CHECK_OK(rampart_tcb_set_priority(other, tcb, 100));
}

TEST(tcb_sched_params_set_both) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_sched_params(tcb, RAMPART_ROOT_TCB, 50, 40));
    const uint64_t other = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_priority(other, tcb, 50));
    CHECK_EQ(rampart_tcb_set_priority(other, tcb, 51), RAMPART_RANGE_ERROR);
}

TEST(tcb_authority_must_be_a_tcb) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_EQ(rampart_tcb_set_priority(tcb, ep, 1), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
}

TEST(tcb_write_then_read_registers) {
    const uint64_t tcb = make_thread(env);
    uint64_t regs[NREGS];
    for (unsigned i = 0; i < NREGS; ++i)
        regs[i] = 0x1000 + i;
    regs[RAMPART_UC_SPSR] = RAMPART_UC_SPSR_USER;
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, NREGS, regs));
    uint64_t back[NREGS];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, NREGS, back));
    for (unsigned i = 0; i < NREGS; ++i)
        CHECK_EQ(back[i], regs[i]);
}

/* What user_context_reporter saw: x9, x16, x29, x30, x19, tpidrro_el0 and
   tpidr_el0 as it started, then tpidrro_el0 again after a Yield. */
uint64_t tcb_reporter_seen[8];

/* Stores the registers WriteRegisters set, yields, reads the read-only
   thread-ID register again, then tries to write it (undefined at EL0: the
   thread faults and, without a fault handler, stops there). */
__attribute__((naked)) static void user_context_reporter(void) {
    __asm__ volatile("adrp x0, tcb_reporter_seen\n\t"
                     "add x0, x0, :lo12:tcb_reporter_seen\n\t"
                     "stp x9, x16, [x0, #0]\n\t"
                     "stp x29, x30, [x0, #16]\n\t"
                     "mrs x1, tpidrro_el0\n\t"
                     "stp x19, x1, [x0, #32]\n\t"
                     "mrs x1, tpidr_el0\n\t"
                     "str x1, [x0, #48]\n\t"
                     "mov x10, x0\n\t"
                     "mov x7, #-11\n\t" /* Yield */
                     "svc #0\n\t"
                     "mrs x1, tpidrro_el0\n\t"
                     "str x1, [x10, #56]\n\t"
                     "msr tpidrro_el0, xzr\n\t"
                     "b .\n\t");
}

TEST(tcb_registers_reach_the_thread_in_sel4_order) {
    const uint64_t tcb = make_thread(env);
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    for (unsigned i = 0; i < 8; ++i)
        tcb_reporter_seen[i] = 0;
    uint64_t regs[NREGS] = {0};
    regs[REG_PC] = (uint64_t)user_context_reporter;
    regs[REG_SP] = (uint64_t)(thread_stack + 512);
    regs[RAMPART_UC_XREG(9)] = 9;
    regs[RAMPART_UC_XREG(16)] = 16;
    regs[RAMPART_UC_XREG(19)] = 19;
    regs[RAMPART_UC_XREG(29)] = 29;
    regs[RAMPART_UC_XREG(30)] = 30;
    regs[RAMPART_UC_TPIDR_EL0] = 0x7d0;
    regs[RAMPART_UC_TPIDRRO_EL0] = 0x7e0;
    CHECK_OK(rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, NREGS, regs));
    for (int i = 0; i < 10 && tcb_reporter_seen[7] == 0; ++i)
        rampart_yield();
    CHECK_EQ(tcb_reporter_seen[0], 9);
    CHECK_EQ(tcb_reporter_seen[1], 16);
    CHECK_EQ(tcb_reporter_seen[2], 29);
    CHECK_EQ(tcb_reporter_seen[3], 30);
    CHECK_EQ(tcb_reporter_seen[4], 19);
    CHECK_EQ(tcb_reporter_seen[5], 0x7e0);
    CHECK_EQ(tcb_reporter_seen[6], 0x7d0);
    CHECK_EQ(tcb_reporter_seen[7], 0x7e0); /* kept across the switches */
    /* The thread's own write to tpidrro_el0 faulted and changed nothing; the
       root task's own register is still its IPC buffer's address. */
    uint64_t back[NREGS];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, NREGS, back));
    CHECK_EQ(back[RAMPART_UC_TPIDRRO_EL0], 0x7e0);
    uint64_t own;
    __asm__ volatile("mrs %0, tpidrro_el0" : "=r"(own));
    CHECK_EQ(own, env->bi->ipc_buffer);
}

TEST(tcb_spsr_keeps_only_the_flags) {
    const uint64_t tcb = make_thread(env);
    const uint64_t regs[3] = {0x400000, 0, 0xf00003c5}; /* flags plus EL1h and masks */
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 3, regs));
    uint64_t back[3];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 3, back));
    CHECK_EQ(back[2], 0xf0000000 | RAMPART_UC_SPSR_USER); /* EL0t, FIQs masked, as seL4 */
}

TEST(tcb_read_register_count_is_checked) {
    const uint64_t tcb = make_thread(env);
    uint64_t regs[NREGS + 1];
    CHECK_EQ(rampart_tcb_read_registers(tcb, 0, 0, regs), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_tcb_read_registers(tcb, 0, NREGS + 1, regs), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 36);
}

TEST(tcb_reading_own_registers_is_illegal) {
    uint64_t regs[1];
    CHECK_EQ(rampart_tcb_read_registers(RAMPART_ROOT_TCB, 0, 1, regs), RAMPART_ILLEGAL_OPERATION);
}

TEST(tcb_write_registers_truncated) {
    const uint64_t tcb = make_thread(env);
    const uint64_t words[3] = {0, 5, 0};
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_WRITE_REGISTERS, 3, words, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(tcb_tls_base_is_a_register) {
    const uint64_t tcb = make_thread(env);
    CHECK_OK(rampart_tcb_set_tls_base(tcb, 0xabcdef));
    uint64_t regs[NREGS];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, NREGS, regs));
    CHECK_EQ(regs[REG_TLS], 0xabcdef);
}

TEST(tcb_copy_registers_frame) {
    const uint64_t a = make_thread(env), b = make_thread(env);
    uint64_t regs[NREGS] = {0};
    regs[REG_PC] = 0x1234000;
    regs[REG_X0] = 77;
    regs[RAMPART_UC_XREG(17)] = 17; /* x16..x18, x29, x30 are frame registers */
    regs[RAMPART_UC_XREG(30)] = 30;
    regs[RAMPART_UC_XREG(9)] = 99; /* x9: not a frame register */
    regs[RAMPART_UC_TPIDRRO_EL0] = 0x770;
    CHECK_OK(rampart_tcb_write_registers(a, 0, NREGS, regs));
    CHECK_OK(rampart_tcb_copy_registers(b, a, RAMPART_TCB_COPY_TRANSFER_FRAME));
    uint64_t back[NREGS];
    CHECK_OK(rampart_tcb_read_registers(b, 0, NREGS, back));
    CHECK_EQ(back[REG_PC], 0x1234000);
    CHECK_EQ(back[REG_X0], 77);
    CHECK_EQ(back[RAMPART_UC_XREG(17)], 17);
    CHECK_EQ(back[RAMPART_UC_XREG(30)], 30);
    CHECK_EQ(back[RAMPART_UC_XREG(9)], 0);
    CHECK_EQ(back[RAMPART_UC_TPIDRRO_EL0], 0);
}

TEST(tcb_resume_runs_a_second_thread) {
    const uint64_t tcb = make_thread(env);
    thread_ran = 0;
    uint64_t regs[5] = {0};
    regs[REG_PC] = (uint64_t)worker;
    regs[REG_SP] = (uint64_t)(thread_stack + 512);
    regs[REG_X0] = tcb;
    regs[REG_X0 + 1] = 0x5eed;
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, 5, regs));
    for (int i = 0; i < 10 && thread_ran == 0; ++i)
        rampart_yield();
    CHECK_EQ(thread_ran, 0x5eed);
}

TEST(tcb_higher_priority_thread_preempts_on_resume) {
    const uint64_t tcb = make_thread(env);
    thread_ran = 0;
    uint64_t regs[5] = {0};
    regs[REG_PC] = (uint64_t)worker;
    regs[REG_SP] = (uint64_t)(thread_stack + 512);
    regs[REG_X0] = tcb;
    regs[REG_X0 + 1] = 0xbeef;
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 254));
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 5, regs));
    CHECK_OK(rampart_tcb_resume(tcb)); /* runs at once: it outranks us now */
    CHECK_EQ(thread_ran, 0xbeef);
    CHECK_OK(rampart_tcb_set_priority(RAMPART_ROOT_TCB, RAMPART_ROOT_TCB, 255));
}

TEST(tcb_suspended_thread_does_not_run) {
    const uint64_t tcb = make_thread(env);
    thread_ran = 0;
    uint64_t regs[5] = {0};
    regs[REG_PC] = (uint64_t)worker;
    regs[REG_SP] = (uint64_t)(thread_stack + 512);
    regs[REG_X0] = tcb;
    regs[REG_X0 + 1] = 1;
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 5, regs));
    CHECK_OK(rampart_tcb_resume(tcb));
    CHECK_OK(rampart_tcb_suspend(tcb));
    thread_ran = 0;
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(thread_ran, 0);
}

TEST(tcb_unknown_label_is_illegal) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_invoke(tcb, 999, 0, 0, 0, 0), RAMPART_ILLEGAL_OPERATION);
}
