/* More TCB invocations: truncated messages and bad caps of Configure /
   SetSpace, register counts, CopyRegisters flags, Suspend / Resume of
   blocked threads, notification binding errors, deletion of a running thread. */
#include "framework.h"

#include <rampart/ipc.h>

#define ALL RAMPART_RIGHTS_ALL
#define REG_PC RAMPART_UC_PC
#define REG_SP RAMPART_UC_SP
#define REG_X0 RAMPART_UC_X0
#define REG_X17 RAMPART_UC_XREG(17)
#define NREGS RAMPART_UC_WORDS

static volatile uint64_t ran, count;
static uint64_t stack[512] __attribute__((aligned(16)));

static uint64_t mint(struct env* env, uint64_t src, uint64_t rights, uint64_t badge) {
    const uint64_t s = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, s, DEPTH, ROOT, src, DEPTH, rights, badge));
    return s;
}

/* A stopped TCB in the root task's spaces with a scheduling context. */
static uint64_t stopped_thread(struct env* env) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, 0, 0));
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, sc, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(sc, tcb));
    CHECK_OK(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, 255));
    return tcb;
}

/* Records its value, then waits forever on a notification nobody signals. */
static void record_and_stop(uint64_t value, uint64_t ntfn) {
    ran = value;
    for (;;)
        rampart_wait(ntfn);
}

static void waiter(uint64_t ntfn, uint64_t unused) {
    (void)unused;
    ran = rampart_wait(ntfn);
}

TEST(tcb_configure_truncated_messages) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t words[3] = {0, 0, 0};
    const rampart_cptr_t caps[3] = {ROOT, RAMPART_ROOT_VSPACE, RAMPART_ROOT_IPC_BUFFER};
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_CONFIGURE, 2, words, 2, caps),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_CONFIGURE, 3, words, 1, caps),
             RAMPART_TRUNCATED_MESSAGE);
    /* a buffer address needs the frame cap */
    const uint64_t with_buffer[3] = {0, 0, env->bi->ipc_buffer};
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_CONFIGURE, 3, with_buffer, 2, caps),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_OK(rampart_invoke(tcb, RAMPART_TCB_CONFIGURE, 3, with_buffer, 3, caps));
}

TEST(tcb_set_space_truncated_without_three_caps) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t words[2] = {0, 0};
    CHECK_EQ(
        rampart_invoke(tcb, RAMPART_TCB_SET_SPACE, 2, words, 2, (const rampart_cptr_t[]){ep, ROOT}),
        RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_SET_SPACE, 1, words, 3,
                            (const rampart_cptr_t[]){ep, ROOT, RAMPART_ROOT_VSPACE}),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_OK(rampart_tcb_set_space(tcb, ep, ROOT, 0, RAMPART_ROOT_VSPACE));
}

TEST(tcb_set_space_checks_each_cap) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(rampart_tcb_set_space(tcb, n, ROOT, 0, RAMPART_ROOT_VSPACE),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_tcb_set_space(tcb, ep, n, 0, RAMPART_ROOT_VSPACE), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 2);
    CHECK_EQ(rampart_tcb_set_space(tcb, ep, ROOT, 0, n), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 3);
}

TEST(tcb_set_space_with_grant_reply_handler) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    CHECK_OK(rampart_tcb_set_space(
        tcb, mint(env, ep, RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT_REPLY, 1), ROOT, 0,
        RAMPART_ROOT_VSPACE));
    /* Grant without Write is not enough */
    CHECK_EQ(rampart_tcb_set_space(tcb, mint(env, ep, RAMPART_RIGHT_GRANT | RAMPART_RIGHT_READ, 2),
                                   ROOT, 0, RAMPART_ROOT_VSPACE),
             RAMPART_INVALID_CAPABILITY);
}

