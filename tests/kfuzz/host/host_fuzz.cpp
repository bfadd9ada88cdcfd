// The host back-end of the system-call fuzzer (see host_fuzz.hpp).
#include "host_fuzz.hpp"

#include <arch/host_machine.hpp>
#include <arch/kernel_window.hpp>
#include <arch/pte.hpp>
#include <arch/vspace_ops.hpp>
#include <rampart/aarch64/kernel_layout.h>
#include <rampart/boot_handoff.h>
#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/message.h>
#include <rampart/syscalls.h>

#include <sanitizer/common_interface_defs.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "boot/boot.hpp"
#include "check/kernel_check.hpp"
#include "kernel/phys.hpp"
#include "object/tcb.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"

extern "C" {
#include "../ops.h"
}

namespace rampart::kfuzz {
namespace {

using arch::UserContext;
namespace machine = arch::host;
using kernel::Cap;
using kernel::CapType;

constexpr uint64_t worker_priority = 100;
constexpr unsigned all_kinds = (1u << KF_CALL_SYSCALL) | (1u << KF_CALL_FAULT) |
                               (1u << KF_CALL_FPU) | (1u << KF_CALL_TICK) | (1u << KF_CALL_IRQ);

// ---- The run's state (the machine's hooks reach it) ----

struct TraceLine {
    uint64_t step;
    uint64_t thread;
    char text[240];
};
constexpr unsigned trace_lines = 48;

struct Run {
    kf_rng rng;
    kf_world world;
    Stats* stats;
    const Options* options;
    uint64_t step = 0;         // steps of the whole run
    uint64_t episode_step = 0; // steps of this episode
    uint64_t episode = 0;
    uint64_t seed = 0;
    bool from_bytes = false;
    UserContext* ctx = nullptr;
    uint64_t fuzz_cnode = 0; // paddr of the fuzz CNode's slots
    uint64_t workers[KF_WORKERS] = {};
    uint64_t root_tcb = 0; // paddr of the root task's TCB: the supervisor
    kf_setup setup{};
    uint64_t supervisions = 0;
    std::jmp_buf episode_end;
    bool in_episode = false;
    TraceLine trace[trace_lines];
    unsigned trace_next = 0;
    uint64_t fpu_stamp = 0;
};

Run* current_run;

void print_trace() {
    Run& r = *current_run;
    std::fprintf(stderr, "kfuzz: the last steps (thread = TCB paddr):\n");
    for (unsigned i = 0; i < trace_lines; ++i) {
        const TraceLine& l = r.trace[(r.trace_next + i) % trace_lines];
        if (l.text[0])
            std::fprintf(stderr, "  #%llu t%llx %s\n", static_cast<unsigned long long>(l.step),
                         static_cast<unsigned long long>(l.thread), l.text);
    }
    const char* console = machine::console_text();
    if (console[0])
        std::fprintf(stderr, "kfuzz: the kernel's console (its tail):\n%s\n", console);
}

void print_reproducer() {
    Run& r = *current_run;
    if (r.from_bytes) {
        std::fprintf(stderr, "kfuzz: input-driven episode, step %llu\n",
                     static_cast<unsigned long long>(r.step));
        return;
    }
    std::fprintf(
        stderr,
        "kfuzz: seed %llu, step %llu (episode %llu, its step %llu)\n"
        "kfuzz: reproduce: rampart-kfuzz --seed %llu --calls %llu --episode %llu "
        "--trace-from %llu\n",
        static_cast<unsigned long long>(r.seed), static_cast<unsigned long long>(r.step),
        static_cast<unsigned long long>(r.episode), static_cast<unsigned long long>(r.episode_step),
        static_cast<unsigned long long>(r.seed), static_cast<unsigned long long>(r.step + 1),
        static_cast<unsigned long long>(r.options->episode_calls),
        static_cast<unsigned long long>(r.step > 40 ? r.step - 40 : 0));
}

// A sanitizer's report ends the program: say where the run was first.
void on_sanitizer_death() {
    if (current_run) {
        print_reproducer();
        print_trace();
    }
}

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "kfuzz: FAILED: %s\n", what);
    on_sanitizer_death();
    std::abort();
}

