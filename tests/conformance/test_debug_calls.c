/* seL4's debug calls that name a cap: DebugCapIdentify answers seL4's cap
   type numbers; DebugNameThread names a thread from the caller's IPC buffer
   and refuses, changing nothing, a cap that is not a TCB, a name with no NUL
   in the message words, a caller whose IPC buffer is missing or read-only.
   The kernel prints its refusals and the names in its fault reports, which
   tests/qemu/expected/conformance.txt matches. */
#include "framework.h"

#include <rampart/ipc.h>
#include <rampart/message.h>

#define HOLE (SCRATCH_VA + 0x100000) /* inside the scratch tables, never mapped */

static void put_name(const char* s) {
    char* msg = (char*)rampart_ipc->msg;
    unsigned i = 0;
    for (; s[i]; ++i)
        msg[i] = s[i];
    msg[i] = 0;
}

static void name_thread(uint64_t tcb, const char* s) {
    put_name(s);
    rampart_debug_name_thread_from_buffer(tcb);
}

TEST(debug_cap_identify_kinds) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t ntfn = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t pt = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
    const uint64_t cnode = make(env, RAMPART_OBJ_CNODE, 4);
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t frame = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t vspace = make(env, RAMPART_OBJ_VSPACE, 0);
    const uint64_t handler = new_slot(env);
    CHECK_OK(rampart_irq_control_get(RAMPART_ROOT_IRQ_CONTROL, UART_IRQ, ROOT, handler, DEPTH));
    const uint64_t empty = new_slot(env);
    const struct {
        uint64_t cptr, kind;
    } cases[] = {
        {RAMPART_ROOT_NULL, RAMPART_CAP_KIND_NULL},
        {RAMPART_ROOT_TCB, RAMPART_CAP_KIND_TCB},
        {RAMPART_ROOT_CNODE, RAMPART_CAP_KIND_CNODE},
        {RAMPART_ROOT_VSPACE, RAMPART_CAP_KIND_VSPACE},
        {RAMPART_ROOT_IRQ_CONTROL, RAMPART_CAP_KIND_IRQ_CONTROL},
        {RAMPART_ROOT_ASID_CONTROL, RAMPART_CAP_KIND_ASID_CONTROL},
        {RAMPART_ROOT_ASID_POOL, RAMPART_CAP_KIND_ASID_POOL},
        {RAMPART_ROOT_IO_PORT_CONTROL, RAMPART_CAP_KIND_NULL},
        {RAMPART_ROOT_BOOTINFO_FRAME, RAMPART_CAP_KIND_FRAME},
        {RAMPART_ROOT_IPC_BUFFER, RAMPART_CAP_KIND_FRAME},
        {RAMPART_ROOT_DOMAIN, RAMPART_CAP_KIND_DOMAIN},
        {RAMPART_ROOT_SC, RAMPART_CAP_KIND_SCHED_CONTEXT},
        {RAMPART_ROOT_SMC, RAMPART_CAP_KIND_NULL},
        {SCHED_CONTROL, RAMPART_CAP_KIND_SCHED_CONTROL},
        {env->arena, RAMPART_CAP_KIND_UNTYPED},
        {ep, RAMPART_CAP_KIND_ENDPOINT},
        {ntfn, RAMPART_CAP_KIND_NOTIFICATION},
        {reply, RAMPART_CAP_KIND_REPLY},
        {pt, RAMPART_CAP_KIND_PAGE_TABLE},
        {cnode, RAMPART_CAP_KIND_CNODE},
        {tcb, RAMPART_CAP_KIND_TCB},
        {frame, RAMPART_CAP_KIND_FRAME},
        {sc, RAMPART_CAP_KIND_SCHED_CONTEXT},
        {vspace, RAMPART_CAP_KIND_VSPACE},
        {handler, RAMPART_CAP_KIND_IRQ_HANDLER},
        {empty, RAMPART_CAP_KIND_NULL},
        /* Lookups that fail: the null cap, as seL4 answers. */
        {1ull << 63, RAMPART_CAP_KIND_NULL},
        {~0ull, RAMPART_CAP_KIND_NULL},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; ++i)
        CHECK_EQ(rampart_debug_cap_identify(cases[i].cptr), cases[i].kind);
    /* seL4's numbers, written out once: libsel4debug compares with 4 and 6. */
    CHECK_EQ(rampart_debug_cap_identify(ep), 4);
    CHECK_EQ(rampart_debug_cap_identify(ntfn), 6);
    CHECK_EQ(rampart_debug_cap_identify(RAMPART_ROOT_TCB), 12);
    CHECK_EQ(rampart_debug_cap_identify(RAMPART_ROOT_IPC_BUFFER), 1);
    CHECK_OK(rampart_irq_handler_clear(handler));
}