TEST(tcb_write_registers_count_limits) {
    const uint64_t tcb = stopped_thread(env);
    uint64_t regs[40] = {0};
    regs[REG_PC] = 0x1000;
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 1, regs));
    /* count 0 writes nothing */
    regs[REG_PC] = 0x2000;
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 0, regs));
    uint64_t back[1];
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 1, back));
    CHECK_EQ(back[0], 0x1000);
    /* more than the register file: clamped to 36, as in seL4 */
    regs[REG_PC] = 0x3000;
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, NREGS + 1, regs));
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, 1, back));
    CHECK_EQ(back[0], 0x3000);
}

TEST(tcb_writing_own_registers_is_illegal) {
    const uint64_t regs[1] = {0};
    CHECK_EQ(rampart_tcb_write_registers(RAMPART_ROOT_TCB, 0, 1, regs), RAMPART_ILLEGAL_OPERATION);
}

TEST(tcb_write_registers_with_resume_runs_the_thread) {
    ran = 0;
    const uint64_t tcb = stopped_thread(env);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    uint64_t regs[5] = {(uint64_t)record_and_stop, (uint64_t)(stack + 512), 0, 0x77, n};
    CHECK_OK(rampart_tcb_write_registers(tcb, 0, 5, regs));
    rampart_yield();
    CHECK_EQ(ran, 0); /* still stopped */
    CHECK_OK(rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, 5, regs));
    for (int i = 0; i < 5 && !ran; ++i)
        rampart_yield();
    CHECK_EQ(ran, 0x77);
}

TEST(tcb_copy_registers_resumes_the_target) {
    ran = 0;
    const uint64_t src = stopped_thread(env), dst = stopped_thread(env);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    uint64_t regs[5] = {(uint64_t)record_and_stop, (uint64_t)(stack + 512), 0, 0x99, n};
    CHECK_OK(rampart_tcb_write_registers(src, 0, 5, regs));
    CHECK_OK(rampart_tcb_copy_registers(dst, src, RAMPART_TCB_COPY_TRANSFER_FRAME | RAMPART_TCB_COPY_TRANSFER_INTEGER | RAMPART_TCB_COPY_RESUME_TARGET));
    for (int i = 0; i < 5 && !ran; ++i)
        rampart_yield();
    CHECK_EQ(ran, 0x99);
}

TEST(tcb_copy_registers_integer_only) {
    const uint64_t src = stopped_thread(env), dst = stopped_thread(env);
    uint64_t regs[NREGS] = {0};
    regs[REG_PC] = 0x5000;
    regs[REG_X0] = 1;
    regs[REG_X17] = 17;
    regs[RAMPART_UC_XREG(15)] = 15;
    regs[RAMPART_UC_XREG(28)] = 28;
    regs[RAMPART_UC_TPIDR_EL0] = 0x7150;
    regs[RAMPART_UC_TPIDRRO_EL0] = 0x7160;
    CHECK_OK(rampart_tcb_write_registers(src, 0, NREGS, regs));
    CHECK_OK(rampart_tcb_copy_registers(dst, src, RAMPART_TCB_COPY_TRANSFER_INTEGER));
    uint64_t back[NREGS];
    CHECK_OK(rampart_tcb_read_registers(dst, 0, NREGS, back));
    CHECK_EQ(back[REG_X17], 0); /* x17 is a frame register */
    CHECK_EQ(back[RAMPART_UC_XREG(15)], 15);
    CHECK_EQ(back[RAMPART_UC_XREG(28)], 28);
    CHECK_EQ(back[RAMPART_UC_TPIDR_EL0], 0x7150);
    CHECK_EQ(back[RAMPART_UC_TPIDRRO_EL0], 0x7160);
    CHECK_EQ(back[REG_PC], 0);
    CHECK_EQ(back[REG_X0], 0);
}

