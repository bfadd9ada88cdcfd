// Lazy FP/SIMD switching (see arch/fpu.hpp): one owner of the registers.
#pragma once

#include "arch/fpu.hpp"
#include "object/tcb.hpp"

namespace rampart::thread {

// The thread whose state is in the FP registers (or none).
extern kernel::Tcb* fpu_owner;

// On every switch to t: FP access is allowed iff t owns the registers.
// Inline: it is on every context switch.
inline void fpu_switch_to(const kernel::Tcb* t) {
    arch::fpu_access(t && t == fpu_owner);
}
// An FP access trap from t: its state moves into the registers.
void fpu_take(kernel::Tcb& t);
// t is going away: it no longer owns anything.
void fpu_forget(const kernel::Tcb& t);

} // namespace rampart::thread
