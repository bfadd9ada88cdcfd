#include "thread/fpu.hpp"

#include "arch/fpu.hpp"

namespace rampart::thread {

kernel::Tcb* fpu_owner;

void fpu_take(kernel::Tcb& t) {
    if (fpu_owner != &t) {
        arch::fpu_access(true); // the kernel may touch the registers now
        if (fpu_owner)
            arch::arch_fpu_save(&fpu_owner->fpu);
        arch::arch_fpu_load(&t.fpu);
        fpu_owner = &t;
    }
    arch::fpu_access(true);
}

void fpu_forget(const kernel::Tcb& t) {
    if (fpu_owner == &t)
        fpu_owner = nullptr;
}

} // namespace rampart::thread
