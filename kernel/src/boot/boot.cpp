// From the loader's handoff to the first user instruction.
#include "boot/boot.hpp"

#include "arch/console.hpp"
#include "arch/irq_controller.hpp"
#include "arch/kernel_window.hpp"
#include "arch/machine.hpp"
#include "arch/object_hooks.hpp"
#include "arch/perf_counter.hpp"
#include "arch/vspace.hpp"
#include "boot/boot_memory.hpp"
#include "boot/root_task.hpp"
#include "boot/untypeds.hpp"
#include "config.hpp"
#include "irq/interrupt.hpp"
#include "kernel/mdb.hpp"
#include "log/print.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"

#include <platform/platform.hpp>
#include <rampart/boot_handoff.h>
#include <rampart/root_layout.hpp>

namespace {

rampart_boot_handoff handoff;

[[noreturn]] void boot_failed(const char* why) {
    rampart::log::print("rampart: boot failed: ", why, "\n");
    rampart::arch::machine_halt(254);
}

} // namespace

namespace rampart::boot {

arch::UserContext* start_kernel(uint64_t handoff_paddr) {
    arch::console_init();
    // The handoff lives in the loader's memory, which becomes free RAM: copy it first.
    handoff = *kernel::ptr_from_paddr<const rampart_boot_handoff>(handoff_paddr);
    if (handoff.magic != RAMPART_HANDOFF_MAGIC)
        boot_failed("no boot handoff from the loader");
    arch::kernel_window_init();
    log::print("Rampart kernel on ", platform::board_name, " (", arch::irq_controller_name(),
               ", entered at EL", handoff.entry_el, ")\n");
    arch::fpu_enable_for_user();
    if (config::user_pmu)
        arch::perf_counter_enable_for_user();
    irq::init();

    // Boot objects and untypeds: the plan the composer predicts (DESIGN contract 2).
    const unsigned cnode_bits = boot::root_cnode_bits(handoff);
    if (cnode_bits == 0)
        boot_failed("the image asks for a root CNode size out of range");
    const auto layout = root_layout::compute(
        handoff.segments,
        handoff.segment_count < RAMPART_MAX_ROOT_SEGMENTS ? handoff.segment_count
                                                          : RAMPART_MAX_ROOT_SEGMENTS,
        handoff.extra_bootinfo_size);
    const boot::Plan& plan = boot::plan_machine_memory(handoff, cnode_bits, layout.page_tables);
    if (plan.error != boot::PlanError::None)
        boot_failed("the boot memory plan failed (see docs/boot-memory.md)");
    uint8_t sizes[boot::max_boot_objects]; // the same list the plan was made from
    boot::root_boot_objects(cnode_bits, layout.page_tables, sizes);
    for (uint32_t i = 0; i < plan.boot_object_count; ++i)
        kernel::arch_clear_memory(kernel::Paddr{plan.boot_objects[i]}, uint64_t{1} << sizes[i]);
    using boot::BootObject;
    auto at = [&](BootObject o) { return plan.boot_objects[static_cast<uint32_t>(o)]; };
    const boot::BootObjects objects{
        at(BootObject::RootCNode),
        at(BootObject::VSpace),
        at(BootObject::Tcb),
        at(BootObject::SchedContext),
        at(BootObject::AsidPool),
        at(BootObject::BootInfoFrame),
        at(BootObject::IpcBufferFrame),
        &plan.boot_objects[static_cast<uint32_t>(BootObject::FirstPageTable)],
        layout.page_tables};
    kernel::mdb_reset();
    boot::RootTask root{};
    if (!boot::create_root_task(handoff, objects, plan.untyped_count, root))
        boot_failed("cannot build the root task");
    boot::provide_untypeds(plan, root);
    root.bootinfo->empty = {root.next_free_slot, uint64_t{1} << cnode_bits};
    sched::start(root.tcb, handoff.domains);
    return &root.tcb->context;
}

} // namespace rampart::boot
