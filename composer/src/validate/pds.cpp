// Per-PD rules: at least one PD, scheduling parameters, stack, cpu, child ids,
// the restart policy, IRQ numbers, cspace entries and virtual machines.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include "diag/suggest.hpp"

namespace rampart::validate {
namespace {

using model::Field;

void check_priority(Context& c, const Field<std::uint64_t>& priority) {
    if (priority.value > model::kMaxPriority)
        c.error(priority.loc, "priority " + std::to_string(priority.value) +
                                  " is out of range (0 to " + std::to_string(model::kMaxPriority) +
                                  ")");
}

void check_budget(Context& c, diag::Loc element, const Field<std::uint64_t>& budget,
                  const Field<std::uint64_t>& period) {
    if (budget.value == 0) {
        c.error(Context::at(budget, element), "the budget must be greater than zero");
        return;
    }
    if (period.given() && budget.value > period.value)
        c.error(budget.given() ? budget.loc : period.loc,
                "budget (" + std::to_string(budget.value) + " us) is larger than the period (" +
                    std::to_string(period.value) + " us)");
}

void check_cpu(Context& c, const Field<std::uint64_t>& cpu) {
    if (cpu.value >= c.board.cores)
        c.error(cpu.loc, "cpu " + std::to_string(cpu.value) + " does not exist: board '" +
                             c.board.name + "' has " + std::to_string(c.board.cores) +
                             (c.board.cores == 1 ? " core" : " cores"));
}

void check_stack(Context& c, const model::ProtectionDomain& pd) {
    const auto& s = pd.stack_size;
    if (s.value < model::kMinStackSize || s.value > model::kMaxStackSize)
        c.error(s.loc, "stack_size " + hex(s.value) + " is out of range (" +
                           hex(model::kMinStackSize) + " to " + hex(model::kMaxStackSize) + ")");
    else if (s.value % model::kPageSize)
        c.error(s.loc, "stack_size " + hex(s.value) + " is not a multiple of the page size (" +
                           hex(model::kPageSize) + ")");
}

void check_restart(Context& c, const PdInfo& info) {
    const auto& pd = *info.pd;
    if (info.parent && pd.restart.given())
        c.error(pd.restart.loc, "a child protection domain has no restart policy: its parent "
                                "handles its faults");
    if (pd.restart_limit.given()) {
        if (pd.restart.value != model::RestartPolicy::Restart)
            c.error(pd.restart_limit.loc, "restart_limit needs restart=\"restart\"");
        else if (pd.restart_limit.value == 0)
            c.error(pd.restart_limit.loc, "restart_limit must be at least 1");
    }
}

// Why a PD may not claim the interrupt, or "" when it may. The kernel ticks
// on the EL1 virtual timer, as seL4 at EL1 does; the EL1 physical timer (its
// PPI, and CNTP's registers from EL0) is user level's, as in seL4 built with
// KernelArmExportPTMRUser. The EL2 timer is no use to a program at EL1 or EL0.
std::string reserved_irq(const board::Board& b, std::uint64_t irq) {
    if (irq == b.timer.irq_el1_virtual)
        return "belongs to the kernel (its timer, the EL1 virtual timer)";
    if (irq == b.timer.irq_el2_physical)
        return "is the EL2 physical timer, which no program at EL1 or EL0 can use";
    for (const auto& d : b.devices)
        if (d.kernel && d.irq && *d.irq == irq)
            return "belongs to the kernel (device '" + d.name + "')";
    return "";
}

void check_irqs(Context& c, const model::ProtectionDomain& pd,
                std::map<std::uint64_t, diag::Loc>& claimed) {
    for (const auto& irq : pd.irqs) {
        const std::uint64_t n = irq.irq.value;
        if (n < 16 || n > c.board.gic.max_irq) {
            c.error(irq.irq.loc, "irq " + std::to_string(n) + " is out of range for board '" +
                                     c.board.name + "' (16 to " +
                                     std::to_string(c.board.gic.max_irq) + ")");
            continue;
        }
        if (const std::string why = reserved_irq(c.board, n); !why.empty()) {
            c.error(irq.irq.loc, "irq " + std::to_string(n) + " " + why);
            continue;
        }
        auto [it, fresh] = claimed.emplace(n, irq.irq.loc);
        if (!fresh) {
            c.error(irq.irq.loc, "irq " + std::to_string(n) + " is already claimed");
            c.note(it->second, "irq " + std::to_string(n) + " is first claimed here");
        }
    }
}

void check_cspace(Context& c, const model::ProtectionDomain& pd) {
    std::map<std::uint64_t, diag::Loc> slots;
    for (const auto& cap : pd.cspace) {
        if (!c.pd(cap.pd.value))
            c.error(cap.pd.loc, "unknown protection domain '" + cap.pd.value + "'" +
                                    diag::did_you_mean(cap.pd.value, c.pd_names));
        if (cap.slot.value == 0 || cap.slot.value >= model::kUserCapSlots) {
            c.error(cap.slot.loc, "cspace slot " + std::to_string(cap.slot.value) +
                                      " is out of range (1 to " +
                                      std::to_string(model::kUserCapSlots - 1) +
                                      (cap.slot.value == 0 ? "; slot 0 is reserved)" : ")"));
            continue;
        }
        auto [it, fresh] = slots.emplace(cap.slot.value, cap.slot.loc);
        if (!fresh) {
            c.error(cap.slot.loc,
                    "cspace slot " + std::to_string(cap.slot.value) + " is already used");
            c.note(it->second, "slot " + std::to_string(cap.slot.value) + " is first used here");
        }
    }
}

// Child ids and vCPU ids both reach the parent's fault() as the id of what
// faulted, so no child may share an id with a vCPU of its parent's VM.
void check_child_ids(Context& c, const model::ProtectionDomain& pd) {
    std::map<std::uint64_t, diag::Loc> child_ids;
    for (const auto& child : pd.children) {
        const auto& id = child.id;
        if (!id.given())
            continue;
        if (id.value > model::kMaxId) {
            c.error(id.loc, "child id " + std::to_string(id.value) + " is out of range (0 to " +
                                std::to_string(model::kMaxId) + ")");
            continue;
        }
        auto [it, fresh] = child_ids.emplace(id.value, id.loc);
        if (!fresh) {
            c.error(id.loc, "duplicate child id " + std::to_string(id.value) + " in '" +
                                pd.name.value + "'");
            c.note(it->second, "child id " + std::to_string(id.value) + " is first used here");
            continue;
        }
        if (!pd.virtual_machine)
            continue;
        for (const auto& v : pd.virtual_machine->vcpus)
            if (v.id.given() && v.id.value == id.value) {
                c.error(id.loc, "child id " + std::to_string(id.value) + " of '" + pd.name.value +
                                    "' is also the id of a vcpu of its virtual "
                                    "machine: fault() could not tell them apart");
                c.note(v.id.loc, "vcpu " + std::to_string(v.id.value) + " is defined here");
                break;
            }
    }
}

void check_vm(Context& c, const model::VirtualMachine& vm) {
    check_priority(c, vm.priority);
    check_budget(c, vm.loc, vm.budget, vm.period);
    if (vm.vcpus.empty())
        c.error(vm.loc, "a virtual machine needs at least one vcpu");
    std::map<std::uint64_t, diag::Loc> ids;
    for (const auto& v : vm.vcpus) {
        check_cpu(c, v.cpu);
        if (v.id.value > model::kMaxId)
            c.error(v.id.loc, "vcpu id " + std::to_string(v.id.value) + " is out of range (0 to " +
                                  std::to_string(model::kMaxId) + ")");
        auto [it, fresh] = ids.emplace(v.id.value, v.id.loc);
        if (!fresh) {
            c.error(v.id.loc, "duplicate vcpu id " + std::to_string(v.id.value));
            c.note(it->second, "vcpu " + std::to_string(v.id.value) + " is first defined here");
        }
    }
}

} // namespace

void check_pds(Context& c) {
    if (c.out.pds.empty())
        c.error(c.sys.loc, "a system needs at least one protection domain");
    std::map<std::uint64_t, diag::Loc> claimed_irqs;
    for (const PdInfo& info : c.out.pds) {
        const auto& pd = *info.pd;
        check_priority(c, pd.priority);
        check_budget(c, pd.loc, pd.budget, pd.period);
        check_stack(c, pd);
        check_cpu(c, pd.cpu);
        check_restart(c, info);
        check_irqs(c, pd, claimed_irqs);
        check_cspace(c, pd);
        if (pd.virtual_machine)
            check_vm(c, *pd.virtual_machine);
        check_child_ids(c, pd);
    }
}

} // namespace rampart::validate