TEST(tcb_copy_registers_source_must_be_a_tcb) {
    const uint64_t dst = stopped_thread(env);
    CHECK_EQ(rampart_tcb_copy_registers(dst, make(env, RAMPART_OBJ_ENDPOINT, 0), RAMPART_TCB_COPY_TRANSFER_FRAME),
             RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(rampart_invoke(dst, RAMPART_TCB_COPY_REGISTERS, 1, (const uint64_t[]){4}, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(tcb_copy_registers_can_suspend_the_source) {
    ran = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t src = spawn(env, waiter, n, 0, 255);
    rampart_yield(); /* it waits on n */
    const uint64_t dst = stopped_thread(env);
    CHECK_OK(rampart_tcb_copy_registers(dst, src, RAMPART_TCB_COPY_SUSPEND_SOURCE));
    /* nobody waits on n any more: the signal stays pending */
    rampart_signal(mint(env, n, ALL, 0x8));
    rampart_yield();
    CHECK_EQ(ran, 0);
    CHECK_EQ(rampart_poll(n), 0x8);
}

TEST(tcb_read_registers_can_suspend_the_target) {
    ran = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t t = spawn(env, waiter, n, 0, 255);
    rampart_yield();
    uint64_t regs[3];
    CHECK_OK(rampart_tcb_read_registers(t, RAMPART_TCB_READ_SUSPEND_SOURCE, 3, regs));
    CHECK(regs[REG_PC] != 0);
    rampart_signal(mint(env, n, ALL, 0x4));
    rampart_yield();
    CHECK_EQ(ran, 0);
    CHECK_EQ(rampart_poll(n), 0x4);
}

TEST(tcb_resume_of_a_blocked_thread_keeps_it_blocked) {
    ran = 0;
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t t = spawn(env, waiter, n, 0, 255);
    rampart_yield();
    CHECK_OK(rampart_tcb_resume(t));
    rampart_yield();
    CHECK_EQ(ran, 0);
    rampart_signal(mint(env, n, ALL, 0x21));
    for (int i = 0; i < 5 && !ran; ++i)
        rampart_yield();
    CHECK_EQ(ran, 0x21);
}

static volatile uint64_t recv_value, recv_done;

static void receive_once(uint64_t ep, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, 0, mr);
    recv_value = mr[0];
    recv_done = 1;
}

/* seL4: a thread suspended while blocked in a system call re-executes the
   call when resumed (Restart state, restart PC at the svc). */
TEST(tcb_suspend_of_a_receiving_thread_then_resume) {
    recv_value = recv_done = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t t = spawn(env, receive_once, ep, 0, 255);
    rampart_yield(); /* it blocks receiving */
    CHECK_OK(rampart_tcb_suspend(t));
    CHECK_OK(rampart_tcb_resume(t));
    rampart_yield(); /* it receives again and blocks */
    CHECK_EQ(recv_done, 0);
    uint64_t mr[4] = {0x51, 0, 0, 0};
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    for (int i = 0; i < 5 && !recv_done; ++i)
        rampart_yield();
    CHECK_EQ(recv_done, 1);
    CHECK_EQ(recv_value, 0x51);
}

TEST(tcb_suspended_receiver_misses_messages) {
    recv_value = recv_done = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t t = spawn(env, receive_once, ep, 0, 255);
    rampart_yield(); /* it blocks receiving */
    CHECK_OK(rampart_tcb_suspend(t));
    uint64_t mr[4] = {0x52, 0, 0, 0};
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr); /* no receiver: dropped */
    rampart_yield();
    CHECK_EQ(recv_done, 0);
}

TEST(tcb_ipc_buffer_cannot_be_a_device_frame) {
    const struct rampart_bootinfo* bi = env->bi;
    uint64_t dev = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) && !dev; ++i)
        if (bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 12)
            dev = bi->untyped.start + i;
    CHECK(dev != 0);
    const uint64_t f = new_slot(env);
    CHECK_OK(rampart_untyped_retype(dev, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, f, 1));
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_tcb_set_ipc_buffer(tcb, 0x10000, f), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_OK(rampart_cnode_delete(ROOT, f, DEPTH));
}