static void fault_at_hole(uint64_t a, uint64_t b) {
    (void)a;
    (void)b;
    *(volatile uint64_t*)HOLE = 1;
}

static void try_to_name(uint64_t tcb, uint64_t done) {
    rampart_debug_name_thread_from_buffer(tcb);
    rampart_signal(done);
}

static void signal_done(uint64_t done, uint64_t unused) {
    (void)unused;
    rampart_signal(done);
}

TEST(debug_name_thread_names_and_refuses) {
    const uint64_t done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    /* Spawned below the root's priority: none runs before the root waits;
       then the two that try to rename, the named one (it faults), the last. */
    const uint64_t named = spawn(env, fault_at_hole, 0, 0, 40);
    const uint64_t read_only = spawn(env, try_to_name, named, done, 60);
    const uint64_t no_buffer = spawn(env, try_to_name, named, done, 50);
    spawn(env, signal_done, done, 0, 30);

    name_thread(RAMPART_ROOT_TCB, "conformance");
    name_thread(read_only, "conformance-read-only-buffer");
    name_thread(no_buffer, "conformance-no-buffer");
    /* Kept: its first 63 bytes (RAMPART_DEBUG_NAME_KEPT - 1). */
    name_thread(named, "conformance-named-thread-with-a-name-longer-than-the-kernel-keeps-for-it");

    /* Refused, each printed: caps that are not a TCB (an endpoint, the null
       cap, a failed lookup), then a name without a NUL in the 960 bytes of
       message words (the word after them is 0, and must not end it). */
    name_thread(ep, "renamed");
    name_thread(RAMPART_ROOT_NULL, "renamed");
    name_thread(~0ull, "renamed");
    char* msg = (char*)rampart_ipc->msg;
    for (unsigned i = 0; i < sizeof rampart_ipc->msg; ++i)
        msg[i] = 'q';
    const uint64_t user_data = rampart_ipc->user_data;
    rampart_ipc->user_data = 0;
    rampart_debug_name_thread_from_buffer(named);
    rampart_ipc->user_data = user_data;

    /* A read-only IPC buffer (a frame cap with the read right only), and none. */
    const uint64_t frame = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t frame_ro = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, frame_ro, DEPTH, ROOT, frame, DEPTH, RAMPART_RIGHT_READ, 0));
    CHECK_OK(rampart_tcb_set_ipc_buffer(read_only, SCRATCH_VA + 0x10000, frame_ro));
    CHECK_OK(rampart_tcb_set_ipc_buffer(no_buffer, 0, 0));

    /* Now the threads run: two try to rename the named one and are refused,
       then it faults with no handler: the kernel reports it by the name it
       kept through every refusal. */
    rampart_wait(done);
    rampart_wait(done);
    rampart_wait(done);
    CHECK_EQ(rampart_debug_cap_identify(named), RAMPART_CAP_KIND_TCB);
}

static void wait_on(uint64_t ntfn, uint64_t unused) {
    (void)unused;
    rampart_wait(ntfn);
}

/* DebugDumpScheduler prints every thread as seL4 lays the table out;
   tests/qemu/expected/conformance.txt matches the header and the line of a
   thread blocked on a notification. Registers survive the call. */
TEST(debug_dump_scheduler_lists_threads) {
    const uint64_t wake = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t ready = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    /* Below the root: the sleeper blocks, then the other signals `ready`. */
    const uint64_t sleeper = spawn(env, wait_on, wake, 0, 100);
    spawn(env, signal_done, ready, 0, 50);
    name_thread(sleeper, "dump-sleeper");
    rampart_wait(ready);

    register uint64_t x0 __asm__("x0") = 0x1234;
    register uint64_t x6 __asm__("x6") = 0x5678;
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_DUMP_SCHEDULER;
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x6), "+r"(x7) : : "memory");
    CHECK_EQ(x0, 0x1234);
    CHECK_EQ(x6, 0x5678);
    rampart_debug_dump_scheduler();

    rampart_signal(wake);
}
