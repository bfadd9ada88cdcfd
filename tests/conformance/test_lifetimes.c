/* Object lifetimes under adversarial use (issue #11): each test is named
   after the finding it shows (lifetime_NN_...). Threads run at the root
   task's priority and get their turn when it yields; results come back
   through volatile globals. Each test also asks the kernel to check its
   invariants at the point where the defect left a dangling pointer, since
   the runner's own check comes after everything was deleted. */
#include "framework.h"

#include <rampart/faults.h>
#include <rampart/ipc.h>

static volatile uint64_t served, returned;
static uint64_t g_go; /* a notification a server waits on before it replies */

static void yield_times(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
        rampart_yield();
}

/* Receives once with the reply object, counts it, and stops there. */
static void serve_once(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    served += 1;
}

/* Receives calls and never replies: each Recv abandons the previous caller. */
static void forgetful_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    for (;;) {
        rampart_recv(ep, &badge, reply, mr);
        served += 1;
    }
}

/* Receives a call, waits for g_go, then replies and waits for the next. */
static void slow_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    for (;;) {
        served += 1;
        rampart_wait(g_go);
        mr[0] += 1;
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
    }
}

static void call_once(uint64_t ep, uint64_t unused) {
    (void)unused;
    uint64_t mr[4] = {1, 0, 0, 0};
    rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    returned += 1;
}

/* A server thread that waits in Recv(ep, reply) and has no scheduling
   context of its own (spawn makes the context right after the TCB). */
static uint64_t passive_server(struct env* env, void (*fn)(uint64_t, uint64_t), uint64_t ep,
                               uint64_t reply) {
    const uint64_t tcb = spawn(env, fn, ep, reply, 255);
    rampart_yield(); /* it runs to its Recv */
    CHECK_OK(rampart_sched_context_unbind(tcb + 1));
    return tcb;
}

/* 1. The last cap of a reply object a server waits with is deleted: the
   server stops waiting (seL4 cancels the receive); the kernel kept a
   pointer to the freed reply and used it for the next message. */
TEST(lifetime_01_reply_deleted_while_receiver_waits) {
    served = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, serve_once, ep, reply, 255);
    rampart_yield(); /* it blocks in Recv with the reply object */
    CHECK_OK(rampart_cnode_delete(ROOT, reply, DEPTH));
    CHECK_EQ(rampart_debug_check(), 0);
    uint64_t mr[4] = {1, 0, 0, 0};
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    yield_times(2);
    CHECK_EQ(served, 0);
}

/* 1. Two receivers wait with one reply object: the second Recv cancels the
   first (seL4), so only one of them is still waiting. */
TEST(lifetime_01_two_receivers_share_one_reply) {
    served = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, serve_once, ep, reply, 255);
    spawn(env, serve_once, ep, reply, 255);
    yield_times(2);
    CHECK_EQ(rampart_debug_check(), 0);
    uint64_t mr[4] = {1, 0, 0, 0};
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    rampart_nbsend(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
    yield_times(3);
    CHECK_EQ(served, 1);
}

/* 3a. A passive server receives a call, then calls Recv with the same reply
   object instead of replying: the caller is abandoned (Inactive) and gets
   its scheduling context back (seL4's reply_remove), the server is passive
   again. The server kept it, and the reply kept lending it. */
TEST(lifetime_03a_recv_with_a_pending_caller_returns_the_context) {
    served = returned = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t server = passive_server(env, forgetful_server, ep, reply);
    const uint64_t client = spawn(env, call_once, ep, 0, 255);
    yield_times(2);
    CHECK_EQ(served, 1);
    CHECK_EQ(returned, 0);
    CHECK_EQ(rampart_debug_check(), 0);
    CHECK_OK(rampart_sched_context_unbind_object(client + 1, client));
    CHECK_EQ(rampart_sched_context_unbind_object(client + 1, server), RAMPART_ILLEGAL_OPERATION);
}

/* 3b. A caller waiting for a reply is bound a new scheduling context: the
   reply does not give the lent one back over it (seL4's reply_pop gives it
   back only to a caller without one), so the lent one stays with the server
   and the new one with the caller. The kernel overwrote the caller's new
   context, whose thread pointer then named a thread not running on it. */
