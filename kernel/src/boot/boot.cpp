// kernel_main: from the loader's handoff to the first user instruction.
#include "arch/console.hpp"
#include "arch/context.hpp"
#include "arch/kernel_window.hpp"
#include "arch/irq_controller.hpp"
#include "arch/machine.hpp"
#include "arch/perf_counter.hpp"
#include "arch/vspace.hpp"
#include "boot/root_task.hpp"
#include "config.hpp"
#include "irq/interrupt.hpp"
#include "kernel/mdb.hpp"
#include "log/print.hpp"
#include "thread/current.hpp"

#include <platform/platform.hpp>
#include <rampart/boot_handoff.h>

namespace {

rampart_boot_handoff handoff;

[[noreturn]] void boot_failed(const char* why) {
    rampart::log::print("rampart: boot failed: ", why, "\n");
    rampart::arch::machine_halt(254);
}

uint64_t ram_floor(uint64_t addr) {
    for (const auto& r : rampart::platform::ram)
        if (addr > r.base && addr <= r.base + r.size)
            return r.base;
    return addr;
}

} // namespace

extern "C" [[noreturn]] void kernel_main(uint64_t handoff_paddr) {
    using namespace rampart;
    arch::console_init();
    // The handoff lives in the loader's memory, which becomes free RAM: copy it first.
    handoff = *kernel::ptr_from_paddr<const rampart_boot_handoff>(handoff_paddr);
    if (handoff.magic != RAMPART_HANDOFF_MAGIC)
        boot_failed("no boot handoff from the loader");
    arch::kernel_window_init();
    log::print("Rampart kernel on ", platform::board_name, " (", arch::irq_controller_name(),
               ", entered at EL", handoff.entry_el, ")\n");
    arch::fpu_enable_for_user();
    if (config::debug)
        arch::perf_counter_enable_for_user();
    irq::init();

    boot::BootAllocator alloc(ram_floor(handoff.root_image.base), handoff.root_image.base);
    kernel::mdb_reset();
    boot::RootTask root{};
    if (!boot::create_root_task(handoff, alloc, root))
        boot_failed("cannot build the root task");
    root.bootinfo->empty = {root.next_free_slot, 1u << boot::root_cnode_radix};
    thread::set_current(root.tcb);
    arch::vspace_activate(root.vspace_root, boot::root_asid);
    arch::arch_restore_user_context(&root.tcb->context);
}