TEST(tcb_priority_calls_need_an_authority_cap) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_SET_PRIORITY, 1, (const uint64_t[]){5}, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_SET_MC_PRIORITY, 0, 0, 1,
                            (const rampart_cptr_t[]){RAMPART_ROOT_TCB}),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_SET_SCHED_PARAMS, 1, (const uint64_t[]){5}, 1,
                            (const rampart_cptr_t[]){RAMPART_ROOT_TCB}),
             RAMPART_TRUNCATED_MESSAGE);
}

TEST(tcb_sched_params_above_the_authority_mcp) {
    const uint64_t auth = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_OK(rampart_tcb_set_mc_priority(auth, RAMPART_ROOT_TCB, 10));
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_tcb_set_sched_params(tcb, auth, 11, 5), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), 10);
    CHECK_EQ(rampart_tcb_set_sched_params(tcb, auth, 5, 11), RAMPART_RANGE_ERROR);
    CHECK_OK(rampart_tcb_set_sched_params(tcb, auth, 10, 10));
}

static uint64_t bind(uint64_t tcb, uint64_t n) {
    return rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, (const rampart_cptr_t[]){n});
}

TEST(tcb_bind_notification_needs_the_read_right) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(bind(tcb, mint(env, n, RAMPART_RIGHT_WRITE, 0)), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_EQ(bind(tcb, make(env, RAMPART_OBJ_ENDPOINT, 0)), RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 0, 0),
             RAMPART_TRUNCATED_MESSAGE);
    CHECK_OK(bind(tcb, n));
}

TEST(tcb_bind_a_notification_bound_elsewhere_is_illegal) {
    const uint64_t a = make(env, RAMPART_OBJ_TCB, 0), b = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(bind(a, n));
    CHECK_EQ(bind(b, n), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_invoke(a, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0));
    CHECK_OK(bind(b, n));
}

TEST(tcb_bind_a_notification_with_waiters_is_illegal) {
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, waiter, n, 0, 255);
    rampart_yield(); /* it waits on n */
    CHECK_EQ(bind(make(env, RAMPART_OBJ_TCB, 0), n), RAMPART_ILLEGAL_OPERATION);
}

TEST(tcb_tls_base_and_timeout_endpoint_arguments) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_invoke(tcb, RAMPART_TCB_SET_TLS_BASE, 0, 0, 0, 0), RAMPART_TRUNCATED_MESSAGE);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_EQ(
        rampart_invoke(tcb, RAMPART_TCB_SET_TIMEOUT_ENDPOINT, 0, 0, 1, (const rampart_cptr_t[]){n}),
        RAMPART_INVALID_CAPABILITY);
    CHECK_EQ(rampart_mr(0), 1);
    CHECK_OK(rampart_invoke(tcb, RAMPART_TCB_SET_TIMEOUT_ENDPOINT, 0, 0, 1,
                            (const rampart_cptr_t[]){ep}));
}

static void spin(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    for (;;)
        count = count + 1;
}

TEST(tcb_deleting_a_running_thread_stops_it) {
    count = 0;
    const uint64_t t = spawn(env, spin, 0, 0, 255);
    rampart_yield();
    CHECK(count != 0);
    CHECK_OK(rampart_cnode_delete(ROOT, t, DEPTH));
    const uint64_t seen = count;
    for (int i = 0; i < 5; ++i)
        rampart_yield();
    CHECK_EQ(count, seen);
}

TEST(domain_set_checks_its_arguments) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    CHECK_EQ(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1,
                            (const uint64_t[]){1000}, 1, (const rampart_cptr_t[]){tcb}),
             RAMPART_INVALID_ARGUMENT);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, (const uint64_t[]){0},
                            1, (const rampart_cptr_t[]){ROOT}),
             RAMPART_INVALID_CAPABILITY);
    CHECK_OK(rampart_invoke(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, 1, (const uint64_t[]){0},
                            1, (const rampart_cptr_t[]){tcb}));
}