TEST(lifetime_03b_context_bound_while_waiting_for_the_reply) {
    served = returned = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_go = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t server = passive_server(env, slow_server, ep, reply);
    const uint64_t client = spawn(env, call_once, ep, 0, 255);
    yield_times(2); /* the client calls; the server runs on its context, waits for g_go */
    CHECK_EQ(served, 1);
    const uint64_t fresh = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, fresh, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(fresh, client));
    rampart_signal(g_go);
    yield_times(3);
    CHECK_EQ(returned, 1);
    CHECK_EQ(rampart_debug_check(), 0);
    CHECK_OK(rampart_sched_context_unbind_object(fresh, client));
    CHECK_EQ(rampart_sched_context_unbind_object(client + 1, client), RAMPART_ILLEGAL_OPERATION);
    CHECK_OK(rampart_sched_context_unbind_object(client + 1, server));
}

/* 3c. The scheduling context lent through a reply object is deleted: the
   reply gives nothing back (the caller stays without a context, so it does
   not run). The reply kept the freed context and bound the caller to it. */
TEST(lifetime_03c_context_deleted_while_lent) {
    served = returned = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    g_go = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t server = passive_server(env, slow_server, ep, reply);
    const uint64_t client = spawn(env, call_once, ep, 0, 255);
    yield_times(2);
    CHECK_EQ(served, 1);
    CHECK_OK(rampart_cnode_delete(ROOT, client + 1, DEPTH)); /* the server ran on it */
    CHECK_EQ(rampart_debug_check(), 0);
    /* the server needs a context of its own to reply */
    const uint64_t own = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, own, 1000, 1000, 0, 0));
    CHECK_OK(rampart_sched_context_bind(own, server));
    rampart_signal(g_go);
    yield_times(3);
    CHECK_EQ(served, 1);
    CHECK_EQ(returned, 0);
    CHECK_EQ(rampart_debug_check(), 0);
}

/* 4. A notification with a scheduling context bound to it is deleted: the
   context is unbound (seL4's schedContext_unbindNtfn) and can be bound
   again. Its pointer to the freed notification stayed: a later Unbind wrote
   into freed memory, and every Bind failed. */
TEST(lifetime_04_notification_deleted_while_a_context_is_bound) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    const uint64_t n = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    CHECK_OK(rampart_sched_context_bind(sc, n));
    CHECK_OK(rampart_cnode_delete(ROOT, n, DEPTH));
    CHECK_EQ(rampart_debug_check(), 0);
    CHECK_OK(rampart_sched_context_bind(sc, make(env, RAMPART_OBJ_NOTIFICATION, 0)));
}

/* 8. SchedControl ConfigureFlags with extra_refills = ~0: extra_refills + 1
   wrapped to 0, passed the size check and made a ring of no refills that
   was then indexed past the object. A range error now. */
TEST(lifetime_08_extra_refills_do_not_wrap) {
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    CHECK_EQ(rampart_sched_control_configure(SCHED_CONTROL, sc, 500, 1000, ~0ull, 0),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(1), 10);
    CHECK_EQ(rampart_debug_check(), 0);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, sc, 500, 1000, 10, 0));
    CHECK_OK(rampart_sched_context_bind(sc, make(env, RAMPART_OBJ_TCB, 0)));
    CHECK_EQ(rampart_debug_check(), 0);
}

static volatile uint64_t spins;

static void spin_forever(uint64_t unused0, uint64_t unused1) {
    (void)unused0;
    (void)unused1;
    for (;;)
        spins += 1;
}

/* The virtual count in microseconds (EL0 may read it, CNTKCTL_EL1.EL0VCTEN). */
static uint64_t now_us(void) {
    uint64_t count, freq;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(count));
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    return count / (freq / 1000000);
}

/* 11. SetPriority on a thread that waits on the release queue for its next
   refill: it goes back to the release queue at its new priority. It was
   taken off the queue and never put back, so it never ran again. */
TEST(lifetime_11_set_priority_while_waiting_for_a_refill) {
    spins = 0;
    const uint64_t t = spawn(env, spin_forever, 0, 0, 255);
    /* a sporadic context: 1 ms every 10 ms */
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, t + 1, 1000, 10000, 0, 0));
    for (const uint64_t start = now_us(); now_us() - start < 3000;)
        rampart_yield(); /* it spends its millisecond and waits for the next */
    const uint64_t before = spins;
    CHECK(before != 0);
    CHECK_OK(rampart_tcb_set_priority(t, RAMPART_ROOT_TCB, 255));
    CHECK_EQ(rampart_debug_check(), 0);
    for (const uint64_t start = now_us(); spins == before && now_us() - start < 40000;)
        rampart_yield();
    CHECK(spins != before);
    CHECK_OK(rampart_tcb_suspend(t));
}

