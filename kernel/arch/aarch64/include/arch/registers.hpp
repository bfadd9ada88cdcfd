// System-register access. Each use names its register; the manual section is
// cited where the fields are interpreted.
#pragma once

#include <stdint.h>

#include "arch/barrier.hpp"

#define RAMPART_READ_SYSREG(name)                                                                  \
    ([] {                                                                                          \
        uint64_t v_;                                                                               \
        asm volatile("mrs %0, " #name : "=r"(v_));                                                 \
        return v_;                                                                                 \
    }())

#define RAMPART_WRITE_SYSREG(name, value)                                                          \
    do {                                                                                           \
        uint64_t v_ = (value);                                                                     \
        asm volatile("msr " #name ", %0" ::"r"(v_) : "memory");                                    \
    } while (0)

namespace rampart::arch {

// ESR_EL1 (Arm ARM D17.2.37): exception class in bits 31:26, syndrome below.
struct Esr {
    uint64_t raw;
    constexpr uint32_t ec() const { return static_cast<uint32_t>((raw >> 26) & 0x3f); }
    constexpr uint32_t iss() const { return static_cast<uint32_t>(raw & 0x1ffffff); }
};

// Exception classes the kernel distinguishes (Arm ARM D17.2.37, table D17-12).
enum class ExceptionClass : uint32_t {
    unknown = 0x00,
    wf_trap = 0x01,
    fp_access = 0x07,
    illegal_state = 0x0e,
    svc64 = 0x15,
    sysreg_trap = 0x18,
    instruction_abort_lower = 0x20,
    instruction_abort_same = 0x21,
    pc_alignment = 0x22,
    data_abort_lower = 0x24,
    data_abort_same = 0x25,
    sp_alignment = 0x26,
    fp_exception = 0x2c,
    serror = 0x2f,
    breakpoint_lower = 0x30,
    software_step_lower = 0x32,
    watchpoint_lower = 0x34,
    brk64 = 0x3c,
};

const char* exception_class_name(uint32_t ec);

} // namespace rampart::arch
