// A thread's user-level register state, saved on kernel entry (vectors.S)
// directly into the thread: SP_EL1 points at the end of this block while the
// thread runs at EL0, so the entry code pushes the registers into place.
//
// Generic code reaches the registers only through the accessors below (the
// system-call ABI of rampart/message.h, and the ABI register order of TCB
// Read/WriteRegisters); only arch code names x[...], pc, sp, spsr, tpidr.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <rampart/aarch64/user_context.h>
#include <rampart/faults.h>
#include <rampart/message.h>
#include <rampart/syscalls.h>

namespace rampart::arch {

struct UserContext {
    uint64_t x[31];   // x0..x30
    uint64_t sp;      // SP_EL0
    uint64_t pc;      // ELR_EL1
    uint64_t spsr;    // SPSR_EL1
    uint64_t tpidr;   // TPIDR_EL0 (user TLS base)
    uint64_t tpidrro; // TPIDRRO_EL0: user-readable, kernel-written

    // SPSR for a user thread: EL0t, AArch64, IRQs unmasked, FIQs masked (as seL4).
    static constexpr uint64_t spsr_el0 = RAMPART_UC_SPSR_USER;
    // What user space may set in SPSR: the condition flags N, Z, C, V.
    static constexpr uint64_t spsr_user_writable = RAMPART_UC_SPSR_WRITABLE;

    // --- The system-call ABI (rampart/message.h, rampart/syscalls.h) ---

    // x0: the capability a call names; on return, the sender's badge.
    uint64_t cptr() const { return x[0]; }
    void set_badge(uint64_t v) { x[0] = v; }
    // x1: the message info.
    uint64_t info() const { return x[1]; }
    void set_info(uint64_t v) { x[1] = v; }
    // x2..x5: message words 0..RAMPART_MSG_REGISTERS-1.
    uint64_t mr(unsigned i) const { return x[2 + i]; }
    void set_mr(unsigned i, uint64_t v) { x[2 + i] = v; }
    // x6: the reply object of Recv, ReplyRecv, NBRecv and NBSendRecv.
    uint64_t reply_cptr() const { return x[6]; }
    // x7: the system call number.
    uint64_t syscall_number() const { return x[7]; }
    // x8: the destination of NBSendRecv / NBSendWait.
    uint64_t send_dest_cptr() const { return x[8]; }
    // Debug calls: x0..x5 carry the words of DebugPutChar / DebugWrite /
    // DebugHalt (x0 the cap of DebugCapIdentify / DebugNameThread), x6
    // DebugWrite's length; DebugCheck and DebugCapIdentify answer in x0.
    uint64_t debug_word(unsigned i) const { return x[i]; }
    uint64_t debug_length() const { return x[6]; }
    void set_debug_result(uint64_t v) { x[0] = v; }

    // --- Where the thread is ---

    uint64_t ip() const { return pc; }
    uint64_t stack_pointer() const { return sp; }
    uint64_t flags() const { return spsr; }
    void set_tls_base(uint64_t v) { tpidr = v; }
    // TPIDRRO_EL0, which user code reads and only the kernel writes; loaded
    // when the thread is switched to (arch::load_read_only_thread_id).
    uint64_t read_only_thread_id() const { return tpidrro; }
    void set_read_only_thread_id(uint64_t v) { tpidrro = v; }
    // A fresh thread: runs from `entry` with `arg` as its first argument.
    void start(uint64_t entry, uint64_t arg) {
        pc = entry;
        spsr = spsr_el0;
        x[0] = arg;
    }
    // Makes the thread execute its system call again when it next runs: the
    // saved PC is just past the SVC, one 4-byte instruction (Arm ARM C6.2.365).
    void restart_syscall() { pc -= 4; }

    // --- TCB Read/Write/CopyRegisters (rampart/aarch64/user_context.h) ---

    static constexpr unsigned register_count = RAMPART_UC_WORDS;
    // The first frame_registers in this order are seL4's "frame registers",
    // the rest its "gp registers" (CopyRegisters moves them separately).
    static constexpr unsigned frame_registers = RAMPART_UC_FRAME_WORDS;
    uint64_t read_register(unsigned i) const { return *const_cast<UserContext*>(this)->word(i); }
    void write_register(unsigned i, uint64_t v) {
        if (i == RAMPART_UC_SPSR)
            v = (v & spsr_user_writable) | spsr_el0; // flags only: always EL0t
        *word(i) = v;
    }

    // --- Fault messages (rampart/faults.h) ---

    // Unknown system call: x0..x7, pc, sp, lr, spsr, the call number.
    void unknown_syscall_message(uint64_t (&w)[RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS]) const {
        for (unsigned i = 0; i < 8; ++i)
            w[i] = x[i];
        w[8] = pc;
        w[9] = sp;
        w[10] = x[30];
        w[11] = spsr;
        w[12] = x[7];
    }
    // The reply's words 0..11 go to these registers (read/write_register order).
    static constexpr unsigned unknown_syscall_reply_registers[] = {
        RAMPART_UC_X0,     RAMPART_UC_X0 + 1, RAMPART_UC_X0 + 2, RAMPART_UC_X0 + 3,
        RAMPART_UC_X0 + 4, RAMPART_UC_X0 + 5, RAMPART_UC_X0 + 6, RAMPART_UC_X0 + 7,
        RAMPART_UC_PC,     RAMPART_UC_SP,     RAMPART_UC_X30,    RAMPART_UC_SPSR};
    // A user exception's reply sets pc, sp and spsr (read/write_register 0..2).
    static constexpr unsigned user_exception_reply_registers = 3;

  private:
    // Register i of the ABI order; i < register_count.
    uint64_t* word(unsigned i) {
        if (i < RAMPART_UC_X16)
            return i == RAMPART_UC_PC ? &pc : i == RAMPART_UC_SP ? &sp
                 : i == RAMPART_UC_SPSR ? &spsr : &x[i - RAMPART_UC_X0];
        if (i < RAMPART_UC_X29)
            return &x[16 + (i - RAMPART_UC_X16)];
        if (i < RAMPART_UC_X9)
            return &x[29 + (i - RAMPART_UC_X29)];
        if (i < RAMPART_UC_X19)
            return &x[9 + (i - RAMPART_UC_X9)];
        if (i < RAMPART_UC_TPIDR_EL0)
            return &x[19 + (i - RAMPART_UC_X19)];
        return i == RAMPART_UC_TPIDR_EL0 ? &tpidr : &tpidrro;
    }
};

// Offsets used by vectors.S; pinned here so a layout change cannot go unnoticed.
inline constexpr size_t context_size = 288;
static_assert(sizeof(UserContext) == context_size);
static_assert(offsetof(UserContext, sp) == 248 && offsetof(UserContext, pc) == 256);
static_assert(offsetof(UserContext, spsr) == 264 && offsetof(UserContext, tpidr) == 272);
static_assert(offsetof(UserContext, tpidrro) == 280);

// Restores the context and returns to EL0 (vectors.S).
extern "C" [[noreturn]] void arch_restore_user_context(UserContext* ctx);

} // namespace rampart::arch
