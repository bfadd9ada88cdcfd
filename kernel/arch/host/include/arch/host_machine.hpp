// The host machine as the harness sees it: the hardware state the kernel
// programs (clock, deadline, interrupt lines, MMU and IPC-buffer registers,
// FP ownership), the ways into the kernel (arch/host/entry.cpp, the host's
// exception vectors), and the hooks the program linking the host kernel
// provides (halt and idle hand control back to it).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "arch/context.hpp"
#include "arch/fpu.hpp"

#include <platform/platform.hpp>

namespace rampart::arch::host {

// --- Hooks: defined by the program that links the host kernel ---

// The kernel halted the machine (DebugHalt, a failed boot). Must not return.
[[noreturn]] void on_halt(uint32_t status);
// The kernel has nothing to run and no interrupt is due: the harness may
// raise one (return true) or end the run (must not return then).
bool on_idle_forever();
// The kernel misused the machine (an address outside memory, an interrupt
// line that does not exist, ...): `what` says how. Must not return.
[[noreturn]] void on_machine_fault(const char* what);

// --- Power ---

// Puts the whole kernel state (every variable of the kernel and of the
// machine's devices) back as it was at program start and zeroes physical
// memory: the next boot starts from a fresh machine (arch/host/reset.cpp).
// The first reset must come before any kernel code runs (it takes the image).
void reset();
// Size of that state, for the harness to report.
size_t kernel_state_bytes();

// --- The hardware ---

struct Machine {
    uint64_t now;         // the counter, in ticks
    uint64_t deadline;    // the timer's compare value
    bool timer_armed;     // enabled and not yet acknowledged
    uint64_t active_root; // the table user code runs on (0: none)
    uint64_t active_asid;
    uint64_t thread_id; // the read-only thread-ID register (Rampart's runtime: the IPC buffer)
    bool fpu_allowed;    // user FP use does not trap
    FpuState fpu;        // the FP registers
    uint64_t tlb_flushes;
    uint64_t cleared_bytes; // zeroed by arch_clear_memory (Retype, reset, boot)
    uint64_t idles;
};
Machine& machine();

inline constexpr uint32_t lines = platform::max_irq + 1;

// Advances the counter; the timer line becomes pending at its deadline.
void advance(uint64_t ticks);
// A device raises `irq`; it is delivered when enabled and not active.
void raise_irq(uint32_t irq);
bool irq_enabled(uint32_t irq);
bool irq_pending(uint32_t irq);
// An interrupt can be taken now (pending, enabled, not active).
bool interrupt_due();
// What the kernel printed since the last call (kept short: the tail).
const char* console_text();
void console_clear();

// --- The ways into the kernel: each returns the context to run next ---

// The thread at ctx executes a system call instruction: its ip moves past
// it, then the kernel handles the call in the number register.
UserContext* syscall(UserContext* ctx);
// A user-level fault at the thread's ip.
enum class Fault { data_abort, instruction_abort, undefined_instruction };
UserContext* fault(UserContext* ctx, Fault kind, uint64_t address);
// The thread touched the FP registers while they trap.
UserContext* fpu_trap(UserContext* ctx);
// An interrupt while user code ran.
UserContext* interrupt(UserContext* ctx);

} // namespace rampart::arch::host