// ---- The user's view of memory ----

// The kernel pointer behind a user address of the running thread, or null
// when a user access there faults. Device memory reads zero and drops writes.
void* user_address(uint64_t vaddr, bool write) {
    static uint8_t device_scratch[RAMPART_PAGE_SIZE];
    const machine::Machine& m = machine::machine();
    if (m.active_root == 0 || vaddr >= RAMPART_USER_TOP)
        return nullptr;
    const arch::Walk w = arch::walk_to_leaf(m.active_root, vaddr);
    if (!w.entry->valid() || w.entry->is_table(w.level))
        return nullptr;
    if (write && !w.entry->user_writable())
        return nullptr;
    const uint64_t pa = w.entry->paddr() + (vaddr & lib::mask(arch::level_shift(w.level)));
    if (pa < kernel::host::phys_base || pa - kernel::host::phys_base >= kernel::host::phys_size) {
        std::memset(device_scratch, 0, sizeof device_scratch);
        return device_scratch;
    }
    return kernel::ptr_from_paddr(pa);
}

rampart_ipc_buffer* user_ipc_buffer(bool write) {
    const uint64_t va = machine::machine().thread_id;
    if (va & (sizeof(rampart_ipc_buffer) - 1))
        return nullptr;
    return static_cast<rampart_ipc_buffer*>(user_address(va, write));
}

// ---- Entering the kernel ----

// The thread executes a system call instruction next: its ip is 4-aligned.
void align_to_syscall(UserContext* ctx) {
    ctx->set_ip((ctx->ip() | 3) + 1);
}

void write_registers(UserContext* ctx, const kf_call& c) {
    ctx->set_badge(c.cptr);
    ctx->set_info(c.info);
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
        ctx->set_mr(i, i < c.words ? c.mr[i] : 0);
    ctx->set_register(UserContext::reply_reg, c.reply);
    ctx->set_register(UserContext::send_dest_reg, c.dest);
    ctx->set_register(UserContext::number_reg, c.number);
    ctx->set_register(UserContext::debug_base, c.cptr); // DebugPutChar's character
}

// The call's words beyond the registers, its caps and its receive slot go
// to the IPC buffer, as user code writes them; false when that store faults.
bool write_buffer(const kf_call& c) {
    const bool needed =
        c.words > RAMPART_MSG_REGISTERS || rampart_msginfo_extra_caps(c.info) != 0 || c.set_receive;
    if (!needed)
        return true;
    rampart_ipc_buffer* buf = user_ipc_buffer(true);
    if (!buf)
        return false;
    for (unsigned i = RAMPART_MSG_REGISTERS; i < c.words; ++i)
        buf->msg[i] = c.mr[i];
    for (unsigned i = 0; i < 3; ++i)
        buf->caps_or_badges[i] = c.caps[i];
    if (c.set_receive) {
        buf->receive_cnode = c.recv_cnode;
        buf->receive_index = c.recv_index;
        buf->receive_depth = c.recv_depth;
    }
    return true;
}

// An invocation by the root task during setup (kf_invoke_fn).
uint64_t root_invoke(void*, uint64_t cptr, uint64_t label, unsigned nwords, const uint64_t* words,
                     unsigned ncaps, const uint64_t* caps, uint64_t* out) {
    Run& r = *current_run;
    kf_call c{};
    c.kind = KF_CALL_SYSCALL;
    c.number = static_cast<uint64_t>(int64_t{RAMPART_SYS_CALL});
    c.cptr = cptr;
    c.info = rampart_msginfo_new(label, 0, ncaps, nwords);
    c.words = static_cast<uint8_t>(nwords < KF_MAX_WORDS ? nwords : KF_MAX_WORDS);
    for (unsigned i = 0; i < c.words; ++i)
        c.mr[i] = words[i];
    for (unsigned i = 0; i < ncaps && i < 3; ++i)
        c.caps[i] = caps[i];
    align_to_syscall(r.ctx);
    write_registers(r.ctx, c);
    if (!write_buffer(c))
        fail("setup: the root task's IPC buffer is not mapped");
    UserContext* const root = r.ctx;
    r.ctx = machine::syscall(r.ctx);
    if (r.ctx != root)
        fail("setup: the kernel switched away from the root task");
    if (out)
        for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
            out[i] = r.ctx->mr(i);
    return rampart_msginfo_label(r.ctx->info());
}

