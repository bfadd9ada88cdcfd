/* TCB invocations: spaces, IPC buffer, priorities, registers, suspend/resume. */
#include "framework.h"

#define REG_PC 0
#define REG_SP 1
#define REG_X0 3
#define REG_TLS 34

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
    uint64_t regs[35];
    for (unsigned i = 0; i < 35; ++i)
        regs[i] = 0x1000 + i;
    regs[2] = 0; /* spsr */
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 35, regs));
    uint64_t back[35];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 35, back));
    for (unsigned i = 0; i < 35; ++i)
        CHECK_EQ(back[i], regs[i]);
}

TEST(tcb_spsr_keeps_only_the_flags) {
    const uint64_t tcb = make_thread(env);
    const uint64_t regs[3] = {0x400000, 0, 0xf00003c5}; /* flags plus EL1h and masks */
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 3, regs));
    uint64_t back[3];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 3, back));
    CHECK_EQ(back[2], 0xf0000000);
}

TEST(tcb_read_register_count_is_checked) {
    const uint64_t tcb = make_thread(env);
    uint64_t regs[36];
    CHECK_EQ(rampart_tcb_read_registers(tcb, 0, 0, regs), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_tcb_read_registers(tcb, 0, 36, regs), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_mr(1), 35);
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
    uint64_t regs[35];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 35, regs));
    CHECK_EQ(regs[REG_TLS], 0xabcdef);
}

TEST(tcb_copy_registers_frame) {
    const uint64_t a = make_thread(env), b = make_thread(env);
    uint64_t regs[35] = {0};
    regs[REG_PC] = 0x1234000;
    regs[REG_X0] = 77;
    regs[20] = 99; /* x17: not a frame register */
    CHECK_OK(rampart_tcb_write_registers(a, 0, 35, regs));
    CHECK_OK(rampart_tcb_copy_registers(b, a, 4 /* transfer frame */));
    uint64_t back[35];
    CHECK_OK(rampart_tcb_read_registers(b, 0, 35, back));
    CHECK_EQ(back[REG_PC], 0x1234000);
    CHECK_EQ(back[REG_X0], 77);
    CHECK_EQ(back[20], 0);
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
    CHECK_OK(rampart_tcb_write_registers(tcb, 2 /* resume */, 5, regs));
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