/* Counts in x20, then takes an undefined-instruction fault. */
static void count_then_fault(uint64_t unused0, uint64_t unused1) {
    (void)unused0;
    (void)unused1;
    __asm__ volatile("mov x20, #0\n\tadd x20, x20, #1\n\tudf #0" ::: "x20", "memory");
}

/* x20 of a stopped thread (registers in seL4_UserContext order). */
static uint64_t x20_of(struct env* env, uint64_t tcb) {
    uint64_t regs[RAMPART_UC_XREG(20) + 1] = {0};
    CHECK_OK(rampart_tcb_read_registers(tcb, 0, RAMPART_UC_XREG(20) + 1, regs));
    return regs[RAMPART_UC_XREG(20)];
}

/* 12. A thread blocked sending a fault when its handler endpoint is deleted
   stops (seL4: a thread with a fault is not restarted). It was restarted
   like a system call: one instruction before the faulting one, with its
   fault still set. */
TEST(lifetime_12_endpoint_deleted_while_a_fault_is_sent) {
    const uint64_t fep = make(env, RAMPART_OBJ_ENDPOINT, 0);
    const uint64_t t = spawn_with_handler(env, count_then_fault, 0, 0, 255, fep);
    rampart_yield(); /* it faults and waits to send the fault */
    CHECK_EQ(x20_of(env, t), 1);
    CHECK_OK(rampart_cnode_revoke(ROOT, fep, DEPTH));
    CHECK_OK(rampart_cnode_delete(ROOT, fep, DEPTH));
    CHECK_EQ(rampart_debug_check(), 0);
    yield_times(2);
    CHECK_EQ(x20_of(env, t), 1);
}

/* 12. The same through CancelBadgedSends on the handler's badge. */
TEST(lifetime_12_cancel_badged_sends_of_a_fault) {
    const uint64_t fep = make(env, RAMPART_OBJ_ENDPOINT, 0), badged = new_slot(env);
    CHECK_OK(rampart_cnode_mint(ROOT, badged, DEPTH, ROOT, fep, DEPTH, RAMPART_RIGHTS_ALL, 5));
    const uint64_t t = spawn_with_handler(env, count_then_fault, 0, 0, 255, badged);
    rampart_yield();
    CHECK_OK(rampart_cnode_cancel_badged_sends(ROOT, badged, DEPTH));
    CHECK_EQ(rampart_debug_check(), 0);
    yield_times(2);
    CHECK_EQ(x20_of(env, t), 1);
}

static uint64_t g_sc, g_tcb;
static volatile uint64_t rescued;

/* Binds g_sc to g_tcb once woken (it gives the root task its context back if
   an Unbind took it away). */
static void rescuer(uint64_t wake, uint64_t unused) {
    (void)unused;
    rampart_wait(wake);
    if (rampart_sched_context_bind(g_sc, g_tcb) == RAMPART_NO_ERROR)
        rescued = 1;
}

/* 13. Unbind (and UnbindObject) of the running thread's own context is
   refused, as in seL4. It was allowed: the thread stopped until someone
   else bound it a context (here a rescuer thread does). */
TEST(lifetime_13_unbind_of_the_running_threads_context) {
    rescued = 0;
    g_sc = RAMPART_ROOT_SC;
    g_tcb = RAMPART_ROOT_TCB;
    const uint64_t wake = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    spawn(env, rescuer, wake, 0, 255);
    rampart_yield(); /* it waits */
    rampart_signal(wake);
    const uint64_t err = rampart_sched_context_unbind(RAMPART_ROOT_SC);
    CHECK_EQ(err, RAMPART_ILLEGAL_OPERATION);
    if (err == RAMPART_ILLEGAL_OPERATION) /* else only the rescuer brought us back */
        CHECK_EQ(rampart_sched_context_unbind_object(RAMPART_ROOT_SC, RAMPART_ROOT_TCB),
                 RAMPART_ILLEGAL_OPERATION);
    yield_times(2);
    CHECK_EQ(rescued, 0);
}

static volatile uint64_t after_reply, check_after_reply;

/* A passive server that answers one call by a Send on the reply object,
   then checks the kernel and counts (it should not run by then). */
static void reply_by_send(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    rampart_send(reply, rampart_msginfo_new(0, 0, 0, 1), mr);
    check_after_reply = rampart_debug_check() + 1;
    after_reply = 1;
    rampart_recv(ep, &badge, reply, mr);
}