// The root task's own priority: set on itself, so the kernel may switch away.
void set_root_priority(Run& r, uint64_t priority) {
    align_to_syscall(r.ctx);
    kf_call c{};
    c.number = static_cast<uint64_t>(int64_t{RAMPART_SYS_CALL});
    c.cptr = RAMPART_ROOT_TCB;
    c.info = rampart_msginfo_new(RAMPART_TCB_SET_PRIORITY, 0, 1, 1);
    c.words = 1;
    c.mr[0] = priority;
    c.caps[0] = RAMPART_ROOT_TCB;
    write_registers(r.ctx, c);
    if (!write_buffer(c))
        fail("the root task's IPC buffer is not mapped");
    r.ctx = machine::syscall(r.ctx);
}

// Each worker starts just after a system call (ip 2): its next step is a fresh call.
void revive_workers(Run& r) {
    const uint64_t ip = 2;
    for (unsigned i = 0; i < KF_WORKERS; ++i)
        kf_revive_worker(&r.setup, i, &ip, 1);
}

// Nothing but the root task can run: it puts the workers back on their feet.
void supervise(Run& r) {
    ++r.supervisions;
    set_root_priority(r, 255);
    if (thread::current() == nullptr || kernel::phys_of(thread::current()).value != r.root_tcb)
        fail("the root task lost the processor while it supervised");
    revive_workers(r);
    // Each worker can run again: without a domain schedule only domain 0 does.
    for (unsigned i = 0; i < KF_WORKERS; ++i)
        if (kernel::phys_ptr<const kernel::Tcb>(kernel::Paddr{r.workers[i]})->domain != 0)
            fail("the supervisor left a worker outside domain 0");
    set_root_priority(r, 1);
}

// ---- The truth about the fuzz CNode ----

unsigned kind_of(const Cap& cap, unsigned& bits) {
    bits = 0;
    switch (cap.type()) {
    case CapType::Null:
        return KF_EMPTY;
    case CapType::Untyped:
        bits = cap.untyped_size().bits;
        return KF_UNTYPED;
    case CapType::Endpoint:
        return KF_ENDPOINT;
    case CapType::Notification:
        return KF_NOTIFICATION;
    case CapType::Reply:
        return KF_REPLY;
    case CapType::CNode:
        bits = cap.cnode_radix();
        return KF_CNODE;
    case CapType::Tcb:
        return KF_TCB;
    case CapType::SchedContext:
        return KF_SCHED_CONTEXT;
    case CapType::SchedControl:
        return KF_SCHED_CONTROL;
    case CapType::IrqControl:
        return KF_IRQ_CONTROL;
    case CapType::IrqHandler:
        return KF_IRQ_HANDLER;
    case CapType::Domain:
        return KF_DOMAIN;
    case CapType::AsidControl:
        return KF_ASID_CONTROL;
    case CapType::AsidPool:
        return KF_ASID_POOL;
    case CapType::Frame:
        bits = kernel::frame_size_bits(cap.frame_size());
        return KF_FRAME;
    case CapType::PageTable:
        return KF_PAGE_TABLE;
    case CapType::VSpace:
        return KF_VSPACE;
    default:
        return KF_UNKNOWN;
    }
}

void refresh_world(Run& r) {
    const auto* slots = kernel::phys_ptr<const kernel::Slot>(kernel::Paddr{r.fuzz_cnode});
    for (unsigned i = 0; i < KF_SLOTS; ++i) {
        unsigned bits = 0;
        r.world.slot[i].kind = static_cast<uint8_t>(kind_of(slots[i].cap, bits));
        r.world.slot[i].bits = static_cast<uint8_t>(bits);
    }
}

// ---- Booting and setting the world up ----

constexpr uint64_t kernel_base = kernel::host::phys_base;
constexpr uint64_t kernel_size = uint64_t{1} << 20;
constexpr uint64_t image_base = kernel_base + kernel_size;
constexpr uint64_t image_vaddr = 0x20'0000;
constexpr uint64_t image_size = 4 * RAMPART_PAGE_SIZE;
constexpr uint64_t handoff_at = kernel_base + kernel_size - RAMPART_PAGE_SIZE;

