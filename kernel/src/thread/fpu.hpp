// Lazy FP/SIMD switching (see arch/fpu.hpp): one owner of the registers.
#pragma once

#include "object/tcb.hpp"

namespace rampart::thread {

// On every switch to t: FP access is allowed iff t owns the registers.
void fpu_switch_to(const kernel::Tcb* t);
// An FP access trap from t: its state moves into the registers.
void fpu_take(kernel::Tcb& t);
// t is going away: it no longer owns anything.
void fpu_forget(const kernel::Tcb& t);

} // namespace rampart::thread
