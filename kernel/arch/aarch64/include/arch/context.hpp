// A thread's user-level register state, saved on kernel entry (vectors.S)
// directly into the thread: SP_EL1 points at the end of this block while the
// thread runs at EL0, so the entry code pushes the registers into place.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace rampart::arch {

struct UserContext {
    uint64_t x[31];   // x0..x30
    uint64_t sp;      // SP_EL0
    uint64_t pc;      // ELR_EL1
    uint64_t spsr;    // SPSR_EL1
    uint64_t tpidr;   // TPIDR_EL0 (user TLS base)
    uint64_t padding; // keeps the block a multiple of 16 bytes

    // SPSR for a fresh user thread: EL0t, AArch64, interrupts unmasked.
    static constexpr uint64_t spsr_el0 = 0;
    // Makes the thread execute its system call again when it next runs: the
    // saved PC is just past the SVC, one 4-byte instruction (Arm ARM C6.2.365).
    void restart_syscall() { pc -= 4; }

    // What user space may set in SPSR: the condition flags N, Z, C, V.
    static constexpr uint64_t spsr_user_writable = 0xf0000000;
};

// Offsets used by vectors.S; pinned here so a layout change cannot go unnoticed.
inline constexpr size_t context_size = 288;
static_assert(sizeof(UserContext) == context_size);
static_assert(offsetof(UserContext, sp) == 248 && offsetof(UserContext, pc) == 256);
static_assert(offsetof(UserContext, spsr) == 264 && offsetof(UserContext, tpidr) == 272);

// Restores the context and returns to EL0 (vectors.S).
extern "C" [[noreturn]] void arch_restore_user_context(UserContext* ctx);

} // namespace rampart::arch