// What the loader does on the real machine: a handoff for a root task of
// two code pages and two data pages.
UserContext* boot_machine() {
    machine::reset();
    auto* h = kernel::ptr_from_paddr<rampart_boot_handoff>(handoff_at);
    *h = rampart_boot_handoff{};
    h->magic = RAMPART_HANDOFF_MAGIC;
    h->entry_el = 1;
    h->kernel = {kernel_base, kernel_base + kernel_size};
    h->root_image = {image_base, image_base + image_size};
    h->root_entry = image_vaddr;
    h->root_cnode_bits = RAMPART_ROOT_CNODE_DEFAULT_BITS;
    h->segment_count = 2;
    h->segments[0] = {image_vaddr, image_base, 2 * RAMPART_PAGE_SIZE,
                      RAMPART_SEG_R | RAMPART_SEG_X};
    h->segments[1] = {image_vaddr + 2 * RAMPART_PAGE_SIZE, image_base + 2 * RAMPART_PAGE_SIZE,
                      2 * RAMPART_PAGE_SIZE, RAMPART_SEG_R | RAMPART_SEG_W};
    return boot::start_kernel(handoff_at);
}

void start_episode(Run& r) {
    ++r.episode;
    ++r.stats->episodes;
    r.episode_step = 0;
    r.ctx = boot_machine();
    const auto* bi = static_cast<const rampart_bootinfo*>(
        user_address(r.ctx->register_value(0), false)); // the boot-info address in r0
    if (!bi || bi->node_count != 1 || bi->root_cnode_bits != RAMPART_ROOT_CNODE_DEFAULT_BITS ||
        bi->sched_control.end != bi->sched_control.start + 1)
        fail("boot: the root task's boot info is not where r0 says");
    // The root task's own view of it: a copy, the page is the kernel's to change.
    static rampart_bootinfo info;
    info = *bi;
    kf_setup& s = r.setup;
    s = kf_setup{};
    s.invoke = root_invoke;
    s.bootinfo = &info;
    s.worker_priority = worker_priority;
    s.image_vaddr = image_vaddr;
    s.state_pages = 2;
    if (kf_setup_world(&s) != 0) {
        std::fprintf(stderr, "kfuzz: setup failed: %s\n", s.failed);
        fail("setup failed");
    }
    revive_workers(r);
    const kernel::Tcb* root = thread::current();
    r.root_tcb = kernel::phys_of(root).value;
    const auto* root_slots = kernel::phys_ptr<const kernel::Slot>(root->slots[0].cap.paddr());
    r.fuzz_cnode = root_slots[s.root_cnode_slot].cap.paddr().value;
    for (unsigned i = 0; i < KF_WORKERS; ++i)
        r.workers[i] = root_slots[s.tcb[i]].cap.paddr().value;
    // The root task steps back: the workers run from now on, the root task
    // when nothing else can (supervise()).
    set_root_priority(r, 1);
    kf_world_init(&r.world, machine::lines, platform::timer_irq, UserContext::register_count);
    machine::console_clear();
    r.in_episode = true;
}

// ---- One step ----

uint64_t thread_id() {
    const kernel::Tcb* t = thread::current();
    return t ? kernel::phys_of(t).value : 0;
}

void record(Run& r, const char* text) {
    TraceLine& l = r.trace[r.trace_next];
    r.trace_next = (r.trace_next + 1) % trace_lines;
    l.step = r.step;
    l.thread = thread_id();
    std::snprintf(l.text, sizeof l.text, "%s", text);
    if (r.step >= r.options->trace_from)
        std::fprintf(stderr, "  #%llu t%llx %s\n", static_cast<unsigned long long>(l.step),
                     static_cast<unsigned long long>(l.thread), l.text);
}

