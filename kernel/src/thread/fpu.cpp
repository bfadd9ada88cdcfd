#include "thread/fpu.hpp"

#include "arch/fpu.hpp"

namespace rampart::thread {
namespace {

kernel::Tcb* owner;

} // namespace

void fpu_switch_to(const kernel::Tcb* t) {
    arch::fpu_access(t && t == owner);
}

void fpu_take(kernel::Tcb& t) {
    if (owner != &t) {
        arch::fpu_access(true); // the kernel may touch the registers now
        if (owner)
            arch::arch_fpu_save(&owner->fpu);
        arch::arch_fpu_load(&t.fpu);
        owner = &t;
    }
    arch::fpu_access(true);
}

void fpu_forget(const kernel::Tcb& t) {
    if (owner == &t)
        owner = nullptr;
}

} // namespace rampart::thread
