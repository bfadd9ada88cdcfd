// Kernel entry from head.S: boot, then drop to the root task at EL0.
#include "arch/context.hpp"

#include "boot/boot.hpp"

extern "C" [[noreturn]] void kernel_main(uint64_t handoff_paddr) {
    rampart::arch::arch_restore_user_context(rampart::boot::start_kernel(handoff_paddr));
}
