// The host architecture's user register state: a made-up machine with its
// own register file, deliberately laid out unlike any real one (no x[...],
// no pc/sp members, the system-call roles in other registers and another
// order, 21 registers instead of AArch64's 36), so that generic code that
// reaches a register other than through these accessors does not compile.
// Same interface as kernel/arch/aarch64/include/arch/context.hpp.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <rampart/faults.h>
#include <rampart/message.h>
#include <rampart/syscalls.h>

namespace rampart::arch {

class UserContext {
  public:
    // Registers r0..r15; the system-call ABI of the host machine:
    static constexpr unsigned debug_base = 0; // r0..r5: debug-call words
    static constexpr unsigned debug_length_reg = 6;
    static constexpr unsigned send_dest_reg = 7;
    static constexpr unsigned cptr_reg = 8; // the cap of the call; on return the badge
    static constexpr unsigned info_reg = 9;
    static constexpr unsigned mr_base = 10; // r10..r13: message words 0..3
    static constexpr unsigned reply_reg = 14;
    static constexpr unsigned number_reg = 15;
    static constexpr unsigned gprs = 16;
    static_assert(mr_base + RAMPART_MSG_REGISTERS <= reply_reg);

    // A system call instruction is 2 bytes long on the host machine.
    static constexpr uint64_t syscall_length = 2;
    // What user code may set in the flags register.
    static constexpr uint64_t flags_user_writable = 0xf;

    // --- The system-call ABI ---

    uint64_t cptr() const { return r_[cptr_reg]; }
    void set_badge(uint64_t v) { r_[cptr_reg] = v; }
    uint64_t info() const { return r_[info_reg]; }
    void set_info(uint64_t v) { r_[info_reg] = v; }
    uint64_t mr(unsigned i) const { return r_[mr_base + i]; }
    void set_mr(unsigned i, uint64_t v) { r_[mr_base + i] = v; }
    uint64_t reply_cptr() const { return r_[reply_reg]; }
    uint64_t syscall_number() const { return r_[number_reg]; }
    uint64_t send_dest_cptr() const { return r_[send_dest_reg]; }
    uint64_t debug_word(unsigned i) const { return r_[debug_base + i]; }
    uint64_t debug_length() const { return r_[debug_length_reg]; }
    void set_debug_result(uint64_t v) { r_[debug_base] = v; }

    // --- Where the thread is ---

    uint64_t ip() const { return ip_; }
    uint64_t stack_pointer() const { return sp_; }
    uint64_t flags() const { return flags_; }
    void set_tls_base(uint64_t v) { tls_ = v; }
    uint64_t read_only_thread_id() const { return tls_ro_; }
    void set_read_only_thread_id(uint64_t v) { tls_ro_ = v; }
    void start(uint64_t entry, uint64_t arg) {
        ip_ = entry;
        flags_ = 0;
        r_[0] = arg;
    }
    void restart_syscall() { ip_ -= syscall_length; }

    // --- TCB Read/Write/CopyRegisters: ip, sp, flags, r0..r15, tls, tls_ro ---

    static constexpr unsigned register_count = 3 + gprs + 2;
    // The "frame registers" (a call/return frame): ip, sp, flags, r0..r5; the
    // rest are the "gp registers".
    static constexpr unsigned frame_registers = 3 + 6;
    uint64_t read_register(unsigned i) const {
        if (i == 0)
            return ip_;
        if (i == 1)
            return sp_;
        if (i == 2)
            return flags_;
        if (i < 3 + gprs)
            return r_[i - 3];
        return i == 3 + gprs ? tls_ : tls_ro_;
    }
    void write_register(unsigned i, uint64_t v) {
        if (i == 0)
            ip_ = v;
        else if (i == 1)
            sp_ = v;
        else if (i == 2)
            flags_ = v & flags_user_writable;
        else if (i < 3 + gprs)
            r_[i - 3] = v;
        else if (i == 3 + gprs)
            tls_ = v;
        else
            tls_ro_ = v;
    }

    // --- Fault messages ---

    // Unknown system call: r0..r7, ip, sp, r13, flags, the call number.
    void unknown_syscall_message(uint64_t (&w)[RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS]) const {
        for (unsigned i = 0; i < 8; ++i)
            w[i] = r_[i];
        w[8] = ip_;
        w[9] = sp_;
        w[10] = r_[13];
        w[11] = flags_;
        w[12] = r_[number_reg];
    }
    static constexpr unsigned unknown_syscall_reply_registers[] = {3, 4,  5, 6, 7,  8,
                                                                   9, 10, 0, 1, 16, 2};
    static constexpr unsigned user_exception_reply_registers = 3;

    // --- The host machine's side (arch/host_machine.hpp) ---

    // What a user instruction does to the registers: the harness plays user code.
    void set_register(unsigned r, uint64_t v) { r_[r] = v; }
    uint64_t register_value(unsigned r) const { return r_[r]; }
    void set_ip(uint64_t v) { ip_ = v; }
    uint64_t tls_base() const { return tls_; }

  private:
    uint64_t flags_ = 0;
    uint64_t r_[gprs] = {};
    uint64_t tls_ = 0;
    uint64_t tls_ro_ = 0;
    uint64_t ip_ = 0;
    uint64_t sp_ = 0;
};

} // namespace rampart::arch