void syscall_step(Run& r, const kf_call& c) {
    UserContext* ctx = r.ctx;
    ++r.stats->syscalls;
    if ((ctx->ip() & 3) == 0) {
        // The kernel set the thread back to its system call: it makes it again.
        char text[64];
        std::snprintf(text, sizeof text, "again: sys %llu",
                      static_cast<unsigned long long>(ctx->syscall_number()));
        record(r, text);
        r.ctx = machine::syscall(ctx);
        return;
    }
    char text[sizeof(TraceLine::text)];
    kf_describe(&c, text, sizeof text);
    record(r, text);
    align_to_syscall(ctx);
    write_registers(ctx, c);
    if (!write_buffer(c)) {
        ++r.stats->faults;
        r.ctx = machine::fault(ctx, machine::Fault::data_abort, machine::machine().thread_id);
        return;
    }
    r.ctx = machine::syscall(ctx);
    if (r.ctx == ctx && c.op < 80) {
        ++r.stats->op_total[c.op];
        if (static_cast<int64_t>(c.number) == RAMPART_SYS_CALL &&
            rampart_msginfo_label(ctx->info()) == RAMPART_NO_ERROR)
            ++r.stats->op_ok[c.op];
    }
}

// The thread uses its FP registers: they must hold what it left there.
void fpu_step(Run& r) {
    record(r, "fpu");
    machine::Machine& m = machine::machine();
    if (!m.fpu_allowed) {
        r.ctx = machine::fpu_trap(r.ctx);
        if (!m.fpu_allowed || thread::fpu_owner != thread::current())
            fail("an FP trap did not give the thread its FP registers");
    }
    const uint64_t me = thread_id();
    if (m.fpu.v[0] != 0 && (m.fpu.v[0] >> 20) != me >> 11)
        fail("a thread found another thread's values in its FP registers");
    m.fpu.v[0] = ((me >> 11) << 20) | (++r.fpu_stamp & 0xfffff);
}

void step(Run& r) {
    machine::advance(kf_below(&r.rng, 2000)); // user code takes time
    if (machine::interrupt_due()) {
        record(r, "interrupt");
        ++r.stats->interrupts;
        r.ctx = machine::interrupt(r.ctx);
        return;
    }
    if (thread_id() == r.root_tcb) {
        record(r, "supervisor: revive the workers");
        supervise(r);
        return;
    }
    refresh_world(r);
    kf_call c;
    kf_generate(&r.rng, &r.world, all_kinds, &c);
    char text[sizeof(TraceLine::text)];
    switch (c.kind) {
    case KF_CALL_SYSCALL:
        syscall_step(r, c);
        break;
    case KF_CALL_FAULT:
        kf_describe(&c, text, sizeof text);
        record(r, text);
        ++r.stats->faults;
        r.ctx = machine::fault(r.ctx, static_cast<machine::Fault>(c.number % 3), c.arg);
        break;
    case KF_CALL_FPU:
        fpu_step(r);
        break;
    case KF_CALL_TICK:
    case KF_CALL_IRQ:
        kf_describe(&c, text, sizeof text);
        record(r, text);
        if (c.kind == KF_CALL_TICK)
            machine::advance(c.arg);
        else
            machine::raise_irq(static_cast<uint32_t>(c.arg));
        if (machine::interrupt_due()) {
            ++r.stats->interrupts;
            r.ctx = machine::interrupt(r.ctx);
        }
        break;
    default:
        break;
    }
}

// After every step: the whole invariant checker, and what only the machine sees.
void check(Run& r) {
    ++r.stats->checks;
    const kernel::InvariantReport report =
        check::check_kernel(0x9e3779b97f4a7c15ull * (r.step + 1), nullptr);
    if (!report.ok) {
        for (const char* t : r.options->tolerate) {
            if (t && std::strstr(report.what, t)) {
                ++r.stats->tolerated;
                if (!r.options->quiet)
                    std::fprintf(stderr, "kfuzz: tolerated at step %llu: %s\n",
                                 static_cast<unsigned long long>(r.step), report.what);
                std::longjmp(r.episode_end, 1);
            }
        }
        static char what[256];
        std::snprintf(what, sizeof what, "kernel invariant violated: %s (at %p, %p)", report.what,
                      report.where, report.other);
        fail(what);
    }
    const kernel::Tcb* cur = thread::current();
    if (!cur || r.ctx != &cur->context)
        fail("the kernel resumed a context that is not the current thread's");
    const machine::Machine& m = machine::machine();
    if (m.thread_id != cur->context.read_only_thread_id())
        fail("the read-only thread-ID register is not the current thread's");
    if (m.fpu_allowed != (thread::fpu_owner == cur))
        fail("FP access is allowed for a thread that does not own the FP registers (or not for "
             "the one that does)");
}