/* 13. A passive server's reply gives the caller's context back: the server
   has none left and does not run on (choose_and_switch let the current
   thread go on without looking at its context, charging the caller's). */
TEST(lifetime_13_a_thread_that_gave_its_context_away_stops) {
    after_reply = check_after_reply = returned = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    passive_server(env, reply_by_send, ep, reply);
    spawn(env, call_once, ep, 0, 255);
    yield_times(3);
    CHECK_EQ(returned, 1);
    CHECK_EQ(after_reply, 0);
    CHECK_EQ(check_after_reply, 0);
}

static volatile uint64_t got_length, got_word9;

static void receive_long(uint64_t ep, uint64_t done) {
    uint64_t mr[4] = {0}, badge = 0;
    const rampart_msginfo_t info = rampart_recv(ep, &badge, 0, mr);
    got_length = rampart_msginfo_length(info);
    got_word9 = rampart_ipc->msg[9];
    rampart_signal(done);
}

/* 2. A thread whose IPC buffer cap is read-only receives a long message: the
   kernel writes a receiver's buffer only through a writable frame cap (seL4's
   lookupIPCBuffer), so the message is cut to its register words. It wrote
   the words into the frame through the read-only cap. */
TEST(lifetime_02_ipc_buffer_needs_a_writable_frame) {
    got_length = got_word9 = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t t = spawn(env, receive_long, ep, done, 200);
    const uint64_t read_only = new_slot(env); /* spawn made its buffer right before its TCB */
    CHECK_OK(rampart_cnode_mint(ROOT, read_only, DEPTH, ROOT, t - 1, DEPTH, RAMPART_RIGHT_READ, 0));
    CHECK_OK(rampart_tcb_set_ipc_buffer(t, SCRATCH_VA, read_only));
    for (unsigned i = 4; i < 10; ++i)
        rampart_ipc->msg[i] = 100 + i;
    uint64_t mr[4] = {0, 1, 2, 3};
    rampart_send(ep, rampart_msginfo_new(0, 0, 0, 10), mr);
    rampart_wait(done);
    CHECK_EQ(got_length, 4);
    CHECK_EQ(got_word9, 0);
}

static volatile uint64_t counter_read, counter_written;

/* Reads the cycle counter, then tries to reset it. */
static void reset_cycle_counter(uint64_t unused0, uint64_t unused1) {
    (void)unused0;
    (void)unused1;
    uint64_t v;
    __asm__ volatile("isb\n\tmrs %0, pmccntr_el0" : "=r"(v));
    counter_read = v ? v : 1;
    __asm__ volatile("msr pmccntr_el0, xzr\n\tisb" ::: "memory");
    counter_written = 1;
}

/* 14. Debug kernels let user code read the cycle counter (benchmarks), but
   not write the PMU: a write traps and is the thread's fault. The kernel set
   PMUSERENR_EL0.EN, which also let any thread reset or stop the counters. */
TEST(lifetime_14_user_code_reads_but_does_not_write_the_pmu) {
    counter_read = counter_written = 0;
    const uint64_t fep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn_with_handler(env, reset_cycle_counter, 0, 0, 255, fep);
    uint64_t label = 0;
    for (int i = 0; i < 20 && !label && !counter_written; ++i) {
        rampart_yield();
        uint64_t mr[4] = {0}, badge = 0;
        label = rampart_msginfo_label(rampart_nbrecv(fep, &badge, reply, mr));
    }
    CHECK(counter_read != 0);
    CHECK_EQ(counter_written, 0);
    CHECK_EQ(label, RAMPART_FAULT_USER_EXCEPTION);
    CHECK_EQ(rampart_debug_check(), 0);
}

static volatile uint64_t client_check, client_spins;

/* Answers every call with one word, on the IPC fastpath. */
static void echo_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    for (;;)
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
}

/* Calls with five words (the slow path); then checks the kernel at once
   (a0's low bit) or computes for about 3 ms without entering the kernel. */
static void call_then_compute(uint64_t ep, uint64_t done) {
    uint64_t mr[4] = {1, 2, 3, 4};
    rampart_ipc->msg[4] = 5;
    rampart_call(ep, rampart_msginfo_new(0, 0, 0, 5), mr);
    if (client_check == 0) {
        client_check = rampart_debug_check() + 1;
    } else {
        for (uint64_t i = 0; i < 300000; ++i)
            client_spins = client_spins + 1;
    }
    rampart_signal(done);
}

/* A server with a context of its own (1 ms slices) and a client whose
   context has 5 ms slices; returns the server's TCB. */
static uint64_t server_and_client(struct env* env, uint64_t done) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    const uint64_t server = spawn(env, echo_server, ep, reply, 255);
    rampart_yield(); /* it waits in Recv */
    const uint64_t client = spawn(env, call_then_compute, ep, done, 255);
    CHECK_OK(rampart_sched_control_configure(SCHED_CONTROL, client + 1, 5000, 5000, 0, 0));
    return server;
}

/* 6. A slow-path Call to an active server, answered by a fastpath ReplyRecv:
   the client runs on its own context from the reply on. The fastpath
   switched threads but not the context charged: the client ran on the
   server's budget (the checker, asked by the client, saw it). */
TEST(lifetime_06_fastpath_reply_switches_the_charged_context) {
    client_check = 0;
    const uint64_t done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    server_and_client(env, done);
    rampart_wait(done);
    CHECK_EQ(client_check, 1);
}

/* 6. The same, and the client computes for 3 ms: that time is charged to the
   client's context and ends with its budget, not the server's. It was
   charged to the server's until the server's deadline. */
TEST(lifetime_06_fastpath_reply_charges_the_client) {
    client_check = 1;
    client_spins = 0;
    const uint64_t done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    const uint64_t server = server_and_client(env, done);
    uint64_t us = 0;
    CHECK_OK(rampart_sched_context_consumed(server + 1, &us)); /* from now on */
    rampart_wait(done);
    CHECK(client_spins == 300000);
    CHECK_OK(rampart_sched_context_consumed(server + 1, &us));
    CHECK(us < 300); /* the server's own work: far less than the client's 3 ms */
}

/* Answers every call with the invariant checker's verdict, asked as soon as
   the call arrives. */
static void checking_server(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    for (;;) {
        mr[0] = rampart_debug_check();
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
    }
}

/* 6. A fastpath Call to a server with a context of its own: the server runs
   on its context from the call on. The fastpath left the caller's context
   charged: the server ran on its caller's budget (its checker saw it). */
TEST(lifetime_06_fastpath_call_switches_to_the_servers_context) {
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0);
    spawn(env, checking_server, ep, reply, 255);
    rampart_yield(); /* it waits in Recv */
    for (int i = 0; i < 3; ++i) {
        uint64_t mr[4] = {1, 0, 0, 0};
        rampart_call(ep, rampart_msginfo_new(0, 0, 0, 1), mr);
        CHECK_EQ(mr[0], 0);
    }
}

/* Receives one call, then gives its turn away for ever (on whatever context
   it runs). */
static void receive_then_yield(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {0}, badge = 0;
    rampart_recv(ep, &badge, reply, mr);
    served += 1;
    for (;;)
        rampart_yield();
}

/* Replies through the reply object another server received with, then
   waits with it. */
static void reply_for_another(uint64_t ep, uint64_t reply) {
    uint64_t mr[4] = {7, 0, 0, 0}, badge = 0;
    for (;;)
        rampart_reply_recv(ep, rampart_msginfo_new(0, 0, 0, 1), &badge, reply, mr);
}

/* Fuzzer seed 3005 (docs/kernel-fuzz.md): a passive server A receives a
   call from B with reply object R, so runs on B's context; a server C with
   a context of its own ReplyRecvs with R. B's context comes back to B from
   A (seL4's reply_pop), C keeps its own, and B runs on its context. The
   fastpath took the lent context for the one C ran on and left C's charged
   (B's checker saw it). */
TEST(fuzz_3005_reply_through_a_shared_reply_object_switches_the_charged_context) {
    served = 0;
    client_check = 0;
    const uint64_t ep = make(env, RAMPART_OBJ_ENDPOINT, 0), reply = make(env, RAMPART_OBJ_REPLY, 0),
                   done = make(env, RAMPART_OBJ_NOTIFICATION, 0);
    passive_server(env, receive_then_yield, ep, reply);
    spawn(env, call_then_compute, ep, done, 255);
    yield_times(2); /* B calls; A receives on B's context and yields */
    CHECK_EQ(served, 1);
    spawn(env, reply_for_another, ep, reply, 255);
    rampart_wait(done); /* C replies to B through R, B checks and signals */
    CHECK_EQ(client_check, 1);
    CHECK_EQ(rampart_debug_check(), 0);
}