void run_episodes(Run& r, uint64_t steps) {
    while (r.step < steps && !(r.from_bytes && r.rng.exhausted)) {
        if (setjmp(r.episode_end) != 0) {
            r.in_episode = false;
            if (r.from_bytes)
                return;
            continue; // the machine stopped: a fresh one
        }
        if (!r.in_episode || r.episode_step >= r.options->episode_calls)
            start_episode(r);
        step(r);
        check(r);
        ++r.step;
        ++r.episode_step;
        ++r.stats->steps;
    }
}

} // namespace

void run_seeded(const Options& options, Stats& stats) {
    static Run r;
    r = Run{};
    r.stats = &stats;
    r.options = &options;
    r.seed = options.seed;
    kf_seed(&r.rng, options.seed);
    current_run = &r;
    __sanitizer_set_death_callback(on_sanitizer_death);
    run_episodes(r, options.calls);
    r.in_episode = false;
}

void run_bytes(const uint8_t* data, uint64_t size, Stats& stats) {
    static Run r;
    static Options options;
    options.episode_calls = ~uint64_t{0};
    r = Run{};
    r.stats = &stats;
    r.options = &options;
    r.from_bytes = true;
    kf_seed_bytes(&r.rng, data, size);
    current_run = &r;
    __sanitizer_set_death_callback(on_sanitizer_death);
    run_episodes(r, ~uint64_t{0});
    r.in_episode = false;
}

void print_stats(const Stats& s) {
    std::printf(
        "kfuzz: %llu steps in %llu episodes: %llu system calls, %llu faults, %llu "
        "interrupts, %llu checks; %llu episodes ended idle, %llu halted, %llu on a tolerated "
        "violation\n",
        static_cast<unsigned long long>(s.steps), static_cast<unsigned long long>(s.episodes),
        static_cast<unsigned long long>(s.syscalls), static_cast<unsigned long long>(s.faults),
        static_cast<unsigned long long>(s.interrupts), static_cast<unsigned long long>(s.checks),
        static_cast<unsigned long long>(s.idle_ends), static_cast<unsigned long long>(s.halts),
        static_cast<unsigned long long>(s.tolerated));
    for (unsigned op = 0; op < KF_OP_COUNT; ++op)
        if (s.op_total[op])
            std::printf("  %-18s %8llu  ok %5.1f%%\n", kf_op_name(op),
                        static_cast<unsigned long long>(s.op_total[op]),
                        100.0 * static_cast<double>(s.op_ok[op]) /
                            static_cast<double>(s.op_total[op]));
}

} // namespace rampart::kfuzz

// ---- The machine's hooks ----

namespace rampart::arch::host {

void on_halt(uint32_t status) {
    kfuzz::Run* r = kfuzz::current_run;
    if (!r || !r->in_episode) {
        std::fprintf(stderr, "kfuzz: the kernel halted the machine (status %u) outside a run\n",
                     status);
        kfuzz::fail("halted outside a run");
    }
    ++r->stats->halts;
    std::longjmp(r->episode_end, 1);
}

void on_machine_fault(const char* what) {
    static char text[256];
    std::snprintf(text, sizeof text, "host machine: %s", what);
    __sanitizer_print_stack_trace();
    kfuzz::fail(text);
}

bool on_idle_forever() {
    kfuzz::Run* r = kfuzz::current_run;
    if (!r || !r->in_episode)
        kfuzz::fail("the kernel idles forever outside a run");
    // A device may still speak: a line someone handles, now and then.
    for (uint32_t tries = 0; tries < 4; ++tries) {
        const uint32_t line = 32 + static_cast<uint32_t>(kf_below(&r->rng, 16));
        if (irq_enabled(line) && kf_chance(&r->rng, 50)) {
            raise_irq(line);
            return true;
        }
    }
    ++r->stats->idle_ends;
    std::longjmp(r->episode_end, 1);
}

} // namespace rampart::arch::host
